package hevc

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// HRD is hrd_parameters() (H.265 E.2.2). The sub_layer_hrd_parameters()
// of each sub-layer (bit rates and buffer sizes of every CPB) are read
// past and not kept: nothing ffprobe reports comes from them.
type HRD struct {
	NALHRDParametersPresentFlag            bool
	VCLHRDParametersPresentFlag            bool
	SubPicHRDParamsPresentFlag             bool
	TickDivisorMinus2                      uint8
	DUCPBRemovalDelayIncrementLengthMinus1 uint8
	SubPicCPBParamsInPicTimingSEIFlag      bool
	DPBOutputDelayDULengthMinus1           uint8
	BitRateScale                           uint8
	CPBSizeScale                           uint8
	CPBSizeDUScale                         uint8
	InitialCPBRemovalDelayLengthMinus1     uint8
	AUCPBRemovalDelayLengthMinus1          uint8
	DPBOutputDelayLengthMinus1             uint8
	SubLayers                              [MaxSubLayers]HRDSubLayer
}

// HRDSubLayer holds the per-sub-layer timing of hrd_parameters().
type HRDSubLayer struct {
	FixedPicRateGeneralFlag     bool
	FixedPicRateWithinCVSFlag   bool // inferred 1 when FixedPicRateGeneralFlag is
	ElementalDurationInTCMinus1 uint32
	LowDelayHRDFlag             bool
	CPBCntMinus1                uint32
}

// maxCPBCount is the largest cpb_cnt_minus1 + 1 (H.265 E.3.2).
const maxCPBCount = 32

// parseHRD reads hrd_parameters() as decode_hrd (libavcodec/hevc_ps.c)
// does, which stops at a cpb_cnt_minus1 above 31 with an error that every
// caller of it ignores: the parameter set goes on from where the HRD
// stopped.
func parseHRD(r bitSource, commonInfPresent bool, maxSubLayers int) (HRD, error) {
	var h HRD
	if commonInfPresent {
		h.NALHRDParametersPresentFlag = r.Flag()
		h.VCLHRDParametersPresentFlag = r.Flag()
		if h.NALHRDParametersPresentFlag || h.VCLHRDParametersPresentFlag {
			h.SubPicHRDParamsPresentFlag = r.Flag()
			if h.SubPicHRDParamsPresentFlag {
				h.TickDivisorMinus2 = r.U8()
				h.DUCPBRemovalDelayIncrementLengthMinus1 = uint8(r.Bits(5))
				h.SubPicCPBParamsInPicTimingSEIFlag = r.Flag()
				h.DPBOutputDelayDULengthMinus1 = uint8(r.Bits(5))
			}
			h.BitRateScale = uint8(r.Bits(4))
			h.CPBSizeScale = uint8(r.Bits(4))
			if h.SubPicHRDParamsPresentFlag {
				h.CPBSizeDUScale = uint8(r.Bits(4))
			}
			h.InitialCPBRemovalDelayLengthMinus1 = uint8(r.Bits(5))
			h.AUCPBRemovalDelayLengthMinus1 = uint8(r.Bits(5))
			h.DPBOutputDelayLengthMinus1 = uint8(r.Bits(5))
		}
	}
	for i := 0; i < maxSubLayers && r.Err() == nil; i++ {
		sl := &h.SubLayers[i]
		sl.FixedPicRateGeneralFlag = r.Flag()
		sl.FixedPicRateWithinCVSFlag = sl.FixedPicRateGeneralFlag
		if !sl.FixedPicRateGeneralFlag {
			sl.FixedPicRateWithinCVSFlag = r.Flag()
		}
		if sl.FixedPicRateWithinCVSFlag {
			sl.ElementalDurationInTCMinus1 = uint32(r.UE())
		} else {
			sl.LowDelayHRDFlag = r.Flag()
		}
		n := uint64(1)
		if !sl.LowDelayHRDFlag {
			sl.CPBCntMinus1 = uint32(r.UE())
			n = uint64(sl.CPBCntMinus1) + 1
			if n > maxCPBCount {
				return h, errorAt("hrd", r, container.ErrMalformed, "cpb_cnt_minus1 %d", sl.CPBCntMinus1)
			}
		}
		for _, present := range [2]bool{h.NALHRDParametersPresentFlag, h.VCLHRDParametersPresentFlag} {
			if !present {
				continue
			}
			for j := uint64(0); j < n && r.Err() == nil; j++ {
				r.UE() // bit_rate_value_minus1
				r.UE() // cpb_size_value_minus1
				if h.SubPicHRDParamsPresentFlag {
					r.UE() // cpb_size_du_value_minus1
					r.UE() // bit_rate_du_value_minus1
				}
				r.Skip(1) // cbr_flag
			}
		}
	}
	return h, nil
}

