package hevc

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// PPS is pic_parameter_set_rbsp() (H.265 7.3.2.3) as far as
// ff_hevc_decode_nal_pps (libavcodec/hevc_ps.c, FFmpeg 5.1) reads it: the
// range extension is read only under the RExt profile, the other
// extensions not at all. Nothing ffprobe prints comes from a PPS; it is
// decoded because an invalid one stops the decoding of the extradata
// after it (see [ParamSets]).
type PPS struct {
	PPSPicParameterSetID               uint32
	PPSSeqParameterSetID               uint32
	DependentSliceSegmentsEnabledFlag  bool
	OutputFlagPresentFlag              bool
	NumExtraSliceHeaderBits            uint8
	SignDataHidingEnabledFlag          bool
	CABACInitPresentFlag               bool
	NumRefIdxL0DefaultActiveMinus1     uint32
	NumRefIdxL1DefaultActiveMinus1     uint32
	InitQPMinus26                      int32
	ConstrainedIntraPredFlag           bool
	TransformSkipEnabledFlag           bool
	CUQPDeltaEnabledFlag               bool
	DiffCUQPDeltaDepth                 uint32
	PPSCbQPOffset                      int32
	PPSCrQPOffset                      int32
	PPSSliceChromaQPOffsetsPresentFlag bool
	WeightedPredFlag                   bool
	WeightedBipredFlag                 bool
	TransquantBypassEnabledFlag        bool
	TilesEnabledFlag                   bool
	EntropyCodingSyncEnabledFlag       bool

	NumTileColumnsMinus1 uint32
	NumTileRowsMinus1    uint32
	UniformSpacingFlag   bool // inferred 1 without tiles
	// ColumnWidthMinus1 and RowHeightMinus1 are the coded widths and
	// heights of all tiles but the last, when UniformSpacingFlag is clear.
	ColumnWidthMinus1                []uint32
	RowHeightMinus1                  []uint32
	LoopFilterAcrossTilesEnabledFlag bool // inferred 1 without tiles

	PPSLoopFilterAcrossSlicesEnabledFlag bool
	DeblockingFilterControlPresentFlag   bool
	DeblockingFilterOverrideEnabledFlag  bool
	PPSDeblockingFilterDisabledFlag      bool
	PPSBetaOffsetDiv2                    int32
	PPSTcOffsetDiv2                      int32

	PPSScalingListDataPresentFlag bool
	ScalingList                   ScalingList // when PPSScalingListDataPresentFlag is set

	ListsModificationPresentFlag           bool
	Log2ParallelMergeLevelMinus2           uint32
	SliceSegmentHeaderExtensionPresentFlag bool
	PPSExtensionPresentFlag                bool
	PPSRangeExtensionFlag                  bool
	PPSExtension7Bits                      uint8

	// pps_range_extension() (H.265 7.3.2.3.2).
	Log2MaxTransformSkipBlockSizeMinus2 uint32
	CrossComponentPredictionEnabledFlag bool
	ChromaQPOffsetListEnabledFlag       bool
	DiffCUChromaQPOffsetDepth           uint32
	ChromaQPOffsetListLenMinus1         uint32
	CbQPOffsetList                      [6]int32
	CrQPOffsetList                      [6]int32
	Log2SAOOffsetScaleLuma              uint32
	Log2SAOOffsetScaleChroma            uint32
}

// ParsePPS decodes a picture parameter set from its NAL unit (header
// included, emulation prevention bytes in), with the checks of
// ff_hevc_decode_nal_pps, several of which depend on the SPS the PPS
// names: sets must hold it, as the decoder's parameter sets do. A PPS
// FFmpeg refuses is an error wrapping container.ErrMalformed, or
// ErrTruncated when it runs past the end of the unit.
func ParsePPS(nal []byte, sets *ParamSets) (*PPS, error) {
	u, err := parseUnit(nal, NALPPS, "pps")
	if err != nil {
		return nil, err
	}
	return parsePPS(u, sets)
}

