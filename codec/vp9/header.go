package vp9

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The frame types of VP9 7.2 (frame_type).
const (
	KeyFrame    = 0
	NonKeyFrame = 1
)

// The color_space values of VP9 7.2.2.
const (
	CSUnknown  = 0
	CSBT601    = 1
	CSBT709    = 2
	CSSMPTE170 = 3
	CSSMPTE240 = 4
	CSBT2020   = 5
	CSReserved = 6
	CSRGB      = 7
)

// SyncCode is frame_sync_code (VP9 6.2.1): 0x49, 0x83, 0x42.
const SyncCode = 0x498342

// Header is the start of a VP9 uncompressed header (VP9 Bitstream
// Specification 6.2), as far as render_size(), with the specification's
// field names; BitDepth is the variable color_config() derives.
type Header struct {
	FrameMarker    uint8
	ProfileLowBit  uint8
	ProfileHighBit uint8
	Profile        uint8
	// ReservedZero is profile 3's reserved bit. FFmpeg adds it to the
	// profile number and refuses the frame as of "Profile 4".
	ReservedZero       uint8
	ShowExistingFrame  bool
	FrameToShowMapIdx  uint8
	FrameType          uint8
	ShowFrame          bool
	ErrorResilientMode bool
	IntraOnly          bool
	ResetFrameContext  uint8
	RefreshFrameFlags  uint8

	// HasColorConfig is set when the header has (or, for an intra-only
	// frame of profile 0, implies) a colour configuration, and it and the
	// frame size were read: key frames and intra-only frames.
	HasColorConfig bool
	// HasColorSpace is set once color_space and color_range are read.
	// read_colorspace_details sets them on the codec context at once, so
	// ffprobe prints them even when it then refuses the rest of the colour
	// configuration.
	HasColorSpace bool
	BitDepth      int
	ColorSpace    uint8
	ColorRange    bool
	SubsamplingX  bool
	SubsamplingY  bool

	FrameWidthMinus1            uint16
	FrameHeightMinus1           uint16
	RenderAndFrameSizeDifferent bool
	RenderWidthMinus1           uint16
	RenderHeightMinus1          uint16
}

func headerErr(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("vp9", "uncompressed header", 0, kind, detail, args...)
}

// ParseHeader parses the start of a VP9 frame (one frame of a superframe:
// the first frame of a packet starts at its first byte) up to render_size()
// for key frames and intra-only frames; other frames are read only as far
// as their type, and have no colour configuration.
//
// It refuses, with an error wrapping container.ErrMalformed, what
// decode_frame_header and read_colorspace_details (libavcodec/vp9.c) refuse
// before they report anything: a frame marker other than 2, profile 3's
// reserved bit set (FFmpeg reads it as profile 4), a wrong sync code, RGB in
// profiles 0 and 2, 8-bit 4:2:0 in profiles 1 and 3 (FFmpeg lets 4:2:0
// through at 10 and 12 bits), a reserved bit set in the colour
// configuration. Data that ends first gives container.ErrTruncated with the
// fields read before the end.
func ParseHeader(b []byte) (*Header, error) {
	r := bits.NewReader(b)
	h := &Header{}
	truncated := func() (*Header, error) {
		h.HasColorConfig = false
		return h, headerErr(container.ErrTruncated, "%d bytes", len(b))
	}
	h.FrameMarker = uint8(r.Bits(2))
	h.ProfileLowBit = uint8(r.Bits(1))
	h.ProfileHighBit = uint8(r.Bits(1))
	h.Profile = h.ProfileHighBit<<1 | h.ProfileLowBit
	if r.Err() != nil {
		return truncated()
	}
	if h.FrameMarker != 2 {
		return h, headerErr(container.ErrMalformed, "frame marker %d", h.FrameMarker)
	}
	if h.Profile == 3 {
		h.ReservedZero = uint8(r.Bit())
		if h.ReservedZero != 0 {
			return h, headerErr(container.ErrMalformed, "profile 3 with its reserved bit set")
		}
	}
	h.ShowExistingFrame = r.Flag()
	if h.ShowExistingFrame {
		h.FrameToShowMapIdx = uint8(r.Bits(3))
		if r.Err() != nil {
			return truncated()
		}
		return h, nil
	}
	h.FrameType = uint8(r.Bits(1))
	h.ShowFrame = r.Flag()
	h.ErrorResilientMode = r.Flag()
	if h.FrameType == KeyFrame {
		if err := h.syncCode(r); err != nil {
			return h, err
		}
		if err := h.colorConfig(r); err != nil {
			return h, err
		}
		h.RefreshFrameFlags = 0xFF
	} else {
		if !h.ShowFrame {
			h.IntraOnly = r.Flag()
		}
		if !h.ErrorResilientMode {
			h.ResetFrameContext = uint8(r.Bits(2))
		}
		if !h.IntraOnly {
			if r.Err() != nil {
				return truncated()
			}
			return h, nil
		}
		if err := h.syncCode(r); err != nil {
			return h, err
		}
		if h.Profile > 0 {
			if err := h.colorConfig(r); err != nil {
				return h, err
			}
		} else {
			// 6.2: profile 0 intra-only frames are 8-bit 4:2:0 BT.601.
			h.HasColorConfig = true
			h.HasColorSpace = true
			h.BitDepth = 8
			h.ColorSpace = CSBT601
			h.SubsamplingX, h.SubsamplingY = true, true
		}
		h.RefreshFrameFlags = uint8(r.Bits(8))
	}
	h.FrameWidthMinus1 = r.U16()
	h.FrameHeightMinus1 = r.U16()
	h.RenderAndFrameSizeDifferent = r.Flag()
	if h.RenderAndFrameSizeDifferent {
		h.RenderWidthMinus1 = r.U16()
		h.RenderHeightMinus1 = r.U16()
	}
	if r.Err() != nil {
		return truncated()
	}
	return h, nil
}

