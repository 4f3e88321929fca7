package hevc

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// x265Main is the hvcC record libx265 (3.5) writes for 320x240 4:2:0 8-bit
// video at its defaults (x265-params info=0, so without its version SEI).
const x265Main = "01" + // configurationVersion
	"01" + // general_profile_space 0, general_tier_flag 0, general_profile_idc 1 (Main)
	"60000000" + // general_profile_compatibility_flags: Main, Main 10
	"900000000000" + // general_constraint_indicator_flags: progressive, frame only
	"3c" + // general_level_idc 60 (level 2)
	"f000" + // reserved, min_spatial_segmentation_idc 0
	"fc" + // reserved, parallelismType 0
	"fd" + // reserved, chromaFormat 1
	"f8" + "f8" + // reserved, bitDepthLumaMinus8 0, bitDepthChromaMinus8 0
	"0000" + // avgFrameRate 0
	"0f" + // constantFrameRate 0, numTemporalLayers 1, temporalIdNested 1, lengthSizeMinusOne 3
	"03" + // numOfArrays
	"20" + "0001" + "0018" + // VPS array (array_completeness 0): one unit of 24 bytes
	"40010c01ffff01600000030090000003000003003c959809" +
	"21" + "0001" + "002a" + // SPS array: one unit of 42 bytes
	"42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210" +
	"22" + "0001" + "0007" + // PPS array: one unit of 7 bytes
	"4401c172b46240"

func TestParseHVCC(t *testing.T) {
	h, err := ParseHVCC(unhex(t, x265Main))
	require.NoError(t, err)
	assert.Equal(t, uint8(1), h.ConfigurationVersion)
	assert.Equal(t, uint8(1), h.GeneralProfileIDC)
	assert.False(t, h.GeneralTierFlag)
	assert.Equal(t, uint32(0x60000000), h.GeneralProfileCompatibilityFlags)
	assert.Equal(t, uint64(0x900000000000), h.GeneralConstraintIndicatorFlags)
	assert.Equal(t, uint8(60), h.GeneralLevelIDC)
	assert.Equal(t, uint8(1), h.ChromaFormat)
	assert.Equal(t, uint8(0), h.BitDepthLumaMinus8)
	assert.Equal(t, uint8(1), h.NumTemporalLayers)
	assert.True(t, h.TemporalIDNested)
	assert.Equal(t, uint8(3), h.LengthSizeMinusOne)
	require.Len(t, h.Arrays, 3)
	var types []uint8
	var lens []int
	for _, a := range h.Arrays {
		types = append(types, a.NALUnitType)
		for u := range a.Units() {
			lens = append(lens, len(u))
		}
	}
	assert.Equal(t, []uint8{NALVPS, NALSPS, NALPPS}, types)
	assert.Equal(t, []int{24, 42, 7}, lens)
	assert.False(t, h.Arrays[0].ArrayCompleteness)
}

