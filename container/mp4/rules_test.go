package mp4

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// freeform is an iTunes '----' item: mean, name and a UTF-8 data atom.
func freeform(name, value string) []byte {
	return mkbox("----",
		mkbox("mean", full(0, 0), []byte("com.apple.iTunes")),
		mkbox("name", full(0, 0), []byte(name)),
		mkbox("data", u32(1), u32(0), []byte(value)))
}

// TestSMPBStartPad: iTunSMPB's encoder delay is the AAC stream's start
// padding, which update_initial_timestamps adds to its start time
// (mov_read_custom, mov_read_header's skip_samples).
func TestSMPBStartPad(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  int64
	}{
		{"delay 2112", " 00000000 00000840 000001CA 00000000003F31F6 00000000", 2112},
		{"0x prefix", "0 0x800 0x240 0x5DC0", 2048},
		{"no delay", " 00000000 00000000 00000000 0000000000005DC0", 0},
		{"delay too long", " 00000000 00004000 00000000 0000000000005DC0", 0},
		{"too few fields", " 00000000 00000840 000001CA", 0},
		{"not hex", " 00000000 zz 000001CA 5", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := readBytes(t, m4a(10, freeform("iTunSMPB", tt.value)))
			require.NoError(t, err)
			a := info.Streams[0]
			assert.Equal(t, tt.want, a.StartPTS) // 44.1 kHz in 1/44100
			v, _ := info.Format.Tags.Get("iTunSMPB")
			assert.Equal(t, tt.value, v)
		})
	}
}

// fragmented builds an init segment with one track (handler sub, sample
// entry entry, time scale 1000) and, when n > 0, one fragment of n
// samples of 500 ticks and 10 bytes.
func fragmented(sub string, entry []byte, n int) []byte {
	trak := mkbox("trak", tkhd(1, 3),
		mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr(sub, "Handler"),
			mkbox("minf", mkbox("stbl",
				mkbox("stsd", full(0, 0), u32(1), entry),
				mkbox("stts", full(0, 0), u32(0)),
				mkbox("stsc", full(0, 0), u32(0)),
				mkbox("stsz", full(0, 0), u32(0), u32(0)),
				mkbox("stco", full(0, 0), u32(0))))))
	moov := mkbox("moov", mvhd(1000, 0), mkbox("mvex",
		mkbox("trex", full(0, 0), u32(1), u32(1), u32(0), u32(0), u32(0))), trak)
	b := cat(ftypM4A(), moov)
	if n == 0 {
		return b
	}
	var runs []byte
	for i := 0; i < n; i++ {
		runs = cat(runs, u32(500), u32(10)) // duration, size
	}
	traf := func(dataOff uint32) []byte {
		return mkbox("traf",
			mkbox("tfhd", full(0, 0x020000), u32(1)), // default-base-is-moof
			mkbox("tfdt", full(0, 0), u32(0)),
			mkbox("trun", full(0, 0x301), u32(uint32(n)), u32(dataOff), runs))
	}
	moof := mkbox("moof", mkbox("mfhd", full(0, 0), u32(1)), traf(0))
	moof = mkbox("moof", mkbox("mfhd", full(0, 0), u32(1)), traf(uint32(len(moof)+8)))
	return cat(b, moof, mkbox("mdat", zeros(10*n)))
}

// stpp is a TTML sample entry (XMLSubtitleSampleEntry): namespace, schema
// location, MIME types, then a btrt box.
func stpp() []byte {
	return mkbox("stpp", zeros(6), u16(1),
		[]byte("http://www.w3.org/ns/ttml\x00\x00\x00"),
		mkbox("btrt", u32(0), u32(1000), u32(1000)))
}