// VUI is vui_parameters() (H.265 E.2.1), with the values as coded.
type VUI struct {
	AspectRatioInfoPresentFlag bool
	AspectRatioIDC             uint8
	SARWidth, SARHeight        uint16 // when AspectRatioIDC is 255 (EXTENDED_SAR)

	OverscanInfoPresentFlag      bool
	OverscanAppropriateFlag      bool
	VideoSignalTypePresentFlag   bool
	VideoFormat                  uint8
	VideoFullRangeFlag           bool
	ColourDescriptionPresentFlag bool
	ColourPrimaries              uint8
	TransferCharacteristics      uint8
	MatrixCoeffs                 uint8

	ChromaLocInfoPresentFlag       bool
	ChromaSampleLocTypeTopField    uint32
	ChromaSampleLocTypeBottomField uint32

	NeutralChromaIndicationFlag bool
	FieldSeqFlag                bool
	FrameFieldInfoPresentFlag   bool

	DefaultDisplayWindowFlag bool
	DefDispWinLeftOffset     uint32
	DefDispWinRightOffset    uint32
	DefDispWinTopOffset      uint32
	DefDispWinBottomOffset   uint32

	VUITimingInfoPresentFlag       bool
	VUINumUnitsInTick              uint32
	VUITimeScale                   uint32
	VUIPOCProportionalToTimingFlag bool
	VUINumTicksPOCDiffOneMinus1    uint32
	VUIHRDParametersPresentFlag    bool
	HRD                            HRD

	BitstreamRestrictionFlag           bool
	TilesFixedStructureFlag            bool
	MotionVectorsOverPicBoundariesFlag bool
	RestrictedRefPicListsFlag          bool
	MinSpatialSegmentationIDC          uint32
	MaxBytesPerPicDenom                uint32
	MaxBitsPerMinCUDenom               uint32
	Log2MaxMVLengthHorizontal          uint32
	Log2MaxMVLengthVertical            uint32

	// InvalidDefaultDisplayWindow is set where FFmpeg took the next bits
	// for timing information rather than default_display_window_flag: a
	// 1 followed by 20 zeros with at least 68 bits left, the pattern of
	// early encoders that wrote no such flag.
	InvalidDefaultDisplayWindow bool
	// AlternateSyntax is set where FFmpeg read the VUI a second time,
	// from the default_display_window_flag on, as timing information:
	// when too few bits were left for the timing information or the
	// bitstream restriction, or the VUI ran past the end of the SPS
	// (decode_vui's "alternate syntax" retry). The fields are then those
	// of the second reading.
	AlternateSyntax bool
}

// sarTable is Table E.1: the sample aspect ratio of each aspect_ratio_idc
// below 17.
var sarTable = [17][2]uint8{
	{0, 1}, {1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11}, {32, 11},
	{80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1},
}

// extendedSAR is the aspect_ratio_idc whose ratio is coded (EXTENDED_SAR).
const extendedSAR = 255

// SAR returns the sample aspect ratio the VUI gives, as decode_vui takes
// it: 0/1 when there is none or aspect_ratio_idc is reserved.
func (v *VUI) SAR() container.Rational {
	switch {
	case !v.AspectRatioInfoPresentFlag:
	case int(v.AspectRatioIDC) < len(sarTable):
		sar := sarTable[v.AspectRatioIDC]
		return container.Rational{Num: int64(sar[0]), Den: int64(sar[1])}
	case v.AspectRatioIDC == extendedSAR:
		return container.Rational{Num: int64(v.SARWidth), Den: int64(v.SARHeight)}
	}
	return container.Rational{Num: 0, Den: 1}
}

