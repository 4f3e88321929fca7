package probe

import (
	"context"
	"errors"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
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

func TestSourcePrefetchOneRead(t *testing.T) {
	data := pattern(100000)
	src, r := testSource(data, nil)
	buf := make([]byte, 10)
	_, err := src.ReadAt(buf, 0) // the first block, [0, 1024)
	require.NoError(t, err)
	// What the cache lacks of [500, 20500) comes in one read, and the
	// small reads that walk it cost nothing more.
	demuxkit.Prefetch(src, 500, 20000)
	assert.Equal(t, 2, r.reads)
	for off := int64(500); off+10 <= 20500; off += 700 {
		_, err := src.ReadAt(buf, off)
		require.NoError(t, err)
		require.Equal(t, data[off:off+10], buf)
	}
	assert.Equal(t, 2, r.reads)
	// A cached range costs nothing; one past the end is clamped.
	demuxkit.Prefetch(src, 600, 1000)
	demuxkit.Prefetch(src, 99000, 5000)
	assert.Equal(t, 3, r.reads)
	assert.EqualValues(t, 1024+19476+1024, src.stats.BytesRead) // the tail is a whole block
}

func TestSourcePrefetchWithinBudget(t *testing.T) {
	src, r := testSource(pattern(100000), func(c *config) { c.maxBytesRead = 4096 })
	demuxkit.Prefetch(src, 0, 50000) // past the budget: left to the reads
	assert.Equal(t, 0, r.reads)
	buf := make([]byte, 10)
	_, err := src.ReadAt(buf, 0)
	require.NoError(t, err)
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

// stingyReader returns at most max bytes per call with a nil error, which
// io.ReaderAt forbids, and counts its calls.
type stingyReader struct {
	b     []byte
	max   int
	calls int
}

func (r *stingyReader) ReadAt(p []byte, off int64) (int, error) {
	r.calls++
	if off >= int64(len(r.b)) {
		return 0, io.EOF
	}
	return copy(p[:min(len(p), r.max)], r.b[off:]), nil
}

// TestSourceFillsShortReads: a reader that returns one byte per call with
// a nil error is called again until the block is full: one call per byte,
// never a window per byte (which made cache lookups cubic).
func TestSourceFillsShortReads(t *testing.T) {
	data := pattern(5000)
	cfg := defaultConfig()
	cfg.blockSize = 1024
	r := &stingyReader{b: data, max: 1}
	src := newSource(context.Background(), r, int64(len(data)), &cfg)
	buf := make([]byte, 3000)
	n, err := src.ReadAt(buf, 1000)
	require.NoError(t, err)
	assert.Equal(t, 3000, n)
	assert.Equal(t, data[1000:4000], buf)
	assert.Equal(t, int64(r.calls), src.stats.Reads)
	assert.Equal(t, src.stats.BytesRead, src.stats.Reads, "one byte per call, each counted")
	assert.LessOrEqual(t, len(src.windows), 3)
}

// TestSourceNothingReadIsTruncated: a reader that keeps returning nothing
// and no error ends the object there after a few tries.
func TestSourceNothingReadIsTruncated(t *testing.T) {
	cfg := defaultConfig()
	r := &stingyReader{b: pattern(100), max: 0}
	src := newSource(context.Background(), r, 100, &cfg)
	_, err := src.ReadAt(make([]byte, 10), 0)
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, zeroReadRetries, r.calls)
}

// failingReader fails every call after the first ok calls with err.
type failingReader struct {
	b     []byte
	ok    int
	calls int
	err   error
}

func (r *failingReader) ReadAt(p []byte, off int64) (int, error) {
	r.calls++
	if r.calls > r.ok {
		return 0, r.err
	}
	return (&countingReader{b: r.b}).ReadAt(p, off)
}

// TestSourceReaderErrorSticky: an error of the caller's reader is returned
// as such (errors.Is matches it, it is no content category), and every
// later read fails alike without calling the reader again.
func TestSourceReaderErrorSticky(t *testing.T) {
	backend := errors.New("backend unavailable")
	cfg := defaultConfig()
	cfg.blockSize = 100
	r := &failingReader{b: pattern(1000), ok: 1, err: backend}
	src := newSource(context.Background(), r, 1000, &cfg)
	_, err := src.ReadAt(make([]byte, 10), 0)
	require.NoError(t, err)
	_, err = src.ReadAt(make([]byte, 10), 500)
	require.ErrorIs(t, err, backend)
	assert.False(t, isFormatError(err), "a reader's failure is not a format error: %v", err)
	_, err = src.ReadAt(make([]byte, 10), 0)
	assert.ErrorIs(t, err, backend, "cached bytes are not served after a failure")
	assert.Equal(t, 2, r.calls)
}

// blockingReader blocks every call until release is closed.
type blockingReader struct{ release chan struct{} }

func (r *blockingReader) ReadAt(p []byte, off int64) (int, error) {
	<-r.release
	return 0, io.EOF
}

// TestSourceAbandonsBlockedRead: a read that has not returned when the
// context ends is abandoned and the context's error returned.
func TestSourceAbandonsBlockedRead(t *testing.T) {
	r := &blockingReader{release: make(chan struct{})}
	defer close(r.release)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	cfg := defaultConfig()
	src := newSource(ctx, r, 1000, &cfg)
	_, err := src.ReadAt(make([]byte, 10), 0)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestSourceMemoryFlat: reading 32 MiB block by block allocates what the
// cache holds, not what was read: evicted buffers are reused.
func TestSourceMemoryFlat(t *testing.T) {
	data := pattern(32 << 20)
	cfg := defaultConfig()
	src := newSource(context.Background(), &countingReader{b: data}, int64(len(data)), &cfg)
	buf := make([]byte, 16)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for off := int64(0); off < int64(len(data)); off += DefaultBlockSize {
		_, err := src.ReadAt(buf, off)
		require.NoError(t, err)
	}
	runtime.ReadMemStats(&after)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(maxCached+4*DefaultBlockSize+1<<20))
	assert.LessOrEqual(t, len(src.windows), maxWindows)
}

// TestSourceWindowsBounded: with one-byte blocks the cache keeps at most
// maxWindows windows, so a lookup stays a short scan.
func TestSourceWindowsBounded(t *testing.T) {
	data := pattern(10000)
	src, _ := testSource(data, func(c *config) { c.blockSize = 1 })
	b := make([]byte, 1)
	for off := int64(0); off < 5000; off++ {
		_, err := src.ReadAt(b, off)
		require.NoError(t, err)
		require.Equal(t, data[off], b[0])
	}
	assert.LessOrEqual(t, len(src.windows), maxWindows)
}
