package h264

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// x264SPS is the SPS of libx264's High profile 320x240 stream (the first
// case of ffprobeCases), emulation prevention bytes in.
const x264SPS = "6764000dacd94141fb011000000300100000030320f1429960"

func TestParseSPSx264(t *testing.T) {
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	want := &SPS{
		ProfileIDC: 100, LevelIDC: 13,
		ChromaFormatIDC:       1,
		Log2MaxFrameNumMinus4: 0, PicOrderCntType: 0, Log2MaxPicOrderCntLsbMinus4: 2,
		MaxNumRefFrames: 4, PicWidthInMbsMinus1: 19, PicHeightInMapUnitsMinus1: 14,
		FrameMbsOnlyFlag: true, Direct8x8InferenceFlag: true,
		VUIParametersPresentFlag: true,
		VUI: VUI{
			AspectRatioInfoPresentFlag: true, AspectRatioIDC: 1,
			VideoFormat: 5, ColourPrimaries: 2, TransferCharacteristics: 2, MatrixCoefficients: 2,
			TimingInfoPresentFlag: true, NumUnitsInTick: 1, TimeScale: 50,
			BitstreamRestrictionFlag: true, MotionVectorsOverPicBoundariesFlag: true,
			Log2MaxMvLengthHorizontal: 9, Log2MaxMvLengthVertical: 9,
			MaxNumReorderFrames: 2, MaxDecFrameBuffering: 4,
		},
	}
	assert.Equal(t, want, s)
	assert.Equal(t, 320, s.Width())
	assert.Equal(t, 240, s.Height())
	fr, ok := s.FrameRate()
	assert.True(t, ok)
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, fr)
}

// fullSPS sets every element the syntax has, for the round trip.
func fullSPS() *SPS {
	s := &SPS{
		ProfileIDC: 244, ConstraintSet3Flag: true, ConstraintSet5Flag: true, LevelIDC: 51, SeqParameterSetID: 31,
		ChromaFormatIDC: 3, BitDepthLumaMinus8: 2, BitDepthChromaMinus8: 2, QpprimeYZeroTransformBypassFlag: true,
		SeqScalingMatrixPresentFlag: true,
		Log2MaxFrameNumMinus4:       12, PicOrderCntType: 1,
		DeltaPicOrderAlwaysZeroFlag: true, OffsetForNonRefPic: -7, OffsetForTopToBottomField: 3,
		NumRefFramesInPicOrderCntCycle: 3, OffsetForRefFrame: []int32{1, -2, 1 << 20},
		MaxNumRefFrames: 16, GapsInFrameNumValueAllowedFlag: true,
		PicWidthInMbsMinus1: 119, PicHeightInMapUnitsMinus1: 33,
		MbAdaptiveFrameFieldFlag: true, Direct8x8InferenceFlag: true,
		FrameCroppingFlag: true, FrameCropLeftOffset: 1, FrameCropRightOffset: 2, FrameCropTopOffset: 3, FrameCropBottomOffset: 4,
		VUIParametersPresentFlag: true,
		VUI: VUI{
			AspectRatioInfoPresentFlag: true, AspectRatioIDC: 255, SARWidth: 40, SARHeight: 33,
			OverscanInfoPresentFlag: true, OverscanAppropriateFlag: true,
			VideoSignalTypePresentFlag: true, VideoFormat: 2, VideoFullRangeFlag: true,
			ColourDescriptionPresentFlag: true, ColourPrimaries: 9, TransferCharacteristics: 16, MatrixCoefficients: 9,
			ChromaLocInfoPresentFlag: true, ChromaSampleLocTypeTopField: 2, ChromaSampleLocTypeBottomField: 3,
			TimingInfoPresentFlag: true, NumUnitsInTick: 1001, TimeScale: 60000, FixedFrameRateFlag: true,
			NALHRDParametersPresentFlag: true,
			NALHRD: HRD{CPBCntMinus1: 1, BitRateScale: 2, CPBSizeScale: 3,
				SchedSel:                           []SchedSel{{BitRateValueMinus1: 15624, CPBSizeValueMinus1: 3124, CBRFlag: false}, {BitRateValueMinus1: 1<<32 - 2, CPBSizeValueMinus1: 9, CBRFlag: true}},
				InitialCPBRemovalDelayLengthMinus1: 23, CPBRemovalDelayLengthMinus1: 17, DPBOutputDelayLengthMinus1: 5, TimeOffsetLength: 24},
			VCLHRDParametersPresentFlag: true,
			VCLHRD:                      HRD{SchedSel: []SchedSel{{BitRateValueMinus1: 1, CPBSizeValueMinus1: 2}}},
			LowDelayHRDFlag:             true, PicStructPresentFlag: true,
			BitstreamRestrictionFlag: true, MotionVectorsOverPicBoundariesFlag: true,
			MaxBytesPerPicDenom: 2, MaxBitsPerMbDenom: 1, Log2MaxMvLengthHorizontal: 15, Log2MaxMvLengthVertical: 14,
			MaxNumReorderFrames: 3, MaxDecFrameBuffering: 16,
		},
	}
	m := &s.ScalingMatrix
	m.ScalingListPresentFlag = [12]bool{true, false, true, true, false, false, true, true, false, true, true, false}
	for j := range m.ScalingList4x4[0] {
		m.ScalingList4x4[0][j] = uint8(4 + j)
		m.ScalingList4x4[3][j] = uint8(200 - 3*j)
	}
	m.UseDefaultScalingMatrix4x4Flag[2] = true
	for j := range m.ScalingList8x8[0] {
		m.ScalingList8x8[0][j] = uint8(1 + j*3)
		m.ScalingList8x8[3][j] = 255
		m.ScalingList8x8[4][j] = uint8(16 + j%7)
	}
	m.UseDefaultScalingMatrix8x8Flag[1] = true
	return s
}

