package probe

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/tags"
)

// source is the one reader every demuxer uses: it reads the caller's
// ReaderAt in blocks (read-ahead, and read-behind at the end of the object,
// where tails such as ID3v1 and APEv2 live), keeps a few blocks, counts the
// calls and bytes that reach the caller, enforces the byte budget, and
// carries the probe's Budget. It is used by one probe at a time.
//
// What the caller's reader does wrong is contained here: a short read with
// a nil error (which io.ReaderAt forbids) is retried until the block is
// filled; a read that does not return before the context ends is
// abandoned; and the first error of the reader is sticky, so that every
// later read fails alike and the probe reports that error, not whatever a
// demuxer concluded from the missing bytes.
type source struct {
	r       io.ReaderAt
	size    int64
	ctx     context.Context
	block   int64
	maxRead int64
	budget  *container.Budget

	windows []window // most recently used last
	cached  int64    // bytes held in windows
	spare   [][]byte // buffers of evicted windows, for the next fetches
	stats   container.Stats
	ioErr   error // the first error of the caller's reader, wrapped

	id3 map[int64]*tags.ID3v2 // the ID3v2 tags read, by offset (tags.ID3v2Cache)
}

// ID3v2At and SetID3v2At make the source a tags.ID3v2Cache, so that the
// leading tag, which the probe and the mp3 and aac demuxers all read, is
// parsed once.
func (s *source) ID3v2At(off int64) (*tags.ID3v2, bool) {
	t, ok := s.id3[off]
	return t, ok
}

func (s *source) SetID3v2At(off int64, t *tags.ID3v2) {
	if s.id3 == nil {
		s.id3 = map[int64]*tags.ID3v2{}
	}
	s.id3[off] = t
}

type window struct {
	off int64
	b   []byte
}

// The cache holds at most maxCached bytes in at most maxWindows windows,
// whatever the block size, so that memory stays flat and a lookup is a
// short scan.
const (
	maxCached  = 8 << 20
	maxWindows = 64
)

// zeroReadRetries is how many reads in a row may return nothing and no
// error before the object is taken to end there.
const zeroReadRetries = 3

func newSource(ctx context.Context, r io.ReaderAt, size int64, cfg *config) *source {
	return &source{
		r: r, size: size, ctx: ctx, block: cfg.blockSize, maxRead: cfg.maxBytesRead,
		budget: container.NewBudget(ctx, cfg.limits),
	}
}

func (s *source) Size() int64               { return s.size }
func (s *source) Budget() *container.Budget { return s.budget }