// TestTextTracksWithoutCodec: FFmpeg 5.1 knows no stpp or wvtt sample
// entry, so the track is data without a codec; when no stream needs a
// packet avformat_find_stream_info reads none, and a track whose samples
// are all in fragments has no start time.
func TestTextTracksWithoutCodec(t *testing.T) {
	for _, sub := range []string{"subt", "text", "sbtl"} {
		info, err := readBytes(t, fragmented(sub, stpp(), 3))
		require.NoError(t, err)
		s := info.Streams[0]
		assert.Equal(t, container.Data, s.Type, sub)
		assert.Equal(t, "", s.CodecName)
		assert.Equal(t, "stpp", codec.TagString(s.CodecTag))
		assert.Equal(t, int64(1500), s.DurationTS)
		assert.Equal(t, container.NoPTS, s.StartPTS)
		assert.Equal(t, 0, s.ExtradataSize)
	}
	wvtt := mkbox("wvtt", zeros(6), u16(1), mkbox("vttC", []byte("WEBVTT")))
	info, err := readBytes(t, fragmented("text", wvtt, 0))
	require.NoError(t, err)
	assert.Equal(t, container.Data, info.Streams[0].Type)
	assert.Equal(t, "", info.Streams[0].CodecName)

	// A mov_text track in fragments, alone: a codec, no start time.
	tx3g := mkbox("tx3g", zeros(6), u16(1), zeros(38))
	info, err = readBytes(t, fragmented("sbtl", tx3g, 2))
	require.NoError(t, err)
	assert.Equal(t, "mov_text", info.Streams[0].CodecName)
	assert.Equal(t, container.NoPTS, info.Streams[0].StartPTS)
}

// TestEsdsAverageBitRate: ff_mp4_read_dec_config_descr makes the esds
// average bit rate the stream's; an init segment keeps it, a track with
// samples replaces it with its own.
func TestEsdsAverageBitRate(t *testing.T) {
	entry := mp4a(2, 44100, esdsAAC([]byte{0x12, 0x10}))
	info, err := readBytes(t, fragmented("soun", entry, 0))
	require.NoError(t, err)
	assert.Equal(t, int64(128000), info.Streams[0].BitRate)

	info, err = readBytes(t, fragmented("soun", entry, 4))
	require.NoError(t, err)
	assert.Equal(t, int64(10*8*1000/500), info.Streams[0].BitRate)
	assert.Equal(t, int64(0), info.Streams[0].StartPTS) // audio: read
}

// TestIpcmPcmC: FFmpeg 5.1 maps ipcm to pcm_s16be and reads only the
// little-endian flag of pcmC (mov_read_pcmc), not its sample size.
func TestIpcmPcmC(t *testing.T) {
	tests := []struct {
		flags, size uint8
		want        string
	}{
		{0, 16, "pcm_s16be"},
		{1, 16, "pcm_s16le"},
		{1, 24, "pcm_s16le"},
		{3, 24, "pcm_s16be"}, // only a value of 1 means little endian
	}
	for _, tt := range tests {
		entry := mkbox("ipcm", zeros(6), u16(1), u16(0), u16(0), u32(0),
			u16(1), u16(16), u16(0), u16(0), u32(44100<<16),
			mkbox("pcmC", full(0, 0), u8(tt.flags), u8(tt.size)))
		info, err := readBytes(t, fragmented("soun", entry, 2))
		require.NoError(t, err)
		assert.Equal(t, tt.want, info.Streams[0].CodecName, "flags %d size %d", tt.flags, tt.size)
	}
}

// TestTimecodeString: av_timecode_make_string for the frame numbers and
// rates of tmcd tracks ffmpeg writes (the strings ffprobe prints for them).
func TestTimecodeString(t *testing.T) {
	tests := []struct {
		rate  container.Rational
		flags uint32
		frame int32
		want  string
	}{
		{container.Rational{Num: 12800, Den: 512}, 0, 90000, "01:00:00:00"},
		{container.Rational{Num: 12288, Den: 512}, 0, 864012, "10:00:00:12"},
		{container.Rational{Num: 15360, Den: 128}, 0, 220, "00:00:01:100"},
		{container.Rational{Num: 30000, Den: 1001}, tmcdDropFrame, 111582, "01:02:03;04"},
		{container.Rational{Num: 60000, Den: 1001}, tmcdDropFrame, 5178814, "23:59:59;58"},
		{container.Rational{Num: 25, Den: 1}, tmcd24HoursMax, 25 * 3600 * 25, "01:00:00:00"},
		{container.Rational{Num: 25, Den: 1}, tmcdAllowNegative, -26, "-00:00:01:01"},
		{container.Rational{Num: 25, Den: 1}, 0, -26, "00:00:01:01"},
	}
	for _, tt := range tests {
		got, ok := timecodeString(tt.rate, tt.flags, tt.frame)
		assert.True(t, ok)
		assert.Equal(t, tt.want, got)
	}
	// av_timecode_init refuses no rate, and drop frame off multiples of 30.
	_, ok := timecodeString(container.Rational{Num: 25, Den: 0}, 0, 1)
	assert.False(t, ok)
	_, ok = timecodeString(container.Rational{Num: 25, Den: 1}, tmcdDropFrame, 1)
	assert.False(t, ok)
}

