package av1

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Values the specification gives some syntax elements (AV1 6.4.2, 6.8.2).
const (
	// SelectScreenContentTools and SelectIntegerMV are the values of
	// seq_force_screen_content_tools and seq_force_integer_mv that leave
	// the choice to each frame header.
	SelectScreenContentTools = 2
	SelectIntegerMV          = 2

	// The chroma_sample_position values (6.4.2).
	CSPUnknown   = 0
	CSPVertical  = 1
	CSPColocated = 2

	// The colour code points color_config tests (6.4.2, H.273).
	CPBT709       = 1
	CPUnspecified = 2
	TCUnspecified = 2
	TCSRGB        = 13
	MCIdentity    = 0
	MCUnspecified = 2
)

// maxOperatingPoints is the number operating_points_cnt_minus_1 (5 bits)
// can declare.
const maxOperatingPoints = 32

// SequenceHeader is a sequence header OBU's payload (AV1 5.5), with the
// specification's field names. Fields the syntax does not read keep the
// values the semantics give them (6.4): a reduced still picture header has
// one operating point with seq_tier 0, a sequence without
// color_description_present_flag has unspecified (2) colour code points.
type SequenceHeader struct {
	SeqProfile                uint8
	StillPicture              bool
	ReducedStillPictureHeader bool

	TimingInfoPresentFlag       bool
	TimingInfo                  TimingInfo
	DecoderModelInfoPresentFlag bool
	DecoderModelInfo            DecoderModelInfo

	InitialDisplayDelayPresentFlag bool
	OperatingPointsCntMinus1       uint8
	// OperatingPoints has OperatingPointsCntMinus1+1 entries.
	OperatingPoints []OperatingPoint

	FrameWidthBitsMinus1  uint8
	FrameHeightBitsMinus1 uint8
	MaxFrameWidthMinus1   uint32
	MaxFrameHeightMinus1  uint32

	FrameIDNumbersPresentFlag     bool
	DeltaFrameIDLengthMinus2      uint8
	AdditionalFrameIDLengthMinus1 uint8

	Use128x128Superblock     bool
	EnableFilterIntra        bool
	EnableIntraEdgeFilter    bool
	EnableInterintraCompound bool
	EnableMaskedCompound     bool
	EnableWarpedMotion       bool
	EnableDualFilter         bool
	EnableOrderHint          bool
	EnableJntComp            bool
	EnableRefFrameMvs        bool

	SeqChooseScreenContentTools bool
	// SeqForceScreenContentTools is 0, 1 or SelectScreenContentTools.
	SeqForceScreenContentTools uint8
	SeqChooseIntegerMv         bool
	// SeqForceIntegerMv is 0, 1 or SelectIntegerMV.
	SeqForceIntegerMv   uint8
	OrderHintBitsMinus1 uint8

	EnableSuperres    bool
	EnableCdef        bool
	EnableRestoration bool

	ColorConfig ColorConfig

	FilmGrainParamsPresent bool
}

// TimingInfo is timing_info() (AV1 5.5.3).
type TimingInfo struct {
	NumUnitsInDisplayTick    uint32
	TimeScale                uint32
	EqualPictureInterval     bool
	NumTicksPerPictureMinus1 uint32
}

// DecoderModelInfo is decoder_model_info() (AV1 5.5.4).
type DecoderModelInfo struct {
	BufferDelayLengthMinus1           uint8
	NumUnitsInDecodingTick            uint32
	BufferRemovalTimeLengthMinus1     uint8
	FramePresentationTimeLengthMinus1 uint8
}

// OperatingPoint is one operating point of a sequence header (AV1 5.5.1,
// with operating_parameters_info() of 5.5.5).
type OperatingPoint struct {
	OperatingPointIDC uint16
	SeqLevelIdx       uint8
	SeqTier           uint8

	DecoderModelPresentForThisOp bool
	DecoderBufferDelay           uint32
	EncoderBufferDelay           uint32
	LowDelayModeFlag             bool

	InitialDisplayDelayPresentForThisOp bool
	InitialDisplayDelayMinus1           uint8
}

// ColorConfig is color_config() (AV1 5.5.2). BitDepth is the variable the
// syntax derives.
type ColorConfig struct {
	HighBitdepth bool
	TwelveBit    bool
	BitDepth     int
	MonoChrome   bool

	ColorDescriptionPresentFlag bool
	ColorPrimaries              uint8
	TransferCharacteristics     uint8
	MatrixCoefficients          uint8

	ColorRange           bool
	SubsamplingX         bool
	SubsamplingY         bool
	ChromaSamplePosition uint8
	SeparateUVDeltaQ     bool
}

func seqErr(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("av1", "sequence header", 0, kind, detail, args...)
}