func (h *Header) syncCode(r *bits.Reader) error {
	code := r.Bits(24)
	if r.Err() != nil {
		return headerErr(container.ErrTruncated, "cut in the sync code")
	}
	if code != SyncCode {
		return headerErr(container.ErrMalformed, "sync code %06x", code)
	}
	return nil
}

// colorConfig reads color_config() (6.2.2) with read_colorspace_details'
// checks.
func (h *Header) colorConfig(r *bits.Reader) error {
	h.BitDepth = 8
	if h.Profile >= 2 {
		h.BitDepth = 10
		if r.Flag() { // ten_or_twelve_bit
			h.BitDepth = 12
		}
	}
	h.ColorSpace = uint8(r.Bits(3))
	odd := h.Profile == 1 || h.Profile == 3
	if h.ColorSpace != CSRGB {
		h.ColorRange = r.Flag()
		h.HasColorSpace = r.Err() == nil
		if odd {
			h.SubsamplingX = r.Flag()
			h.SubsamplingY = r.Flag()
			reserved := r.Bit()
			if r.Err() == nil && h.SubsamplingX && h.SubsamplingY && h.BitDepth == 8 {
				return headerErr(container.ErrMalformed, "4:2:0 in profile %d", h.Profile)
			}
			if reserved != 0 {
				return headerErr(container.ErrMalformed, "reserved bit set in profile %d", h.Profile)
			}
		} else {
			h.SubsamplingX, h.SubsamplingY = true, true
		}
	} else {
		h.ColorRange = true
		h.HasColorSpace = r.Err() == nil
		if !odd {
			return headerErr(container.ErrMalformed, "RGB in profile %d", h.Profile)
		}
		if r.Bit() != 0 {
			return headerErr(container.ErrMalformed, "reserved bit set in RGB")
		}
	}
	if r.Err() != nil {
		return headerErr(container.ErrTruncated, "cut in the colour configuration")
	}
	h.HasColorConfig = true
	return nil
}

// ProfileName returns the name ffprobe prints for a VP9 profile
// (ff_vp9_profiles in libavcodec/profiles.c).
func ProfileName(profile uint8) string {
	switch profile {
	case 0:
		return "Profile 0"
	case 1:
		return "Profile 1"
	case 2:
		return "Profile 2"
	case 3:
		return "Profile 3"
	}
	return ""
}