// TestZeroDurationAvg: samples of 0 ticks leave avg_frame_rate to the
// durations compute_pkt_fields and mov_read_packet give the packets
// avformat_find_stream_info counts (values of ffprobe 5.1 on ffmpeg files
// whose stts deltas were zeroed).
func TestZeroDurationAvg(t *testing.T) {
	tests := []struct {
		codec      string
		tb         int64
		n, durTS   int64
		num, den   int64
		rFrameRate container.Rational
	}{
		{"mpeg4", 12288, 10, 5120, 29, 12, container.Rational{}}, // 2.4 fps, snapped to 29/12
		{"hevc", 15360, 12, 6144, 5, 2, container.Rational{}},
		{"mpeg2video", 12800, 10, 5120, 0, 0, container.Rational{}},
		{"mpeg4", 12288, 2, 5120, 0, 0, container.Rational{}}, // no packet counted
	}
	for _, tt := range tests {
		st := &container.Stream{CodecName: tt.codec, TimeBase: container.Rational{Num: 1, Den: tt.tb}, DurationTS: tt.durTS}
		tr := &track{st: st, sampleCount: tt.n}
		got := (&demuxer{}).zeroDurationAvg(tr)
		assert.Equal(t, container.Rational{Num: tt.num, Den: tt.den}, got, tt.codec)
	}
	// av_reduce(time scale, 0) is 1/0.
	assert.Equal(t, container.Rational{Num: 1, Den: 0}, container.Rational{Num: 90000, Den: 0}.Reduce(1<<31-1))
}

// TestVobSubExtradata: mov_rewrite_dvd_sub_extradata replaces a VobSub
// track's 64-byte palette with its text form, whose length ffprobe prints.
func TestVobSubExtradata(t *testing.T) {
	dsi := cat(u8(0x05), u8(64), zeros(64)) // 16 YUV palette entries
	dcd := cat(u8(0x04), u8(uint8(13+len(dsi))), u8(0xE0), u8(0x38), u24(0), u32(0), u32(0), dsi)
	esds := mkbox("esds", full(0, 0), u8(0x03), u8(uint8(3+len(dcd))), u16(1), u8(0), dcd)
	mp4s := mkbox("mp4s", zeros(6), u16(1), esds)
	info, err := readBytes(t, fragmented("subp", mp4s, 1))
	require.NoError(t, err)
	s := info.Streams[0]
	assert.Equal(t, container.Subtitle, s.Type)
	assert.Equal(t, "dvd_subtitle", s.CodecName)
	assert.Equal(t, 136, s.ExtradataSize) // no size line: tkhd gives no size

	assert.Equal(t, 151, dvdSubExtradataSize(1280, 720))
	assert.Equal(t, 136, dvdSubExtradataSize(0, 720))
}

// TestDataEntrySkipped: mov_parse_stsd_data skips what follows a data
// entry's header, so an mp4s entry under a handler other than subp gets
// no codec from its esds.
func TestDataEntrySkipped(t *testing.T) {
	dsi := cat(u8(0x05), u8(64), zeros(64))
	dcd := cat(u8(0x04), u8(uint8(13+len(dsi))), u8(0xE0), u8(0x38), u24(0), u32(0), u32(0), dsi)
	esds := mkbox("esds", full(0, 0), u8(0x03), u8(uint8(3+len(dcd))), u16(1), u8(0), dcd)
	info, err := readBytes(t, fragmented("text", mkbox("mp4s", zeros(6), u16(1), esds), 1))
	require.NoError(t, err)
	s := info.Streams[0]
	assert.Equal(t, container.Data, s.Type)
	assert.Equal(t, "", s.CodecName)
	assert.Equal(t, 0, s.ExtradataSize)
}

