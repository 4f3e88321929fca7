package ogg

import (
	"errors"
	"math/bits"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func TestProbe(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want int
	}{
		{"page", []byte("OggS\x00\x02"), 100},
		{"all flags", []byte("OggS\x00\x07"), 100},
		{"bad flags", []byte("OggS\x00\x08"), 0},
		{"version 1", []byte("OggS\x01\x02"), 0},
		{"short", []byte("OggS\x00"), 0},
		{"other", []byte("fLaC\x00\x00"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, probe(tt.head))
		})
	}
}

func TestCRC(t *testing.T) {
	// ffmpeg's oggdec.c: av_crc(AV_CRC_32_IEEE, 0, "OggS", 4) = 0x4fa9b05f,
	// a value FFmpeg keeps byte-swapped (its big-endian CRC tables are).
	assert.Equal(t, bits.ReverseBytes32(0x4fa9b05f), crcUpdate(0, []byte("OggS")))
}

func readBytes(t *testing.T, b []byte) (*container.Info, error) {
	t.Helper()
	return read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestRead(t *testing.T) {
	type want struct {
		codec, sampleFmt, layout string
		rate, channels, extra    int
		bitRate                  int64
		timeBase                 container.Rational
		start, duration          int64
		tags                     []container.Tag
	}
	tests := []struct {
		name string
		file []byte
		want want
	}{
		{
			// First audio page: granule 1000, packets of 128 samples
			// after the first (which follows a short block: 128 too):
			// start 1000-384 = 616, duration 5000-616.
			name: "vorbis start from the first page",
			file: vorbisFile(1, 1000, 5000, "TITLE=a", "title=b", "ALBUMARTIST=c", "empty=", "=novalue", "noequals"),
			want: want{codec: "vorbis", sampleFmt: "fltp", layout: "stereo", rate: 44100, channels: 2,
				// 1 + lacing(30) + lacing(27: 7+4+11+4+1, comments dropped) + 30 + 27 + 33
				extra: 1 + 1 + 1 + 30 + 27 + 33, bitRate: 128000, timeBase: container.Rational{Num: 1, Den: 44100},
				start: 616, duration: 5000 - 616,
				// A repeated key keeps its last spelling (av_dict_set).
				tags: []container.Tag{{Key: "title", Value: "a;b"}, {Key: "album_artist", Value: "c"}}},
		},
		{
			// Encoder delay: granule below the packets' durations, start 0.
			name: "vorbis start clamped at 0",
			file: vorbisFile(1, 100, 5000),
			want: want{codec: "vorbis", sampleFmt: "fltp", layout: "stereo", rate: 44100, channels: 2,
				extra: 93, bitRate: 128000, timeBase: container.Rational{Num: 1, Den: 44100}, start: 0, duration: 5000},
		},
		{
			// Two packets of 960 on the first page, granule 1968: start
			// 48; the duration is the last granule (opus_packet sets the
			// start time itself, so ogg_get_length subtracts nothing).
			name: "opus",
			file: opusFile(1968, 10000, "TRACKNUMBER=3", "DESCRIPTION=x"),
			want: want{codec: "opus", sampleFmt: "fltp", layout: "stereo", rate: 48000, channels: 2,
				extra: 19, timeBase: container.Rational{Num: 1, Den: 48000}, start: 48, duration: 10000,
				tags: []container.Tag{{Key: "track", Value: "3"}, {Key: "comment", Value: "x"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := readBytes(t, tt.file)
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, container.Audio, st.Type)
			assert.Equal(t, tt.want.codec, st.CodecName)
			assert.Equal(t, tt.want.sampleFmt, st.SampleFmt)
			assert.Equal(t, tt.want.layout, st.ChannelLayout)
			assert.Equal(t, tt.want.rate, st.SampleRate)
			assert.Equal(t, tt.want.channels, st.Channels)
			assert.Equal(t, tt.want.extra, st.ExtradataSize)
			assert.Equal(t, tt.want.bitRate, st.BitRate)
			assert.Equal(t, tt.want.timeBase, st.TimeBase)
			assert.Equal(t, tt.want.start, st.StartPTS)
			assert.Equal(t, tt.want.duration, st.DurationTS)
			assert.Equal(t, tt.want.tags, st.Tags.List())
		})
	}
}

func TestReadSpeex(t *testing.T) {
	hdr := make([]byte, 80)
	copy(hdr, "Speex   1.2.1")
	put := func(off int, v uint32) { copy(hdr[off:], le32(v)) }
	put(28, 1)     // speex_version_id
	put(32, 80)    // header_size
	put(36, 16000) // rate
	put(40, 1)     // mode
	put(44, 4)     // mode_bitstream_version
	put(48, 1)     // nb_channels
	put(52, 27800) // bitrate
	put(56, 320)   // frame_size
	put(64, 1)     // frames_per_packet
	pkt := []byte{0x30, 0x4f}
	file := cat(
		oggPage(flagBOS, 0, 3, 0, false, hdr),
		oggPage(0, 0, 3, 1, false, vorbisComment("enc", "ENCODER=x")),
		oggPage(0, 497, 3, 2, false, pkt, pkt),
		oggPage(flagEOS, 1137, 3, 3, false, pkt, pkt),
	)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "speex", st.CodecName)
	assert.Equal(t, "flt", st.SampleFmt)
	assert.Equal(t, "", st.ChannelLayout)
	assert.Equal(t, int64(27800), st.BitRate)
	assert.Equal(t, 80, st.ExtradataSize)
	// First time stamp 497 - 2*320; ogg_get_length subtracts it.
	assert.Equal(t, int64(-143), st.StartPTS)
	assert.Equal(t, int64(1137+143), st.DurationTS)
	assert.Equal(t, []container.Tag{{Key: "ENCODER", Value: "x"}}, st.Tags.List())
}

func TestReadFLAC(t *testing.T) {
	streaminfo := []byte{
		0x10, 0x00, 0x10, 0x00, // min/max block size 4096
		0, 0, 0, 0, 0, 0, // min/max frame size unknown
		0x0A, 0xC4, 0x42, 0xF0, // 44100 Hz, 2 channels, 16 bits, samples (high bits)
		0, 0, 0, 0, // total samples
	}
	streaminfo = append(streaminfo, make([]byte, 16)...) // MD5
	first := cat([]byte("\x7fFLAC"), []byte{1, 0}, []byte{0, 1}, []byte("fLaC"),
		[]byte{0, 0, 0, 34}, // block header: STREAMINFO, 34 bytes
		streaminfo)
	comment := cat([]byte{0x84, 0, 0, 0}, vorbisComment("ref", "ARTIST=me")) // last block, VORBIS_COMMENT
	frame := []byte{0xFF, 0xF8, 0x69, 0x08}
	file := cat(
		oggPage(flagBOS, 0, 9, 0, false, first),
		oggPage(0, 0, 9, 1, false, comment),
		oggPage(0, 4096, 9, 2, false, frame),
		oggPage(flagEOS, 10000, 9, 3, false, frame),
	)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "flac", st.CodecName)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, 16, st.BitsPerRawSample)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, 34, st.ExtradataSize)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, int64(10000), st.DurationTS)
	assert.Equal(t, []container.Tag{{Key: "ARTIST", Value: "me"}}, st.Tags.List())
}

