package h264

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func x264Params(t *testing.T) *Params {
	p, err := ParseExtradata(mustHex(t, x264AVCC))
	require.NoError(t, err)
	return p
}

// TestFillContainerCrop: the size an MP4 sample entry gives is a further
// crop when init_dimensions accepts it. Checked with ffprobe 5.1 on
// hi.mp4 with its avc1 width and height rewritten.
func TestFillContainerCrop(t *testing.T) {
	for _, c := range []struct{ w, h, wantW, wantH int }{
		{320, 232, 320, 232},
		{318, 240, 318, 240},
		{318, 238, 318, 238},
		{300, 240, 320, 240}, // another macroblock count
		{320, 224, 320, 240},
		{336, 240, 320, 240}, // larger
		{16, 16, 320, 240},
		{0, 0, 320, 240},
	} {
		st := (&container.Info{}).AddStream(container.Video)
		st.Width, st.Height = c.w, c.h
		x264Params(t).Fill(st)
		assert.Equal(t, [4]int{c.wantW, c.wantH, c.wantW, c.wantH}, [4]int{st.Width, st.Height, st.CodedWidth, st.CodedHeight}, "%dx%d", c.w, c.h)
	}

	// The rule needs no top or left crop in the SPS.
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.FrameCroppingFlag, s.FrameCropTopOffset = true, 2
	p := &Params{}
	p.SPS[0], p.PPS[0], p.firstPPS = s, &PPS{}, 1
	st := (&container.Info{}).AddStream(container.Video)
	st.Width, st.Height = 320, 232
	p.Fill(st)
	assert.Equal(t, 236, st.Height)
}

// TestFillContainerColour: the decoder context starts from the
// container's colour properties, and the SPS overrides those it signals.
// Checked with ffprobe 5.1 on Matroska remuxes with -color_range,
// -colorspace, -color_primaries, -color_trc and -chroma_sample_location.
func TestFillContainerColour(t *testing.T) {
	// No video_signal_type in the SPS: the container's full range makes
	// the output yuvj420p.
	st := (&container.Info{}).AddStream(container.Video)
	st.ColorRange, st.ColorSpace, st.ColorPrimaries, st.ColorTransfer, st.ChromaLocation = "pc", "bt709", "bt470bg", "smpte170m", "center"
	x264Params(t).Fill(st)
	assert.Equal(t, "yuvj420p", st.PixFmt)
	assert.Equal(t, [4]string{"pc", "bt709", "bt470bg", "smpte170m"}, [4]string{st.ColorRange, st.ColorSpace, st.ColorPrimaries, st.ColorTransfer})
	assert.Equal(t, "left", st.ChromaLocation, "the VUI's default, whatever the container says")

	// The SPS signals range and colour: they win, unspecified included.
	s, err := ParseSPS(mustHex(t, x264SPS))
	require.NoError(t, err)
	s.VUI.VideoSignalTypePresentFlag, s.VUI.ColourDescriptionPresentFlag = true, true
	s.VUI.ColourPrimaries, s.VUI.TransferCharacteristics, s.VUI.MatrixCoefficients = 1, 2, 1
	p := &Params{}
	p.SPS[0], p.PPS[0], p.firstPPS = s, &PPS{}, 1
	st = (&container.Info{}).AddStream(container.Video)
	st.ColorRange, st.ColorTransfer = "pc", "smpte170m"
	p.Fill(st)
	assert.Equal(t, [4]string{"tv", "bt709", "bt709", ""}, [4]string{st.ColorRange, st.ColorSpace, st.ColorPrimaries, st.ColorTransfer})
	assert.Equal(t, "yuv420p", st.PixFmt)

	// 4:4:4 with the container's RGB matrix: planar GBR.
	s.ChromaFormatIDC = 3
	s.VUI.VideoSignalTypePresentFlag = false
	st = (&container.Info{}).AddStream(container.Video)
	st.ColorSpace = "gbr"
	p.Fill(st)
	assert.Equal(t, "gbrp", st.PixFmt)

	// Without a VUI the chroma location is unspecified, whatever the
	// container says.
	s.VUIParametersPresentFlag = false
	st = (&container.Info{}).AddStream(container.Video)
	st.ChromaLocation = "center"
	p.Fill(st)
	assert.Empty(t, st.ChromaLocation)
	assert.False(t, st.SampleAspectRatio.Valid())
}

