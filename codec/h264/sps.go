package h264

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// SPS is a sequence parameter set: the syntax elements of
// seq_parameter_set_data (H.264 7.3.2.1.1) and of its VUI (Annex E.1.1).
// Elements that the syntax leaves out hold the value the semantics infer
// (chroma_format_idc 1 outside the High profiles, colour_primaries 2, ...),
// so that a reader need not know which were present.
type SPS struct {
	ProfileIDC         uint8
	ConstraintSet0Flag bool
	ConstraintSet1Flag bool
	ConstraintSet2Flag bool
	ConstraintSet3Flag bool
	ConstraintSet4Flag bool
	ConstraintSet5Flag bool
	ReservedZero2Bits  uint8
	LevelIDC           uint8
	SeqParameterSetID  uint32

	// Present for the profiles of hasChromaInfo (High and above); else
	// 4:2:0, 8 bits.
	ChromaFormatIDC                 uint32
	SeparateColourPlaneFlag         bool
	BitDepthLumaMinus8              uint32
	BitDepthChromaMinus8            uint32
	QpprimeYZeroTransformBypassFlag bool
	SeqScalingMatrixPresentFlag     bool
	ScalingMatrix                   ScalingMatrix

	Log2MaxFrameNumMinus4 uint32
	PicOrderCntType       uint32
	// pic_order_cnt_type 0.
	Log2MaxPicOrderCntLsbMinus4 uint32
	// pic_order_cnt_type 1.
	DeltaPicOrderAlwaysZeroFlag    bool
	OffsetForNonRefPic             int32
	OffsetForTopToBottomField      int32
	NumRefFramesInPicOrderCntCycle uint32
	OffsetForRefFrame              []int32

	MaxNumRefFrames                uint32
	GapsInFrameNumValueAllowedFlag bool
	PicWidthInMbsMinus1            uint32
	PicHeightInMapUnitsMinus1      uint32
	FrameMbsOnlyFlag               bool
	MbAdaptiveFrameFieldFlag       bool
	Direct8x8InferenceFlag         bool
	FrameCroppingFlag              bool
	FrameCropLeftOffset            uint32
	FrameCropRightOffset           uint32
	FrameCropTopOffset             uint32
	FrameCropBottomOffset          uint32

	VUIParametersPresentFlag bool
	VUI                      VUI
}

// ScalingMatrix holds the scaling lists of an SPS or PPS (7.3.2.1.1.1),
// indexed as the syntax numbers them: 4x4 lists 0..5 (Intra Y, Cb, Cr,
// Inter Y, Cb, Cr), then 8x8 lists 6..11 (Intra Y, Inter Y, Intra Cb,
// Inter Cb, Intra Cr, Inter Cr). A list is in the order it is coded (zig-zag
// or field scan), as scaling_list() produces it; a list that is absent is
// all zeros and takes its fall-back (Table 7-2) in a decoder, which this
// package does not compute.
type ScalingMatrix struct {
	ScalingListPresentFlag         [12]bool
	ScalingList4x4                 [6][16]uint8
	ScalingList8x8                 [6][64]uint8
	UseDefaultScalingMatrix4x4Flag [6]bool
	UseDefaultScalingMatrix8x8Flag [6]bool
}

// hasChromaInfo reports whether the SPS of a profile carries
// chroma_format_idc, the bit depths and the scaling matrix: the list of
// 7.3.2.1.1, plus the old High 4:4:4 profile (144) that
// ff_h264_decode_seq_parameter_set still accepts.
func hasChromaInfo(profileIDC uint8) bool {
	switch profileIDC {
	case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135, 144:
		return true
	}
	return false
}

// The numbers of parameter set ids: seq_parameter_set_id is 0..31 and
// pic_parameter_set_id 0..255 (7.4.2.1.1, 7.4.2.2), as FFmpeg's
// MAX_SPS_COUNT and MAX_PPS_COUNT bound them.
const (
	MaxSPSCount = 32
	MaxPPSCount = 256
)

// Limits of ff_h264_decode_seq_parameter_set (h264_ps.c, h264_ps.h).
const (
	maxDPBFrames     = 16  // H264_MAX_DPB_FRAMES, MAX_DELAYED_PIC_COUNT
	maxPOCCycle      = 256 // offset_for_ref_frame[256]
	maxLog2FrameNum  = 12  // log2_max_frame_num_minus4 (MAX_LOG2_MAX_FRAME_NUM - 4)
	maxLog2POCLsb    = 12  // log2_max_pic_order_cnt_lsb_minus4
	maxCPBCount      = 32  // cpb_cnt_minus1 + 1
	maxReorderFrames = 16  // num_reorder_frames
	intMax           = 1<<31 - 1
)

