package aiff

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// comm16 is an AIFF COMM body: mono, 100 frames of 16 bits at 44100 Hz.
var comm16 = []byte{
	0x00, 0x01, // numChannels: 1
	0x00, 0x00, 0x00, 0x64, // numSampleFrames: 100
	0x00, 0x10, // sampleSize: 16
	0x40, 0x0E, 0xAC, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // sampleRate: 44100 as 80-bit extended
}

// minimalAIFF is FORM/AIFF with COMM and an SSND of 200 bytes of samples.
var minimalAIFF = cat(
	[]byte{'F', 'O', 'R', 'M', 0, 0, 0, 0xF4, 'A', 'I', 'F', 'F'}, // FORM of 244 bytes
	[]byte{'C', 'O', 'M', 'M', 0, 0, 0, 18}, comm16,               // COMM of 18 bytes
	[]byte{'S', 'S', 'N', 'D', 0, 0, 0, 208}, // SSND of 208 bytes
	[]byte{0, 0, 0, 0, 0, 0, 0, 0},           // offset 0, block size 0
	make([]byte, 200),
)

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// ack builds an AIFF chunk with its pad byte.
func ack(id string, body []byte) []byte {
	b := append([]byte(id), binary.BigEndian.AppendUint32(nil, uint32(len(body)))...)
	b = append(b, body...)
	if len(body)&1 == 1 {
		b = append(b, 0)
	}
	return b
}

func form(typ string, chunks ...[]byte) []byte {
	body := cat(append([][]byte{[]byte(typ)}, chunks...)...)
	return cat([]byte("FORM"), binary.BigEndian.AppendUint32(nil, uint32(len(body))), body)
}

var ssnd = ack("SSND", make([]byte, 8+200))

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe(minimalAIFF))
	assert.Equal(t, 100, probe(form("AIFC")))
	assert.Equal(t, 0, probe(form("AI\x80F")))
	assert.Equal(t, 0, probe([]byte("FORM")))
}

func TestExtendedRate(t *testing.T) {
	for _, tc := range []struct {
		b    []byte
		rate int
	}{
		{[]byte{0x40, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0}, 44100},
		{[]byte{0x40, 0x0B, 0xFA, 0, 0, 0, 0, 0, 0, 0}, 8000},
		{[]byte{0x40, 0x0F, 0xBB, 0x80, 0, 0, 0, 0, 0, 0}, 96000},
		{[]byte{0x40, 0x0D, 0xAC, 0x44, 0, 0, 0, 0, 0, 0}, 22050},
		{[]byte{0x40, 0x0C, 0xFA, 0x02, 0, 0, 0, 0, 0, 0}, 16001}, // 16000.5 rounds up
	} {
		rate, _, ok := extendedRate(tc.b)
		require.True(t, ok)
		assert.Equal(t, tc.rate, rate)
	}
	_, exp, ok := extendedRate([]byte{0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0})
	assert.False(t, ok)
	assert.Equal(t, -14398, exp)
}