func TestReadTwoStreams(t *testing.T) {
	a := vorbisFile(1, 1000, 5000)
	// Interleave: both BOS pages first, then the rest.
	v1 := oggPage(flagBOS, 0, 1, 0, false, vorbisID)
	o1 := oggPage(flagBOS, 0, 7, 0, false, opusHead)
	rest := a[len(v1):]
	o := opusFile(1968, 10000)
	file := cat(v1, o1, o[len(o1):], rest)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, "vorbis", info.Streams[0].CodecName)
	assert.Equal(t, "opus", info.Streams[1].CodecName)
	assert.Equal(t, int64(5000-616), info.Streams[0].DurationTS)
	assert.Equal(t, int64(10000), info.Streams[1].DurationTS)
}

func TestBadCRCPageIsSkipped(t *testing.T) {
	f := vorbisFile(1, 1000, 5000)
	// Corrupt a payload byte of the last page: the tail scan skips it and
	// the duration comes from the page before (granule 1000).
	f[len(f)-1] ^= 0xFF
	info, err := readBytes(t, f)
	require.NoError(t, err)
	assert.Equal(t, int64(1000-616), info.Streams[0].DurationTS)

	// Corrupting the comment page loses a header: ffmpeg fails too.
	g := vorbisFile(1, 1000, 5000)
	idLen := len(oggPage(flagBOS, 0, 1, 0, false, vorbisID))
	g[idLen+pageHeaderSize+4] ^= 0xFF
	_, err = readBytes(t, g)
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func TestReadErrors(t *testing.T) {
	f := vorbisFile(1, 1000, 5000)
	tests := []struct {
		name string
		file []byte
		want error
	}{
		{"truncated in the headers", f[:100], container.ErrTruncated},
		{"no page", make([]byte, 70000), container.ErrMalformed},
		{"empty", nil, container.ErrTruncated},
		{"unknown codec only", oggPage(flagBOS, 0, 1, 0, false, []byte("garbage!")), container.ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := readBytes(t, tt.file)
			assert.Nil(t, info)
			assert.True(t, errors.Is(err, tt.want), "%v", err)
		})
	}
}

