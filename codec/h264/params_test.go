package h264

import (
	"bytes"
	"github.com/mediaprobe/mediaprobe/internal/race"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// x264AVCC is the avcC record of ffprobeCases[0]: libx264 High profile,
// 320x240, 4-byte lengths.
const x264AVCC = "01" + // configurationVersion
	"64" + "00" + "0d" + // AVCProfileIndication 100, profile_compatibility, AVCLevelIndication 13
	"ff" + // reserved '111111', lengthSizeMinusOne 3
	"e1" + // reserved '111', numOfSequenceParameterSets 1
	"0019" + x264SPS + // sequenceParameterSetLength 25, the SPS
	"01" + // numOfPictureParameterSets 1
	"0006" + x264PPS + // pictureParameterSetLength 6, the PPS
	"fd" + // reserved '111111', chroma_format 1
	"f8" + "f8" + // reserved '11111', bit_depth_luma_minus8 0; the same for chroma
	"00" // numOfSequenceParameterSetExt 0

const x264PPS = "68ebe3cb22c0"

func TestParseAVCConfig(t *testing.T) {
	c, err := ParseAVCConfig(mustHex(t, x264AVCC))
	require.NoError(t, err)
	assert.Equal(t, &AVCConfig{
		ConfigurationVersion: 1, AVCProfileIndication: 100, AVCLevelIndication: 13, LengthSizeMinusOne: 3,
		SequenceParameterSets: [][]byte{mustHex(t, x264SPS)},
		PictureParameterSets:  [][]byte{mustHex(t, x264PPS)},
		HasExt:                true, ChromaFormat: 1,
	}, c)

	// A High profile record without the extension, as many writers make
	// them, is complete.
	noExt := mustHex(t, x264AVCC)
	c, err = ParseAVCConfig(noExt[:len(noExt)-4])
	require.NoError(t, err)
	assert.False(t, c.HasExt)
	assert.Len(t, c.PictureParameterSets, 1)

	// A 4:2:2 10-bit record (-pix_fmt yuv422p10le) declares its format
	// in the extension.
	c, err = ParseAVCConfig(mustHex(t, ffprobeCases[7].avcC))
	require.NoError(t, err)
	assert.True(t, c.HasExt)
	assert.Equal(t, uint8(2), c.ChromaFormat)
	assert.Equal(t, uint8(2), c.BitDepthLumaMinus8)
	assert.Equal(t, uint8(2), c.BitDepthChromaMinus8)

	_, err = ParseAVCConfig([]byte{0, 100, 0, 13, 0xff, 0xe1})
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestAVCCCountsWithoutBytes: a record that claims 31 sequence and 255
// picture parameter sets and holds none costs nothing, and FFmpeg, failing
// on it, leaves nal_length_size at 0 (ffprobe 5.1 prints is_avc "true",
// nal_length_size "0" for such an MP4 track, and no decoded parameters).
func TestAVCCCountsWithoutBytes(t *testing.T) {
	for name, b := range map[string][]byte{
		"31 SPS":                          {1, 100, 0, 13, 0xff, 0xff},
		"31 SPS, 255 PPS":                 {1, 100, 0, 13, 0xff, 0xff, 0xff},
		"0 SPS, 255 PPS":                  {1, 100, 0, 13, 0xff, 0xe0, 0xff},
		"0 SPS, 255 PPS, one length byte": {1, 100, 0, 13, 0xff, 0xe0, 0xff, 0},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := ParseAVCConfig(b)
			assert.ErrorIs(t, err, container.ErrTruncated)
			assert.Empty(t, c.SequenceParameterSets)
			assert.Empty(t, c.PictureParameterSets)

			p, err := ParseExtradata(b)
			assert.ErrorIs(t, err, container.ErrTruncated)
			st := (&container.Info{}).AddStream(container.Video)
			p.Fill(st)
			assert.Equal(t, container.H264Options{IsAVC: true, NALLengthSize: 0}, st.DecoderOptions)
			assert.Empty(t, st.Profile)

			// The counts cost nothing: as many allocations (the error's)
			// as for a record that claims one set.
			claim1 := append([]byte{}, b...)
			claim1[5] &^= 0x1e
			allocs := testing.AllocsPerRun(20, func() { _, _ = ParseAVCConfig(b) })
			if !race.Enabled {
				assert.Equal(t, testing.AllocsPerRun(20, func() { _, _ = ParseAVCConfig(claim1) }), allocs)
			}
		})
	}
}

