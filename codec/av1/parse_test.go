package av1

import (
	"github.com/mediaprobe/mediaprobe/internal/race"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// bitWriter builds test bitstreams most significant bit first.
type bitWriter struct {
	b []byte
	n int
}

func (w *bitWriter) put(width int, v uint64) *bitWriter {
	for i := width - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>i&1 != 0 {
			w.b[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
	return w
}

func (w *bitWriter) flag(f bool) *bitWriter {
	if f {
		return w.put(1, 1)
	}
	return w.put(1, 0)
}

// trailing appends trailing_bits (a one, then zeros to the byte).
func (w *bitWriter) trailing() []byte {
	w.put(1, 1)
	for w.n%8 != 0 {
		w.put(1, 0)
	}
	return w.b
}

// obu wraps a payload in an OBU header with obu_has_size_field.
func obu(typ byte, payload []byte) []byte {
	b := []byte{typ<<3 | 0x02}
	n := len(payload)
	for {
		c := byte(n & 0x7F)
		n >>= 7
		if n == 0 {
			b = append(b, c)
			break
		}
		b = append(b, c|0x80)
	}
	return append(b, payload...)
}

func TestParseSequenceHeaderFields(t *testing.T) {
	// libaom-av1.mp4's sequence header: profile 1, 4:4:4 sRGB (gbrp).
	b := unhex(t, "200000043cffbcdaf92021a004")
	s, err := ParseSequenceHeader(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(1), s.SeqProfile)
	assert.False(t, s.StillPicture)
	assert.False(t, s.TimingInfoPresentFlag)
	require.Len(t, s.OperatingPoints, 1)
	assert.Equal(t, uint8(0), s.OperatingPoints[0].SeqLevelIdx)
	assert.Equal(t, uint8(8), s.FrameWidthBitsMinus1)
	assert.Equal(t, uint32(319), s.MaxFrameWidthMinus1)
	assert.Equal(t, uint32(239), s.MaxFrameHeightMinus1)
	assert.True(t, s.EnableOrderHint)
	assert.Equal(t, uint8(6), s.OrderHintBitsMinus1)
	assert.Equal(t, uint8(SelectScreenContentTools), s.SeqForceScreenContentTools)
	c := s.ColorConfig
	assert.Equal(t, 8, c.BitDepth)
	assert.True(t, c.ColorDescriptionPresentFlag)
	assert.Equal(t, [3]uint8{1, 13, 0}, [3]uint8{c.ColorPrimaries, c.TransferCharacteristics, c.MatrixCoefficients})
	assert.True(t, c.ColorRange)
	assert.False(t, c.SubsamplingX)
	assert.False(t, c.SubsamplingY)
	assert.Equal(t, "gbrp", s.PixFmt())
	assert.Equal(t, container.Rational{}, s.FrameRate())
}

func TestTimingInfo(t *testing.T) {
	// m_tick.ivf: av1_metadata tick_rate=30000/1001:num_ticks_per_picture=1.
	seq, o, err := FindSequenceHeader(unhex(t, "0a130400000fa40001d4c3000000879ff79b5f2008"))
	require.NoError(t, err)
	require.NotNil(t, seq)
	assert.Len(t, o.Raw, 21)
	assert.True(t, seq.TimingInfoPresentFlag)
	assert.Equal(t, TimingInfo{NumUnitsInDisplayTick: 1001, TimeScale: 30000, EqualPictureInterval: true}, seq.TimingInfo)
	// ffprobe prints r_frame_rate 30000/1001 for the raw OBU stream.
	assert.Equal(t, container.Rational{Num: 30000, Den: 1001}, seq.FrameRate())
}

// seqHeader writes a sequence header with a decoder model, two operating
// points and 12-bit 4:2:2 profile 2 colour.
func seqHeader() []byte {
	w := &bitWriter{}
	w.put(3, 2).flag(false).flag(false) // profile 2, not still
	w.flag(true)                        // timing_info_present_flag
	w.put(32, 1).put(32, 50).flag(true) // 50 Hz, equal picture interval
	w.put(1, 1)                         // uvlc(): 0 (a one bit)
	w.flag(true)                        // decoder_model_info_present_flag
	w.put(5, 9).put(32, 1).put(5, 4).put(5, 6)
	w.flag(true) // initial_display_delay_present_flag
	w.put(5, 1)  // two operating points
	for i := 0; i < 2; i++ {
		w.put(12, 0x103).put(5, 9).put(1, 1) // idc, level 4.1, high tier
		w.flag(true).put(10, 5).put(10, 6).flag(false)
		w.flag(true).put(4, 3)
	}
	w.put(4, 10).put(4, 10).put(11, 1919).put(11, 1079)
	w.flag(true).put(4, 5).put(3, 2) // frame ids: delta 7 bits, additional 3
	w.put(3, 0)                      // 64x64, no filter intra, no edge filter
	w.put(5, 0b00001)                // order hint only
	w.put(2, 0b11)                   // jnt_comp, ref_frame_mvs
	w.flag(true)                     // seq_choose_screen_content_tools
	w.flag(false).flag(true)         // integer mv forced to 1
	w.put(3, 6)                      // order_hint_bits_minus_1
	w.flag(true).put(2, 0)           // superres
	w.flag(true).flag(true)          // high_bitdepth, twelve_bit
	w.flag(false)                    // mono_chrome
	w.flag(true).put(8, 9).put(8, 16).put(8, 9)
	w.flag(false)            // color_range
	w.flag(true).flag(false) // subsampling 4:2:2
	w.flag(false)            // separate_uv_delta_q
	w.flag(true)             // film grain
	return w.trailing()
}

func TestParseSequenceHeaderDecoderModel(t *testing.T) {
	s, err := ParseSequenceHeader(seqHeader())
	require.NoError(t, err)
	assert.Equal(t, DecoderModelInfo{BufferDelayLengthMinus1: 9, NumUnitsInDecodingTick: 1,
		BufferRemovalTimeLengthMinus1: 4, FramePresentationTimeLengthMinus1: 6}, s.DecoderModelInfo)
	require.Len(t, s.OperatingPoints, 2)
	assert.Equal(t, OperatingPoint{OperatingPointIDC: 0x103, SeqLevelIdx: 9, SeqTier: 1,
		DecoderModelPresentForThisOp: true, DecoderBufferDelay: 5, EncoderBufferDelay: 6,
		InitialDisplayDelayPresentForThisOp: true, InitialDisplayDelayMinus1: 3}, s.OperatingPoints[1])
	assert.Equal(t, uint32(1919), s.MaxFrameWidthMinus1)
	assert.True(t, s.FrameIDNumbersPresentFlag)
	assert.Equal(t, uint8(1), s.SeqForceIntegerMv)
	assert.True(t, s.EnableSuperres)
	assert.Equal(t, 12, s.ColorConfig.BitDepth)
	assert.True(t, s.FilmGrainParamsPresent)
	assert.Equal(t, "yuv422p12le", s.PixFmt())
	assert.Equal(t, 9, s.Level())
	assert.Equal(t, container.Rational{Num: 50, Den: 1}, s.FrameRate())
	// As extradata, with no packet: what the decoder's init reports.
	var st container.Stream
	_, err = Describe(&st, obu(OBUSequenceHeader, seqHeader()), nil)
	require.NoError(t, err)
	assert.Equal(t, "Professional", st.Profile)
	assert.Equal(t, "yuv422p12le", st.PixFmt)
	assert.Equal(t, "bt2020nc", st.ColorSpace)
	assert.Equal(t, "smpte2084", st.ColorTransfer)
	assert.Equal(t, 1920, st.Width)
	assert.Equal(t, 1080, st.Height)
	assert.True(t, st.FilmGrain)
}

// srgbProfile0 is a profile 0 sequence header with the sRGB colour
// description, which only 4:4:4 profiles can carry.
func srgbProfile0() []byte {
	w := &bitWriter{}
	w.put(3, 0).flag(true).flag(true).put(5, 8) // reduced still picture, level 4.0
	w.put(4, 3).put(4, 3).put(4, 15).put(4, 15)
	w.put(3, 0).put(3, 0) // tools; superres, cdef, restoration
	w.flag(false).flag(false)
	w.flag(true).put(8, 1).put(8, 13).put(8, 0)
	w.flag(false)
	return w.trailing()
}

func TestParseSequenceHeaderRefusals(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		kind error
	}{
		{"reserved profile", []byte{0x60, 0, 0, 0}, container.ErrMalformed},
		{"reduced without still", []byte{0x08, 0, 0, 0}, container.ErrMalformed},
		{"empty", nil, container.ErrTruncated},
		{"no trailing bit", unhex(t, "200000043cffbcdaf920218000")[:12], container.ErrTruncated},
		{"sRGB in profile 0", srgbProfile0(), container.ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSequenceHeader(tc.b)
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

// TestOperatingPointCount32Truncated: operating_points_cnt_minus_1 of 31
// and nothing after it stops at the end of the data.
func TestOperatingPointCount32Truncated(t *testing.T) {
	// profile 0, no timing info, no display delay, 5 bits of ones.
	b := []byte{0x01, 0xF0}
	allocs := testing.AllocsPerRun(10, func() {
		s, err := ParseSequenceHeader(b)
		if err == nil || len(s.OperatingPoints) != 0 {
			t.Fatal("parsed a cut header")
		}
	})
	if !race.Enabled {
		assert.LessOrEqual(t, allocs, 4.0)
	}
	s, err := ParseSequenceHeader(b)
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, uint8(31), s.OperatingPointsCntMinus1)
	assert.Empty(t, s.OperatingPoints)
}

func TestNextOBU(t *testing.T) {
	b := append(obu(OBUTemporalDelimiter, nil), 0x32, 0x03, 1, 2, 3, 0xFF)
	o, rest, err := NextOBU(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(OBUTemporalDelimiter), o.OBUType)
	assert.Empty(t, o.Payload)
	o, rest, err = NextOBU(rest)
	require.NoError(t, err)
	assert.Equal(t, uint8(OBUFrame), o.OBUType)
	assert.Equal(t, []byte{1, 2, 3}, o.Payload)
	assert.Equal(t, []byte{0x32, 0x03, 1, 2, 3}, o.Raw)
	assert.Equal(t, []byte{0xFF}, rest)

	// An extension header and no size field: the OBU runs to the end.
	o, rest, err = NextOBU([]byte{0x34, 0b010_10_000, 7, 8})
	require.NoError(t, err)
	assert.True(t, o.OBUExtensionFlag)
	assert.Equal(t, uint8(2), o.TemporalID)
	assert.Equal(t, uint8(2), o.SpatialID)
	assert.Equal(t, []byte{7, 8}, o.Payload)
	assert.Empty(t, rest)

	_, _, err = NextOBU([]byte{0x80})
	assert.ErrorIs(t, err, container.ErrMalformed, "forbidden bit")
	_, _, err = NextOBU([]byte{0x34})
	assert.ErrorIs(t, err, container.ErrTruncated, "extension cut")
	_, _, err = NextOBU([]byte{0x32, 0x80})
	assert.ErrorIs(t, err, container.ErrTruncated, "size cut")
	o, rest, err = NextOBU([]byte{0x32, 0x05, 1, 2})
	assert.ErrorIs(t, err, container.ErrTruncated, "payload cut")
	assert.Equal(t, []byte{1, 2}, o.Payload)
	assert.Empty(t, rest)
}

// TestOBUSizeLEB128Huge: obu_size fields far beyond the data are refused
// or reported truncated without allocating.
func TestOBUSizeLEB128Huge(t *testing.T) {
	tests := []struct {
		name string
		size []byte
		kind error
	}{
		// 2^56 needs a ninth byte: the eighth still has its top bit set.
		{"2^56", []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}, container.ErrMalformed},
		{"2^56-1", []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}, container.ErrMalformed},
		{"2^32", []byte{0x80, 0x80, 0x80, 0x80, 0x10}, container.ErrMalformed},
		{"2^32-1", []byte{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, container.ErrTruncated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := append([]byte{0x0A}, tc.size...)
			b = append(b, 0, 0, 0, 4)
			allocs := testing.AllocsPerRun(10, func() { _, _, _ = NextOBU(b) })
			if !race.Enabled {
				assert.LessOrEqual(t, allocs, 3.0)
			}
			_, _, err := NextOBU(b)
			assert.ErrorIs(t, err, tc.kind)
			_, _, err = FindSequenceHeader(b)
			assert.ErrorIs(t, err, tc.kind)
			_, err = ParseTemporalUnit(b, nil)
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

func TestConfig(t *testing.T) {
	c, err := ParseConfig(unhex(t, "81406c000a0b400000043cffbcdaf96308"))
	require.NoError(t, err)
	assert.Equal(t, Config{Marker: true, Version: 1, SeqProfile: 2, HighBitdepth: true, TwelveBit: true,
		ChromaSubsamplingX: true, ChromaSubsamplingY: true, ConfigOBUs: unhex(t, "0a0b400000043cffbcdaf96308")}, *c)

	_, err = ParseConfig([]byte{0x81, 0})
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, err = ParseConfig([]byte{0x82, 0, 0, 0})
	assert.ErrorIs(t, err, container.ErrUnsupported)
	_, err = ParseConfig([]byte{0x01, 0, 0, 0})
	assert.ErrorIs(t, err, container.ErrMalformed)
	c, err = ParseConfig([]byte{0x81, 0, 0, 0x1A})
	require.NoError(t, err)
	assert.True(t, c.InitialPresentationDelayPresent)
	assert.Equal(t, uint8(10), c.InitialPresentationDelayMinus1)
}

// TestConfigEmptySequenceHeader: an av1C whose configOBUs are empty gives
// the decoder nothing at open (libdav1d_parse_extradata returns at once),
// so film_grain is 0 and the rest comes from the first packet.
func TestConfigEmptySequenceHeader(t *testing.T) {
	av1C := []byte{0x81, 0x00, 0x0C, 0x00}
	c, err := ParseConfig(av1C)
	require.NoError(t, err)
	assert.Empty(t, c.ConfigOBUs)
	seq, err := ParseExtradata(av1C)
	require.NoError(t, err)
	assert.Nil(t, seq)

	// aomfg.ivf's first packet: film grain in the sequence header, which
	// is not extracted as the container has extradata.
	packet := unhex(t, "12000a0b000000043cffbcdaf900c032d0131400216802080882108202ea39bfc0")
	st := container.Stream{Width: 400, Height: 300}
	tu, err := Describe(&st, av1C, packet)
	require.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, 13, tu.ExtradataSize)
	assert.False(t, st.FilmGrain)
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, 320, st.Width)
	assert.Equal(t, 320, st.CodedWidth)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, st.SampleAspectRatio)

	// With no packet either, nothing is known.
	st = container.Stream{}
	_, err = Describe(&st, av1C, nil)
	require.NoError(t, err)
	assert.Empty(t, st.PixFmt)
	assert.Empty(t, st.Profile)
	assert.Equal(t, 1, st.Refs)

	// Extradata that is a bare run of OBUs without a sequence header.
	seq, err = ParseExtradata([]byte{0x12, 0x00})
	require.NoError(t, err)
	assert.Nil(t, seq)
}

// frameSeq is a sequence for frame header tests: order hints of 7 bits,
// screen content tools chosen per frame, superres, a decoder model with an
// operating point that holds temporal layer 0 and spatial layers 0 and 1.
func frameSeq(t *testing.T) *SequenceHeader {
	w := &bitWriter{}
	w.put(3, 0).flag(false).flag(false)
	w.flag(true).put(32, 1).put(32, 25).flag(false) // timing info, no equal interval
	w.flag(true).put(5, 4).put(32, 1).put(5, 7).put(5, 3)
	w.flag(false).put(5, 0) // one operating point
	w.put(12, 0x301).put(5, 4).flag(true).put(5, 1).put(5, 2).flag(false)
	w.put(4, 9).put(4, 8).put(10, 639).put(9, 479)
	w.flag(false) // no frame ids
	w.put(3, 0).put(5, 0b00001).put(2, 0)
	w.flag(true) // choose screen content tools
	w.flag(true) // choose integer mv
	w.put(3, 6)
	w.flag(true).flag(false).flag(false)  // superres
	w.flag(false).flag(false).flag(false) // 8 bits, not mono, no colour description
	w.flag(false).put(2, 0).flag(false)   // tv range, csp unknown
	w.flag(false)
	s, err := ParseSequenceHeader(w.trailing())
	require.NoError(t, err)
	return s
}

func TestParseFrameHeader(t *testing.T) {
	s := frameSeq(t)
	hdr := OBUHeader{OBUType: OBUFrameHeader, OBUExtensionFlag: true, SpatialID: 1}

	// A shown key frame with superres 8/16 and a render size of 320x240.
	w := &bitWriter{}
	w.flag(false).put(2, KeyFrame).flag(true) // show_existing_frame, frame_type, show_frame
	w.put(4, 5)                               // frame_presentation_time
	w.flag(false)                             // disable_cdf_update
	w.flag(false)                             // allow_screen_content_tools
	w.flag(true)                              // frame_size_override_flag
	w.put(7, 0)                               // order_hint
	w.flag(true).put(8, 1)                    // buffer_removal_time for the operating point
	w.put(10, 639).put(9, 479)                // frame size
	w.flag(true).put(3, 7)                    // superres, denominator 16
	w.flag(true).put(16, 319).put(16, 239)    // render size
	f, err := ParseFrameHeader(s, hdr, w.trailing())
	require.NoError(t, err)
	assert.True(t, f.SizeKnown)
	assert.Equal(t, 640, f.UpscaledWidth)
	assert.Equal(t, 320, f.FrameWidth)
	assert.Equal(t, 480, f.FrameHeight)
	assert.Equal(t, uint8(0xFF), f.RefreshFrameFlags)
	assert.Equal(t, container.Rational{Num: 1, Den: 1}, f.SampleAspectRatio())

	// The same frame header cut before its render size.
	_, err = ParseFrameHeader(s, hdr, w.b[:6])
	assert.ErrorIs(t, err, container.ErrTruncated)

	// An inter frame: read up to refresh_frame_flags.
	w = &bitWriter{}
	w.flag(false).put(2, InterFrame).flag(false).flag(true) // hidden, showable
	w.flag(false)                                           // error_resilient_mode
	w.flag(false).flag(false).flag(false).put(7, 3).put(3, 1)
	w.flag(false).put(8, 0x10)
	f, err = ParseFrameHeader(s, hdr, w.trailing())
	require.NoError(t, err)
	assert.False(t, f.SizeKnown)
	assert.Equal(t, uint8(0x10), f.RefreshFrameFlags)
	assert.Equal(t, container.Rational{}, f.SampleAspectRatio())

	// show_existing_frame.
	f, err = ParseFrameHeader(s, hdr, []byte{0b1_101_0000})
	require.NoError(t, err)
	assert.True(t, f.ShowExistingFrame)
	assert.Equal(t, uint8(5), f.FrameToShowMapIdx)

	// An intra-only frame that refreshes every slot.
	w = &bitWriter{}
	w.flag(false).put(2, IntraOnlyFrame).flag(true).put(4, 0).flag(false)
	w.flag(false).flag(false).flag(false).put(7, 3).flag(false).put(8, 0xFF)
	_, err = ParseFrameHeader(s, hdr, w.trailing())
	assert.ErrorIs(t, err, container.ErrMalformed)
}

func TestParseTemporalUnitLayers(t *testing.T) {
	s := frameSeq(t)
	key := func(width uint64) []byte {
		w := &bitWriter{}
		w.flag(false).put(2, KeyFrame).flag(false) // hidden key frame
		w.flag(true)                               // showable_frame
		w.flag(false).flag(false).flag(false).flag(true).put(7, 0)
		w.flag(false)  // no buffer removal times
		w.put(8, 0x04) // refresh slot 2
		w.put(10, width).put(9, 99).flag(false).flag(false)
		return w.trailing()
	}
	ext := func(typ byte, tid, sid uint8, payload []byte) []byte {
		return append([]byte{typ<<3 | 0x06, tid<<5 | sid<<3, byte(len(payload))}, payload...)
	}
	var b []byte
	b = append(b, obu(OBUTemporalDelimiter, nil)...)
	b = append(b, ext(OBUFrameHeader, 1, 0, key(99))...)  // temporal layer 1: dropped
	b = append(b, ext(OBUFrameHeader, 0, 1, key(199))...) // kept, hidden
	b = append(b, ext(OBUFrameHeader, 0, 1, []byte{0b1_010_0000})...)
	tu, err := ParseTemporalUnit(b, s)
	require.NoError(t, err)
	require.NotNil(t, tu.Frame)
	assert.Equal(t, 200, tu.Frame.UpscaledWidth)
	assert.Equal(t, 100, tu.Frame.FrameHeight)
	assert.Zero(t, tu.ExtradataSize, "no sequence header")

	// A frame of spatial layer 0 is not output when layer 1 is decoded.
	b = append(obu(OBUTemporalDelimiter, nil), ext(OBUFrameHeader, 0, 0, key(99))...)
	b = append(b, ext(OBUFrameHeader, 0, 0, []byte{0b1_010_0000})...)
	tu, err = ParseTemporalUnit(b, s)
	require.NoError(t, err)
	assert.Nil(t, tu.Frame)

	// No sequence header at all: nothing is parsed.
	tu, err = ParseTemporalUnit(b, nil)
	require.NoError(t, err)
	assert.Nil(t, tu.SequenceHeader)
	assert.Nil(t, tu.Frame)
}

// TestParseTemporalUnitRawStream: from the start of a raw OBU stream, the
// first temporal unit ends at the second temporal delimiter, as the obu
// demuxer cuts its packets.
func TestParseTemporalUnitRawStream(t *testing.T) {
	td := obu(OBUTemporalDelimiter, nil)
	sh := obu(OBUSequenceHeader, seqHeader())
	meta := obu(OBUMetadata, []byte{0x01, 0x00, 0x00, 0x80})
	var b []byte
	for i := 0; i < 3; i++ {
		b = append(append(append(b, td...), sh...), meta...)
	}
	tu, err := ParseTemporalUnit(b, nil)
	require.NoError(t, err)
	assert.Equal(t, len(sh)+len(meta), tu.ExtradataSize)
	require.NotNil(t, tu.SequenceHeader)

	// Without a sequence header, nothing is extracted.
	tu, err = ParseTemporalUnit(append(td, meta...), nil)
	require.NoError(t, err)
	assert.Zero(t, tu.ExtradataSize)
}
