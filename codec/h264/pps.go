package h264

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// PPS is a picture parameter set: the syntax elements of
// pic_parameter_set_rbsp (H.264 7.3.2.2). ffprobe prints nothing from it;
// it matters because FFmpeg rejects extradata whose PPS it cannot parse,
// because the first slice's PPS chooses the SPS a decoder activates, and
// because bottom_field_pic_order_in_frame_present_flag decides whether a
// progressive SPS can still give an interlaced field order.
type PPS struct {
	PicParameterSetID                     uint32
	SeqParameterSetID                     uint32
	EntropyCodingModeFlag                 bool
	BottomFieldPicOrderInFramePresentFlag bool
	NumSliceGroupsMinus1                  uint32
	// Slice group syntax (FMO, Baseline only): read as the specification
	// writes it; see ParsePPS for FFmpeg's departure.
	SliceGroupMapType             uint32
	RunLengthMinus1               []uint32
	TopLeft                       []uint32
	BottomRight                   []uint32
	SliceGroupChangeDirectionFlag bool
	SliceGroupChangeRateMinus1    uint32
	PicSizeInMapUnitsMinus1       uint32
	SliceGroupID                  []uint32

	NumRefIdxL0DefaultActiveMinus1     uint32
	NumRefIdxL1DefaultActiveMinus1     uint32
	WeightedPredFlag                   bool
	WeightedBipredIDC                  uint8
	PicInitQPMinus26                   int32
	PicInitQSMinus26                   int32
	ChromaQPIndexOffset                int32
	DeblockingFilterControlPresentFlag bool
	ConstrainedIntraPredFlag           bool
	RedundantPicCntPresentFlag         bool

	// The High profile extension, present when more_rbsp_data() holds
	// and the SPS's profile may have it; else SecondChromaQPIndexOffset
	// equals ChromaQPIndexOffset.
	Transform8x8ModeFlag        bool
	PicScalingMatrixPresentFlag bool
	ScalingMatrix               ScalingMatrix
	SecondChromaQPIndexOffset   int32
}

// ParsePPS parses a picture parameter set NAL unit (header byte of
// nal_unit_type 8, emulation prevention bytes in) against the sequence
// parameter sets known so far, indexed by seq_parameter_set_id, as
// ff_h264_decode_picture_parameter_set does: the PPS needs its SPS
// (chroma_format_idc and bit depth shape its syntax and ranges), and a
// PPS whose SPS is unknown is rejected.
//
// Departure: with slice groups (num_slice_groups_minus1 > 0, FMO) FFmpeg
// 5.1 reads slice_group_map_type and then, without reading the map, goes
// on as if the map were absent ("FMO not supported"), so what it accepts
// there depends on the bits of the map. This parser reads the map as the
// specification writes it.
func ParsePPS(nal []byte, sps *[MaxSPSCount]*SPS) (*PPS, error) {
	if t := nalType(nal); t != NALPPS {
		return nil, demuxkit.Errorf("h264", "pps", 0, container.ErrMalformed, "nal_unit_type %d is not a picture parameter set", t)
	}
	rbsp := bits.RBSP(nal)
	d := newReader(rbsp, sizeBits(rbsp))
	d.r.Skip(8)
	return parsePPS(d, sps)
}