// ParseSPS parses a sequence parameter set NAL unit: its header byte (of
// nal_unit_type 7) and payload, with its emulation prevention bytes, as
// found after a start code or a length field. It accepts and rejects what
// FFmpeg 5.1 does, in the order decode_extradata_ps and
// ff_h264_decode_seq_parameter_set try: the RBSP up to its stop bit; then,
// if that fails, the unit's raw bytes to their end (for a unit whose stop
// bit is missing); then the RBSP again ignoring a truncated VUI, which reads
// the bits past the end as zeros.
//
// On failure it returns the elements read so far with an error wrapping
// container.ErrMalformed (a value FFmpeg rejects), ErrTruncated (the unit
// ends inside the syntax) or ErrUnsupported (separate colour planes, or
// different luma and chroma bit depths, which FFmpeg does not decode);
// FFmpeg then has no SPS and a stream that needs one has no picture
// parameters.
func ParseSPS(nal []byte) (*SPS, error) {
	if t := nalType(nal); t != NALSPS {
		return nil, demuxkit.Errorf("h264", "sps", 0, container.ErrMalformed, "nal_unit_type %d is not a sequence parameter set", t)
	}
	rbsp := bits.RBSP(nal)
	limit := sizeBits(rbsp)
	d := newReader(rbsp, limit)
	d.r.Skip(8)
	sps, err := parseSPS(d, false)
	if err == nil {
		return sps, nil
	}
	// "SPS decoding failure, trying again with the complete NAL": the
	// escaped bytes of the unit, as far as its RBSP reaches.
	raw := nal[:rawLen(nal)]
	d = newReader(raw[1:], 8*(len(raw)-1))
	if s2, err2 := parseSPS(d, false); err2 == nil {
		return s2, nil
	}
	d = newReader(rbsp, limit)
	d.r.Skip(8)
	return parseSPS(d, true)
}