func TestSPSRoundTrip(t *testing.T) {
	base, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	baseline := &SPS{ProfileIDC: 66, ConstraintSet1Flag: true, LevelIDC: 30, ChromaFormatIDC: 1, PicOrderCntType: 2,
		MaxNumRefFrames: 1, PicWidthInMbsMinus1: 44, PicHeightInMapUnitsMinus1: 35, FrameMbsOnlyFlag: true}
	baseline.VUI.setDefaults()
	truncated := *base
	truncated.VUI = VUI{AspectRatioInfoPresentFlag: true, AspectRatioIDC: 1, ChromaLocInfoPresentFlag: true,
		ChromaSampleLocTypeTopField: 1, ChromaSampleLocTypeBottomField: 1, Truncated: true}
	truncated.VUI.setDefaults()
	for name, s := range map[string]*SPS{"x264": base, "every element": fullSPS(), "baseline": baseline, "truncated VUI": &truncated} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseSPS(marshalSPS(s))
			require.NoError(t, err)
			want := *s
			if want.ScalingMatrix.UseDefaultScalingMatrix4x4Flag[2] {
				// scaling_list() fills a list that signals the default
				// with the last scale, 8.
				for j := range want.ScalingMatrix.ScalingList4x4[2] {
					want.ScalingMatrix.ScalingList4x4[2][j] = 8
				}
				for j := range want.ScalingMatrix.ScalingList8x8[1] {
					want.ScalingMatrix.ScalingList8x8[1][j] = 8
				}
			}
			assert.Equal(t, &want, got)
		})
	}
}

func TestSPSDerived(t *testing.T) {
	s := fullSPS()
	// 4:4:4 crops in single samples, field pairs in two rows.
	assert.Equal(t, 16*120-3, s.Width())
	assert.Equal(t, 2*16*34-2*7, s.Height())
	assert.Equal(t, 16*120, s.CodedWidth())
	assert.Equal(t, 2*16*34, s.CodedHeight())
	assert.Equal(t, 10, s.BitDepth())
	assert.Equal(t, "High 4:4:4 Intra", s.Profile())
	assert.Equal(t, "yuv444p10le", s.PixFmt(true, false))
	assert.Equal(t, "gbrp10le", s.PixFmt(false, true))
	assert.Equal(t, container.Rational{Num: 40, Den: 33}, s.SampleAspectRatio())
	fr, ok := s.FrameRate()
	assert.True(t, ok)
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, fr)
	assert.Equal(t, "topleft", s.ChromaLocation())
	n, ok := s.HasBFrames()
	assert.True(t, ok)
	assert.Equal(t, 3, n)
	assert.Equal(t, uint64(15625)<<8, s.VUI.NALHRD.BitRate(0))
	assert.Equal(t, uint64(3125)<<7, s.VUI.NALHRD.CPBSize(0))
}