func parsePPS(d *reader, list *[MaxSPSCount]*SPS) (*PPS, error) {
	p := &PPS{}
	id := d.ue()
	p.PicParameterSetID = uint32(id)
	if id < 0 || id >= MaxPPSCount {
		return p, fail(d, "pps", container.ErrMalformed, "pic_parameter_set_id %d out of range", id)
	}
	p.SeqParameterSetID = d.ue31()
	if p.SeqParameterSetID >= MaxSPSCount || list == nil || list[p.SeqParameterSetID] == nil {
		return p, fail(d, "pps", container.ErrMalformed, "seq_parameter_set_id %d unknown", p.SeqParameterSetID)
	}
	sps := list[p.SeqParameterSetID]
	if depth := sps.BitDepthLumaMinus8 + 8; depth == 11 || depth == 13 {
		// h264_ps.c: "Unimplemented luma bit depth".
		return p, fail(d, "pps", container.ErrUnsupported, "luma bit depth %d", depth)
	}
	p.EntropyCodingModeFlag = d.flag()
	p.BottomFieldPicOrderInFramePresentFlag = d.flag()
	groups := d.ue()
	p.NumSliceGroupsMinus1 = uint32(groups)
	if groups < 0 || groups > 7 {
		// At most 8 slice groups (A.2.1); FFmpeg does not check, but
		// reading the map of more would be a loop over the data.
		return p, fail(d, "pps", container.ErrMalformed, "num_slice_groups_minus1 %d", groups)
	}
	if groups > 0 {
		if err := p.parseSliceGroups(d, sps); err != nil {
			return p, err
		}
	}
	l0, l1 := d.ue(), d.ue()
	p.NumRefIdxL0DefaultActiveMinus1, p.NumRefIdxL1DefaultActiveMinus1 = uint32(l0), uint32(l1)
	if l0 < 0 || l0 > 31 || l1 < 0 || l1 > 31 {
		return p, fail(d, "pps", container.ErrMalformed, "reference overflow (%d, %d)", l0, l1)
	}
	p.WeightedPredFlag = d.flag()
	p.WeightedBipredIDC = uint8(d.u(2))
	p.PicInitQPMinus26 = d.se()
	p.PicInitQSMinus26 = d.se()
	p.ChromaQPIndexOffset = d.se()
	if p.ChromaQPIndexOffset < -12 || p.ChromaQPIndexOffset > 12 {
		return p, fail(d, "pps", container.ErrMalformed, "chroma_qp_index_offset %d", p.ChromaQPIndexOffset)
	}
	p.DeblockingFilterControlPresentFlag = d.flag()
	p.ConstrainedIntraPredFlag = d.flag()
	p.RedundantPicCntPresentFlag = d.flag()
	p.SecondChromaQPIndexOffset = p.ChromaQPIndexOffset

	if d.left() > 0 && moreRBSPDataInPPS(sps) {
		p.Transform8x8ModeFlag = d.flag()
		p.PicScalingMatrixPresentFlag = d.flag()
		if p.PicScalingMatrixPresentFlag {
			n := 6
			if p.Transform8x8ModeFlag {
				n = 8
				if sps.ChromaFormatIDC == 3 {
					n = 12
				}
			}
			if err := p.ScalingMatrix.parse(d, n, "pps"); err != nil {
				return p, err
			}
		}
		p.SecondChromaQPIndexOffset = d.se()
		if p.SecondChromaQPIndexOffset < -12 || p.SecondChromaQPIndexOffset > 12 {
			return p, fail(d, "pps", container.ErrMalformed, "second_chroma_qp_index_offset %d", p.SecondChromaQPIndexOffset)
		}
	}
	return p, nil
}

// moreRBSPDataInPPS is FFmpeg's more_rbsp_data_in_pps: streams that
// declare themselves Baseline, Main or Extended compatible
// (constraint_set0..2) carry no PPS extension, whatever trails the PPS.
func moreRBSPDataInPPS(sps *SPS) bool {
	switch sps.ProfileIDC {
	case 66, 77, 88:
		return !(sps.ConstraintSet0Flag || sps.ConstraintSet1Flag || sps.ConstraintSet2Flag)
	}
	return true
}

// parseSliceGroups reads the slice group syntax of 7.3.2.2. Its lists
// grow as entries arrive; the map of type 6 is bounded by the picture
// size and, through the sticky reader error, by the data.
func (p *PPS) parseSliceGroups(d *reader, sps *SPS) error {
	p.SliceGroupMapType = uint32(d.ue())
	n := p.NumSliceGroupsMinus1 + 1
	switch p.SliceGroupMapType {
	case 0:
		for i := uint32(0); i < n; i++ {
			p.RunLengthMinus1 = append(p.RunLengthMinus1, d.ueLong())
		}
	case 2:
		for i := uint32(0); i+1 < n; i++ {
			p.TopLeft = append(p.TopLeft, d.ueLong())
			p.BottomRight = append(p.BottomRight, d.ueLong())
		}
	case 3, 4, 5:
		p.SliceGroupChangeDirectionFlag = d.flag()
		p.SliceGroupChangeRateMinus1 = d.ueLong()
	case 6:
		p.PicSizeInMapUnitsMinus1 = d.ueLong()
		mapUnits := (uint64(sps.PicWidthInMbsMinus1) + 1) * (uint64(sps.PicHeightInMapUnitsMinus1) + 1)
		if uint64(p.PicSizeInMapUnitsMinus1)+1 != mapUnits {
			return fail(d, "pps", container.ErrMalformed, "pic_size_in_map_units_minus1 %d for %d map units", p.PicSizeInMapUnitsMinus1, mapUnits)
		}
		width := 0 // Ceil(Log2(num_slice_groups_minus1 + 1))
		for 1<<width < n {
			width++
		}
		for i := uint64(0); i < mapUnits && d.r.Err() == nil; i++ {
			p.SliceGroupID = append(p.SliceGroupID, d.u(width))
		}
	}
	if d.r.Err() != nil {
		return fail(d, "pps", container.ErrTruncated, "slice group map past the end")
	}
	return nil
}