func TestPacketSpanningPages(t *testing.T) {
	// A comment header of 600 bytes split 510 + 90 over two pages.
	body := cat([]byte("\x03vorbis"), vorbisComment("v", "TITLE="+string(make([]byte, 0))+"x", "LONG="+string(repeat('a', 560))), []byte{1})
	file := cat(
		oggPage(flagBOS, 0, 1, 0, false, vorbisID),
		oggPage(0, -1, 1, 1, true, body[:510]),
		oggPage(flagContinued, 0, 1, 2, false, body[510:], vorbisSetup),
		oggPage(flagEOS, 4000, 1, 3, false, []byte{0}),
	)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	st := info.Streams[0]
	v, ok := st.Tags.Get("LONG")
	require.True(t, ok)
	assert.Len(t, v, 560)
	assert.Equal(t, int64(4000), st.DurationTS)
}

func repeat(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

// skeletonPages builds a skeleton stream (serial 0x55): fishead v4, a
// fisbone for stream target with the given start granule, and its EOS page.
func skeletonPages(target uint32, startGranule int64) (bos, bone, eos []byte) {
	fishead := cat([]byte("fishead\x00"),
		[]byte{4, 0, 0, 0},                // version 4.0
		make([]byte, 8),                   // presentation time numerator 0
		[]byte{0xE8, 3, 0, 0, 0, 0, 0, 0}, // denominator 1000
		make([]byte, 16+20+16),            // base time, UTC, segment length, content offset
	)
	le64 := func(v int64) []byte { return cat(le32(uint32(v)), le32(uint32(v>>32))) }
	fisbone := cat([]byte("fisbone\x00"),
		le32(44), le32(target), le32(3), // message header offset, serial, header packets
		le64(44100), le64(1), // granule rate
		le64(startGranule),          // start granule
		le32(2), []byte{0, 0, 0, 0}, // preroll, granule shift, padding
		[]byte("Content-Type: audio/vorbis\r\n"))
	return oggPage(flagBOS, 0, 0x55, 0, false, fishead),
		oggPage(0, 0, 0x55, 1, false, fisbone),
		oggPage(flagEOS, 0, 0x55, 2, false, nil)
}

func TestSkeletonStartGranule(t *testing.T) {
	v := vorbisFile(1, 1000, 5000)
	id := oggPage(flagBOS, 0, 1, 0, false, vorbisID)
	bos, bone, eos := skeletonPages(1, 500)
	info, err := readBytes(t, cat(bos, id, bone, eos, v[len(id):]))
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, container.Data, info.Streams[0].Type)
	st := info.Streams[1]
	// The fisbone's start granule wins over the first page's rule, and the
	// tail's duration loses it (ogg_get_length).
	assert.Equal(t, int64(500), st.StartPTS)
	assert.Equal(t, int64(4500), st.DurationTS)
}

func TestChainedStreamReplacesSerial(t *testing.T) {
	// Two links of one Vorbis stream: the second serial replaces the first
	// (ogg_replace_stream) and its last granule gives the duration.
	info, err := readBytes(t, cat(vorbisFile(1, 1000, 5000), vorbisFile(2, 1000, 3000)))
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, int64(3000-616), info.Streams[0].DurationTS)
}

// TestRepeatedCommentHeader: opus_header, theora_header and the Ogg FLAC
// header add each comment header to st->metadata (ff_vorbis_stream_comment),
// so a stream that repeats its headers (an OpusHead sent twice) joins the
// values of a key with ";"; Vorbis alone frees the old comments first.
func TestRepeatedCommentHeader(t *testing.T) {
	pkt := []byte{0xF8, 0xFF, 0xFE}
	tags := func(c ...string) []byte { return cat([]byte("OpusTags"), vorbisComment("libopus", c...)) }
	file := cat(
		oggPage(flagBOS, 0, 7, 0, false, opusHead),
		oggPage(0, 0, 7, 1, false, tags("encoder=E", "TITLE=First", "ARTIST=A")),
		oggPage(flagBOS, 0, 7, 0, false, opusHead),
		oggPage(0, 0, 7, 1, false, tags("TITLE=Second", "DESCRIPTION=d", "title=Third")),
		oggPage(0, 1968, 7, 2, false, pkt, pkt),
		oggPage(flagEOS, 10000, 7, 3, false, pkt),
	)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, []container.Tag{{Key: "encoder", Value: "E"}, {Key: "ARTIST", Value: "A"},
		{Key: "comment", Value: "d"}, {Key: "title", Value: "First;Second;Third"}}, info.Streams[0].Tags.List())
}
