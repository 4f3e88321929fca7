package h264

import "github.com/mediaprobe/mediaprobe/container"

// VUI holds the syntax elements of vui_parameters() (H.264 E.1.1). Absent
// elements hold their inferred values (E.2.1): video_format 5,
// colour_primaries, transfer_characteristics and matrix_coefficients 2
// (unspecified).
type VUI struct {
	AspectRatioInfoPresentFlag bool
	AspectRatioIDC             uint8
	SARWidth                   uint16
	SARHeight                  uint16

	OverscanInfoPresentFlag bool
	OverscanAppropriateFlag bool

	VideoSignalTypePresentFlag   bool
	VideoFormat                  uint8
	VideoFullRangeFlag           bool
	ColourDescriptionPresentFlag bool
	ColourPrimaries              uint8
	TransferCharacteristics      uint8
	MatrixCoefficients           uint8

	ChromaLocInfoPresentFlag bool
	// The chroma sample location types (0..5 in a valid stream); an
	// unreadable code is all ones.
	ChromaSampleLocTypeTopField    uint32
	ChromaSampleLocTypeBottomField uint32

	// Truncated is set when the VUI ends after the chroma location, with
	// fewer than 10 bits left and the next one set: FFmpeg ("Truncated
	// VUI") takes the rest as absent, and so does this parser.
	Truncated bool

	TimingInfoPresentFlag bool
	NumUnitsInTick        uint32
	TimeScale             uint32
	FixedFrameRateFlag    bool

	NALHRDParametersPresentFlag bool
	NALHRD                      HRD
	VCLHRDParametersPresentFlag bool
	VCLHRD                      HRD
	LowDelayHRDFlag             bool
	PicStructPresentFlag        bool

	BitstreamRestrictionFlag           bool
	MotionVectorsOverPicBoundariesFlag bool
	// Unreadable codes are all ones (FFmpeg's get_ue_golomb error).
	MaxBytesPerPicDenom       uint32
	MaxBitsPerMbDenom         uint32
	Log2MaxMvLengthHorizontal uint32
	Log2MaxMvLengthVertical   uint32
	MaxNumReorderFrames       uint32
	MaxDecFrameBuffering      uint32
}

// HRD holds hrd_parameters() (E.1.2).
type HRD struct {
	CPBCntMinus1 uint32
	BitRateScale uint8
	CPBSizeScale uint8
	// SchedSel has CPBCntMinus1 + 1 entries.
	SchedSel                           []SchedSel
	InitialCPBRemovalDelayLengthMinus1 uint8
	CPBRemovalDelayLengthMinus1        uint8
	DPBOutputDelayLengthMinus1         uint8
	TimeOffsetLength                   uint8
}

// SchedSel is one entry of the loop over SchedSelIdx in hrd_parameters().
type SchedSel struct {
	BitRateValueMinus1 uint32
	CPBSizeValueMinus1 uint32
	CBRFlag            bool
}

// BitRate returns the entry's maximum input bit rate in bit/s
// (E.2.2: (bit_rate_value_minus1 + 1) * 2^(6 + bit_rate_scale)).
func (h *HRD) BitRate(i int) uint64 {
	return (uint64(h.SchedSel[i].BitRateValueMinus1) + 1) << (6 + h.BitRateScale)
}

// CPBSize returns the entry's coded picture buffer size in bits
// (E.2.2: (cpb_size_value_minus1 + 1) * 2^(4 + cpb_size_scale)).
func (h *HRD) CPBSize(i int) uint64 {
	return (uint64(h.SchedSel[i].CPBSizeValueMinus1) + 1) << (4 + h.CPBSizeScale)
}

// extendedSAR is the aspect_ratio_idc of an explicit sar_width:sar_height
// (Extended_SAR, Table E-1).
const extendedSAR = 255

// setDefaults sets the values E.2.1 infers for absent elements.
func (v *VUI) setDefaults() {
	v.VideoFormat = 5
	v.ColourPrimaries = 2
	v.TransferCharacteristics = 2
	v.MatrixCoefficients = 2
}

