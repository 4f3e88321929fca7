package riff

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// pcmFmt is a PCMWAVEFORMAT for 16-bit stereo at 44.1 kHz.
var pcmFmt = []byte{
	0x01, 0x00, // wFormatTag: WAVE_FORMAT_PCM
	0x02, 0x00, // nChannels: 2
	0x44, 0xAC, 0x00, 0x00, // nSamplesPerSec: 44100
	0x10, 0xB1, 0x02, 0x00, // nAvgBytesPerSec: 176400
	0x04, 0x00, // nBlockAlign: 4
	0x10, 0x00, // wBitsPerSample: 16
}

// minimalWAV is a 44-byte header and 8 bytes of samples.
var minimalWAV = []byte{
	'R', 'I', 'F', 'F', 44, 0, 0, 0, 'W', 'A', 'V', 'E', // RIFF header, size 44
	'f', 'm', 't', ' ', 16, 0, 0, 0, // fmt chunk of 16 bytes
	0x01, 0x00, 0x02, 0x00, 0x44, 0xAC, 0x00, 0x00, 0x10, 0xB1, 0x02, 0x00, 0x04, 0x00, 0x10, 0x00, // pcmFmt
	'd', 'a', 't', 'a', 8, 0, 0, 0, // data chunk of 8 bytes: two sample frames
	0, 0, 0, 0, 0, 0, 0, 0,
}