func TestExtradataAVCCFailures(t *testing.T) {
	rec := mustHex(t, x264AVCC)
	for _, c := range []struct {
		name      string
		b         []byte
		nalLength int
		decodes   bool
	}{
		// Each checked with ffprobe 5.1 on hi.mp4 with its avcC replaced.
		{"record of 6 bytes", rec[:6], 0, false},
		{"record of 7 bytes", rec[:7], 0, false},
		{"PPS cut", rec[:40], 0, false},
		{"no PPS", append(append([]byte{}, rec[:33]...), 0), 4, false},
		{"no numOfPictureParameterSets", rec[:33], 4, false},
		{"PPS naming SPS 5", append(append([]byte{}, rec[:33]...), 1, 0, 2, 0x68, 0x9b), 4, false},
		{"PPS of a header byte", append(append([]byte{}, rec[:33]...), 1, 0, 1, 0x68), 4, false},
		{"SPS with forbidden_zero_bit", append(append(append([]byte{}, rec[:8]...), 0xff), rec[9:]...), 4, false},
		{"lengthSizeMinusOne 1", append(append(append([]byte{}, rec[:4]...), 0xfd), rec[5:]...), 2, true},
		{"no extension", rec[:42], 4, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, _ := ParseExtradata(c.b)
			assert.True(t, p.IsAVC)
			assert.Equal(t, c.nalLength, p.NALLengthSize)
			st := (&container.Info{}).AddStream(container.Video)
			p.Fill(st)
			if c.decodes {
				assert.Equal(t, "High", st.Profile)
			} else {
				assert.Empty(t, st.Profile)
				assert.Empty(t, st.PixFmt)
				assert.Equal(t, container.LevelUnknown, st.Level)
			}
		})
	}
}

func TestExtradataAnnexB(t *testing.T) {
	// The same parameter sets with start codes, as a raw or MPEG-TS
	// stream's extradata holds them (ffprobe 5.1 on raw.h264, raw.ts:
	// is_avc "false", nal_length_size "0", the rest as from the avcC).
	b := append([]byte{0, 0, 0, 1}, mustHex(t, x264SPS)...)
	b = append(b, 0, 0, 0, 1)
	b = append(b, mustHex(t, x264PPS)...)
	p, err := ParseExtradata(b)
	require.NoError(t, err)
	assert.False(t, p.IsAVC)
	assert.Zero(t, p.NALLengthSize)
	assert.Nil(t, p.Config)
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, container.H264Options{}, st.DecoderOptions)
	assert.Equal(t, "High", st.Profile)
	assert.Equal(t, 320, st.Width)

	// Bytes with no start code hold nothing, which FFmpeg accepts.
	p, err = ParseExtradata([]byte{2, 3, 4})
	assert.NoError(t, err)
	assert.Nil(t, p.Active())

	_, err = ParseExtradata(nil)
	assert.ErrorIs(t, err, container.ErrTruncated)
}

func TestExtradataEscapeRetry(t *testing.T) {
	// An avcC entry written without emulation prevention bytes: profile_idc
	// 0, constraint flags 0 and level_idc 1 read as a start code, so the
	// unit is one byte long and fails; decode_extradata_ps_mp4 escapes it
	// ("trying again after escaping the NAL") and it decodes.
	var w bitWriter
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.ProfileIDC, s.LevelIDC, s.VUIParametersPresentFlag = 0, 1, false
	spsBits(&w, s)
	w.trailing()
	raw := append([]byte{0x67}, w.b...)
	require.True(t, bytes.HasPrefix(raw, []byte{0x67, 0, 0, 1}))
	_, err = ParseSPS(raw)
	require.Error(t, err)

	rec := []byte{1, 0, 0, 1, 0xff, 0xe1, 0, byte(len(raw))}
	rec = append(rec, raw...)
	rec = append(rec, 1, 0, 6)
	rec = append(rec, mustHex(t, x264PPS)...)
	p, err := ParseExtradata(rec)
	require.NoError(t, err)
	require.NotNil(t, p.Active())
	assert.Equal(t, uint8(1), p.Active().LevelIDC)
	assert.Equal(t, "0", p.Active().Profile())
}

// annexB joins units with four-byte start codes.
func annexB(units ...[]byte) []byte {
	var b []byte
	for _, u := range units {
		b = append(b, 0, 0, 0, 1)
		b = append(b, u...)
	}
	return b
}

