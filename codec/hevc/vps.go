package hevc

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// VPS is video_parameter_set_rbsp() (H.265 7.3.2.1) as far as
// ff_hevc_decode_nal_vps (libavcodec/hevc_ps.c, FFmpeg 5.1) reads it:
// the layer sets are counted and passed over, and of the hrd_parameters()
// only the count is kept (nothing ffprobe reports comes from them); the
// extension is not read.
type VPS struct {
	VPSVideoParameterSetID    uint8
	VPSBaseLayerInternalFlag  bool
	VPSBaseLayerAvailableFlag bool
	VPSMaxLayersMinus1        uint8
	VPSMaxSubLayersMinus1     uint8
	VPSTemporalIDNestingFlag  bool
	ProfileTierLevel          ProfileTierLevel

	VPSSubLayerOrderingInfoPresentFlag bool
	// The sub-layer ordering info as coded; FFmpeg leaves the sub-layers
	// not coded at zero.
	VPSMaxDecPicBufferingMinus1 [MaxSubLayers]uint32
	VPSMaxNumReorderPics        [MaxSubLayers]uint32
	VPSMaxLatencyIncreasePlus1  [MaxSubLayers]uint32

	VPSMaxLayerID         uint8
	VPSNumLayerSetsMinus1 uint32

	VPSTimingInfoPresentFlag       bool
	VPSNumUnitsInTick              uint32
	VPSTimeScale                   uint32
	VPSPOCProportionalToTimingFlag bool
	VPSNumTicksPOCDiffOneMinus1    uint32
	VPSNumHRDParameters            uint32
	VPSExtensionFlag               bool
}

// maxLayerSets is the largest vps_num_layer_sets_minus1 + 1 (H.265
// 7.4.3.1).
const maxLayerSets = 1024

// ParseVPS decodes a video parameter set from its NAL unit (header
// included, emulation prevention bytes in), with the checks of
// ff_hevc_decode_nal_vps. A VPS FFmpeg refuses is an error wrapping
// container.ErrMalformed. A VPS that runs past the end of its unit is
// returned with an error wrapping container.ErrTruncated (and
// bits.ErrOverrun): FFmpeg keeps such a VPS when it has none of that id
// yet (see [ParamSets]), the fields past the end read as FFmpeg reads them
// (see pastEnd), which makes it refuse most of them.
func ParseVPS(nal []byte) (*VPS, error) {
	u, err := parseUnit(nal, NALVPS, "vps")
	if err != nil {
		return nil, err
	}
	return parseVPS(u)
}

func parseVPS(u unit) (*VPS, error) {
	const what = "vps"
	r := newPastEnd(u)
	v := &VPS{}
	v.VPSVideoParameterSetID = uint8(r.Bits(4))
	// vps_reserved_three_2bits to FFmpeg.
	v.VPSBaseLayerInternalFlag = r.Flag()
	v.VPSBaseLayerAvailableFlag = r.Flag()
	if !v.VPSBaseLayerInternalFlag || !v.VPSBaseLayerAvailableFlag {
		return v, errorAt(what, r, container.ErrMalformed, "vps_reserved_three_2bits is not three")
	}
	v.VPSMaxLayersMinus1 = uint8(r.Bits(6))
	v.VPSMaxSubLayersMinus1 = uint8(r.Bits(3))
	v.VPSTemporalIDNestingFlag = r.Flag()
	if r.U16() != 0xFFFF {
		return v, errorAt(what, r, container.ErrMalformed, "vps_reserved_0xffff_16bits is not 0xffff")
	}
	maxSub := int(v.VPSMaxSubLayersMinus1) + 1
	if maxSub > MaxSubLayers {
		return v, errorAt(what, r, container.ErrMalformed, "vps_max_sub_layers_minus1 %d", v.VPSMaxSubLayersMinus1)
	}
	var err error
	if v.ProfileTierLevel, err = parseProfileTierLevel(r, what, maxSub); err != nil {
		return v, err
	}
	v.VPSSubLayerOrderingInfoPresentFlag = r.Flag()
	start := maxSub - 1
	if v.VPSSubLayerOrderingInfoPresentFlag {
		start = 0
	}
	for i := start; i < maxSub; i++ {
		v.VPSMaxDecPicBufferingMinus1[i] = ue(r)
		v.VPSMaxNumReorderPics[i] = ue(r)
		v.VPSMaxLatencyIncreasePlus1[i] = ue(r)
		if d := uint64(v.VPSMaxDecPicBufferingMinus1[i]) + 1; d > MaxDPBSize {
			return v, errorAt(what, r, container.ErrMalformed, "vps_max_dec_pic_buffering_minus1 %d", d-1)
		}
		// A reorder count above the buffer is only a warning to FFmpeg.
	}
	v.VPSMaxLayerID = uint8(r.Bits(6))
	v.VPSNumLayerSetsMinus1 = ue(r)
	sets := uint64(v.VPSNumLayerSetsMinus1) + 1
	// The layer_id_included_flags must fit in what is left.
	if sets > maxLayerSets || (sets-1)*(uint64(v.VPSMaxLayerID)+1) > uint64(r.Left()) {
		return v, errorAt(what, r, container.ErrMalformed, "%d layer sets of %d layers", sets, int(v.VPSMaxLayerID)+1)
	}
	r.Skip(int((sets - 1) * (uint64(v.VPSMaxLayerID) + 1))) // layer_id_included_flag
	v.VPSTimingInfoPresentFlag = r.Flag()
	if v.VPSTimingInfoPresentFlag {
		v.VPSNumUnitsInTick = r.U32()
		v.VPSTimeScale = r.U32()
		v.VPSPOCProportionalToTimingFlag = r.Flag()
		if v.VPSPOCProportionalToTimingFlag {
			v.VPSNumTicksPOCDiffOneMinus1 = ue(r)
		}
		v.VPSNumHRDParameters = ue(r)
		if uint64(v.VPSNumHRDParameters) > sets {
			return v, errorAt(what, r, container.ErrMalformed, "vps_num_hrd_parameters %d", v.VPSNumHRDParameters)
		}
		for i := 0; i < int(v.VPSNumHRDParameters) && r.Err() == nil; i++ {
			r.UE() // hrd_layer_set_idx
			common := true
			if i > 0 {
				common = r.Flag() // cprms_present_flag
			}
			parseHRD(r, common, maxSub) // an error in it is ignored
		}
	}
	v.VPSExtensionFlag = r.Flag()
	switch {
	case r.Err() != nil:
		return v, errorAt(what, r, container.ErrMalformed, "%v", r.Err())
	case r.past():
		return v, errorAt(what, r, bits.ErrOverrun, "vps runs past the end of its nal unit")
	}
	return v, nil
}
