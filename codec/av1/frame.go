package av1

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The frame types of AV1 6.8.2 (frame_type).
const (
	KeyFrame       = 0
	InterFrame     = 1
	IntraOnlyFrame = 2
	SwitchFrame    = 3
)

// primaryRefNone is PRIMARY_REF_NONE (AV1 3).
const primaryRefNone = 7

// FrameHeader is the start of an uncompressed frame header (AV1 5.9.2), as
// far as the frame's size: the fields up to render_size() of an intra
// frame, with the specification's names. The derived sizes are those of
// 5.9.5 to 5.9.8.
type FrameHeader struct {
	ShowExistingFrame       bool
	FrameToShowMapIdx       uint8
	FrameType               uint8
	ShowFrame               bool
	ShowableFrame           bool
	ErrorResilientMode      bool
	DisableCdfUpdate        bool
	AllowScreenContentTools bool
	ForceIntegerMv          bool
	CurrentFrameID          uint32
	FrameSizeOverrideFlag   bool
	OrderHint               uint32
	PrimaryRefFrame         uint8
	RefreshFrameFlags       uint8

	// SizeKnown is set when the header was read through render_size(),
	// which it is for intra frames (KEY_FRAME, INTRA_ONLY_FRAME); an inter
	// frame may take its size from a reference frame and is read only as
	// far as refresh_frame_flags.
	SizeKnown                   bool
	FrameWidthMinus1            uint32
	FrameHeightMinus1           uint32
	UseSuperres                 bool
	CodedDenom                  uint8
	RenderAndFrameSizeDifferent bool
	RenderWidthMinus1           uint16
	RenderHeightMinus1          uint16

	// UpscaledWidth and FrameHeight are the size of the decoded picture
	// (FrameWidth, before super-resolution upscaling, is narrower);
	// RenderWidth and RenderHeight the size it is meant to be shown at.
	UpscaledWidth, FrameWidth, FrameHeight int
	RenderWidth, RenderHeight              int
}

func frameErr(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("av1", "frame header", 0, kind, detail, args...)
}