func TestScanAnnexB(t *testing.T) {
	sps, pps := mustHex(t, x264SPS), mustHex(t, x264PPS)
	other := hostileSPS(t, func(s *SPS) { s.SeqParameterSetID = 1; s.PicWidthInMbsMinus1 = 39 })
	slice := []byte{0x65, 0x88, 0x84, 0x00, 0x33}
	stream := append([]byte{0xde, 0xad}, annexB(
		[]byte{0x41, 0x9a}, // a slice before any parameter set: passed over
		sps, pps, []byte{0x06, 0x05, 0x01, 0x00, 0x80}, slice,
		other, // the next access unit: not read
	)...)
	p, found, err := ScanAnnexB(stream)
	require.NoError(t, err)
	require.True(t, found)
	assert.False(t, p.IsAVC)
	assert.Nil(t, p.SPS[1], "the scan ends at the first slice after the parameter sets")
	// Each unit with a start code of three bytes and the zero byte of the
	// next four-byte start code.
	assert.Equal(t, 3+len(sps)+1+3+len(pps)+1, p.ExtradataSize)
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, "High", st.Profile)
	assert.Equal(t, 320, st.Width)
	assert.Equal(t, "progressive", st.FieldOrder)
	assert.Equal(t, container.H264Options{}, st.DecoderOptions)

	// A broken SPS is dropped and the scan goes on, as the decoder does.
	bad := hostileSPS(t, func(s *SPS) { s.VUI.AspectRatioIDC = 17 })
	p, found, err = ScanAnnexB(annexB(bad, sps, pps, slice))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.True(t, found)
	assert.NotNil(t, p.Active())

	// An SPS without a PPS decodes no picture, but is extradata.
	p, found, err = ScanAnnexB(annexB(sps, slice))
	assert.NoError(t, err)
	assert.False(t, found)
	assert.Equal(t, 3+len(sps)+1, p.ExtradataSize)
	// A PPS alone is no extradata: the filter wants an SPS.
	p, _, _ = ScanAnnexB(annexB(pps, slice))
	assert.Zero(t, p.ExtradataSize)
	p, _, _ = ScanAnnexB(annexB(sps, slice))
	st = (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Empty(t, st.Profile)
}

// TestScanAnnexBParserRejects: an SPS whose VUI stops after the chroma
// location, followed by a four-byte start code. The decoder accepts it
// ("Truncated VUI"); h264_parser.c, which reads the unit with its stop bit
// and the zero byte of the next start code, reads a timing flag from the
// stop bit and fails. ffprobe 5.1 prints the stream with no field_order.
func TestScanAnnexBParserRejects(t *testing.T) {
	trunc := hostileSPS(t, func(s *SPS) { s.VUI.Truncated = true })
	p, found, err := ScanAnnexB(annexB(trunc, mustHex(t, x264PPS), []byte{0x65, 0x88}))
	require.NoError(t, err)
	require.True(t, found)
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, "High", st.Profile)
	assert.Equal(t, "left", st.ChromaLocation)
	assert.Empty(t, st.FieldOrder)

	// From an avcC the parser takes the decoder's parameter sets.
	rec := []byte{1, 100, 0, 13, 0xff, 0xe1, 0, byte(len(trunc))}
	rec = append(rec, trunc...)
	rec = append(rec, 1, 0, 6)
	rec = append(rec, mustHex(t, x264PPS)...)
	p, err = ParseExtradata(rec)
	require.NoError(t, err)
	st = (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, "progressive", st.FieldOrder)
}

// TestScanAnnexBEmptyUnits: 65536 start codes with nothing between them
// are passed over in one walk, with no allocation for the units.
func TestScanAnnexBEmptyUnits(t *testing.T) {
	b := bytes.Repeat([]byte{0, 0, 1}, 65536)
	p, found, err := ScanAnnexB(b)
	assert.NoError(t, err)
	assert.False(t, found)
	assert.Nil(t, p.Active())
	allocs := testing.AllocsPerRun(5, func() { _, _, _ = ScanAnnexB(b) })
	assert.LessOrEqual(t, allocs, 2.0)

	p, err = ParseExtradata(b)
	assert.NoError(t, err)
	assert.Nil(t, p.Active())
}

func TestAddUnit(t *testing.T) {
	// An avc3 track: empty arrays in the avcC, parameter sets in band.
	p, err := ParseExtradata([]byte{1, 100, 0, 13, 0xff, 0xe0, 0})
	require.NoError(t, err)
	assert.Nil(t, p.Active())
	require.NoError(t, p.AddUnit(mustHex(t, x264SPS)))
	require.NoError(t, p.AddUnit(mustHex(t, x264PPS)))
	assert.NoError(t, p.AddUnit([]byte{0x06, 0x05}), "other units are ignored")
	assert.ErrorIs(t, p.AddUnit([]byte{0x68, 0x9b}), container.ErrMalformed)
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, "High", st.Profile)
	assert.Equal(t, container.H264Options{IsAVC: true, NALLengthSize: 4}, st.DecoderOptions)
}

