package probe

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// countingReader is an object in memory that counts the reads it serves.
type countingReader struct {
	b     []byte
	reads int
}

func (r *countingReader) ReadAt(p []byte, off int64) (int, error) {
	r.reads++
	if off >= int64(len(r.b)) {
		return 0, io.EOF
	}
	n := copy(p, r.b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func testSource(b []byte, mod func(*config)) (*source, *countingReader) {
	cfg := defaultConfig()
	cfg.blockSize = 1024
	if mod != nil {
		mod(&cfg)
	}
	r := &countingReader{b: b}
	return newSource(context.Background(), r, int64(len(b)), &cfg), r
}

func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

func TestSourceReadAheadServesSmallReads(t *testing.T) {
	data := pattern(10000)
	src, r := testSource(data, nil)
	buf := make([]byte, 10)
	for off := int64(0); off < 1000; off += 10 {
		n, err := src.ReadAt(buf, off)
		require.NoError(t, err)
		require.Equal(t, 10, n)
		require.Equal(t, data[off:off+10], buf)
	}
	assert.Equal(t, 1, r.reads, "100 small reads in one block cost one read")
	assert.Equal(t, container.Stats{Reads: 1, BytesRead: 1024}, src.stats)
}

func TestSourceTailReadIncludesTheEnd(t *testing.T) {
	data := pattern(10000)
	src, r := testSource(data, nil)
	buf := make([]byte, 128)
	_, err := src.ReadAt(buf, 10000-128) // an ID3v1 tag
	require.NoError(t, err)
	_, err = src.ReadAt(buf[:32], 10000-128-32) // an APE footer before it
	require.NoError(t, err)
	assert.Equal(t, data[10000-160:10000-128], buf[:32])
	assert.Equal(t, 1, r.reads, "one read of the last block serves both tails")
}

func TestSourceSpansWindows(t *testing.T) {
	data := pattern(5000)
	src, _ := testSource(data, nil)
	buf := make([]byte, 3000)
	n, err := src.ReadAt(buf, 500)
	require.NoError(t, err)
	assert.Equal(t, 3000, n)
	assert.Equal(t, data[500:3500], buf)
	n, err = src.ReadAt(buf, 4000)
	assert.Equal(t, 1000, n)
	assert.ErrorIs(t, err, io.EOF)
	assert.Equal(t, data[4000:], buf[:n])
}

func TestSourceBudget(t *testing.T) {
	src, _ := testSource(pattern(10000), func(c *config) { c.maxBytesRead = 1500 })
	buf := make([]byte, 100)
	_, err := src.ReadAt(buf, 0)
	require.NoError(t, err)
	_, err = src.ReadAt(buf, 1100) // read-ahead would pass the budget: only the bytes asked for
	require.NoError(t, err)
	_, err = src.ReadAt(make([]byte, 400), 5000) // 1124 read, 400 more pass 1500
	assert.ErrorIs(t, err, container.ErrLimit)
	assert.LessOrEqual(t, src.stats.BytesRead, int64(1500))
}

func TestSourceShorterThanDeclared(t *testing.T) {
	cfg := defaultConfig()
	r := &countingReader{b: pattern(100)}
	src := newSource(context.Background(), r, 1000, &cfg)
	buf := make([]byte, 10)
	_, err := src.ReadAt(buf, 500)
	assert.ErrorIs(t, err, container.ErrTruncated)
}

func TestSourceHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := defaultConfig()
	src := newSource(ctx, &countingReader{b: pattern(100)}, 100, &cfg)
	_, err := src.ReadAt(make([]byte, 10), 0)
	assert.True(t, errors.Is(err, context.Canceled))
}