// TestDescribeX265 checks what ffprobe 5.1 printed for MP4 files whose
// hvcC records libx265 wrote (the stream sections of `ffprobe -show_streams`
// with the container's pasp and fiel boxes removed; testdata/gen.py).
func TestDescribeX265(t *testing.T) {
	tests := []struct {
		name string
		hvcc string
		want container.Stream
	}{
		{
			name: "main 320x240",
			hvcc: x265Main,
			want: container.Stream{Profile: "Main", Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240,
				HasBFrames: 2, SampleAspectRatio: container.Rational{Num: 1, Den: 1}, PixFmt: "yuv420p", Level: 60,
				ColorRange: "tv", ChromaLocation: "left"},
		},
		{
			// 4:2:2 8-bit at 330x186: coded 336x192, cropped by a conformance
			// window of 3 chroma columns (6 luma) right and 6 rows bottom.
			name: "rext 4:2:2 cropped",
			hvcc: "0104080000009d08000000003cf000fcfef8f800000f03" +
				"200001" + "0017" + "40010c01ffff0408000003009d0800000300003c959809" +
				"210001" + "002a" + "4201010408000003009d0800000300003cb00a880c1c93e5959a4932bc05a02000000300200000030321" +
				"220001" + "0007" + "4401c172b46240",
			want: container.Stream{Profile: "Rext", Width: 330, Height: 186, CodedWidth: 336, CodedHeight: 192,
				HasBFrames: 2, SampleAspectRatio: container.Rational{Num: 1, Den: 1}, PixFmt: "yuv422p", Level: 60,
				ColorRange: "tv"},
		},
		{
			// 4:4:4 with matrix_coeffs 0: planar RGB, full range.
			name: "gbrp",
			hvcc: "0104080000009e08000000003cf000fcfff8f800000f03" +
				"200001" + "0017" + "40010c01ffff0408000003009e0800000300003c959809" +
				"210001" + "002b" + "4201010408000003009e0800000300003c90014101e2cb2b349265780b7020200040000003004000000642" +
				"220001" + "0008" + "4401c172860c4624",
			want: container.Stream{Profile: "Rext", Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240,
				HasBFrames: 2, SampleAspectRatio: container.Rational{Num: 1, Den: 1}, PixFmt: "gbrp", Level: 60,
				ColorRange: "pc", ColorSpace: "gbr"},
		},
		{
			// HDR10: BT.2020 / PQ in the VUI, and mastering display and
			// content light level SEI in the record, which ffprobe does not
			// print for the stream.
			name: "main 10 hdr10",
			hvcc: "0102200000009000000000003cf000fcfdfafa00000f04" +
				"200001" + "0018" + "40010c01ffff02200000030090000003000003003c959809" +
				"210001" + "002d" + "42010102200000030090000003000003003ca00a080f1365959a4932bc05a84880482000000300200000030321" +
				"220001" + "0007" + "4401c172b46240" +
				"270002" + // two prefix SEI units:
				"0009" + "4e01900403e8019080" + // content_light_level_info 1000, 400
				"001e" + "4e01891833c286c41d4c0bb884d03e803d13404200989680000003000180", // mastering_display_colour_volume
			want: container.Stream{Profile: "Main 10", Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240,
				HasBFrames: 2, SampleAspectRatio: container.Rational{Num: 1, Den: 1}, PixFmt: "yuv420p10le", Level: 60,
				ColorRange: "tv", ColorSpace: "bt2020nc", ColorTransfer: "smpte2084", ColorPrimaries: "bt2020",
				ChromaLocation: "left"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, err := ParseExtradata(unhex(t, tc.hvcc))
			require.NoError(t, err)
			assert.Empty(t, x.Errors)
			assert.Equal(t, 4, x.NALLengthSize)
			st := &container.Stream{Level: container.LevelUnknown, Refs: 1}
			require.NoError(t, x.Describe(st))
			tc.want.Refs = 1
			assert.Equal(t, tc.want, *st)
			assert.Equal(t, container.Rational{Num: 25, Den: 1}, x.FrameRate())
		})
	}
}

func TestParseSPSX265(t *testing.T) {
	x, err := ParseExtradata(unhex(t, x265Main))
	require.NoError(t, err)
	s := x.SPS[0]
	require.NotNil(t, s)
	assert.Equal(t, uint8(0), s.SPSMaxSubLayersMinus1)
	assert.Equal(t, 1, s.ProfileTierLevel.General.Profile())
	assert.Equal(t, uint8(60), s.ProfileTierLevel.General.LevelIDC)
	assert.Equal(t, uint32(1), s.ChromaFormatIDC)
	assert.Equal(t, uint32(320), s.PicWidthInLumaSamples)
	assert.Equal(t, uint32(240), s.PicHeightInLumaSamples)
	assert.False(t, s.ConformanceWindowFlag)
	assert.Equal(t, uint32(4), s.Log2MaxPicOrderCntLsbMinus4)
	assert.Equal(t, uint32(2), s.SPSMaxNumReorderPics[0])
	assert.Equal(t, 6, s.Log2CtbSize())
	assert.Equal(t, uint32(0), s.NumShortTermRefPicSets) // libx265 codes them in the slice headers
	assert.Empty(t, s.STRefPicSets)
	assert.True(t, s.VUIParametersPresentFlag)
	assert.True(t, s.VUI.AspectRatioInfoPresentFlag)
	assert.Equal(t, uint8(1), s.VUI.AspectRatioIDC)
	assert.True(t, s.VUI.VUITimingInfoPresentFlag)
	assert.Equal(t, uint32(1), s.VUI.VUINumUnitsInTick)
	assert.Equal(t, uint32(25), s.VUI.VUITimeScale)
	assert.False(t, s.VUI.AlternateSyntax)
	assert.Equal(t, "yuv420p", s.PixFmt())

	v := x.VPS[0]
	require.NotNil(t, v)
	assert.False(t, v.VPSTimingInfoPresentFlag) // the frame rate is the VUI's
	assert.Equal(t, uint32(2), v.VPSMaxNumReorderPics[0])
	p := x.PPS[0]
	require.NotNil(t, p)
	assert.Equal(t, uint32(0), p.PPSSeqParameterSetID)
	assert.True(t, p.UniformSpacingFlag)
}