// rawLen returns the length of the unit's raw bytes as
// ff_h2645_extract_rbsp counts them (raw_size): up to two zero bytes
// followed by 0x01 or 0x02, which would start the next unit, or the end.
func rawLen(nal []byte) int {
	zeros := 0
	for i, c := range nal {
		if zeros >= 2 && (c == 1 || c == 2) {
			return i - 2
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return len(nal)
}

// sizeBits is the bit length FFmpeg gives a NAL unit's reader
// (get_bit_length in h2645_parse.c): the bits before the
// rbsp_stop_one_bit, once trailing zero bytes are set aside; a unit of one
// byte keeps its 8 bits.
func sizeBits(rbsp []byte) int {
	n := len(rbsp)
	for n > 0 && rbsp[n-1] == 0 {
		n--
	}
	if n <= 1 {
		return 8 * n
	}
	return bits.RBSPBitLen(rbsp[:n])
}

// fail builds the error of a parameter set (what: "sps", "vui", "pps")
// rejected at the reader's position. A value rejected after the reader ran
// past the end of the data was read from FFmpeg's zero padding: the unit is
// truncated rather than malformed.
func fail(d *reader, what string, kind error, detail string, args ...any) error {
	if d.r.Err() != nil {
		kind = container.ErrTruncated
	}
	return demuxkit.Errorf("h264", what, int64(d.pos()/8), kind, detail, args...)
}

// parseSPS is ff_h264_decode_seq_parameter_set after the NAL header.
func parseSPS(d *reader, ignoreTruncation bool) (*SPS, error) {
	s := &SPS{}
	s.ProfileIDC = uint8(d.u(8))
	s.ConstraintSet0Flag = d.flag()
	s.ConstraintSet1Flag = d.flag()
	s.ConstraintSet2Flag = d.flag()
	s.ConstraintSet3Flag = d.flag()
	s.ConstraintSet4Flag = d.flag()
	s.ConstraintSet5Flag = d.flag()
	s.ReservedZero2Bits = uint8(d.u(2))
	s.LevelIDC = uint8(d.u(8))
	s.SeqParameterSetID = d.ue31()
	if s.SeqParameterSetID >= MaxSPSCount {
		return s, fail(d, "sps", container.ErrMalformed, "seq_parameter_set_id %d out of range", s.SeqParameterSetID)
	}
	s.ChromaFormatIDC = 1
	s.VUI.setDefaults()

	if hasChromaInfo(s.ProfileIDC) {
		s.ChromaFormatIDC = d.ue31()
		if s.ChromaFormatIDC > 3 {
			return s, fail(d, "sps", container.ErrMalformed, "chroma_format_idc %d", s.ChromaFormatIDC)
		}
		if s.ChromaFormatIDC == 3 {
			s.SeparateColourPlaneFlag = d.flag()
			if s.SeparateColourPlaneFlag {
				return s, fail(d, "sps", container.ErrUnsupported, "separate colour planes")
			}
		}
		luma, chroma := d.ue(), d.ue()
		s.BitDepthLumaMinus8, s.BitDepthChromaMinus8 = uint32(luma), uint32(chroma)
		if luma != chroma {
			return s, fail(d, "sps", container.ErrUnsupported, "luma bit depth %d differs from chroma bit depth %d", luma+8, chroma+8)
		}
		if luma < 0 || luma > 6 {
			return s, fail(d, "sps", container.ErrMalformed, "bit depth %d", luma+8)
		}
		s.QpprimeYZeroTransformBypassFlag = d.flag()
		s.SeqScalingMatrixPresentFlag = d.flag()
		if s.SeqScalingMatrixPresentFlag {
			n := 8
			if s.ChromaFormatIDC == 3 {
				n = 12
			}
			if err := s.ScalingMatrix.parse(d, n, "sps"); err != nil {
				return s, err
			}
		}
	}

	s.Log2MaxFrameNumMinus4 = d.ueLong()
	if s.Log2MaxFrameNumMinus4 > maxLog2FrameNum {
		return s, fail(d, "sps", container.ErrMalformed, "log2_max_frame_num_minus4 %d out of range (0-12)", s.Log2MaxFrameNumMinus4)
	}
	s.PicOrderCntType = d.ue31()
	switch s.PicOrderCntType {
	case 0:
		s.Log2MaxPicOrderCntLsbMinus4 = d.ueLong()
		if s.Log2MaxPicOrderCntLsbMinus4 > maxLog2POCLsb {
			return s, fail(d, "sps", container.ErrMalformed, "log2_max_pic_order_cnt_lsb_minus4 %d out of range (0-12)", s.Log2MaxPicOrderCntLsbMinus4)
		}
	case 1:
		s.DeltaPicOrderAlwaysZeroFlag = d.flag()
		s.OffsetForNonRefPic = d.seLong()
		s.OffsetForTopToBottomField = d.seLong()
		if s.OffsetForNonRefPic == minInt32 || s.OffsetForTopToBottomField == minInt32 {
			return s, fail(d, "sps", container.ErrMalformed, "poc offset out of range")
		}
		cycle := d.ue()
		s.NumRefFramesInPicOrderCntCycle = uint32(cycle)
		if cycle < 0 || cycle >= maxPOCCycle {
			return s, fail(d, "sps", container.ErrMalformed, "num_ref_frames_in_pic_order_cnt_cycle %d out of range", cycle)
		}
		// At most 255 entries. Past the end of the data the zeros of
		// FFmpeg's padding read as INT32_MIN, which ends the loop.
		for i := int64(0); i < cycle; i++ {
			v := d.seLong()
			if v == minInt32 {
				return s, fail(d, "sps", container.ErrMalformed, "offset_for_ref_frame out of range")
			}
			s.OffsetForRefFrame = append(s.OffsetForRefFrame, v)
		}
	case 2:
	default:
		return s, fail(d, "sps", container.ErrMalformed, "pic_order_cnt_type %d", s.PicOrderCntType)
	}

	s.MaxNumRefFrames = d.ue31()
	if s.MaxNumRefFrames > maxDPBFrames {
		return s, fail(d, "sps", container.ErrMalformed, "max_num_ref_frames %d: too many reference frames", s.MaxNumRefFrames)
	}
	s.GapsInFrameNumValueAllowedFlag = d.flag()
	w, h := d.ue(), d.ue()
	s.PicWidthInMbsMinus1, s.PicHeightInMapUnitsMinus1 = uint32(w), uint32(h)
	s.FrameMbsOnlyFlag = d.flag()
	if !s.FrameMbsOnlyFlag {
		s.MbAdaptiveFrameFieldFlag = d.flag()
	}
	if w < 0 || h < 0 || !codec.ValidPictureSize(s.codedWidth(), s.codedHeight()) {
		return s, fail(d, "sps", container.ErrMalformed, "picture size of %dx%d macroblocks invalid", w+1, h+1)
	}
	s.Direct8x8InferenceFlag = d.flag()
	s.FrameCroppingFlag = d.flag()
	if s.FrameCroppingFlag {
		l, r, t, b := d.ue(), d.ue(), d.ue(), d.ue()
		s.FrameCropLeftOffset, s.FrameCropRightOffset = uint32(l), uint32(r)
		s.FrameCropTopOffset, s.FrameCropBottomOffset = uint32(t), uint32(b)
		// FFmpeg reads the offsets as unsigned, so an unreadable code
		// (a negative error) is a huge offset and fails the checks.
		stepX, stepY := s.cropUnits()
		left, right, top, bottom := uint64(s.FrameCropLeftOffset), uint64(s.FrameCropRightOffset),
			uint64(s.FrameCropTopOffset), uint64(s.FrameCropBottomOffset)
		if left > intMax/4/stepX || right > intMax/4/stepX || top > intMax/4/stepY || bottom > intMax/4/stepY ||
			(left+right)*stepX >= uint64(s.codedWidth()) || (top+bottom)*stepY >= uint64(s.codedHeight()) {
			return s, fail(d, "sps", container.ErrMalformed, "crop values invalid %d %d %d %d", left, right, top, bottom)
		}
	}

	s.VUIParametersPresentFlag = d.flag()
	if s.VUIParametersPresentFlag {
		if err := s.VUI.parse(d); err != nil {
			return s, err
		}
	}
	if d.left() < 0 && !ignoreTruncation {
		what := "sps"
		if s.VUIParametersPresentFlag {
			what = "vui"
		}
		return s, fail(d, "sps", container.ErrTruncated, "overread %s by %d bits", what, -d.left())
	}
	return s, nil
}

const minInt32 = -1 << 31

// parse reads n scaling lists (n is 8, or 12 for 4:4:4) of an SPS, or of a
// PPS with transform_8x8_mode_flag, as decode_scaling_matrices does.
func (m *ScalingMatrix) parse(d *reader, n int, what string) error {
	for i := 0; i < n; i++ {
		m.ScalingListPresentFlag[i] = d.flag()
		if !m.ScalingListPresentFlag[i] {
			continue
		}
		var err error
		if i < 6 {
			m.UseDefaultScalingMatrix4x4Flag[i], err = scalingList(d, m.ScalingList4x4[i][:], what)
		} else {
			m.UseDefaultScalingMatrix8x8Flag[i-6], err = scalingList(d, m.ScalingList8x8[i-6][:], what)
		}
		if err != nil {
			return err
		}
	}
	// Lists past the end of the data read FFmpeg's zero padding, as here:
	// the zeros are flags of 0 and delta_scale of 0, so the loop is
	// bounded by the syntax, and the parameter set fails later.
	return nil
}

// scalingList reads scaling_list() (7.3.2.1.1.1) into list, in coded order,
// and reports useDefaultScalingMatrixFlag. FFmpeg's decode_scaling_list
// rejects a delta_scale outside -128..127, as the semantics bound it.
func scalingList(d *reader, list []uint8, what string) (useDefault bool, err error) {
	last, next := int32(8), int32(8)
	for j := range list {
		if next != 0 {
			delta := d.se()
			if delta < -128 || delta > 127 {
				return false, fail(d, what, container.ErrMalformed, "delta_scale %d is invalid", delta)
			}
			next = (last + delta + 256) % 256
			useDefault = j == 0 && next == 0
		}
		if next != 0 {
			last = next
		}
		list[j] = uint8(last)
	}
	return useDefault, nil
}

// cropUnits returns CropUnitX and CropUnitY (7.4.2.1.1): the chroma
// subsampling, and two rows per unit for field coding.
func (s *SPS) cropUnits() (x, y uint64) {
	x, y = 1, 1
	if s.ChromaFormatIDC == 1 || s.ChromaFormatIDC == 2 {
		x = 2
	}
	if s.ChromaFormatIDC == 1 {
		y = 2
	}
	if !s.FrameMbsOnlyFlag {
		y *= 2
	}
	return x, y
}

// codedWidth is 16 * PicWidthInMbs, the width FFmpeg decodes.
func (s *SPS) codedWidth() int64 { return 16 * (int64(s.PicWidthInMbsMinus1) + 1) }

// codedHeight is 16 * FrameHeightInMbs: map units are field macroblock
// pairs when frame_mbs_only_flag is 0.
func (s *SPS) codedHeight() int64 {
	h := 16 * (int64(s.PicHeightInMapUnitsMinus1) + 1)
	if !s.FrameMbsOnlyFlag {
		h *= 2
	}
	return h
}