// ReadAt implements io.ReaderAt over the cache.
func (s *source) ReadAt(p []byte, off int64) (int, error) {
	if s.ioErr != nil {
		return 0, s.ioErr
	}
	if err := s.budget.Err(); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, fmt.Errorf("read at negative offset %d: %w", off, container.ErrMalformed)
	}
	if off >= s.size {
		return 0, io.EOF
	}
	want := p
	if int64(len(p)) > s.size-off {
		want = p[:s.size-off]
	}
	n := 0
	for n < len(want) {
		pos := off + int64(n)
		w := s.find(pos)
		if w == nil {
			var err error
			if w, err = s.fetch(pos, int64(len(want)-n)); err != nil {
				return n, err
			}
		}
		n += copy(want[n:], w.b[pos-w.off:])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Prefetch fetches what the cache lacks of the n bytes at off in one read
// of the caller's reader, so that a demuxer about to walk them costs one
// round trip, not one per block (demuxkit.Prefetch). It is best effort: a
// range past the read budget is left to the reads that follow, which
// report the limit, and an error of the reader is sticky, so the next
// read reports it.
func (s *source) Prefetch(off, n int64) {
	end := min(off+n, s.size)
	for off < end {
		w := s.find(off)
		if w == nil {
			break
		}
		off = w.off + int64(len(w.b))
	}
	if off >= end || off < 0 || s.ioErr != nil || s.budget.Err() != nil {
		return
	}
	_, _ = s.fetch(off, end-off)
}

// find returns the cached window holding pos, or nil.
func (s *source) find(pos int64) *window {
	for i := len(s.windows) - 1; i >= 0; i-- {
		w := &s.windows[i]
		if pos >= w.off && pos < w.off+int64(len(w.b)) {
			return w
		}
	}
	return nil
}

// fetch reads one window that starts at or before pos and holds at least
// min(n, what is left) bytes from pos: a whole block where the budget
// allows, extended backwards when pos is within a block of the end.
func (s *source) fetch(pos, n int64) (*window, error) {
	start, length := pos, n
	if length < s.block {
		length = s.block
	}
	if length > s.size-start {
		// Near the end: read the last block, which holds the tails, but not
		// bytes that a cached window already holds.
		start = s.size - length
		if start < 0 {
			start = 0
		}
		for start < pos {
			w := s.find(start)
			if w == nil {
				break
			}
			start = w.off + int64(len(w.b))
		}
		if start > pos {
			start = pos
		}
		length = s.size - start
	}
	if s.stats.BytesRead+length > s.maxRead {
		// No read-ahead past the budget; the bytes asked for may still fit.
		start, length = pos, n
		if s.stats.BytesRead+length > s.maxRead {
			return nil, &container.FormatError{Format: "probe", What: "read", Offset: pos, Kind: container.ErrLimit,
				Detail: fmt.Sprintf("%d more bytes exceed the read budget of %d", length, s.maxRead)}
		}
	}
	buf := s.buffer(length)
	got, err := s.readFull(buf, start)
	if err != nil {
		return nil, err
	}
	if got < len(buf) {
		if start+int64(got) <= pos {
			// The object is shorter than its declared size.
			return nil, &container.FormatError{Format: "probe", What: "read", Offset: pos, Kind: container.ErrTruncated,
				Detail: fmt.Sprintf("object ends at %d, before its size %d", start+int64(got), s.size)}
		}
		buf = buf[:got]
	}
	s.windows = append(s.windows, window{start, buf})
	s.cached += int64(len(buf))
	for (s.cached > maxCached || len(s.windows) > maxWindows) && len(s.windows) > 1 {
		old := s.windows[0].b
		s.cached -= int64(len(old))
		s.windows = s.windows[1:]
		if len(s.spare) < 4 {
			s.spare = append(s.spare, old[:cap(old)])
		}
	}
	return &s.windows[len(s.windows)-1], nil
}

// buffer returns a buffer of n bytes, reusing an evicted window's where one
// is large enough, so that reading many blocks allocates no more than the
// cache holds.
func (s *source) buffer(n int64) []byte {
	for i, b := range s.spare {
		if int64(len(b)) >= n {
			s.spare = append(s.spare[:i], s.spare[i+1:]...)
			return b[:n]
		}
	}
	return make([]byte, n)
}

// readResult is what one filling read of the caller's reader gave.
type readResult struct {
	n, reads int
	err      error
}

// readFull fills buf from off with the caller's reader, counting each call
// and byte. It returns fewer bytes only at the end of the object; an error
// of the reader becomes the source's sticky error. When the context can
// end, the reader runs in its own goroutine and is abandoned if the context
// ends first: the probe returns the context's error at once, and the
// goroutine ends when the reader returns (its buffer is never reused).
func (s *source) readFull(buf []byte, off int64) (int, error) {
	var res readResult
	if done := s.ctx.Done(); done == nil {
		res = s.fill(buf, off, nil)
	} else {
		ch := make(chan readResult, 1)
		go func() { ch <- s.fill(buf, off, done) }()
		select {
		case res = <-ch:
		case <-done:
			return 0, s.budget.Err()
		}
	}
	s.stats.Reads += int64(res.reads)
	s.stats.BytesRead += int64(res.n)
	if res.err != nil {
		s.ioErr = fmt.Errorf("read of %d bytes at 0x%x: %w", len(buf), off, res.err)
		return 0, s.ioErr
	}
	return res.n, nil
}

// fill calls the reader until buf is full, the object ends (io.EOF), the
// reader fails, returns nothing zeroReadRetries times in a row, or done is
// closed. It touches nothing of s but the reader, so that it may outlive
// the probe.
func (s *source) fill(buf []byte, off int64, done <-chan struct{}) readResult {
	var res readResult
	zero := 0
	for res.n < len(buf) {
		if done != nil {
			select {
			case <-done:
				return res
			default:
			}
		}
		k, err := s.r.ReadAt(buf[res.n:], off+int64(res.n))
		res.reads++
		if k < 0 || k > len(buf)-res.n {
			res.err = fmt.Errorf("reader returned %d bytes for %d", k, len(buf)-res.n)
			return res
		}
		res.n += k
		if err != nil {
			if !errors.Is(err, io.EOF) {
				res.err = err
			}
			return res
		}
		if k == 0 {
			if zero++; zero >= zeroReadRetries {
				return res
			}
		} else {
			zero = 0
		}
	}
	return res
}