func TestParsePPS(t *testing.T) {
	var list [32]*SPS
	_, err := ParsePPS(mustHex(t, x264PPS), &list)
	assert.ErrorIs(t, err, container.ErrMalformed, "no SPS 0")

	sps, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	list[0] = sps
	pps, err := ParsePPS(mustHex(t, x264PPS), &list)
	require.NoError(t, err)
	assert.Equal(t, &PPS{
		EntropyCodingModeFlag:          true,
		NumRefIdxL0DefaultActiveMinus1: 2, WeightedPredFlag: true, WeightedBipredIDC: 2,
		PicInitQPMinus26: -3, ChromaQPIndexOffset: -2, DeblockingFilterControlPresentFlag: true,
		Transform8x8ModeFlag: true, SecondChromaQPIndexOffset: -2,
	}, pps)

	// The extension with a scaling matrix, 4:4:4 (12 lists), round trip.
	s444 := *sps
	s444.ChromaFormatIDC = 3
	list[0] = &s444
	want := &PPS{PicParameterSetID: 255, Transform8x8ModeFlag: true, PicScalingMatrixPresentFlag: true,
		ChromaQPIndexOffset: 12, SecondChromaQPIndexOffset: -12}
	want.ScalingMatrix.ScalingListPresentFlag[11] = true
	for j := range want.ScalingMatrix.ScalingList8x8[5] {
		want.ScalingMatrix.ScalingList8x8[5][j] = uint8(j + 1)
	}
	got, err := ParsePPS(marshalPPS(want, 3, true), &list)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// Baseline-compatible streams have no extension, whatever follows
	// (more_rbsp_data_in_pps).
	base := &SPS{ProfileIDC: 66, ConstraintSet1Flag: true}
	list[0] = base
	got, err = ParsePPS(marshalPPS(&PPS{ChromaQPIndexOffset: 3, Transform8x8ModeFlag: true, SecondChromaQPIndexOffset: 5}, 1, true), &list)
	require.NoError(t, err)
	assert.False(t, got.Transform8x8ModeFlag)
	assert.Equal(t, int32(3), got.SecondChromaQPIndexOffset)

	list[0] = sps
	for name, p := range map[string]*PPS{
		"chroma_qp_index_offset 13": {ChromaQPIndexOffset: 13},
		"32 references":             {NumRefIdxL1DefaultActiveMinus1: 32},
		"pps id 256":                {PicParameterSetID: 256},
	} {
		_, err := ParsePPS(marshalPPS(p, 1, false), &list)
		assert.ErrorIs(t, err, container.ErrMalformed, name)
	}
}

func TestParsePPSSliceGroups(t *testing.T) {
	sps := &SPS{ProfileIDC: 66, PicWidthInMbsMinus1: 1, PicHeightInMapUnitsMinus1: 1}
	list := [32]*SPS{sps}
	var w bitWriter
	w.ue(0)
	w.ue(0)
	w.flag(false)
	w.flag(false)
	w.ue(2) // num_slice_groups_minus1
	w.ue(6) // slice_group_map_type
	w.ue(3) // pic_size_in_map_units_minus1: 2x2 macroblocks
	for _, id := range []uint64{0, 1, 2, 1} {
		w.u(2, id)
	}
	w.ue(0)
	w.ue(0)
	w.flag(false)
	w.u(2, 0)
	w.se(0)
	w.se(0)
	w.se(0)
	w.flag(true)
	w.flag(false)
	w.flag(false)
	w.trailing()
	p, err := ParsePPS(w.nal(0x68), &list)
	require.NoError(t, err)
	assert.Equal(t, []uint32{0, 1, 2, 1}, p.SliceGroupID)
	assert.True(t, p.DeblockingFilterControlPresentFlag)

	// A map longer than the data stops with it.
	sps.PicWidthInMbsMinus1, sps.PicHeightInMapUnitsMinus1 = 8000, 8000
	var w2 bitWriter
	w2.ue(0)
	w2.ue(0)
	w2.flag(false)
	w2.flag(false)
	w2.ue(1)
	w2.ue(6)
	w2.ue(8001*8001 - 1)
	w2.u(8, 0xff)
	w2.trailing()
	p, err = ParsePPS(w2.nal(0x68), &list)
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.Less(t, len(p.SliceGroupID), 64)
}

func TestSliceType(t *testing.T) {
	for _, c := range []struct {
		nal  []byte
		want int
		ok   bool
	}{
		{[]byte{0x65, 0x88, 0x84}, SliceI, true}, // x264 IDR: first_mb 0, slice_type 7
		{[]byte{0x41, 0x9a, 0x21}, SliceP, true}, // first_mb 0, slice_type 5
		{[]byte{0x01, 0x9e, 0x42}, SliceB, true}, // first_mb 0, slice_type 6, nal_ref_idc 0
		{[]byte{0x41, 0xa0}, SliceB, true},       // slice_type 1
		{[]byte{0x67, 0x88}, 0, false},           // an SPS
		{[]byte{0x41, 0x80, 0x40}, 0, false},     // slice_type 10
		{[]byte{0x41}, 0, false},
	} {
		got, ok := SliceType(c.nal)
		assert.Equal(t, c.ok, ok, "% x", c.nal)
		assert.Equal(t, c.want, got, "% x", c.nal)
	}
}
