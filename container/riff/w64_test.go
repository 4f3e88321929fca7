package riff

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// w64Chunk builds a Wave64 chunk: GUID, 64-bit size counting the 24-byte
// header, body, and padding to 8 bytes.
func w64Chunk(guid [16]byte, body []byte) []byte {
	b := cat(guid[:], le64(uint64(24+len(body))), body)
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

func w64File(chunks ...[]byte) []byte {
	body := cat(chunks...)
	return cat(guidRIFF[:], le64(uint64(40+len(body))), guidWAVE[:], body)
}

func TestProbeW64(t *testing.T) {
	b := w64File(w64Chunk(guidFmt, pcmFmt), w64Chunk(guidData, make([]byte, 8)))
	assert.Equal(t, 100, probeW64(b))
	assert.Equal(t, 0, probeW64(b[:40]))
	assert.Equal(t, 0, probeW64(minimalWAV))
}

func TestReadW64(t *testing.T) {
	summary := cat(le32(1), []byte("INAM"), le32(10), []byte("T\x00i\x00t\x00l\x00e\x00"))
	b := w64File(
		w64Chunk(guidFmt, pcmFmt),            // 16-bit stereo PCM
		w64Chunk(guidSummaryList, summary),   // one UTF-16 title
		w64Chunk(guidData, make([]byte, 16)), // four sample frames
		w64Chunk(guidFact, le64(3)),          // a fact after the data still counts
	)
	info, err := readW64(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "pcm_s16le", st.CodecName)
	assert.Equal(t, int64(3), st.DurationTS)
	assert.Equal(t, []container.Tag{{Key: "title", Value: "Title"}}, info.Format.Tags.List())
	assert.Equal(t, int64(40+40+48+24), info.Format.DataOffset) // riff, fmt, summary list, data header
}

func TestReadW64Errors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		err  error
	}{
		{"no data", w64File(w64Chunk(guidFmt, pcmFmt)), container.ErrMalformed},
		{"chunk size below its header", w64File(cat(guidFmt[:], le64(8), make([]byte, 16))), container.ErrMalformed},
		{"not wave", cat(guidRIFF[:], le64(100), guidFmt[:]), container.ErrMalformed},
		{"cut", guidRIFF[:], container.ErrTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readW64(&demuxkit.BytesSource{B: tc.b}, 0, container.Options{})
			assert.True(t, errors.Is(err, tc.err), "%v", err)
		})
	}
}

// TestSummaryListClaimsGigabytes: a summary entry of 256 MB in a small file
// is refused before anything of that size is allocated.
func TestSummaryListClaimsGigabytes(t *testing.T) {
	summary := cat(le32(1), []byte("INAM"), le32(1<<28))
	b := w64File(w64Chunk(guidFmt, pcmFmt), w64Chunk(guidSummaryList, summary), w64Chunk(guidData, make([]byte, 512)))
	allocs := testing.AllocsPerRun(5, func() {
		_, err := readW64(&demuxkit.BytesSource{B: b, Limit: 1 << 12}, 0, container.Options{})
		assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	})
	assert.Less(t, allocs, 30.0)
}