// TestProfileNames covers every name of libavcodec's ff_h264_profiles.
// Each was checked with ffprobe 5.1 on an x264 stream whose SPS was
// rewritten with the profile_idc and constraint flags of the case.
func TestProfileNames(t *testing.T) {
	for _, c := range []struct {
		idc      uint8
		cs1, cs3 bool
		want     string
	}{
		{66, false, false, "Baseline"},
		{66, true, false, "Constrained Baseline"},
		{77, false, false, "Main"},
		{77, true, true, "Main"},
		{88, false, false, "Extended"},
		{88, true, false, "Extended"},
		{100, false, false, "High"},
		{100, false, true, "High"},
		{110, false, false, "High 10"},
		{110, false, true, "High 10 Intra"},
		{122, false, false, "High 4:2:2"},
		{122, false, true, "High 4:2:2 Intra"},
		{144, false, false, "High 4:4:4"},
		{244, false, false, "High 4:4:4 Predictive"},
		{244, false, true, "High 4:4:4 Intra"},
		{44, false, true, "CAVLC 4:4:4"},
		{118, false, false, "Multiview High"},
		{128, false, false, "Stereo High"},
		// No name: print_stream prints the number.
		{83, false, false, "83"},
		{0, false, false, "0"},
	} {
		s := &SPS{ProfileIDC: c.idc, ConstraintSet1Flag: c.cs1, ConstraintSet3Flag: c.cs3}
		assert.Equal(t, c.want, s.Profile(), "profile_idc %d cs1 %v cs3 %v", c.idc, c.cs1, c.cs3)
	}
}

// hostileSPS returns x264SPS's fields with f applied, as a NAL unit. The
// timing information is left out, so that the unit needs no emulation
// prevention byte and the decoder's second try (the raw bytes) reads what
// the first did.
func hostileSPS(t *testing.T, f func(s *SPS)) []byte {
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.VUI.TimingInfoPresentFlag = false
	f(s)
	nal := marshalSPS(s)
	require.NotContains(t, string(nal), "\x00\x00\x03")
	return nal
}

func TestSPSLog2MaxFrameNumOutOfRange(t *testing.T) {
	_, err := ParseSPS(hostileSPS(t, func(s *SPS) { s.Log2MaxFrameNumMinus4 = 200 }))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.ErrorContains(t, err, "log2_max_frame_num_minus4 200")
}

func TestSPSHugeNumRefFrames(t *testing.T) {
	// get_ue_golomb_31 cannot read the 39-bit code: FFmpeg sees 32 and
	// rejects it as too many reference frames.
	s, err := ParseSPS(hostileSPS(t, func(s *SPS) { s.MaxNumRefFrames = 1000000 }))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.Equal(t, uint32(32), s.MaxNumRefFrames)
}

func TestSPSVUIPastEnd(t *testing.T) {
	// The VUI flag is set and the unit ends inside num_units_in_tick.
	// FFmpeg's third try reads the rest as zeros and accepts the SPS
	// (ffprobe 5.1 prints its size and aspect ratio); so does ParseSPS.
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	var full, head bitWriter
	spsBits(&full, s)
	s.VUI.Truncated = true // writes the VUI up to timing_info_present_flag
	spsBits(&head, s)
	var cut bitWriter
	r := newReader(full.b, full.n)
	for i := 0; i < head.n+1+20; i++ {
		cut.u(1, uint64(r.u(1)))
	}
	cut.trailing()
	got, err := ParseSPS(cut.nal(0x67))
	require.NoError(t, err)
	assert.True(t, got.VUI.TimingInfoPresentFlag)
	assert.Zero(t, got.VUI.NumUnitsInTick>>12, "20 bits of a 32-bit 1, then zeros")
	assert.Zero(t, got.VUI.TimeScale)
	assert.False(t, got.VUI.BitstreamRestrictionFlag)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, got.SampleAspectRatio())
	_, ok := got.FrameRate()
	assert.False(t, ok)
}