// ParseFrameHeader parses the start of a frame header OBU's payload, or of
// a frame OBU's (whose frame_header_obu() comes first), for the sequence
// seq; hdr is the OBU's header, whose temporal and spatial ids select the
// buffer_removal_time fields that are present.
//
// It reads what dav1d's parse_frame_hdr reads before the frame size: for a
// show_existing_frame header only frame_to_show_map_idx, for an inter frame
// up to refresh_frame_flags (SizeKnown is clear), for an intra frame through
// render_size(). Errors wrap container.ErrTruncated when the payload ends
// first, and container.ErrMalformed for an intra-only frame that refreshes
// every reference (6.8.2 forbids it).
func ParseFrameHeader(seq *SequenceHeader, hdr OBUHeader, b []byte) (*FrameHeader, error) {
	r := bits.NewReader(b)
	f := &FrameHeader{}
	truncated := func() (*FrameHeader, error) {
		return f, frameErr(container.ErrTruncated, "%d bytes", len(b))
	}
	frameIDBits := 0
	if seq.FrameIDNumbersPresentFlag {
		frameIDBits = int(seq.AdditionalFrameIDLengthMinus1) + int(seq.DeltaFrameIDLengthMinus2) + 3
	}
	presentationDelay := seq.DecoderModelInfoPresentFlag && !seq.TimingInfo.EqualPictureInterval
	if seq.ReducedStillPictureHeader {
		f.FrameType = KeyFrame
		f.ShowFrame = true
	} else {
		f.ShowExistingFrame = r.Flag()
		if f.ShowExistingFrame {
			f.FrameToShowMapIdx = uint8(r.Bits(3))
			if r.Err() != nil {
				return truncated()
			}
			return f, nil
		}
		f.FrameType = uint8(r.Bits(2))
		f.ShowFrame = r.Flag()
		if f.ShowFrame && presentationDelay {
			r.Skip(int(seq.DecoderModelInfo.FramePresentationTimeLengthMinus1) + 1) // frame_presentation_time
		}
		if f.ShowFrame {
			f.ShowableFrame = f.FrameType != KeyFrame
		} else {
			f.ShowableFrame = r.Flag()
		}
		if f.FrameType == SwitchFrame || f.FrameType == KeyFrame && f.ShowFrame {
			f.ErrorResilientMode = true
		} else {
			f.ErrorResilientMode = r.Flag()
		}
	}
	intra := f.FrameType == KeyFrame || f.FrameType == IntraOnlyFrame
	f.DisableCdfUpdate = r.Flag()
	if seq.SeqForceScreenContentTools == SelectScreenContentTools {
		f.AllowScreenContentTools = r.Flag()
	} else {
		f.AllowScreenContentTools = seq.SeqForceScreenContentTools == 1
	}
	if f.AllowScreenContentTools {
		if seq.SeqForceIntegerMv == SelectIntegerMV {
			f.ForceIntegerMv = r.Flag()
		} else {
			f.ForceIntegerMv = seq.SeqForceIntegerMv == 1
		}
	}
	if intra {
		f.ForceIntegerMv = true
	}
	if seq.FrameIDNumbersPresentFlag {
		f.CurrentFrameID = uint32(r.Bits(frameIDBits))
	}
	switch {
	case f.FrameType == SwitchFrame:
		f.FrameSizeOverrideFlag = true
	case seq.ReducedStillPictureHeader:
	default:
		f.FrameSizeOverrideFlag = r.Flag()
	}
	orderHintBits := 0
	if seq.EnableOrderHint {
		orderHintBits = int(seq.OrderHintBitsMinus1) + 1
	}
	f.OrderHint = uint32(r.Bits(orderHintBits))
	if intra || f.ErrorResilientMode {
		f.PrimaryRefFrame = primaryRefNone
	} else {
		f.PrimaryRefFrame = uint8(r.Bits(3))
	}
	if seq.DecoderModelInfoPresentFlag {
		if r.Flag() { // buffer_removal_time_present_flag
			n := int(seq.DecoderModelInfo.BufferRemovalTimeLengthMinus1) + 1
			for _, op := range seq.OperatingPoints {
				if !op.DecoderModelPresentForThisOp {
					continue
				}
				idc := op.OperatingPointIDC
				inTemporal := idc>>hdr.TemporalID&1 != 0
				inSpatial := idc>>(hdr.SpatialID+8)&1 != 0
				if idc == 0 || inTemporal && inSpatial {
					r.Skip(n) // buffer_removal_time
				}
			}
		}
	}
	if f.FrameType == SwitchFrame || f.FrameType == KeyFrame && f.ShowFrame {
		f.RefreshFrameFlags = 0xFF
	} else {
		f.RefreshFrameFlags = uint8(r.Bits(8))
	}
	if r.Err() != nil {
		return truncated()
	}
	if f.FrameType == IntraOnlyFrame && f.RefreshFrameFlags == 0xFF {
		return f, frameErr(container.ErrMalformed, "intra-only frame refreshes every reference")
	}
	if !intra {
		return f, nil
	}
	if f.RefreshFrameFlags != 0xFF && f.ErrorResilientMode && seq.EnableOrderHint {
		r.Skip(8 * orderHintBits) // ref_order_hint[i]
	}
	// frame_size() and superres_params() (5.9.5, 5.9.8).
	if f.FrameSizeOverrideFlag {
		f.FrameWidthMinus1 = uint32(r.Bits(int(seq.FrameWidthBitsMinus1) + 1))
		f.FrameHeightMinus1 = uint32(r.Bits(int(seq.FrameHeightBitsMinus1) + 1))
	} else {
		f.FrameWidthMinus1 = seq.MaxFrameWidthMinus1
		f.FrameHeightMinus1 = seq.MaxFrameHeightMinus1
	}
	f.UpscaledWidth = int(f.FrameWidthMinus1) + 1
	f.FrameHeight = int(f.FrameHeightMinus1) + 1
	f.FrameWidth = f.UpscaledWidth
	if seq.EnableSuperres {
		f.UseSuperres = r.Flag()
	}
	if f.UseSuperres {
		f.CodedDenom = uint8(r.Bits(3))
		denom := int(f.CodedDenom) + 9 // SUPERRES_DENOM_MIN
		f.FrameWidth = (f.UpscaledWidth*8 + denom/2) / denom
	}
	// render_size() (5.9.6).
	f.RenderAndFrameSizeDifferent = r.Flag()
	if f.RenderAndFrameSizeDifferent {
		f.RenderWidthMinus1 = r.U16()
		f.RenderHeightMinus1 = r.U16()
		f.RenderWidth = int(f.RenderWidthMinus1) + 1
		f.RenderHeight = int(f.RenderHeightMinus1) + 1
	} else {
		f.RenderWidth, f.RenderHeight = f.UpscaledWidth, f.FrameHeight
	}
	if r.Err() != nil {
		return truncated()
	}
	f.SizeKnown = true
	return f, nil
}

// SampleAspectRatio returns the aspect ratio of a pixel of the picture
// shown at its render size, in lowest terms, as libdav1d.c sets it on every
// frame it outputs: the decoded height times the render width over the
// decoded width times the render height. It is 1:1 when the render size is
// the frame size, and 0/0 when the size is not known.
func (f *FrameHeader) SampleAspectRatio() container.Rational {
	if !f.SizeKnown {
		return container.Rational{}
	}
	return container.Rational{
		Num: int64(f.FrameHeight) * int64(f.RenderWidth),
		Den: int64(f.UpscaledWidth) * int64(f.RenderHeight),
	}.Reduce(1<<31 - 1)
}