// PixFmt returns the pixel format the vp9 decoder gives a frame with a
// colour configuration (read_colorspace_details): planar GBR for RGB, else
// 4:4:4, 4:2:2, 4:4:0 or 4:2:0 from the subsampling, at the bit depth
// ("le" names above 8 bits, FFmpeg's native-endian formats on the machines
// ffprobe runs on); "" without a colour configuration.
func (h *Header) PixFmt() string {
	if !h.HasColorConfig {
		return ""
	}
	depth := ""
	switch h.BitDepth {
	case 10:
		depth = "10le"
	case 12:
		depth = "12le"
	}
	switch {
	case h.ColorSpace == CSRGB:
		return "gbrp" + depth
	case h.SubsamplingX && h.SubsamplingY:
		return "yuv420p" + depth
	case h.SubsamplingX:
		return "yuv422p" + depth
	case h.SubsamplingY:
		return "yuv440p" + depth
	}
	return "yuv444p" + depth
}

// colorSpaces maps color_space to the H.273 matrix read_colorspace_details
// sets: unknown is unspecified, BT.601 is BT.470 BG, reserved is reserved,
// sRGB is the identity (RGB).
var colorSpaces = [8]int{CSUnknown: 2, CSBT601: 5, CSBT709: 1, CSSMPTE170: 6, CSSMPTE240: 7, CSBT2020: 9, CSReserved: 3, CSRGB: 0}

// ColorSpaceName returns what ffprobe prints as color_space for the
// header's color_space, "" for unknown.
func (h *Header) ColorSpaceName() string {
	return codec.ColorSpace(colorSpaces[h.ColorSpace&7])
}

// FillStream sets the fields of st that ffprobe 5.1 prints for a VP9
// stream whose first frame is h, as the vp9 decoder (the first VP9 decoder
// libavcodec registers, run on the first packet by
// avformat_find_stream_info) sets them. It may be given a header that
// ParseHeader returned with an error: it sets what decode_frame_header had
// set on the codec context before it gave up.
//
//   - Profile is "Profile 0" to "Profile 3" once the frame marker is right,
//     for any frame (not for profile 3 with its reserved bit set, which
//     FFmpeg refuses as profile 4 before it sets the profile);
//   - ColorSpace and ColorRange are the frame's once read, replacing what
//     the container said (MP4's vpcC, Matroska's Colour): color_space
//     unknown prints no color_space, RGB is full range;
//   - for a complete colour configuration, PixFmt, and Width and Height
//     from the frame size (the render size is not used, so the decoder
//     sets no sample aspect ratio); CodedWidth and CodedHeight equal them;
//   - HasBFrames is 0 and Refs 1; ColorPrimaries, ColorTransfer, Level and
//     the aspect ratio are left to the container.
//
// A frame without a colour configuration (an inter frame, a
// show_existing_frame header) cannot be decoded first: ffprobe reads on,
// and the caller should give the next packet's header.
func (h *Header) FillStream(st *container.Stream) {
	st.HasBFrames = 0
	st.Refs = 1
	if h.FrameMarker != 2 || h.ReservedZero != 0 {
		return
	}
	st.Profile = ProfileName(h.Profile)
	if h.HasColorSpace {
		st.ColorSpace = h.ColorSpaceName()
		st.ColorRange = codec.ColorRange(h.ColorRange)
	}
	if !h.HasColorConfig {
		return
	}
	st.PixFmt = h.PixFmt()
	st.Width = int(h.FrameWidthMinus1) + 1
	st.Height = int(h.FrameHeightMinus1) + 1
	st.CodedWidth, st.CodedHeight = st.Width, st.Height
}

// ParserProfile returns the profile FFmpeg's VP9 parser sets from the
// first bits of a packet (libavcodec/vp9_parser.c), which containers that
// run the parser (Matroska) report even when the decoder refuses the
// frame: it skips the frame marker without checking it, and ok is false
// only for an empty packet and for profile 3 with its reserved bit set.
func ParserProfile(b []byte) (profile uint8, ok bool) {
	if len(b) == 0 {
		return 0, false
	}
	profile = (b[0]>>5)&1 | (b[0]>>4)&1<<1
	if profile == 3 && (b[0]>>3)&1 != 0 {
		return 0, false
	}
	return profile, true
}