// chunk builds a RIFF chunk with its pad byte.
func ck(id string, body []byte) []byte {
	b := append([]byte(id), le32(uint32(len(body)))...)
	b = append(b, body...)
	if len(body)&1 == 1 {
		b = append(b, 0)
	}
	return b
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func le64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// wave wraps chunks in a RIFF/WAVE header.
func wave(chunks ...[]byte) []byte {
	body := cat(append([][]byte{[]byte("WAVE")}, chunks...)...)
	return cat([]byte("RIFF"), le32(uint32(len(body))), body)
}

func TestProbeWAV(t *testing.T) {
	pad := make([]byte, 24)
	for _, tc := range []struct {
		name string
		head []byte
		want int
	}{
		{"RIFF", minimalWAV, 99},
		{"RIFX", cat([]byte("RIFX\x00\x00\x00\x2cWAVE"), pad), 99},
		{"RF64 with ds64", cat([]byte("RF64\xff\xff\xff\xffWAVEds64"), pad), 100},
		{"RF64 without ds64", cat([]byte("RF64\xff\xff\xff\xffWAVEfmt "), pad), 0},
		{"too short", minimalWAV[:32], 0},
		{"AVI", cat([]byte("RIFF\x00\x00\x00\x00AVI "), pad), 0},
	} {
		assert.Equal(t, tc.want, probeWAV(tc.head), tc.name)
	}
}

func TestReadWAV(t *testing.T) {
	odd := make([]byte, 7)
	for _, tc := range []struct {
		name     string
		b        []byte
		start    int64
		codec    string
		duration int64
		tags     []container.Tag
		dataOff  int64
	}{{
		name: "minimal", b: minimalWAV, codec: "pcm_s16le", duration: 2, dataOff: 44,
	}, {
		name: "LIST/INFO after an odd data chunk",
		b: wave(ck("fmt ", []byte{1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x40, 0x1f, 0, 0, 1, 0, 8, 0}), ck("data", odd),
			ck("LIST", cat([]byte("INFO"), ck("INAM", []byte("Title\x00")), ck("ICRD", []byte("2024"))))),
		codec: "pcm_u8", duration: 7, dataOff: 44,
		tags: []container.Tag{{Key: "title", Value: "Title"}, {Key: "date", Value: "2024"}},
	}, {
		name: "chunks aligned to the RIFF start after an odd ID3v2 tag",
		b: cat([]byte("ID3"), wave(ck("fmt ", pcmFmt), ck("data", odd),
			ck("LIST", cat([]byte("INFO"), ck("IART", []byte("X")))))),
		start: 3, codec: "pcm_s16le", duration: 1, dataOff: 47,
		tags: []container.Tag{{Key: "artist", Value: "X"}},
	}, {
		name: "fact gives the samples of compressed audio",
		b: wave(ck("fmt ", []byte{0x55, 0, 2, 0, 0x44, 0xac, 0, 0, 0x80, 0x3e, 0, 0, 1, 0, 0, 0}),
			ck("fact", le32(1152)), ck("data", make([]byte, 417))),
		codec: "mp3", duration: 1152, dataOff: 56,
	}, {
		name: "RF64 sizes from ds64",
		b: cat([]byte("RF64\xff\xff\xff\xffWAVE"), ck("ds64", cat(le64(0), le64(8), le64(0))),
			ck("fmt ", pcmFmt), []byte("data\xff\xff\xff\xff"), make([]byte, 8)),
		codec: "pcm_s16le", duration: 2, dataOff: 76,
	}, {
		name:  "data size 0: no duration, no footer",
		b:     wave(ck("fmt ", pcmFmt), ck("data", nil), make([]byte, 40)),
		codec: "pcm_s16le", duration: container.NoPTS, dataOff: 44,
	}, {
		name: "bext",
		b: wave(ck("fmt ", pcmFmt), ck("bext", cat([]byte("Desc"), make([]byte, 252), []byte("Orig"), make([]byte, 28+32),
			[]byte("2020-01-02"), []byte("10:11:12"), le64(1234), make([]byte, 602-346))), ck("data", make([]byte, 4))),
		codec: "pcm_s16le", duration: 1, dataOff: 654,
		tags: []container.Tag{{Key: "comment", Value: "Desc"}, {Key: "encoded_by", Value: "Orig"},
			{Key: "date", Value: "2020-01-02"}, {Key: "creation_time", Value: "10:11:12"}, {Key: "time_reference", Value: "1234"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readWAV(&demuxkit.BytesSource{B: tc.b}, tc.start, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.duration, st.DurationTS)
			assert.Equal(t, tc.dataOff, info.Format.DataOffset)
			assert.Equal(t, tc.tags, info.Format.Tags.List())
		})
	}
}

func TestReadWAVStream(t *testing.T) {
	info, err := readWAV(&demuxkit.BytesSource{B: minimalWAV}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, container.Audio, st.Type)
	assert.Equal(t, uint32(1), st.CodecTag)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "", st.ChannelLayout, "WAVEFORMATEX leaves the layout unspecified")
	assert.Equal(t, int64(1411200), st.BitRate)
	assert.Equal(t, container.Rational{Num: 1, Den: 44100}, st.TimeBase)
	assert.Equal(t, container.NoPTS, st.StartPTS)
}

func TestReadWAVErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		err  error
	}{
		{"no fmt", wave(ck("data", make([]byte, 4))), container.ErrMalformed},
		{"no data", wave(ck("fmt ", pcmFmt)), container.ErrMalformed},
		{"bad start code", cat([]byte("RIFY"), minimalWAV[4:]), container.ErrMalformed},
		{"not WAVE", cat(minimalWAV[:8], []byte("AVI "), minimalWAV[12:]), container.ErrMalformed},
		{"short LIST", wave(ck("fmt ", pcmFmt), ck("LIST", []byte("IN")), ck("data", nil)), container.ErrMalformed},
		{"RF64 without ds64", cat([]byte("RF64\xff\xff\xff\xffWAVE"), ck("fmt ", pcmFmt)), container.ErrMalformed},
		{"fmt too short", wave(ck("fmt ", pcmFmt[:12]), ck("data", nil)), container.ErrMalformed},
		{"header cut", minimalWAV[:10], container.ErrTruncated},
		{"bext cut inside its text", wave(ck("fmt ", pcmFmt), []byte("bext\x00\x01\x00\x00"), make([]byte, 100)), container.ErrTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readWAV(&demuxkit.BytesSource{B: tc.b}, 0, container.Options{})
			assert.Nil(t, info)
			assert.True(t, errors.Is(err, tc.err), "%v", err)
		})
	}
}

// TestWAVCostDoesNotGrowWithData: a file with a hundred times the samples
// costs the same reads, because the data chunk is skipped by offset.
func TestWAVCostDoesNotGrowWithData(t *testing.T) {
	cost := func(n int) (int64, int64) {
		b := wave(ck("fmt ", pcmFmt), ck("data", make([]byte, n)), ck("LIST", cat([]byte("INFO"), ck("INAM", []byte("T")))))
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
		info, err := readWAV(src, 0, container.Options{})
		require.NoError(t, err)
		require.Equal(t, []container.Tag{{Key: "title", Value: "T"}}, info.Format.Tags.List())
		return src.Reads, src.Bytes
	}
	r1, b1 := cost(4 << 10)
	r2, b2 := cost(400 << 10)
	assert.Equal(t, r1, r2)
	assert.Equal(t, b1, b2)
	assert.Less(t, b1, int64(200))
}