func parsePPS(u unit, sets *ParamSets) (*PPS, error) {
	const what = "pps"
	r := u.reader()
	p := &PPS{UniformSpacingFlag: true, LoopFilterAcrossTilesEnabledFlag: true}
	p.PPSPicParameterSetID = ue(r)
	if p.PPSPicParameterSetID >= MaxPPSCount {
		return p, errorAt(what, r, container.ErrMalformed, "pps_pic_parameter_set_id %d", p.PPSPicParameterSetID)
	}
	p.PPSSeqParameterSetID = ue(r)
	if p.PPSSeqParameterSetID >= MaxSPSCount {
		return p, errorAt(what, r, container.ErrMalformed, "pps_seq_parameter_set_id %d", p.PPSSeqParameterSetID)
	}
	var sps *SPS
	if sets != nil {
		sps = sets.SPS[p.PPSSeqParameterSetID]
	}
	if sps == nil {
		return p, errorAt(what, r, container.ErrMalformed, "sps %d does not exist", p.PPSSeqParameterSetID)
	}
	p.DependentSliceSegmentsEnabledFlag = r.Flag()
	p.OutputFlagPresentFlag = r.Flag()
	p.NumExtraSliceHeaderBits = uint8(r.Bits(3))
	p.SignDataHidingEnabledFlag = r.Flag()
	p.CABACInitPresentFlag = r.Flag()
	p.NumRefIdxL0DefaultActiveMinus1 = ue(r)
	p.NumRefIdxL1DefaultActiveMinus1 = ue(r)
	p.InitQPMinus26 = int32(r.SE())
	p.ConstrainedIntraPredFlag = r.Flag()
	p.TransformSkipEnabledFlag = r.Flag()
	p.CUQPDeltaEnabledFlag = r.Flag()
	if p.CUQPDeltaEnabledFlag {
		p.DiffCUQPDeltaDepth = ue(r)
	}
	if p.DiffCUQPDeltaDepth > sps.Log2DiffMaxMinLumaCodingBlockSize {
		return p, errorAt(what, r, container.ErrMalformed, "diff_cu_qp_delta_depth %d", p.DiffCUQPDeltaDepth)
	}
	cb, cr := r.SE(), r.SE()
	p.PPSCbQPOffset, p.PPSCrQPOffset = int32(cb), int32(cr)
	if cb < -12 || cb > 12 || cr < -12 || cr > 12 {
		return p, errorAt(what, r, container.ErrMalformed, "pps_cb_qp_offset %d, pps_cr_qp_offset %d", cb, cr)
	}
	p.PPSSliceChromaQPOffsetsPresentFlag = r.Flag()
	p.WeightedPredFlag = r.Flag()
	p.WeightedBipredFlag = r.Flag()
	p.TransquantBypassEnabledFlag = r.Flag()
	p.TilesEnabledFlag = r.Flag()
	p.EntropyCodingSyncEnabledFlag = r.Flag()
	if p.TilesEnabledFlag {
		ctb := sps.Log2CtbSize()
		ctbW := (uint64(sps.PicWidthInLumaSamples) + 1<<ctb - 1) >> ctb
		ctbH := (uint64(sps.PicHeightInLumaSamples) + 1<<ctb - 1) >> ctb
		p.NumTileColumnsMinus1 = ue(r)
		p.NumTileRowsMinus1 = ue(r)
		if uint64(p.NumTileColumnsMinus1) >= ctbW || uint64(p.NumTileRowsMinus1) >= ctbH {
			return p, errorAt(what, r, container.ErrMalformed, "%dx%d tiles in %dx%d ctbs",
				uint64(p.NumTileColumnsMinus1)+1, uint64(p.NumTileRowsMinus1)+1, ctbW, ctbH)
		}
		p.UniformSpacingFlag = r.Flag()
		if !p.UniformSpacingFlag {
			var err error
			if p.ColumnWidthMinus1, err = tileSizes(r, int(p.NumTileColumnsMinus1), ctbW, "column"); err != nil {
				return p, err
			}
			if p.RowHeightMinus1, err = tileSizes(r, int(p.NumTileRowsMinus1), ctbH, "row"); err != nil {
				return p, err
			}
		}
		p.LoopFilterAcrossTilesEnabledFlag = r.Flag()
	}
	p.PPSLoopFilterAcrossSlicesEnabledFlag = r.Flag()
	p.DeblockingFilterControlPresentFlag = r.Flag()
	if p.DeblockingFilterControlPresentFlag {
		p.DeblockingFilterOverrideEnabledFlag = r.Flag()
		p.PPSDeblockingFilterDisabledFlag = r.Flag()
		if !p.PPSDeblockingFilterDisabledFlag {
			beta, tc := r.SE(), r.SE()
			p.PPSBetaOffsetDiv2, p.PPSTcOffsetDiv2 = int32(beta), int32(tc)
			if beta < -6 || beta > 6 || tc < -6 || tc > 6 {
				return p, errorAt(what, r, container.ErrMalformed, "pps_beta_offset_div2 %d, pps_tc_offset_div2 %d", beta, tc)
			}
		}
	}
	p.PPSScalingListDataPresentFlag = r.Flag()
	if p.PPSScalingListDataPresentFlag {
		p.ScalingList.setDefault()
		if err := p.ScalingList.parse(r, what, sps.ChromaArrayType()); err != nil {
			return p, err
		}
	}
	p.ListsModificationPresentFlag = r.Flag()
	p.Log2ParallelMergeLevelMinus2 = ue(r)
	if uint64(p.Log2ParallelMergeLevelMinus2) > uint64(sps.Log2CtbSize()) {
		return p, errorAt(what, r, container.ErrMalformed, "log2_parallel_merge_level_minus2 %d", p.Log2ParallelMergeLevelMinus2)
	}
	p.SliceSegmentHeaderExtensionPresentFlag = r.Flag()
	p.PPSExtensionPresentFlag = r.Flag()
	if p.PPSExtensionPresentFlag {
		p.PPSRangeExtensionFlag = r.Flag()
		p.PPSExtension7Bits = uint8(r.Bits(7))
		if p.PPSRangeExtensionFlag && sps.ProfileTierLevel.General.Profile() == ProfileRExt {
			if err := p.parseRangeExtension(r, sps); err != nil {
				return p, err
			}
		}
	}
	if err := r.Err(); err != nil {
		return p, errorAt(what, r, err, "pps runs past the end of its nal unit")
	}
	return p, nil
}