func TestParseSPSCropped(t *testing.T) {
	// The SPS of the 4:2:2 record above: conf_win offsets in chroma units
	// (SubWidthC 2, SubHeightC 1).
	s, err := ParseSPS(unhex(t, "4201010408000003009d0800000300003cb00a880c1c93e5959a4932bc05a02000000300200000030321"))
	require.NoError(t, err)
	assert.Equal(t, uint32(2), s.ChromaFormatIDC)
	assert.True(t, s.ConformanceWindowFlag)
	assert.Equal(t, [4]uint32{0, 3, 0, 6}, [4]uint32{s.ConfWinLeftOffset, s.ConfWinRightOffset, s.ConfWinTopOffset, s.ConfWinBottomOffset})
	assert.Equal(t, Window{Right: 6, Bottom: 6}, s.OutputWindow)
	assert.Equal(t, 330, s.Width())
	assert.Equal(t, 186, s.Height())
	assert.Equal(t, 4, s.ProfileTierLevel.General.Profile())
}

func TestParseNALHeader(t *testing.T) {
	h, err := ParseNALHeader([]byte{0x42, 0x01})
	require.NoError(t, err)
	assert.Equal(t, NALHeader{Type: NALSPS, LayerID: 0, TemporalIDPlusOne: 1}, h)
	h, err = ParseNALHeader([]byte{0x43, 0x0A})
	require.NoError(t, err)
	assert.Equal(t, NALHeader{Type: NALSPS, LayerID: 33, TemporalIDPlusOne: 2}, h)
	_, err = ParseNALHeader([]byte{0xC2, 0x01})
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseNALHeader([]byte{0x42, 0x00})
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseNALHeader([]byte{0x42})
	assert.ErrorIs(t, err, container.ErrTruncated)
}

func TestParseWrongType(t *testing.T) {
	_, err := ParseSPS(vpsMain())
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseVPS(spsMain(spsOpts{}))
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParsePPS(ppsMain(), nil)
	assert.ErrorIs(t, err, container.ErrMalformed) // no SPS 0
}

func TestProfile(t *testing.T) {
	tests := []struct {
		idc    uint8
		compat uint32
		want   int
		name   string
	}{
		{1, 1 << 30, 1, "Main"},
		{2, 1 << 29, 2, "Main 10"},
		{3, 0, 3, "Main Still Picture"},
		{4, 0, 4, "Rext"},
		{0, 1 << 29, 2, "Main 10"},       // the first compatible profile stands in for 0
		{0, 1<<29 | 1<<27, 2, "Main 10"}, // the lowest one
		{0, 1 << 31, 0, ""},              // flag 0 does not count
		{9, 0, 9, ""},
	}
	for _, tc := range tests {
		p := ProfileInfo{ProfileIDC: tc.idc, ProfileCompatibilityFlags: tc.compat}
		assert.Equal(t, tc.want, p.Profile(), "idc %d compat %#x", tc.idc, tc.compat)
		assert.Equal(t, tc.name, ProfileName(p.Profile()))
	}
}

// TestParamSetsReplacement: a different VPS of the same id drops the SPSs
// that use it, and their PPSs; the same VPS again changes nothing.
func TestParamSetsReplacement(t *testing.T) {
	var ps ParamSets
	require.NoError(t, ps.DecodeNAL(vpsMain()))
	require.NoError(t, ps.DecodeNAL(spsMain(spsOpts{})))
	require.NoError(t, ps.DecodeNAL(ppsMain()))
	first := ps.SPS[0]
	require.NotNil(t, first)
	require.NotNil(t, ps.PPS[0])

	require.NoError(t, ps.DecodeNAL(vpsMain()))
	assert.Same(t, first, ps.SPS[0], "a repeated VPS keeps its SPS")
	require.NoError(t, ps.DecodeNAL(spsMain(spsOpts{})))
	assert.Same(t, first, ps.SPS[0], "a repeated SPS is not replaced")
	assert.NotNil(t, ps.PPS[0])

	require.NoError(t, ps.DecodeNAL(spsMain(spsOpts{log2MaxPOCMinus4: 2})))
	assert.NotSame(t, first, ps.SPS[0], "a different SPS replaces it")
	assert.Nil(t, ps.PPS[0], "and drops its PPS")

	require.NoError(t, ps.DecodeNAL(vpsReorder(1))) // a different VPS of id 0
	assert.Nil(t, ps.SPS[0], "a different VPS drops its SPSs")
	assert.Nil(t, ps.ActiveSPS())
	assert.ErrorIs(t, ps.Describe(&container.Stream{}), ErrNoSPS)
}