// parseVUI reads vui_parameters() as decode_vui (libavcodec/hevc_ps.c,
// FFmpeg 5.1) does, with its repairs of streams from early encoders: the
// "invalid default display window" pattern, and one retry of the part
// after the frame field flags as timing information when the first
// reading finds too few bits for the timing information (66) or the
// bitstream restriction (8), or leaves none. The retry starts again from
// the copy of the reader and of the VUI taken before the default display
// window, as FFmpeg restores its backups.
func parseVUI(r *bits.Reader, maxSubLayers int) VUI {
	var v VUI
	v.AspectRatioInfoPresentFlag = r.Flag()
	if v.AspectRatioInfoPresentFlag {
		v.AspectRatioIDC = r.U8()
		if v.AspectRatioIDC == extendedSAR {
			v.SARWidth = r.U16()
			v.SARHeight = r.U16()
		}
	}
	v.OverscanInfoPresentFlag = r.Flag()
	if v.OverscanInfoPresentFlag {
		v.OverscanAppropriateFlag = r.Flag()
	}
	v.VideoSignalTypePresentFlag = r.Flag()
	if v.VideoSignalTypePresentFlag {
		v.VideoFormat = uint8(r.Bits(3))
		v.VideoFullRangeFlag = r.Flag()
		v.ColourDescriptionPresentFlag = r.Flag()
		if v.ColourDescriptionPresentFlag {
			v.ColourPrimaries = r.U8()
			v.TransferCharacteristics = r.U8()
			v.MatrixCoeffs = r.U8()
		}
	}
	v.ChromaLocInfoPresentFlag = r.Flag()
	if v.ChromaLocInfoPresentFlag {
		v.ChromaSampleLocTypeTopField = uint32(r.UE())
		v.ChromaSampleLocTypeBottomField = uint32(r.UE())
	}
	v.NeutralChromaIndicationFlag = r.Flag()
	v.FieldSeqFlag = r.Flag()
	v.FrameFieldInfoPresentFlag = r.Flag()

	backupR, backupV := *r, v
	if r.Left() >= 68 && r.Peek(21) == 0x100000 {
		v.InvalidDefaultDisplayWindow = true
	} else {
		v.DefaultDisplayWindowFlag = r.Flag()
	}
	if v.DefaultDisplayWindowFlag {
		v.DefDispWinLeftOffset = uint32(r.UE())
		v.DefDispWinRightOffset = uint32(r.UE())
		v.DefDispWinTopOffset = uint32(r.UE())
		v.DefDispWinBottomOffset = uint32(r.UE())
	}
	retry := func() {
		*r, v = backupR, backupV
		v.AlternateSyntax = true
	}
	for {
		v.VUITimingInfoPresentFlag = r.Flag()
		if v.VUITimingInfoPresentFlag {
			if r.Left() < 66 && !v.AlternateSyntax {
				retry()
				continue
			}
			v.VUINumUnitsInTick = r.U32()
			v.VUITimeScale = r.U32()
			v.VUIPOCProportionalToTimingFlag = r.Flag()
			if v.VUIPOCProportionalToTimingFlag {
				v.VUINumTicksPOCDiffOneMinus1 = uint32(r.UE())
			}
			v.VUIHRDParametersPresentFlag = r.Flag()
			if v.VUIHRDParametersPresentFlag {
				v.HRD, _ = parseHRD(r, true, maxSubLayers)
			}
		}
		v.BitstreamRestrictionFlag = r.Flag()
		if v.BitstreamRestrictionFlag {
			if r.Left() < 8 && !v.AlternateSyntax {
				retry()
				continue
			}
			v.TilesFixedStructureFlag = r.Flag()
			v.MotionVectorsOverPicBoundariesFlag = r.Flag()
			v.RestrictedRefPicListsFlag = r.Flag()
			v.MinSpatialSegmentationIDC = uint32(r.UE())
			v.MaxBytesPerPicDenom = uint32(r.UE())
			v.MaxBitsPerMinCUDenom = uint32(r.UE())
			v.Log2MaxMVLengthHorizontal = uint32(r.UE())
			v.Log2MaxMVLengthVertical = uint32(r.UE())
		}
		if r.Left() < 1 && !v.AlternateSyntax {
			retry()
			continue
		}
		return v
	}
}