// tileSizes reads the n coded tile widths (or heights) of a PPS, which
// must leave room for the last tile within ctbs coding tree blocks.
func tileSizes(r *bits.Reader, n int, ctbs uint64, what string) ([]uint32, error) {
	sizes := make([]uint32, 0, min(n, 64))
	sum := uint64(0)
	for i := 0; i < n && r.Err() == nil; i++ {
		v := ue(r)
		sum += uint64(v) + 1
		sizes = append(sizes, v)
	}
	if sum >= ctbs {
		return sizes, errorAt("pps", r, container.ErrMalformed, "tile %ss add up to %d of %d ctbs", what, sum, ctbs)
	}
	return sizes, nil
}

// parseRangeExtension reads pps_range_extension() with the checks of
// pps_range_extensions: at most six chroma QP offsets, and SAO offset
// scales within the bit depths.
func (p *PPS) parseRangeExtension(r *bits.Reader, sps *SPS) error {
	if p.TransformSkipEnabledFlag {
		p.Log2MaxTransformSkipBlockSizeMinus2 = ue(r)
	}
	p.CrossComponentPredictionEnabledFlag = r.Flag()
	p.ChromaQPOffsetListEnabledFlag = r.Flag()
	if p.ChromaQPOffsetListEnabledFlag {
		p.DiffCUChromaQPOffsetDepth = ue(r)
		p.ChromaQPOffsetListLenMinus1 = ue(r)
		if p.ChromaQPOffsetListLenMinus1 > 5 {
			return errorAt("pps", r, container.ErrMalformed, "chroma_qp_offset_list_len_minus1 %d", p.ChromaQPOffsetListLenMinus1)
		}
		for i := 0; i <= int(p.ChromaQPOffsetListLenMinus1); i++ {
			p.CbQPOffsetList[i] = int32(r.SE())
			p.CrQPOffsetList[i] = int32(r.SE())
		}
	}
	p.Log2SAOOffsetScaleLuma = ue(r)
	p.Log2SAOOffsetScaleChroma = ue(r)
	if int(p.Log2SAOOffsetScaleLuma) > max(sps.BitDepth()-10, 0) || int(p.Log2SAOOffsetScaleChroma) > max(sps.BitDepthChroma()-10, 0) {
		return errorAt("pps", r, container.ErrMalformed, "log2_sao_offset_scale %d/%d", p.Log2SAOOffsetScaleLuma, p.Log2SAOOffsetScaleChroma)
	}
	return nil
}