// TestDecodeNALUnitsStopsAtFirstError: in Annex B extradata a refused unit
// ends the packet (hevc_decode_nal_units), so an SPS after a PPS that
// names no known SPS is never read; in an hvcC each unit stands alone.
func TestDecodeNALUnitsStopsAtFirstError(t *testing.T) {
	sc := []byte{0, 0, 0, 1}
	annexB := append(append(append(append(append(append([]byte{}, sc...), vpsMain()...), sc...), ppsMain()...), sc...), spsMain(spsOpts{})...)
	x, err := ParseExtradata(annexB)
	require.NoError(t, err)
	assert.Nil(t, x.HVCC)
	assert.Nil(t, x.ActiveSPS())
	require.Len(t, x.Errors, 1)
	assert.ErrorIs(t, x.Errors[0], container.ErrMalformed)

	x, err = ParseExtradata(hvccOf(vpsMain(), ppsMain(), spsMain(spsOpts{})))
	require.NoError(t, err)
	assert.NotNil(t, x.ActiveSPS())
	assert.Len(t, x.Errors, 1)
}

// TestVUIAlternateSyntax: a VUI whose timing flag is followed by too few
// bits is read again from its default display window flag, as decode_vui
// retries, which makes this SPS acceptable (ffprobe 5.1 reports it: the
// vui_strange_timing golden).
func TestVUIAlternateSyntax(t *testing.T) {
	nal := spsMain(spsOpts{vui: func(w *bitWriter) {
		w.flag(false).flag(false).flag(false).flag(false) // no aspect ratio, overscan, signal type, chroma location
		w.flag(false).flag(false).flag(false)             // neutral chroma, field_seq, frame_field_info
		// First reading: no default display window, timing info with
		// 8 bits left. Second: timing 0, restriction 1 with flags 0 0 0
		// and five ue(v) 0; then the SPS's extension flag.
		for _, b := range []uint64{0, 1, 0, 0, 0, 1, 1, 1, 1, 1} {
			w.u(1, b)
		}
	}})
	s, err := ParseSPS(nal)
	require.NoError(t, err)
	assert.True(t, s.VUI.AlternateSyntax)
	assert.False(t, s.VUI.VUITimingInfoPresentFlag)
	assert.True(t, s.VUI.BitstreamRestrictionFlag)
	assert.False(t, s.SPSExtensionPresentFlag)
}

func TestVUIInvalidDefaultDisplayWindow(t *testing.T) {
	nal := spsMain(spsOpts{vui: func(w *bitWriter) {
		w.u(7, 0)
		w.flag(true).u(32, 1001).u(32, 60000).flag(false).flag(false) // timing info where the window flag would be
		w.flag(false)                                                 // bitstream_restriction_flag
	}})
	s, err := ParseSPS(nal)
	require.NoError(t, err)
	assert.True(t, s.VUI.InvalidDefaultDisplayWindow)
	assert.False(t, s.VUI.DefaultDisplayWindowFlag)
	assert.Equal(t, uint32(1001), s.VUI.VUINumUnitsInTick)
	assert.Equal(t, uint32(60000), s.VUI.VUITimeScale)
	var ps ParamSets
	require.NoError(t, ps.DecodeNAL(vpsMain()))
	require.NoError(t, ps.DecodeNAL(nal))
	assert.Equal(t, container.Rational{Num: 60000, Den: 1001}, ps.FrameRate())
}

func TestShortTermRPSPrediction(t *testing.T) {
	nal := spsMain(spsOpts{stRPS: func(w *bitWriter) {
		w.ue(2)
		w.ue(2).ue(1)                       // set 0: two negative pictures, one positive
		w.ue(0).flag(true).ue(1).flag(true) // -1, -3 (delta 2)
		w.ue(1).flag(false)                 // +2, not used
		w.flag(true)                        // set 1: inter_ref_pic_set_prediction_flag
		w.flag(true).ue(0)                  // delta_rps -1
		// For -1, -3, +2 and the reference itself (delta_rps): -2, -4, +1, -1.
		w.flag(true).flag(false).flag(false).flag(true).flag(true) // used; unused, use_delta_flag 0; used; used
	}})
	s, err := ParseSPS(nal)
	require.NoError(t, err)
	require.Len(t, s.STRefPicSets, 2)
	a := s.STRefPicSets[0]
	assert.Equal(t, uint8(2), a.NumNegativePics)
	assert.Equal(t, uint8(3), a.NumDeltaPocs)
	assert.Equal(t, []int32{-1, -3, 2}, a.DeltaPOC[:3])
	assert.Equal(t, []bool{true, true, false}, a.UsedByCurrPic[:3])
	b := s.STRefPicSets[1]
	assert.True(t, b.InterRefPicSetPredictionFlag)
	assert.Equal(t, uint8(2), b.NumNegativePics)
	assert.Equal(t, 1, b.NumPositivePics())
	assert.Equal(t, []int32{-1, -2, 1}, b.DeltaPOC[:3])
}

