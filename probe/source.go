package probe

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
)

// source is the one reader every demuxer uses: it reads the caller's
// ReaderAt in blocks (read-ahead, and read-behind at the end of the object,
// where tails such as ID3v1 and APEv2 live), keeps a few blocks, counts the
// calls and bytes that reach the caller, enforces the byte budget and
// honours the context. It is used by one probe at a time.
type source struct {
	r        io.ReaderAt
	size     int64
	ctx      context.Context
	block    int64
	maxRead  int64
	maxAlloc int64

	windows []window // most recently used last
	cached  int64    // bytes held in windows
	stats   container.Stats
}

type window struct {
	off int64
	b   []byte
}

// maxCached bounds the memory the cache holds, whatever the block size.
const maxCached = 8 << 20

func newSource(ctx context.Context, r io.ReaderAt, size int64, cfg *config) *source {
	return &source{r: r, size: size, ctx: ctx, block: cfg.blockSize, maxRead: cfg.maxBytesRead, maxAlloc: cfg.maxAlloc}
}

func (s *source) Size() int64     { return s.size }
func (s *source) MaxAlloc() int64 { return s.maxAlloc }

// ReadAt implements io.ReaderAt over the cache.
func (s *source) ReadAt(p []byte, off int64) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, fmt.Errorf("probe: read at negative offset %d: %w", off, container.ErrMalformed)
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
		c := copy(want[n:], w.b[pos-w.off:])
		if c == 0 {
			return n, io.ErrUnexpectedEOF
		}
		n += c
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
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
	buf := make([]byte, length)
	got, err := s.r.ReadAt(buf, start)
	s.stats.Reads++
	s.stats.BytesRead += int64(got)
	if got < len(buf) {
		if err == nil || errors.Is(err, io.EOF) {
			err = nil
			if start+int64(got) <= pos {
				// The object is shorter than its declared size.
				return nil, &container.FormatError{Format: "probe", What: "read", Offset: pos, Kind: container.ErrTruncated,
					Detail: fmt.Sprintf("object ends at %d, before its size %d", start+int64(got), s.size)}
			}
		} else {
			return nil, fmt.Errorf("probe: read %d bytes at 0x%x: %w", length, start, err)
		}
		buf = buf[:got]
	}
	if e := s.ctx.Err(); e != nil {
		return nil, e
	}
	s.windows = append(s.windows, window{start, buf})
	s.cached += int64(len(buf))
	for s.cached > maxCached && len(s.windows) > 1 {
		s.cached -= int64(len(s.windows[0].b))
		s.windows = s.windows[1:]
	}
	return &s.windows[len(s.windows)-1], nil
}