// ParseSequenceHeader parses a sequence header OBU's payload (the bytes
// after its obu_header and obu_size).
//
// It refuses what dav1d's sequence header parser (src/obu.c parse_seq_hdr)
// refuses, as FFmpeg's libdav1d decoder, which ffprobe 5.1 uses for AV1,
// then reports nothing from the header: a reserved seq_profile (above 2), a
// reduced still picture header without still_picture, an sRGB colour
// description in a profile that cannot carry 4:4:4 (errors wrapping
// container.ErrMalformed), and a payload that ends before the bit that
// follows film_grain_params_present, which dav1d reads as the start of the
// trailing bits (container.ErrTruncated). A truncated header returns what
// was read before the end with the error.
func ParseSequenceHeader(b []byte) (*SequenceHeader, error) {
	r := bits.NewReader(b)
	h := &SequenceHeader{}
	h.SeqProfile = uint8(r.Bits(3))
	if r.Err() == nil && h.SeqProfile > 2 {
		return h, seqErr(container.ErrMalformed, "reserved seq_profile %d", h.SeqProfile)
	}
	h.StillPicture = r.Flag()
	h.ReducedStillPictureHeader = r.Flag()
	if h.ReducedStillPictureHeader && !h.StillPicture {
		return h, seqErr(container.ErrMalformed, "reduced_still_picture_header without still_picture")
	}
	if h.ReducedStillPictureHeader {
		h.OperatingPoints = []OperatingPoint{{SeqLevelIdx: uint8(r.Bits(5))}}
	} else if err := h.parseOperatingPoints(r); err != nil {
		return h, err
	}

	h.FrameWidthBitsMinus1 = uint8(r.Bits(4))
	h.FrameHeightBitsMinus1 = uint8(r.Bits(4))
	h.MaxFrameWidthMinus1 = uint32(r.Bits(int(h.FrameWidthBitsMinus1) + 1))
	h.MaxFrameHeightMinus1 = uint32(r.Bits(int(h.FrameHeightBitsMinus1) + 1))
	if !h.ReducedStillPictureHeader {
		h.FrameIDNumbersPresentFlag = r.Flag()
	}
	if h.FrameIDNumbersPresentFlag {
		h.DeltaFrameIDLengthMinus2 = uint8(r.Bits(4))
		h.AdditionalFrameIDLengthMinus1 = uint8(r.Bits(3))
	}
	h.Use128x128Superblock = r.Flag()
	h.EnableFilterIntra = r.Flag()
	h.EnableIntraEdgeFilter = r.Flag()
	if h.ReducedStillPictureHeader {
		h.SeqForceScreenContentTools = SelectScreenContentTools
		h.SeqForceIntegerMv = SelectIntegerMV
	} else {
		h.EnableInterintraCompound = r.Flag()
		h.EnableMaskedCompound = r.Flag()
		h.EnableWarpedMotion = r.Flag()
		h.EnableDualFilter = r.Flag()
		h.EnableOrderHint = r.Flag()
		if h.EnableOrderHint {
			h.EnableJntComp = r.Flag()
			h.EnableRefFrameMvs = r.Flag()
		}
		h.SeqChooseScreenContentTools = r.Flag()
		if h.SeqChooseScreenContentTools {
			h.SeqForceScreenContentTools = SelectScreenContentTools
		} else {
			h.SeqForceScreenContentTools = uint8(r.Bits(1))
		}
		if h.SeqForceScreenContentTools > 0 {
			h.SeqChooseIntegerMv = r.Flag()
			if h.SeqChooseIntegerMv {
				h.SeqForceIntegerMv = SelectIntegerMV
			} else {
				h.SeqForceIntegerMv = uint8(r.Bits(1))
			}
		} else {
			h.SeqForceIntegerMv = SelectIntegerMV
		}
		if h.EnableOrderHint {
			h.OrderHintBitsMinus1 = uint8(r.Bits(3))
		}
	}
	h.EnableSuperres = r.Flag()
	h.EnableCdef = r.Flag()
	h.EnableRestoration = r.Flag()
	if err := h.parseColorConfig(r); err != nil {
		return h, err
	}
	h.FilmGrainParamsPresent = r.Flag()
	if r.Err() != nil || r.Left() < 1 {
		// dav1d reads one bit past film_grain_params_present (the first
		// trailing bit) and refuses a header that does not hold it.
		return h, seqErr(container.ErrTruncated, "%d bytes end before the trailing bits", len(b))
	}
	return h, nil
}