func TestScalingList(t *testing.T) {
	nal := spsMain(spsOpts{scaling: func(w *bitWriter) {
		for size := 0; size < 4; size++ {
			step := 1
			if size == 3 {
				step = 3
			}
			for m := 0; m < 6; m += step {
				switch {
				case size == 1 && m == 0: // coded: 8, 9, 10, ...
					w.flag(true)
					for i := 0; i < 64; i++ {
						w.se(1)
					}
				case size == 1 && m == 1: // copied from matrix 0
					w.flag(false).ue(1)
				case size == 3 && m == 3: // copied from matrix 0 (delta 1 means 3 here)
					w.flag(false).ue(1)
				case size == 2 && m == 0: // coded DC 20, all 16 by deltas
					w.flag(true).se(12)
					w.se(-4)
					for i := 1; i < 64; i++ {
						w.se(0)
					}
				default:
					w.flag(false).ue(0)
				}
			}
		}
	}})
	s, err := ParseSPS(nal)
	require.NoError(t, err)
	sl := &s.ScalingList
	assert.Equal(t, uint8(9), sl.List[1][0][0])
	assert.Equal(t, uint8(72), sl.List[1][0][63])
	assert.Equal(t, sl.List[1][0], sl.List[1][1])
	assert.Equal(t, defaultScalingIntra, sl.List[1][2])
	assert.Equal(t, uint8(20), sl.DC[0][0])
	assert.Equal(t, uint8(16), sl.List[2][0][5])
	assert.Equal(t, sl.List[3][0], sl.List[3][3])
	assert.Equal(t, uint8(16), sl.List[0][5][15])
}

func TestFrameRatePrefersVPS(t *testing.T) {
	w := &bitWriter{}
	w.u(4, 0).u(2, 3).u(6, 0).u(3, 0).flag(true).u(16, 0xFFFF)
	ptlMain(w)
	w.flag(true).ue(4).ue(2).ue(0).u(6, 0).ue(0)
	w.flag(true).u(32, 1001).u(32, 30000).flag(false).ue(0) // VPS timing, no HRD
	w.flag(false)
	var ps ParamSets
	require.NoError(t, ps.DecodeNAL(nalUnit(NALVPS, w)))
	require.NoError(t, ps.DecodeNAL(spsMain(spsOpts{vui: func(w *bitWriter) {
		w.u(8, 0).flag(true).u(32, 1).u(32, 25).flag(false).flag(false).flag(false)
	}})))
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, ps.FrameRate())
}

func TestScanAnnexB(t *testing.T) {
	sc := []byte{0, 0, 0, 1}
	slice := []byte{0x26, 0x01, 0xAF, 0x12, 0x34}  // IDR_W_RADL, first_slice_segment_in_pic_flag
	slice2 := []byte{0x02, 0x01, 0xD0, 0x56, 0x78} // TRAIL_R, first slice of the next picture
	var b []byte
	for _, u := range [][]byte{spsMain(spsOpts{}), slice, vpsMain(), spsMain(spsOpts{}), ppsMain(), slice2} {
		b = append(append(b, sc...), u...)
	}
	// The first access unit has no VPS; the second has all three.
	ex, ok := ScanAnnexB(b)
	require.True(t, ok)
	// Each unit keeps the zero byte of the four-byte start code after it.
	var want []byte
	for _, u := range [][]byte{vpsMain(), spsMain(spsOpts{}), ppsMain()} {
		want = append(append(append(want, 0, 0, 1), u...), 0)
	}
	assert.Equal(t, hex.EncodeToString(want), hex.EncodeToString(ex))

	_, ok = ScanAnnexB(b[:len(b)/3])
	assert.False(t, ok)
	_, ok = ScanAnnexB(nil)
	assert.False(t, ok)
}