func TestFillContainerAspectAndDelay(t *testing.T) {
	// A container's aspect ratio (MP4 pasp) is the stream's, which
	// av_guess_sample_aspect_ratio prefers; a container's reorder
	// estimate (MP4 ctts) is kept when larger.
	st := (&container.Info{}).AddStream(container.Video)
	st.SampleAspectRatio = container.Rational{Num: 4, Den: 3}
	st.HasBFrames = 3
	x264Params(t).Fill(st)
	assert.Equal(t, container.Rational{Num: 4, Den: 3}, st.SampleAspectRatio)
	assert.Equal(t, 3, st.HasBFrames)

	st = (&container.Info{}).AddStream(container.Video)
	st.HasBFrames = 1
	x264Params(t).Fill(st)
	assert.Equal(t, 2, st.HasBFrames)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)
}

func TestPixFmt(t *testing.T) {
	for _, c := range []struct {
		chroma, depth uint32
		full, rgb     bool
		want          string
	}{
		{1, 8, false, false, "yuv420p"},
		{1, 8, true, false, "yuvj420p"},
		{1, 8, true, true, "yuvj420p"},  // RGB only matters for 4:4:4
		{0, 8, true, false, "yuvj420p"}, // monochrome decodes as 4:2:0
		{0, 10, true, false, "yuv420p10le"},
		{2, 8, false, false, "yuv422p"},
		{2, 8, true, false, "yuvj422p"},
		{2, 10, true, false, "yuv422p10le"},
		{3, 8, false, false, "yuv444p"},
		{3, 8, true, false, "yuvj444p"},
		{3, 8, true, true, "gbrp"},
		{3, 8, false, true, "gbrp"},
		{3, 9, false, false, "yuv444p9le"},
		{3, 12, false, true, "gbrp12le"},
		{1, 14, false, false, "yuv420p14le"},
		{1, 11, false, false, ""},
		{1, 13, false, false, ""},
	} {
		s := &SPS{ChromaFormatIDC: c.chroma, BitDepthLumaMinus8: c.depth - 8}
		assert.Equal(t, c.want, s.PixFmt(c.full, c.rgb), "%+v", c)
	}
}

func TestSampleAspectRatio(t *testing.T) {
	for _, c := range []struct {
		idc  uint8
		w, h uint16
		want container.Rational
	}{
		{0, 0, 0, container.Rational{}},
		{1, 0, 0, container.Rational{Num: 1, Den: 1}},
		{4, 0, 0, container.Rational{Num: 16, Den: 11}},
		{13, 0, 0, container.Rational{Num: 160, Den: 99}},
		{16, 0, 0, container.Rational{Num: 2, Den: 1}},
		{255, 4, 6, container.Rational{Num: 2, Den: 3}}, // reduced
		{255, 5, 0, container.Rational{Num: 5, Den: 1}}, // sar_height 0 counts as 1
		{255, 0, 5, container.Rational{}},
		{255, 1, 1000, container.Rational{}},                // 320 samples scaled to 0: ff_set_sar rejects it
		{255, 100, 1, container.Rational{Num: 100, Den: 1}}, // ffprobe 5.1: 100:1
		{255, 1000, 1, container.Rational{}},
	} {
		s, err := ParseSPS(mustHex(t, x264SPS))
		require.NoError(t, err)
		s.VUI.AspectRatioIDC, s.VUI.SARWidth, s.VUI.SARHeight = c.idc, c.w, c.h
		assert.Equal(t, c.want, s.SampleAspectRatio(), "%+v", c)
	}
}

