package au

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// header is an AU header: magic, header size, data size, encoding, rate,
// channels.
func header(size, dataSize, enc, rate, channels uint32) []byte {
	return hostile.Cat([]byte(".snd"), hostile.BE32(size), hostile.BE32(dataSize), hostile.BE32(enc),
		hostile.BE32(rate), hostile.BE32(channels))
}

func readBytes(t *testing.T, b []byte) (*container.Info, *demuxkit.CountingSource, error) {
	t.Helper()
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := read(src, 0, container.Options{})
	return info, src, err
}

func TestRead(t *testing.T) {
	ann := []byte("TITLE=x\nfoo=bar\nGenre=\x00artist=no\n")
	info, _, err := readBytes(t, hostile.Cat(header(24+uint32(len(ann)), 800, 3, 8000, 2), ann, hostile.Zeros(800)))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "pcm_s16be", st.CodecName)
	assert.Equal(t, uint32(3), st.CodecTag)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, int64(200), st.DurationTS)
	assert.Equal(t, int64(2*8000*16), st.BitRate)
	assert.Equal(t, int64(24+len(ann)), info.Format.DataOffset)
	// Known keys only, lower-cased; a NUL ends the field.
	assert.Equal(t, []container.Tag{{Key: "title", Value: "x"}, {Key: "genre", Value: ""}}, info.Format.Tags.List())
}

func TestUnknownDataSize(t *testing.T) {
	info, _, err := readBytes(t, hostile.Cat(header(24, 0xffffffff, 27, 8000, 1), hostile.Zeros(100)))
	require.NoError(t, err)
	assert.Equal(t, container.NoPTS, info.Streams[0].DurationTS)
	_, _, err = readBytes(t, hostile.Cat(header(24, 0x80000000, 27, 8000, 1), hostile.Zeros(100)))
	assert.True(t, errors.Is(err, container.ErrMalformed))
}

func TestG726(t *testing.T) {
	for id, bps := range map[uint32]int64{23: 4, 25: 3, 26: 5, 0x37323632: 2} {
		info, _, err := readBytes(t, hostile.Cat(header(24, 800, id, 8000, 1), hostile.Zeros(800)))
		require.NoError(t, err)
		assert.Equal(t, "adpcm_g726le", info.Streams[0].CodecName)
		assert.Equal(t, 800*8/bps, info.Streams[0].DurationTS, "%d", id)
	}
}

func TestRefused(t *testing.T) {
	for name, b := range map[string][]byte{
		"encoding":   header(24, 0, 8, 8000, 1),
		"channels 0": header(24, 0, 3, 8000, 0),
		"channels":   header(24, 0, 3, 8000, 1<<20),
		"rate 0":     header(24, 0, 3, 0, 1),
		"rate":       header(24, 0, 3, 1<<31, 1),
		"magic":      append([]byte("xsnd"), header(24, 0, 3, 8000, 1)[4:]...),
		"short":      header(24, 0, 3, 8000, 1)[:20],
	} {
		_, _, err := readBytes(t, b)
		assert.Error(t, err, name)
	}
}

// TestAnnotationPastEnd: a header size of 2 GB is an annotation au.c reads
// byte by byte to the end of the object and fails; here it fails at once
// without reading or allocating it.
func TestAnnotationPastEnd(t *testing.T) {
	_, src, err := readBytes(t, hostile.Cat(header(0x7fffffff, 800, 3, 8000, 1), hostile.Zeros(800)))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	assert.Less(t, src.Bytes, int64(100))
	// One byte past the end reads as a zero first, and passes.
	_, _, err = readBytes(t, hostile.Cat(header(24+801, 800, 3, 8000, 1), hostile.Zeros(800)))
	assert.NoError(t, err)
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe([]byte(".snd")))
	assert.Equal(t, 0, probe([]byte(".sn")))
}