// parseOperatingPoints reads from timing_info_present_flag to the last
// operating point (5.5.1). The loop runs at most 32 times and stops at the
// end of the data.
func (h *SequenceHeader) parseOperatingPoints(r *bits.Reader) error {
	h.TimingInfoPresentFlag = r.Flag()
	if h.TimingInfoPresentFlag {
		t := &h.TimingInfo
		t.NumUnitsInDisplayTick = r.U32()
		t.TimeScale = r.U32()
		t.EqualPictureInterval = r.Flag()
		if t.EqualPictureInterval {
			n := r.UVLC()
			if r.Err() == nil && n >= 1<<32-1 {
				// 6.4.3: num_ticks_per_picture_minus_1 is below 2^32-1;
				// dav1d refuses the header otherwise.
				return seqErr(container.ErrMalformed, "num_ticks_per_picture_minus_1 %d", n)
			}
			t.NumTicksPerPictureMinus1 = uint32(n)
		}
		h.DecoderModelInfoPresentFlag = r.Flag()
		if h.DecoderModelInfoPresentFlag {
			d := &h.DecoderModelInfo
			d.BufferDelayLengthMinus1 = uint8(r.Bits(5))
			d.NumUnitsInDecodingTick = r.U32()
			d.BufferRemovalTimeLengthMinus1 = uint8(r.Bits(5))
			d.FramePresentationTimeLengthMinus1 = uint8(r.Bits(5))
		}
	}
	h.InitialDisplayDelayPresentFlag = r.Flag()
	h.OperatingPointsCntMinus1 = uint8(r.Bits(5))
	if r.Err() != nil {
		return seqErr(container.ErrTruncated, "cut before the operating points")
	}
	n := int(h.OperatingPointsCntMinus1) + 1
	h.OperatingPoints = make([]OperatingPoint, 0, min(n, maxOperatingPoints))
	delayBits := int(h.DecoderModelInfo.BufferDelayLengthMinus1) + 1
	for i := 0; i < n; i++ {
		var op OperatingPoint
		op.OperatingPointIDC = uint16(r.Bits(12))
		op.SeqLevelIdx = uint8(r.Bits(5))
		if op.SeqLevelIdx > 7 {
			op.SeqTier = uint8(r.Bits(1))
		}
		if h.DecoderModelInfoPresentFlag {
			op.DecoderModelPresentForThisOp = r.Flag()
			if op.DecoderModelPresentForThisOp {
				op.DecoderBufferDelay = uint32(r.Bits(delayBits))
				op.EncoderBufferDelay = uint32(r.Bits(delayBits))
				op.LowDelayModeFlag = r.Flag()
			}
		}
		if h.InitialDisplayDelayPresentFlag {
			op.InitialDisplayDelayPresentForThisOp = r.Flag()
			if op.InitialDisplayDelayPresentForThisOp {
				op.InitialDisplayDelayMinus1 = uint8(r.Bits(4))
			}
		}
		if r.Err() != nil {
			return seqErr(container.ErrTruncated, "operating point %d of %d cut by the end", i, n)
		}
		h.OperatingPoints = append(h.OperatingPoints, op)
	}
	return nil
}

// parseColorConfig reads color_config() (5.5.2) and derives BitDepth.
func (h *SequenceHeader) parseColorConfig(r *bits.Reader) error {
	c := &h.ColorConfig
	c.HighBitdepth = r.Flag()
	c.BitDepth = 8
	if h.SeqProfile == 2 && c.HighBitdepth {
		c.TwelveBit = r.Flag()
		c.BitDepth = 10
		if c.TwelveBit {
			c.BitDepth = 12
		}
	} else if c.HighBitdepth {
		c.BitDepth = 10
	}
	if h.SeqProfile != 1 {
		c.MonoChrome = r.Flag()
	}
	c.ColorDescriptionPresentFlag = r.Flag()
	if c.ColorDescriptionPresentFlag {
		c.ColorPrimaries = r.U8()
		c.TransferCharacteristics = r.U8()
		c.MatrixCoefficients = r.U8()
	} else {
		c.ColorPrimaries = CPUnspecified
		c.TransferCharacteristics = TCUnspecified
		c.MatrixCoefficients = MCUnspecified
	}
	switch {
	case c.MonoChrome:
		c.ColorRange = r.Flag()
		c.SubsamplingX, c.SubsamplingY = true, true
		c.ChromaSamplePosition = CSPUnknown
		return nil
	case c.ColorPrimaries == CPBT709 && c.TransferCharacteristics == TCSRGB && c.MatrixCoefficients == MCIdentity:
		c.ColorRange = true
		// 4:4:4 is only in profile 1 and in 12-bit profile 2 (6.4.2);
		// dav1d refuses the header elsewhere.
		if h.SeqProfile != 1 && !(h.SeqProfile == 2 && c.BitDepth == 12) {
			return seqErr(container.ErrMalformed, "sRGB in profile %d at %d bits", h.SeqProfile, c.BitDepth)
		}
	default:
		c.ColorRange = r.Flag()
		switch h.SeqProfile {
		case 0:
			c.SubsamplingX, c.SubsamplingY = true, true
		case 1:
		default:
			if c.BitDepth == 12 {
				c.SubsamplingX = r.Flag()
				if c.SubsamplingX {
					c.SubsamplingY = r.Flag()
				}
			} else {
				c.SubsamplingX = true
			}
		}
		if c.SubsamplingX && c.SubsamplingY {
			c.ChromaSamplePosition = uint8(r.Bits(2))
		}
	}
	c.SeparateUVDeltaQ = r.Flag()
	return nil
}