// parse reads vui_parameters() as FFmpeg 5.1's decode_vui_parameters
// (h264_ps.c) does, with its early ends and its rejections.
func (v *VUI) parse(d *reader) error {
	v.AspectRatioInfoPresentFlag = d.flag()
	if v.AspectRatioInfoPresentFlag {
		v.AspectRatioIDC = uint8(d.u(8))
		if v.AspectRatioIDC == extendedSAR {
			v.SARWidth = uint16(d.u(16))
			v.SARHeight = uint16(d.u(16))
		} else if int(v.AspectRatioIDC) >= len(pixelAspect) {
			return fail(d, "vui", container.ErrMalformed, "illegal aspect_ratio_idc %d", v.AspectRatioIDC)
		}
	}
	v.OverscanInfoPresentFlag = d.flag()
	if v.OverscanInfoPresentFlag {
		v.OverscanAppropriateFlag = d.flag()
	}
	v.VideoSignalTypePresentFlag = d.flag()
	if v.VideoSignalTypePresentFlag {
		v.VideoFormat = uint8(d.u(3))
		v.VideoFullRangeFlag = d.flag()
		v.ColourDescriptionPresentFlag = d.flag()
		if v.ColourDescriptionPresentFlag {
			v.ColourPrimaries = uint8(d.u(8))
			v.TransferCharacteristics = uint8(d.u(8))
			v.MatrixCoefficients = uint8(d.u(8))
		}
	}
	v.ChromaLocInfoPresentFlag = d.flag()
	if v.ChromaLocInfoPresentFlag {
		v.ChromaSampleLocTypeTopField = uint32(d.ue())
		v.ChromaSampleLocTypeBottomField = uint32(d.ue())
	}

	// Some encoders end the VUI here; FFmpeg stops with a warning.
	if d.show1() && d.left() < 10 {
		v.Truncated = true
		return nil
	}

	v.TimingInfoPresentFlag = d.flag()
	if v.TimingInfoPresentFlag {
		// A zero tick or time scale is logged and ignored by FFmpeg 5.1
		// ("time_scale/num_units_in_tick invalid or unsupported"), which
		// then has no frame rate from the SPS; see SPS.FrameRate.
		v.NumUnitsInTick = d.u(32)
		v.TimeScale = d.u(32)
		v.FixedFrameRateFlag = d.flag()
	}
	v.NALHRDParametersPresentFlag = d.flag()
	if v.NALHRDParametersPresentFlag {
		if err := v.NALHRD.parse(d); err != nil {
			return err
		}
	}
	v.VCLHRDParametersPresentFlag = d.flag()
	if v.VCLHRDParametersPresentFlag {
		if err := v.VCLHRD.parse(d); err != nil {
			return err
		}
	}
	if v.NALHRDParametersPresentFlag || v.VCLHRDParametersPresentFlag {
		v.LowDelayHRDFlag = d.flag()
	}
	v.PicStructPresentFlag = d.flag()
	// A VUI that ends exactly here has no bitstream_restriction_flag.
	if d.left() == 0 {
		return nil
	}
	v.BitstreamRestrictionFlag = d.flag()
	if v.BitstreamRestrictionFlag {
		v.MotionVectorsOverPicBoundariesFlag = d.flag()
		v.MaxBytesPerPicDenom = uint32(d.ue())
		v.MaxBitsPerMbDenom = uint32(d.ue())
		v.Log2MaxMvLengthHorizontal = uint32(d.ue())
		v.Log2MaxMvLengthVertical = uint32(d.ue())
		v.MaxNumReorderFrames = uint32(d.ue())
		v.MaxDecFrameBuffering = uint32(d.ue())
		// A restriction cut by the end of the unit is dropped: FFmpeg
		// then knows no reorder depth.
		if d.left() < 0 {
			v.MaxNumReorderFrames = 0
			v.BitstreamRestrictionFlag = false
		}
		if v.MaxNumReorderFrames > maxReorderFrames {
			return fail(d, "vui", container.ErrMalformed, "illegal max_num_reorder_frames %d", v.MaxNumReorderFrames)
		}
	}
	return nil
}

// parse reads hrd_parameters() as decode_hrd_parameters does.
func (h *HRD) parse(d *reader) error {
	h.CPBCntMinus1 = d.ue31()
	if h.CPBCntMinus1+1 > maxCPBCount {
		return fail(d, "vui", container.ErrMalformed, "cpb_cnt_minus1 %d invalid", h.CPBCntMinus1)
	}
	h.BitRateScale = uint8(d.u(4))
	h.CPBSizeScale = uint8(d.u(4))
	h.SchedSel = make([]SchedSel, 0, h.CPBCntMinus1+1)
	for i := uint32(0); i <= h.CPBCntMinus1; i++ {
		var e SchedSel
		e.BitRateValueMinus1 = d.ueLong()
		e.CPBSizeValueMinus1 = d.ueLong()
		e.CBRFlag = d.flag()
		h.SchedSel = append(h.SchedSel, e)
	}
	h.InitialCPBRemovalDelayLengthMinus1 = uint8(d.u(5))
	h.CPBRemovalDelayLengthMinus1 = uint8(d.u(5))
	h.DPBOutputDelayLengthMinus1 = uint8(d.u(5))
	h.TimeOffsetLength = uint8(d.u(5))
	return nil
}