func TestRead(t *testing.T) {
	aifc := func(tag string) []byte {
		return ack("COMM", cat(comm16, []byte(tag), []byte{0})) // with an empty compression name
	}
	for _, tc := range []struct {
		name     string
		b        []byte
		codec    string
		tag      uint32
		fmt      string
		bitRate  int64
		duration int64
		tags     []container.Tag
	}{
		{name: "AIFF", b: minimalAIFF, codec: "pcm_s16be", fmt: "s16", bitRate: 705600, duration: 100},
		{name: "AIFC sowt", b: form("AIFC", aifc("sowt"), ssnd), codec: "pcm_s16le", tag: tagOf("sowt"), fmt: "s16", bitRate: 705600, duration: 100},
		{name: "AIFC ALAW matches alaw", b: form("AIFC", aifc("ALAW"), ssnd), codec: "pcm_alaw", tag: tagOf("ALAW"), fmt: "s16", bitRate: 352800, duration: 100},
		{name: "AIFC NONE is PCM of the sample size", b: form("AIFC", aifc("NONE"), ssnd), codec: "pcm_s16be", tag: tagOf("NONE"), fmt: "s16", bitRate: 705600, duration: 100},
		{name: "AIFC ima4 blocks of 64 frames", b: form("AIFC", aifc("ima4"), ssnd), codec: "adpcm_ima_qt", tag: tagOf("ima4"), fmt: "s16p", bitRate: 187425, duration: 6400},
		{name: "COMM after SSND", b: form("AIFF", ssnd, ack("COMM", comm16)), codec: "pcm_s16be", fmt: "s16", bitRate: 705600, duration: 100},
		{
			name: "text chunks", codec: "pcm_s16be", fmt: "s16", bitRate: 705600, duration: 100,
			b: form("AIFF", ack("COMM", comm16), ack("NAME", []byte("Odd")), ack("AUTH", []byte("Me")),
				ack("(c) ", []byte("2024")), ack("ANNO", []byte("note\x00junk")), ssnd),
			tags: []container.Tag{{Key: "title", Value: "Odd"}, {Key: "author", Value: "Me"}, {Key: "copyright", Value: "2024"}, {Key: "comment", Value: "note"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := read(&demuxkit.BytesSource{B: tc.b}, 0, container.Options{})
			require.NoError(t, err)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.tag, st.CodecTag)
			assert.Equal(t, tc.fmt, st.SampleFmt)
			assert.Equal(t, tc.bitRate, st.BitRate)
			assert.Equal(t, tc.duration, st.DurationTS)
			assert.Equal(t, int64(0), st.StartPTS)
			assert.Equal(t, int64(100), st.NbFrames)
			assert.Equal(t, container.Rational{Num: 1, Den: 44100}, st.TimeBase)
			assert.Equal(t, tc.tags, info.Format.Tags.List())
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		err  error
	}{
		{"no COMM", form("AIFF", ssnd), container.ErrMalformed},
		{"exponent out of range (taglib segfault.aif)", cat([]byte("FORM\x01\x63\xc8\x2eAIFFCOMM\x00\x00\x00\x00"),
			[]byte("\x00SSND\x01\x63\xc8\x08\x00\x00")), container.ErrMalformed},
		{"zero rate", form("AIFF", ack("COMM", make([]byte, 18)), ssnd), container.ErrMalformed},
		{"frame count over INT_MAX", form("AIFF", ack("COMM", cat(comm16[:2], []byte{0x80, 0, 0, 0}, comm16[6:])), ssnd), container.ErrMalformed},
		{"short SSND", form("AIFF", ack("COMM", comm16), ack("SSND", []byte{0, 0})), container.ErrMalformed},
		{"FVER consumes four bytes only", form("AIFC", ack("FVER", []byte{0xA2, 0x80, 0x51, 0x40, 0, 0, 0, 7}),
			ack("COMM", cat(comm16, []byte("sowt\x00"))), ssnd), container.ErrMalformed},
		{"not a FORM", []byte("RIFF\x00\x00\x00\x04AIFF"), container.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := read(&demuxkit.BytesSource{B: tc.b}, 0, container.Options{})
			assert.Nil(t, info)
			assert.True(t, errors.Is(err, tc.err), "%v", err)
		})
	}
}

// TestTextChunkClaimsGigabytes: a NAME chunk claiming 1 GB in a small file
// allocates only what the file holds.
func TestTextChunkClaimsGigabytes(t *testing.T) {
	b := cat(form("AIFF", ack("COMM", comm16), ssnd), []byte("NAME\x40\x00\x00\x00"), make([]byte, 100))
	b[4], b[5], b[6], b[7] = 0x7f, 0xff, 0xff, 0xff // FORM size: as much as can be
	var info *container.Info
	allocs := testing.AllocsPerRun(5, func() {
		var err error
		info, err = read(&demuxkit.BytesSource{B: b, Limit: 1 << 12}, 0, container.Options{})
		require.NoError(t, err)
	})
	assert.Less(t, allocs, 40.0)
	v, _ := info.Format.Tags.Get("title")
	assert.Len(t, v, 0) // 100 zero bytes: an empty C string
}

// TestWaveChunkClaimsGigabyte: a wave chunk over 1 GB is refused, as
// aiffdec.c does, without reading it.
func TestWaveChunkClaimsGigabyte(t *testing.T) {
	b := form("AIFC", ack("COMM", cat(comm16, []byte("QDM2\x00\x00"))), []byte("wave\x40\x00\x00\x01")) // 1 GB + 1
	_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

// TestWaveChunkPastTheEnd: the extradata of a wave chunk must be present,
// as ff_get_extradata fails on a short read.
func TestWaveChunkPastTheEnd(t *testing.T) {
	b := form("AIFC", ack("COMM", cat(comm16, []byte("QDM2\x00\x00"))), []byte("wave\x00\x00\x10\x00"), make([]byte, 64)) // 4 KB claimed, 64 present
	_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
}

// TestCostDoesNotGrowWithSound: a file with a hundred times the samples
// costs the same bytes, because SSND is skipped by offset.
func TestCostDoesNotGrowWithSound(t *testing.T) {
	cost := func(n int) int64 {
		b := form("AIFF", ack("COMM", comm16), ack("SSND", make([]byte, 8+n)), ack("NAME", []byte("T")))
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
		info, err := read(src, 0, container.Options{})
		require.NoError(t, err)
		require.Equal(t, []container.Tag{{Key: "title", Value: "T"}}, info.Format.Tags.List())
		return src.Bytes
	}
	assert.Equal(t, cost(4<<10), cost(400<<10))
	assert.Less(t, cost(4<<10), int64(100))
}