func TestSPSVUIFlagWithoutVUI(t *testing.T) {
	// vui_parameters_present_flag is the unit's last bit: ffprobe 5.1
	// prints the stream with no aspect ratio.
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.VUIParametersPresentFlag = false
	var w bitWriter
	spsBits(&w, s)
	w.b[len(w.b)-1] |= 0x80 >> uint((w.n-1)%8) // the flag, set
	w.trailing()
	got, err := ParseSPS(w.nal(0x67))
	require.NoError(t, err)
	assert.True(t, got.VUIParametersPresentFlag)
	assert.Equal(t, container.Rational{}, got.SampleAspectRatio())
}

func TestSPSTruncatedVUI(t *testing.T) {
	// An SPS whose VUI stops after the chroma location, as some encoders
	// write it: "Truncated VUI", accepted by the decoder's first try.
	s, err := ParseSPS(hostileSPS(t, func(s *SPS) { s.VUI.Truncated = true }))
	require.NoError(t, err)
	assert.True(t, s.VUI.Truncated)
	assert.False(t, s.VUI.TimingInfoPresentFlag)
	assert.False(t, s.VUI.BitstreamRestrictionFlag)
}

func TestSPSBitstreamRestrictionCut(t *testing.T) {
	// The unit ends inside the bitstream restriction: FFmpeg drops it
	// (no reorder depth), and accepts the SPS.
	var w bitWriter
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	spsBits(&w, s)
	var cut bitWriter
	r := newReader(w.b, w.n)
	for i := 0; i < w.n-3; i++ {
		cut.u(1, uint64(r.u(1)))
	}
	cut.trailing()
	got, err := ParseSPS(cut.nal(0x67))
	require.NoError(t, err)
	assert.False(t, got.VUI.BitstreamRestrictionFlag)
	_, ok := got.HasBFrames()
	assert.False(t, ok)
}

func TestSPSScalingListPastEnd(t *testing.T) {
	// A High profile SPS that ends in its first 8x8 scaling list: the
	// zeros after the end make the remaining lists and then
	// log2_max_frame_num_minus4 unreadable, and the unit is truncated.
	var w bitWriter
	w.u(8, 100)
	w.u(8, 0)
	w.u(8, 40)
	w.ue(0) // seq_parameter_set_id
	w.ue(1) // chroma_format_idc
	w.ue(0)
	w.ue(0)
	w.flag(false)
	w.flag(true) // seq_scaling_matrix_present_flag
	for i := 0; i < 6; i++ {
		w.flag(false)
	}
	w.flag(true)
	for j := 0; j < 10; j++ {
		w.se(1)
	}
	w.trailing()
	s, err := ParseSPS(w.nal(0x67))
	assert.ErrorIs(t, err, container.ErrTruncated)
	require.NotNil(t, s)
	assert.True(t, s.ScalingMatrix.ScalingListPresentFlag[6])
	assert.Equal(t, uint8(18), s.ScalingMatrix.ScalingList8x8[0][9])
}

func TestSPSScalingDeltaOutOfRange(t *testing.T) {
	var w bitWriter
	w.u(8, 100)
	w.u(8, 0)
	w.u(8, 40)
	w.ue(0)
	w.ue(1)
	w.ue(0)
	w.ue(0)
	w.flag(false)
	w.flag(true)
	w.flag(true)
	w.se(200)
	w.trailing()
	_, err := ParseSPS(w.nal(0x67))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.ErrorContains(t, err, "delta_scale 200")
}

