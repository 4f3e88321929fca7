package hevc

import (
	"math"
	"slices"

	"github.com/mediaprobe/mediaprobe/codec"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// SPS is seq_parameter_set_rbsp() (H.265 7.3.2.2) with the values as
// coded, read as ff_hevc_parse_sps (libavcodec/hevc_ps.c, FFmpeg 5.1)
// reads them, plus the cropping that FFmpeg derives (OutputWindow).
type SPS struct {
	SPSVideoParameterSetID   uint8
	SPSMaxSubLayersMinus1    uint8
	SPSTemporalIDNestingFlag bool
	ProfileTierLevel         ProfileTierLevel
	SPSSeqParameterSetID     uint32
	ChromaFormatIDC          uint32
	SeparateColourPlaneFlag  bool
	PicWidthInLumaSamples    uint32
	PicHeightInLumaSamples   uint32
	ConformanceWindowFlag    bool
	ConfWinLeftOffset        uint32 // in chroma sample units, as coded
	ConfWinRightOffset       uint32
	ConfWinTopOffset         uint32
	ConfWinBottomOffset      uint32
	BitDepthLumaMinus8       uint32
	BitDepthChromaMinus8     uint32

	Log2MaxPicOrderCntLsbMinus4        uint32
	SPSSubLayerOrderingInfoPresentFlag bool
	// The sub-layer ordering info, for every sub-layer up to
	// SPSMaxSubLayersMinus1: those not coded are inferred equal to the
	// highest one's (H.265 7.4.3.2.1), as FFmpeg copies them.
	SPSMaxDecPicBufferingMinus1 [MaxSubLayers]uint32
	SPSMaxNumReorderPics        [MaxSubLayers]uint32
	SPSMaxLatencyIncreasePlus1  [MaxSubLayers]uint32

	Log2MinLumaCodingBlockSizeMinus3     uint32
	Log2DiffMaxMinLumaCodingBlockSize    uint32
	Log2MinLumaTransformBlockSizeMinus2  uint32
	Log2DiffMaxMinLumaTransformBlockSize uint32
	MaxTransformHierarchyDepthInter      uint32
	MaxTransformHierarchyDepthIntra      uint32

	ScalingListEnabledFlag        bool
	SPSScalingListDataPresentFlag bool
	// ScalingList holds the lists in force when ScalingListEnabledFlag is
	// set: the defaults, or those SPSScalingListDataPresentFlag codes.
	ScalingList ScalingList

	AMPEnabledFlag                       bool
	SampleAdaptiveOffsetEnabledFlag      bool
	PCMEnabledFlag                       bool
	PCMSampleBitDepthLumaMinus1          uint8
	PCMSampleBitDepthChromaMinus1        uint8
	Log2MinPCMLumaCodingBlockSizeMinus3  uint32
	Log2DiffMaxMinPCMLumaCodingBlockSize uint32
	PCMLoopFilterDisabledFlag            bool

	NumShortTermRefPicSets uint32
	STRefPicSets           []ShortTermRPS // one per set, at most MaxShortTermRefPicSets

	LongTermRefPicsPresentFlag bool
	NumLongTermRefPicsSPS      uint32
	LtRefPicPocLsbSPS          [MaxLongTermRefPicsSPS]uint16
	UsedByCurrPicLtSPSFlag     [MaxLongTermRefPicsSPS]bool

	SPSTemporalMVPEnabledFlag       bool
	StrongIntraSmoothingEnabledFlag bool
	VUIParametersPresentFlag        bool
	VUI                             VUI

	SPSExtensionPresentFlag bool
	SPSRangeExtensionFlag   bool
	SPSExtension7Bits       uint8
	// sps_range_extension() (H.265 7.3.2.2.2).
	TransformSkipRotationEnabledFlag    bool
	TransformSkipContextEnabledFlag     bool
	ImplicitRDPCMEnabledFlag            bool
	ExplicitRDPCMEnabledFlag            bool
	ExtendedPrecisionProcessingFlag     bool
	IntraSmoothingDisabledFlag          bool
	HighPrecisionOffsetsEnabledFlag     bool
	PersistentRiceAdaptationEnabledFlag bool
	CABACBypassAlignmentEnabledFlag     bool

	// OutputWindow is the cropping FFmpeg applies, in luma samples: the
	// conformance window scaled by SubWidthC and SubHeightC, or nothing
	// when the offsets leave no picture (the decoder then warns "Invalid
	// cropping offsets" and shows the whole picture). FFmpeg's decoder
	// does not apply the VUI default display window unless asked to
	// (apply_defdispwin, off by default), so neither does this.
	OutputWindow Window
}

// Window is a cropping, in luma samples from each edge.
type Window struct {
	Left, Right, Top, Bottom uint32
}

// ShortTermRPS is one st_ref_pic_set() of the SPS (H.265 7.3.7), with its
// pictures as FFmpeg lists them (ff_hevc_decode_short_term_rps): the
// NumNegativePics negative deltas first, nearest first, then the positive
// ones in increasing order.
type ShortTermRPS struct {
	InterRefPicSetPredictionFlag bool
	DeltaRPSSign                 bool   // when predicted
	AbsDeltaRPSMinus1            uint32 // when predicted
	NumNegativePics              uint8
	NumDeltaPocs                 uint8 // NumNegativePics + NumPositivePics
	DeltaPOC                     [32]int32
	UsedByCurrPic                [32]bool
}

// NumPositivePics returns the number of pictures after the current one.
func (s *ShortTermRPS) NumPositivePics() int { return int(s.NumDeltaPocs) - int(s.NumNegativePics) }

// ScalingList holds the scaling lists of scaling_list_data() (H.265
// 7.3.4, semantics 7.4.5) in force: ScalingList[sizeId][matrixId][i] with
// i in coded (up-right diagonal) order, 16 entries for sizeId 0 and 64
// for the others, and the DC coefficients of the 16x16 and 32x32 lists.
type ScalingList struct {
	List [4][6][64]uint8
	DC   [2][6]uint8
}

// Default scaling lists of the 8x8 and larger sizes, in coded order
// (H.265 Table 7-6); the 4x4 default is flat 16 (Table 7-5).
var (
	defaultScalingIntra = [64]uint8{
		16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 16, 17, 16, 17, 18,
		17, 18, 18, 17, 18, 21, 19, 20, 21, 20, 19, 21, 24, 22, 22, 24,
		24, 22, 22, 24, 25, 25, 27, 30, 27, 25, 25, 29, 31, 35, 35, 31,
		29, 36, 41, 44, 41, 36, 47, 54, 54, 47, 65, 70, 65, 88, 88, 115,
	}
	defaultScalingInter = [64]uint8{
		16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17, 18,
		18, 18, 18, 18, 18, 20, 20, 20, 20, 20, 20, 20, 24, 24, 24, 24,
		24, 24, 24, 24, 25, 25, 25, 25, 25, 25, 25, 28, 28, 28, 28, 28,
		28, 33, 33, 33, 33, 33, 41, 41, 41, 41, 54, 54, 54, 71, 71, 91,
	}
)

// setDefault fills sl with the default lists.
func (sl *ScalingList) setDefault() {
	for m := 0; m < 6; m++ {
		for i := 0; i < 16; i++ {
			sl.List[0][m][i] = 16
		}
		for size := 1; size < 4; size++ {
			if m < 3 {
				sl.List[size][m] = defaultScalingIntra
			} else {
				sl.List[size][m] = defaultScalingInter
			}
		}
		sl.DC[0][m], sl.DC[1][m] = 16, 16
	}
}

// parse reads scaling_list_data() into sl, which holds the defaults, as
// scaling_list_data (libavcodec/hevc_ps.c) does: a reference to a list
// after the current one, or a DC coefficient outside 1..255, is an error.
// chroma is ChromaArrayType: at 4:4:4 the 32x32 chroma lists are those
// of 16x16 (7.4.5).
func (sl *ScalingList) parse(r *bits.Reader, what string, chroma int) error {
	for size := 0; size < 4; size++ {
		step := 1
		if size == 3 {
			step = 3
		}
		n := 64
		if size == 0 {
			n = 16
		}
		for m := 0; m < 6; m += step {
			if !r.Flag() { // scaling_list_pred_mode_flag
				delta := r.UE() // scaling_list_pred_matrix_id_delta
				if delta == 0 {
					continue // the default, which sl already holds
				}
				ref := uint64(m) - delta*uint64(step)
				if delta*uint64(step) > uint64(m) {
					return errorAt(what, r, container.ErrMalformed, "scaling_list_pred_matrix_id_delta %d at sizeId %d matrixId %d", delta, size, m)
				}
				sl.List[size][m] = sl.List[size][ref]
				if size > 1 {
					sl.DC[size-2][m] = sl.DC[size-2][ref]
				}
				continue
			}
			next := int64(8)
			if size > 1 {
				dc := r.SE() // scaling_list_dc_coef_minus8
				if dc < -7 || dc > 247 {
					return errorAt(what, r, container.ErrMalformed, "scaling_list_dc_coef_minus8 %d", dc)
				}
				next = dc + 8
				sl.DC[size-2][m] = uint8(next)
			}
			for i := 0; i < n; i++ {
				next = (next + r.SE()%256 + 256) % 256 // scaling_list_delta_coef
				sl.List[size][m][i] = uint8(next)
			}
		}
	}
	if chroma == 3 {
		for _, m := range [...]int{1, 2, 4, 5} {
			sl.List[3][m] = sl.List[2][m]
			sl.DC[1][m] = sl.DC[0][m]
		}
	}
	return nil
}

// The limits ff_hevc_parse_sps checks besides those of the tables.
const (
	maxLog2CtbSize = 6  // HEVC_MAX_LOG2_CTB_SIZE
	minLog2CtbSize = 4  // below it no profile's bounds hold
	maxLog2        = 30 // the largest log2 size FFmpeg accepts before the CTB checks
	maxAbsDeltaPOC = 32768
)

// ue reads a ue(v) as get_ue_golomb_long returns it to a 32-bit field,
// saturating where FFmpeg's would wrap (codes of 32 leading zeros, which
// no specification allows).
func ue(r bitSource) uint32 {
	v := r.UE()
	if v > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(v)
}

// ParseSPS decodes a sequence parameter set from its NAL unit (header
// included, emulation prevention bytes in), with every check of
// ff_hevc_parse_sps but the one that needs the parameter sets already
// decoded (that its VPS exists: see [ParamSets]). An SPS FFmpeg refuses
// is an error wrapping container.ErrMalformed, or ErrTruncated when it
// runs past the end of the unit; the SPS read so far comes with it.
func ParseSPS(nal []byte) (*SPS, error) {
	u, err := parseUnit(nal, NALSPS, "sps")
	if err != nil {
		return nil, err
	}
	return parseSPS(u)
}

// parseUnit makes a unit of nal and checks its type.
func parseUnit(nal []byte, typ uint8, what string) (unit, error) {
	h, err := ParseNALHeader(nal)
	if err != nil {
		return unit{}, err
	}
	if h.Type != typ {
		return unit{}, demuxkit.Errorf("hevc", what, 0, container.ErrMalformed, "nal_unit_type %d", h.Type)
	}
	u, ok := unitOf(nal)
	if !ok {
		return unit{}, demuxkit.Errorf("hevc", what, 0, container.ErrTruncated, "empty nal unit")
	}
	return u, nil
}

func parseSPS(u unit) (*SPS, error) {
	const what = "sps"
	r := u.reader()
	s := &SPS{}
	s.SPSVideoParameterSetID = uint8(r.Bits(4))
	s.SPSMaxSubLayersMinus1 = uint8(r.Bits(3))
	maxSub := int(s.SPSMaxSubLayersMinus1) + 1
	if maxSub > MaxSubLayers {
		return s, errorAt(what, r, container.ErrMalformed, "sps_max_sub_layers_minus1 %d", s.SPSMaxSubLayersMinus1)
	}
	s.SPSTemporalIDNestingFlag = r.Flag()
	var err error
	if s.ProfileTierLevel, err = parseProfileTierLevel(r, what, maxSub); err != nil {
		return s, err
	}
	s.SPSSeqParameterSetID = ue(r)
	if s.SPSSeqParameterSetID >= MaxSPSCount {
		return s, errorAt(what, r, container.ErrMalformed, "sps_seq_parameter_set_id %d", s.SPSSeqParameterSetID)
	}
	s.ChromaFormatIDC = ue(r)
	if s.ChromaFormatIDC > 3 {
		return s, errorAt(what, r, container.ErrMalformed, "chroma_format_idc %d", s.ChromaFormatIDC)
	}
	if s.ChromaFormatIDC == 3 {
		s.SeparateColourPlaneFlag = r.Flag()
	}
	s.PicWidthInLumaSamples = ue(r)
	s.PicHeightInLumaSamples = ue(r)
	// av_image_check_size: a positive size whose padded area fits.
	w, h := uint64(s.PicWidthInLumaSamples), uint64(s.PicHeightInLumaSamples)
	if w == 0 || h == 0 || w > math.MaxInt32 || h > math.MaxInt32 || (w+128)*(h+128) >= math.MaxInt32/8 {
		return s, errorAt(what, r, container.ErrMalformed, "picture size %dx%d", w, h)
	}
	s.ConformanceWindowFlag = r.Flag()
	if s.ConformanceWindowFlag {
		s.ConfWinLeftOffset = ue(r)
		s.ConfWinRightOffset = ue(r)
		s.ConfWinTopOffset = ue(r)
		s.ConfWinBottomOffset = ue(r)
	}
	s.BitDepthLumaMinus8 = ue(r)
	s.BitDepthChromaMinus8 = ue(r)
	if s.ChromaArrayType() != 0 && s.BitDepthChromaMinus8 != s.BitDepthLumaMinus8 {
		return s, errorAt(what, r, container.ErrMalformed, "luma bit depth %d, chroma %d", s.BitDepth(), s.BitDepthChroma())
	}
	if pixFmt(s.BitDepth(), s.ChromaArrayType(), false, false) == "" {
		return s, errorAt(what, r, container.ErrMalformed, "bit depth %d", s.BitDepth())
	}
	s.Log2MaxPicOrderCntLsbMinus4 = ue(r)
	if s.Log2MaxPicOrderCntLsbMinus4 > 12 {
		return s, errorAt(what, r, container.ErrMalformed, "log2_max_pic_order_cnt_lsb_minus4 %d", s.Log2MaxPicOrderCntLsbMinus4)
	}
	s.SPSSubLayerOrderingInfoPresentFlag = r.Flag()
	start := maxSub - 1
	if s.SPSSubLayerOrderingInfoPresentFlag {
		start = 0
	}
	for i := start; i < maxSub; i++ {
		s.SPSMaxDecPicBufferingMinus1[i] = ue(r)
		s.SPSMaxNumReorderPics[i] = ue(r)
		s.SPSMaxLatencyIncreasePlus1[i] = ue(r)
		if uint64(s.SPSMaxDecPicBufferingMinus1[i])+1 > MaxDPBSize {
			return s, errorAt(what, r, container.ErrMalformed, "sps_max_dec_pic_buffering_minus1 %d", s.SPSMaxDecPicBufferingMinus1[i])
		}
		// A reorder count above the buffer is repaired (the buffer is
		// taken to be one more) unless it exceeds the largest buffer.
		if s.SPSMaxNumReorderPics[i] > MaxDPBSize-1 {
			return s, errorAt(what, r, container.ErrMalformed, "sps_max_num_reorder_pics %d", s.SPSMaxNumReorderPics[i])
		}
	}
	for i := 0; i < start; i++ {
		s.SPSMaxDecPicBufferingMinus1[i] = s.SPSMaxDecPicBufferingMinus1[start]
		s.SPSMaxNumReorderPics[i] = s.SPSMaxNumReorderPics[start]
		s.SPSMaxLatencyIncreasePlus1[i] = s.SPSMaxLatencyIncreasePlus1[start]
	}

	s.Log2MinLumaCodingBlockSizeMinus3 = ue(r)
	s.Log2DiffMaxMinLumaCodingBlockSize = ue(r)
	s.Log2MinLumaTransformBlockSizeMinus2 = ue(r)
	s.Log2DiffMaxMinLumaTransformBlockSize = ue(r)
	minCb, minTb := uint64(s.Log2MinLumaCodingBlockSizeMinus3)+3, uint64(s.Log2MinLumaTransformBlockSizeMinus2)+2
	switch {
	case minCb > maxLog2:
		return s, errorAt(what, r, container.ErrMalformed, "log2_min_luma_coding_block_size_minus3 %d", s.Log2MinLumaCodingBlockSizeMinus3)
	case s.Log2DiffMaxMinLumaCodingBlockSize > maxLog2:
		return s, errorAt(what, r, container.ErrMalformed, "log2_diff_max_min_luma_coding_block_size %d", s.Log2DiffMaxMinLumaCodingBlockSize)
	case minTb >= minCb:
		return s, errorAt(what, r, container.ErrMalformed, "log2_min_luma_transform_block_size_minus2 %d", s.Log2MinLumaTransformBlockSizeMinus2)
	case s.Log2DiffMaxMinLumaTransformBlockSize > maxLog2:
		return s, errorAt(what, r, container.ErrMalformed, "log2_diff_max_min_luma_transform_block_size %d", s.Log2DiffMaxMinLumaTransformBlockSize)
	}
	s.MaxTransformHierarchyDepthInter = ue(r)
	s.MaxTransformHierarchyDepthIntra = ue(r)

	s.ScalingListEnabledFlag = r.Flag()
	if s.ScalingListEnabledFlag {
		s.ScalingList.setDefault()
		s.SPSScalingListDataPresentFlag = r.Flag()
		if s.SPSScalingListDataPresentFlag {
			if err := s.ScalingList.parse(r, what, s.ChromaArrayType()); err != nil {
				return s, err
			}
		}
	}
	s.AMPEnabledFlag = r.Flag()
	s.SampleAdaptiveOffsetEnabledFlag = r.Flag()
	s.PCMEnabledFlag = r.Flag()
	if s.PCMEnabledFlag {
		s.PCMSampleBitDepthLumaMinus1 = uint8(r.Bits(4))
		s.PCMSampleBitDepthChromaMinus1 = uint8(r.Bits(4))
		s.Log2MinPCMLumaCodingBlockSizeMinus3 = ue(r)
		s.Log2DiffMaxMinPCMLumaCodingBlockSize = ue(r)
		if pcm := int(max(s.PCMSampleBitDepthLumaMinus1, s.PCMSampleBitDepthChromaMinus1)) + 1; pcm > s.BitDepth() {
			return s, errorAt(what, r, container.ErrMalformed, "pcm bit depth %d above %d", pcm, s.BitDepth())
		}
		s.PCMLoopFilterDisabledFlag = r.Flag()
	}

	s.NumShortTermRefPicSets = ue(r)
	if s.NumShortTermRefPicSets > MaxShortTermRefPicSets {
		return s, errorAt(what, r, container.ErrMalformed, "num_short_term_ref_pic_sets %d", s.NumShortTermRefPicSets)
	}
	// Each set takes at least two bits: the count is bounded by the data
	// as well as by the limit, and the sticky error ends the loop.
	s.STRefPicSets = make([]ShortTermRPS, 0, min(int(s.NumShortTermRefPicSets), r.Left()/2+1))
	for i := 0; i < int(s.NumShortTermRefPicSets) && r.Err() == nil; i++ {
		rps, err := parseShortTermRPS(r, s.STRefPicSets)
		if err != nil {
			return s, err
		}
		s.STRefPicSets = append(s.STRefPicSets, rps)
	}

	s.LongTermRefPicsPresentFlag = r.Flag()
	if s.LongTermRefPicsPresentFlag {
		s.NumLongTermRefPicsSPS = ue(r)
		if s.NumLongTermRefPicsSPS > MaxLongTermRefPicsSPS {
			return s, errorAt(what, r, container.ErrMalformed, "num_long_term_ref_pics_sps %d", s.NumLongTermRefPicsSPS)
		}
		n := int(s.Log2MaxPicOrderCntLsbMinus4) + 4
		for i := 0; i < int(s.NumLongTermRefPicsSPS); i++ {
			s.LtRefPicPocLsbSPS[i] = uint16(r.Bits(n))
			s.UsedByCurrPicLtSPSFlag[i] = r.Flag()
		}
	}
	s.SPSTemporalMVPEnabledFlag = r.Flag()
	s.StrongIntraSmoothingEnabledFlag = r.Flag()
	s.VUIParametersPresentFlag = r.Flag()
	if s.VUIParametersPresentFlag {
		s.VUI = parseVUI(r, maxSub)
	}
	s.SPSExtensionPresentFlag = r.Flag()
	if s.SPSExtensionPresentFlag {
		// FFmpeg 5.1 reads sps_range_extension_flag and skips the other
		// seven flags (multilayer, 3D, SCC, 4 bits) and what they carry.
		s.SPSRangeExtensionFlag = r.Flag()
		s.SPSExtension7Bits = uint8(r.Bits(7))
		if s.SPSRangeExtensionFlag {
			s.TransformSkipRotationEnabledFlag = r.Flag()
			s.TransformSkipContextEnabledFlag = r.Flag()
			s.ImplicitRDPCMEnabledFlag = r.Flag()
			s.ExplicitRDPCMEnabledFlag = r.Flag()
			s.ExtendedPrecisionProcessingFlag = r.Flag()
			s.IntraSmoothingDisabledFlag = r.Flag()
			s.HighPrecisionOffsetsEnabledFlag = r.Flag()
			s.PersistentRiceAdaptationEnabledFlag = r.Flag()
			s.CABACBypassAlignmentEnabledFlag = r.Flag()
		}
	}
	s.OutputWindow = s.outputWindow()

	ctb := s.Log2CtbSize()
	switch {
	case ctb > maxLog2CtbSize:
		return s, errorAt(what, r, container.ErrMalformed, "ctb size 2^%d", ctb)
	case ctb < minLog2CtbSize:
		return s, errorAt(what, r, container.ErrMalformed, "ctb size 2^%d", ctb)
	case w%(1<<minCb) != 0 || h%(1<<minCb) != 0:
		return s, errorAt(what, r, container.ErrMalformed, "picture size %dx%d not a multiple of the coding block", w, h)
	case uint64(s.MaxTransformHierarchyDepthInter) > uint64(ctb)-minTb:
		return s, errorAt(what, r, container.ErrMalformed, "max_transform_hierarchy_depth_inter %d", s.MaxTransformHierarchyDepthInter)
	case uint64(s.MaxTransformHierarchyDepthIntra) > uint64(ctb)-minTb:
		return s, errorAt(what, r, container.ErrMalformed, "max_transform_hierarchy_depth_intra %d", s.MaxTransformHierarchyDepthIntra)
	case uint64(s.Log2DiffMaxMinLumaTransformBlockSize)+minTb > uint64(min(ctb, 5)):
		return s, errorAt(what, r, container.ErrMalformed, "max transform block size 2^%d", uint64(s.Log2DiffMaxMinLumaTransformBlockSize)+minTb)
	}
	if err := r.Err(); err != nil {
		return s, errorAt(what, r, err, "sps runs past the end of its nal unit")
	}
	return s, nil
}

// outputWindow is the cropping ff_hevc_parse_sps keeps: the conformance
// window in luma samples, or none when it leaves no picture.
func (s *SPS) outputWindow() Window {
	if !s.ConformanceWindowFlag {
		return Window{}
	}
	sw, sh := s.subWidthHeight()
	l, r := uint64(s.ConfWinLeftOffset)*sw, uint64(s.ConfWinRightOffset)*sw
	t, b := uint64(s.ConfWinTopOffset)*sh, uint64(s.ConfWinBottomOffset)*sh
	if l+r >= uint64(s.PicWidthInLumaSamples) || t+b >= uint64(s.PicHeightInLumaSamples) {
		return Window{}
	}
	return Window{Left: uint32(l), Right: uint32(r), Top: uint32(t), Bottom: uint32(b)}
}

// subWidthHeight returns SubWidthC and SubHeightC (H.265 Table 6-1) of
// ChromaArrayType, which FFmpeg uses to scale the windows.
func (s *SPS) subWidthHeight() (uint64, uint64) {
	switch s.ChromaArrayType() {
	case 1:
		return 2, 2
	case 2:
		return 2, 1
	}
	return 1, 1
}

// ChromaArrayType returns chroma_format_idc, or 0 when the colour planes
// are coded separately (H.265 7.4.3.2.1); FFmpeg keeps this value as
// chroma_format_idc.
func (s *SPS) ChromaArrayType() int {
	if s.SeparateColourPlaneFlag {
		return 0
	}
	return int(s.ChromaFormatIDC)
}

// BitDepth returns BitDepthY.
func (s *SPS) BitDepth() int { return int(min(s.BitDepthLumaMinus8, 1<<20)) + 8 }

// BitDepthChroma returns BitDepthC.
func (s *SPS) BitDepthChroma() int { return int(min(s.BitDepthChromaMinus8, 1<<20)) + 8 }

// Log2CtbSize returns CtbLog2SizeY.
func (s *SPS) Log2CtbSize() int {
	return int(min(uint64(s.Log2MinLumaCodingBlockSizeMinus3)+3+uint64(s.Log2DiffMaxMinLumaCodingBlockSize), 1<<20))
}

// Width and Height return the size of the output picture: the coded size
// less OutputWindow, which the decoder reports as width and height.
func (s *SPS) Width() int {
	return int(s.PicWidthInLumaSamples) - int(s.OutputWindow.Left) - int(s.OutputWindow.Right)
}

// Height: see Width.
func (s *SPS) Height() int {
	return int(s.PicHeightInLumaSamples) - int(s.OutputWindow.Top) - int(s.OutputWindow.Bottom)
}

// PixFmt returns the name of the decoder's pixel format for the SPS
// (map_pixel_format and decode_vui in libavcodec/hevc_ps.c), as ffprobe
// prints it: "yuv420p", "yuv420p10le", "yuvj420p", "gbrp", "gray", ...
func (s *SPS) PixFmt() string {
	v := &s.VUI
	full := v.VideoSignalTypePresentFlag && v.VideoFullRangeFlag
	rgb := v.VideoSignalTypePresentFlag && v.ColourDescriptionPresentFlag && int(v.MatrixCoeffs) == codec.MatrixRGB
	return pixFmt(s.BitDepth(), s.ChromaArrayType(), full, rgb)
}

// parseShortTermRPS reads st_ref_pic_set(stRpsIdx) of an SPS, where
// prev holds the sets before it, as ff_hevc_decode_short_term_rps does,
// with its limits: fewer than 16 pictures of each sign, deltas of 1 to
// 32768, and fewer than 32 pictures in a predicted set.
func parseShortTermRPS(r *bits.Reader, prev []ShortTermRPS) (ShortTermRPS, error) {
	const what = "st_ref_pic_set"
	var s ShortTermRPS
	if len(prev) > 0 {
		s.InterRefPicSetPredictionFlag = r.Flag()
	}
	if !s.InterRefPicSetPredictionFlag {
		neg, pos := r.UE(), r.UE()
		if neg >= MaxDPBSize || pos >= MaxDPBSize {
			return s, errorAt(what, r, container.ErrMalformed, "%d negative and %d positive pictures", neg, pos)
		}
		s.NumNegativePics, s.NumDeltaPocs = uint8(neg), uint8(neg+pos)
		poc := int32(0)
		for i := 0; i < int(s.NumDeltaPocs); i++ {
			if i == int(neg) {
				poc = 0
			}
			d := r.UE() + 1 // delta_poc_s0_minus1, delta_poc_s1_minus1
			if d > maxAbsDeltaPOC {
				return s, errorAt(what, r, container.ErrMalformed, "delta poc %d", d)
			}
			if i < int(neg) {
				poc -= int32(d)
			} else {
				poc += int32(d)
			}
			s.DeltaPOC[i] = poc
			s.UsedByCurrPic[i] = r.Flag()
		}
		return s, nil
	}
	ref := &prev[len(prev)-1] // in an SPS the reference is the set before
	s.DeltaRPSSign = r.Flag()
	s.AbsDeltaRPSMinus1 = ue(r)
	if uint64(s.AbsDeltaRPSMinus1)+1 > maxAbsDeltaPOC {
		return s, errorAt(what, r, container.ErrMalformed, "abs_delta_rps_minus1 %d", s.AbsDeltaRPSMinus1)
	}
	deltaRPS := int32(s.AbsDeltaRPSMinus1) + 1
	if s.DeltaRPSSign {
		deltaRPS = -deltaRPS
	}
	type pic struct {
		delta int32
		used  bool
	}
	var pics [33]pic
	k, neg := 0, 0
	for j := 0; j <= int(ref.NumDeltaPocs); j++ {
		used := r.Flag() // used_by_curr_pic_flag
		useDelta := true
		if !used {
			useDelta = r.Flag() // use_delta_flag
		}
		if !used && !useDelta {
			continue
		}
		d := deltaRPS
		if j < int(ref.NumDeltaPocs) {
			d += ref.DeltaPOC[j]
		}
		pics[k] = pic{d, used}
		if d < 0 {
			neg++
		}
		k++
	}
	if k >= len(s.DeltaPOC) {
		return s, errorAt(what, r, container.ErrMalformed, "%d pictures", k)
	}
	// Increasing order, then the negative ones reversed: nearest first.
	slices.SortStableFunc(pics[:k], func(a, b pic) int { return int(a.delta) - int(b.delta) })
	slices.Reverse(pics[:neg])
	for i := 0; i < k; i++ {
		s.DeltaPOC[i], s.UsedByCurrPic[i] = pics[i].delta, pics[i].used
	}
	s.NumNegativePics, s.NumDeltaPocs = uint8(neg), uint8(k)
	return s, nil
}