// TestDataTrackPacketRead: a data track without an edit list has a start
// time only if avformat_find_stream_info reads its first packet, which it
// does in file order until the audio and video streams have what they
// need (here the audio track's first packet); otherwise ffprobe gives it
// the format's start and duration (fill_all_stream_timings, in probe).
func TestDataTrackPacketRead(t *testing.T) {
	build := func(dataOff uint32) []byte {
		audio := mkbox("trak", tkhd(1, 3), mkbox("mdia", mdhd(44100, 4*1024, 0x55c4), hdlr("soun", ""),
			mkbox("minf", stblAudio(mp4a(2, 44100, esdsAAC([]byte{0x12, 0x10})), 4, 100, 1000))))
		data := mkbox("trak", tkhd(2, 3), mkbox("mdia", mdhd(1000, 50, 0x55c4), hdlr("meta", ""),
			mkbox("minf", mkbox("stbl",
				mkbox("stsd", full(0, 0), u32(1), mkbox("mett", zeros(6), u16(1), []byte("text/plain\x00"))),
				mkbox("stts", full(0, 0), u32(1), u32(1), u32(50)),
				mkbox("stsz", full(0, 0), u32(10), u32(1)),
				mkbox("stsc", full(0, 0), u32(1), u32(1), u32(1), u32(1)),
				mkbox("stco", full(0, 0), u32(1), u32(dataOff))))))
		b := cat(ftypM4A(), mkbox("moov", mvhd(1000, 93), audio, data))
		return cat(b, mkbox("mdat", zeros(2000-len(b))))
	}
	info, err := readBytes(t, build(800)) // before the audio's first packet
	require.NoError(t, err)
	assert.Equal(t, int64(0), info.Streams[1].StartPTS)
	info, err = readBytes(t, build(1500)) // after it
	require.NoError(t, err)
	assert.Equal(t, container.NoPTS, info.Streams[1].StartPTS)
	assert.Equal(t, int64(0), info.Streams[0].StartPTS)
}

// TestEditListWithEmptyTrack: FFmpeg 5.1 keeps advanced edit lists on
// after a track without samples (an init segment's, or an empty one), so
// an AAC edit that skips 1024 samples cuts the duration to the edit and
// gives no start padding; with an edit list mov_fix_index sets the start
// time, and an iTunSMPB delay is not added to it (values of ffprobe 5.1).
func TestEditListWithEmptyTrack(t *testing.T) {
	empty := mkbox("trak", tkhd(2, 3), mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr("meta", ""),
		mkbox("minf", mkbox("stbl",
			mkbox("stsd", full(0, 0), u32(1), mkbox("mett", zeros(6), u16(1), []byte("text/plain\x00"))),
			mkbox("stts", full(0, 0), u32(0)), mkbox("stsz", full(0, 0), u32(0), u32(0)),
			mkbox("stsc", full(0, 0), u32(0)), mkbox("stco", full(0, 0), u32(0))))))
	build := func(smpb bool) []byte {
		mk := func(off uint32) []byte {
			audio := mkbox("trak", tkhd(1, 3),
				mkbox("edts", mkbox("elst", full(0, 0), u32(1), u32(80), u32(1024), u32(0x10000))),
				mkbox("mdia", mdhd(44100, 10*1024, 0x55c4), hdlr("soun", ""),
					mkbox("minf", stblAudio(mp4a(2, 44100, esdsAAC([]byte{0x12, 0x10})), 10, 100, off))))
			parts := [][]byte{mvhd(1000, 232), empty, audio}
			if smpb {
				parts = append(parts, mkbox("udta", mkbox("meta", full(0, 0), hdlr("mdir", ""),
					mkbox("ilst", freeform("iTunSMPB", " 00000000 00000840 000001CA 00000000003F31F6")))))
			}
			return cat(ftypM4A(), mkbox("moov", parts...))
		}
		h := mk(0)
		h = mk(uint32(len(h) + 8))
		return cat(h, mkbox("mdat", zeros(1000)))
	}
	for _, smpb := range []bool{false, true} {
		info, err := readBytes(t, build(smpb))
		require.NoError(t, err)
		a := info.Streams[1]
		assert.Equal(t, int64(0), a.StartPTS)
		assert.Equal(t, int64(3528), a.DurationTS) // 80 ms at 44.1 kHz
	}
}