func TestSPSRejections(t *testing.T) {
	// Each is a value that ff_h264_decode_seq_parameter_set or
	// decode_vui_parameters rejects; the ones marked were checked with
	// ffprobe 5.1 on rewritten x264 streams ("illegal aspect ratio", ...).
	for name, c := range map[string]struct {
		f    func(s *SPS)
		kind error
	}{
		"aspect_ratio_idc 17 (ffprobe)":   {func(s *SPS) { s.VUI.AspectRatioIDC = 17 }, container.ErrMalformed},
		"max_num_ref_frames 17 (ffprobe)": {func(s *SPS) { s.MaxNumRefFrames = 17 }, container.ErrMalformed},
		"max_num_reorder_frames 17":       {func(s *SPS) { s.VUI.MaxNumReorderFrames = 17 }, container.ErrMalformed},
		"seq_parameter_set_id 35":         {func(s *SPS) { s.SeqParameterSetID = 35 }, container.ErrMalformed},
		"chroma_format_idc 4":             {func(s *SPS) { s.ChromaFormatIDC = 4 }, container.ErrMalformed},
		"separate colour planes":          {func(s *SPS) { s.ChromaFormatIDC = 3; s.SeparateColourPlaneFlag = true }, container.ErrUnsupported},
		"luma and chroma depths differ":   {func(s *SPS) { s.BitDepthChromaMinus8 = 2 }, container.ErrUnsupported},
		"bit depth 15":                    {func(s *SPS) { s.BitDepthLumaMinus8, s.BitDepthChromaMinus8 = 7, 7 }, container.ErrMalformed},
		"log2_max_pic_order_cnt_lsb 17":   {func(s *SPS) { s.Log2MaxPicOrderCntLsbMinus4 = 13 }, container.ErrMalformed},
		"pic_order_cnt_type 3":            {func(s *SPS) { s.PicOrderCntType = 3 }, container.ErrMalformed},
		"cycle of 256":                    {func(s *SPS) { s.PicOrderCntType = 1; s.NumRefFramesInPicOrderCntCycle = 256 }, container.ErrMalformed},
		"width of 8192 macroblocks":       {func(s *SPS) { s.PicWidthInMbsMinus1 = 8191 }, container.ErrMalformed},
		"crop the whole width":            {func(s *SPS) { s.FrameCroppingFlag = true; s.FrameCropLeftOffset = 80; s.FrameCropRightOffset = 80 }, container.ErrMalformed},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseSPS(hostileSPS(t, c.f))
			assert.ErrorIs(t, err, c.kind)
		})
	}
}

func TestSPSGolombQuirks(t *testing.T) {
	// get_ue_golomb_31 reads the 11-bit code of 32 as 31: an HRD with
	// cpb_cnt_minus1 32 passes FFmpeg's check (checked with ffprobe 5.1).
	s, err := ParseSPS(hostileSPS(t, func(s *SPS) {
		s.VUI.NALHRDParametersPresentFlag = true
		s.VUI.NALHRD = HRD{CPBCntMinus1: 32, SchedSel: make([]SchedSel, 33)}
	}))
	require.NoError(t, err)
	assert.Equal(t, uint32(31), s.VUI.NALHRD.CPBCntMinus1)

	// ... and so are 33 and 34, as seq_parameter_set_id.
	for _, id := range []uint32{32, 33, 34} {
		s, err = ParseSPS(hostileSPS(t, func(s *SPS) { s.SeqParameterSetID = id }))
		require.NoError(t, err)
		assert.Equal(t, uint32(31), s.SeqParameterSetID)
	}

	// A zero tick is logged and ignored (ffprobe 5.1 prints the stream).
	s, err = ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.VUI.NumUnitsInTick = 0
	s, err = ParseSPS(marshalSPS(s))
	require.NoError(t, err)
	assert.True(t, s.VUI.TimingInfoPresentFlag)
	assert.Equal(t, uint32(50), s.VUI.TimeScale)
	assert.True(t, s.VUI.BitstreamRestrictionFlag, "read on after the timing")
	_, ok := s.FrameRate()
	assert.False(t, ok)
}

func TestSPSNotSPS(t *testing.T) {
	for _, nal := range [][]byte{nil, {0x68, 0xff}, {0xe7, 0x64, 0, 0xd}} {
		s, err := ParseSPS(nal)
		assert.Nil(t, s)
		assert.ErrorIs(t, err, container.ErrMalformed)
	}
}

func TestSPSEveryTruncation(t *testing.T) {
	// Every prefix of a full SPS parses or fails with a sentinel, never
	// panics, and an error's partial result holds what was read.
	nal := marshalSPS(fullSPS())
	for n := 0; n <= len(nal); n++ {
		s, err := ParseSPS(nal[:n])
		if err != nil {
			assert.True(t, errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated) ||
				errors.Is(err, container.ErrUnsupported), "%d bytes: %v", n, err)
			continue
		}
		assert.Equal(t, uint8(244), s.ProfileIDC, "%d bytes", n)
	}
}