// TestFmtChunkClaimsTwoGigabytes: a fmt chunk claiming 2 GB in a 60-byte
// file reads no more than the WAVEFORMATEX it can hold.
func TestFmtChunkClaimsTwoGigabytes(t *testing.T) {
	b := cat([]byte("RIFF\x00\x00\x00\x00WAVEfmt \xf0\xff\xff\x7f"), pcmFmt, []byte("data\x04\x00\x00\x00"), make([]byte, 4))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 10}}
	_, err := readWAV(src, 0, container.Options{})
	require.Error(t, err) // the walk cannot reach a data chunk past 2 GB
	assert.LessOrEqual(t, src.Bytes, int64(len(b)))
}

// TestBextHistoryClaimsGigabytes: a bext chunk whose size promises a
// gigabyte of coding history costs no allocation of that size.
func TestBextHistoryClaimsGigabytes(t *testing.T) {
	b := wave(ck("fmt ", pcmFmt), cat([]byte("bext"), le32(1<<30)), make([]byte, 700))
	allocs := testing.AllocsPerRun(5, func() {
		_, err := readWAV(&demuxkit.BytesSource{B: b, Limit: 1 << 12}, 0, container.Options{})
		assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	})
	assert.Less(t, allocs, 50.0)
}

// TestInfoValueClaimsGigabytes: an INFO value of 256 MB in a 1 KB file
// costs no more than a well-formed one.
func TestInfoValueClaimsGigabytes(t *testing.T) {
	good := wave(ck("fmt ", pcmFmt), ck("LIST", cat([]byte("INFO"), ck("INAM", []byte("T")))), ck("data", make([]byte, 900)))
	bad := wave(ck("fmt ", pcmFmt), cat([]byte("LIST"), le32(1<<28+12), []byte("INFO"), []byte("INAM"), le32(1<<28)), make([]byte, 900))
	measure := func(b []byte) float64 {
		return testing.AllocsPerRun(5, func() {
			_, _ = readWAV(&demuxkit.BytesSource{B: b, Limit: 1 << 12}, 0, container.Options{})
		})
	}
	assert.LessOrEqual(t, measure(bad), measure(good)+5)
}

func TestReadWAVXMA2(t *testing.T) {
	xma2 := cat(
		[]byte{3, 1}, // version 3, one stream
		make([]byte, 10),
		[]byte{0x00, 0x00, 0xAC, 0x44}, // sample rate 44100, big-endian
		make([]byte, 4),
		[]byte{0x00, 0x01, 0x00, 0x00}, // 65536 samples
		make([]byte, 8),
		[]byte{2, 0, 0, 0}, // the stream's channels: 2
	)
	info, err := readWAV(&demuxkit.BytesSource{B: wave(ck("XMA2", xma2), ck("data", make([]byte, 2048)))}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "xma2", st.CodecName)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, int64(65536), st.DurationTS)
	assert.Equal(t, 36, st.ExtradataSize)
}

// TestXMA2ChunkClaimsGigabytes: an XMA2 chunk's size drives no allocation
// beyond the largest chunk FFmpeg accepts (255 streams).
func TestXMA2ChunkClaimsGigabytes(t *testing.T) {
	b := wave(cat([]byte("XMA2"), le32(1<<30), []byte{3, 1}), make([]byte, 2000))
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
	_, err := readWAV(src, 0, container.Options{})
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Less(t, src.Bytes, int64(1200))
}

func TestReadRIFX(t *testing.T) {
	b := []byte{
		'R', 'I', 'F', 'X', 0, 0, 0, 40, 'W', 'A', 'V', 'E', // big-endian RIFF
		'f', 'm', 't', ' ', 0, 0, 0, 16, // fmt, 16 bytes, big-endian size
		0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x1F, 0x40, 0x00, 0x00, 0x3E, 0x80, 0x00, 0x02, 0x00, 0x10, // PCM mono 8 kHz 16-bit
		'f', 'a', 'c', 't', 0, 0, 0, 4, 0, 0, 0, 3, // fact: 3 samples, big-endian (ignored for PCM)
		'd', 'a', 't', 'a', 0, 0, 0, 4, 0, 0, 0, 0,
	}
	info, err := readWAV(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	// FFmpeg 5.1 names the little-endian codec for RIFX PCM, as ffprobe shows.
	assert.Equal(t, "pcm_s16le", st.CodecName)
	assert.Equal(t, 8000, st.SampleRate)
	assert.Equal(t, int64(2), st.DurationTS)
}