func TestChromaLocation(t *testing.T) {
	s := &SPS{VUIParametersPresentFlag: true}
	assert.Equal(t, "left", s.ChromaLocation())
	s.VUI.ChromaLocInfoPresentFlag = true
	for v, want := range []string{"left", "center", "topleft", "top", "bottomleft", "bottom", "", ""} {
		s.VUI.ChromaSampleLocTypeTopField = uint32(v)
		assert.Equal(t, want, s.ChromaLocation(), "%d", v)
	}
	s.VUI.ChromaSampleLocTypeTopField = 1<<32 - 1
	assert.Equal(t, "", s.ChromaLocation())
}

func TestZeroParams(t *testing.T) {
	var p Params
	assert.Nil(t, p.Active())
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	assert.Equal(t, container.H264Options{}, st.DecoderOptions)
	require.NoError(t, p.AddUnit(mustHex(t, x264SPS)))
	require.NoError(t, p.AddUnit(mustHex(t, x264PPS)))
	p.Fill(st)
	assert.Equal(t, "High", st.Profile)
}

func TestFieldOrder(t *testing.T) {
	pps := &PPS{}
	s := &SPS{FrameMbsOnlyFlag: true}
	o, decided := s.FieldOrder(pps)
	assert.Equal(t, "progressive", o)
	assert.True(t, decided)

	_, decided = s.FieldOrder(nil)
	assert.False(t, decided)
	_, decided = s.FieldOrder(&PPS{BottomFieldPicOrderInFramePresentFlag: true})
	assert.False(t, decided)
	s.VUIParametersPresentFlag, s.VUI.PicStructPresentFlag = true, true
	o, decided = s.FieldOrder(pps)
	assert.Equal(t, "progressive", o, "x264 --pic-struct: ffprobe prints progressive")
	assert.False(t, decided)
	s.VUI.PicStructPresentFlag = false
	s.PicOrderCntType, s.OffsetForTopToBottomField = 1, 1
	_, decided = s.FieldOrder(pps)
	assert.False(t, decided)

	// Interlaced x264 (tff=1, bff=1): ffprobe prints tt or bb, from the
	// pictures.
	s = &SPS{MbAdaptiveFrameFieldFlag: true}
	o, decided = s.FieldOrder(pps)
	assert.Equal(t, "", o)
	assert.False(t, decided)
	st := (&container.Info{}).AddStream(container.Video)
	st.FieldOrder = "tt"
	p := &Params{}
	s.PicWidthInMbsMinus1, s.PicHeightInMapUnitsMinus1, s.ChromaFormatIDC = 19, 7, 1
	p.SPS[0], p.PPS[0], p.firstPPS = s, pps, 1
	p.Fill(st)
	assert.Equal(t, "tt", st.FieldOrder, "the container's, kept")
	assert.Equal(t, 256, st.Height)
}

func TestHasBFrames(t *testing.T) {
	s := &SPS{}
	_, ok := s.HasBFrames()
	assert.False(t, ok)
	s.VUIParametersPresentFlag = true
	_, ok = s.HasBFrames()
	assert.False(t, ok)
	s.VUI.BitstreamRestrictionFlag, s.VUI.MaxNumReorderFrames = true, 0
	n, ok := s.HasBFrames()
	assert.True(t, ok)
	assert.Zero(t, n)
}

func TestFillLevel1b(t *testing.T) {
	// x264 -level 1b writes level_idc 11 with constraint_set3_flag in
	// Baseline and Main, 9 in High; ffprobe prints level_idc.
	for _, i := range []int{22, 23} {
		c := ffprobeCases[i]
		p, err := ParseExtradata(mustHex(t, c.avcC))
		require.NoError(t, err)
		st := (&container.Info{}).AddStream(container.Video)
		p.Fill(st)
		assert.Equal(t, c.level, st.Level, c.name)
	}
}