// TestMovPixFmt: the pixel formats the decoders of uncompressed QuickTime
// video report (ffprobe 5.1 on files ffmpeg writes).
func TestMovPixFmt(t *testing.T) {
	tests := []struct {
		name, tag string
		depth     int
		want      string
		bits      int
	}{
		{"rawvideo", "raw ", 24, "rgb24", 0},
		{"rawvideo", "raw ", 32, "argb", 0},
		{"rawvideo", "raw ", 16, "rgb555be", 0},
		{"rawvideo", "raw ", 40, "pal8", 0}, // gray with a colour table
		{"rawvideo", "raw ", 1, "pal8", 0},
		{"rawvideo", "2vuy", 24, "uyvy422", 0},
		{"rawvideo", "b48r", 48, "rgb48be", 0},
		{"qtrle", "rle ", 16, "rgb555le", 0},
		{"qtrle", "rle ", 40, "pal8", 0},
		{"v210", "v210", 24, "yuv422p10le", 10},
		{"r210", "r210", 32, "gbrp10le", 10},
		{"y41p", "Y41P", 12, "yuv411p", 12},
		{"cinepak", "cvid", 24, "rgb24", 0},
		{"h264", "avc1", 24, "", 0},
	}
	for _, tt := range tests {
		st := &container.Stream{Type: container.Video, CodecName: tt.name, CodecTag: codec.Fourcc(tt.tag)}
		describePixFmt(st, tt.tag, tt.depth, nil)
		assert.Equal(t, tt.want, st.PixFmt, "%s %q %d", tt.name, tt.tag, tt.depth)
		assert.Equal(t, tt.bits, st.BitsPerRawSample)
	}
}

// TestAvidAtoms: mov_read_aclr and mov_read_avid append Avid atoms to a
// DNxHD stream's extradata (ACLR also sets the range); mov_read_ares
// keeps an AVdn entry's ARES out of it.
func TestAvidAtoms(t *testing.T) {
	atom := func(typ string, v uint32) []byte {
		return mkbox(typ, []byte(typ), []byte("0001"), u32(v), u32(0))
	}
	entry := mkbox("AVdn", zeros(6), u16(1), zeros(16), u16(1280), u16(720), zeros(46), u16(24), u16(0xffff),
		atom("ACLR", 2), atom("APRG", 1),
		mkbox("ARES", []byte("ARES0001"), u32(1251), u32(960), u32(720), u32(1), zeros(80)))
	info, err := readBytes(t, fragmented("vide", entry, 1))
	require.NoError(t, err)
	s := info.Streams[0]
	assert.Equal(t, "dnxhd", s.CodecName)
	assert.Equal(t, 48, s.ExtradataSize)
	assert.Equal(t, "pc", s.ColorRange)
}

// TestChanLayoutTags: a 'chan' layout tag maps to FFmpeg's layout as
// mov_chan.c does (the tags ffmpeg's muxer writes, read back by ffprobe
// 5.1).
func TestChanLayoutTags(t *testing.T) {
	tests := []struct {
		tag  uint32
		want string
	}{
		{113<<16 | 3, "3.0"}, {108<<16 | 4, "quad"}, {117<<16 | 5, "5.0(side)"}, {121<<16 | 6, "5.1(side)"},
		{125<<16 | 7, "6.1"}, {128<<16 | 8, "7.1"}, {126<<16 | 8, "7.1(wide-side)"}, {103<<16 | 2, "downmix"},
	}
	for _, tt := range tests {
		tr := &track{st: &container.Stream{}}
		tr.readChan(cat(full(0, 0), u32(tt.tag), u32(0), u32(0)))
		assert.Equal(t, tt.want, tr.st.ChannelLayout, "tag %d", tt.tag>>16)
	}
}
