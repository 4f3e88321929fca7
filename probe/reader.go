package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/mediaprobe/mediaprobe/container"
)

// Reader probes an object that can only be read forward: an upload being
// received, a pipe, a decompressing reader. It keeps the bytes it reads in
// memory, so that the headers can be read again as the demuxers need, and
// reads no further than the probe asks, and never more than the read
// budget (WithMaxBytesRead, default DefaultMaxBytesRead).
//
// The object's size matters to a probe (durations and bit rates, tags at
// the tail): give it with WithSize when it is known (an upload's
// Content-Length). Without it Reader reads to the end of the stream, which
// must come within the read budget.
//
// A format whose answer lives at the end of the object (an MP4 with its
// moov after the media, an ID3v1 or APE tag) makes Reader read through to
// it; past the read budget the probe fails with an error wrapping
// container.ErrLimit that says so. An error of r is returned as such
// (errors.Is matches it).
func Reader(ctx context.Context, r io.Reader, opts ...Option) (*container.Info, error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, named(cfg.filename, err)
	}
	if r == nil {
		return nil, named(cfg.filename, fmt.Errorf("nil reader: %w", ErrInvalidArgument))
	}
	fr := &forwardReaderAt{r: r, max: cfg.maxBytesRead}
	size := cfg.size
	if size < 0 {
		// Unknown: the end of the stream tells it.
		if err := fr.fill(cfg.maxBytesRead + 1); err != nil && !errors.Is(err, io.EOF) {
			return nil, named(cfg.filename, err)
		}
		if int64(len(fr.buf)) > cfg.maxBytesRead {
			return nil, named(cfg.filename, fmt.Errorf("the stream is longer than the read budget of %d bytes and its size is unknown (give it with WithSize): %w",
				cfg.maxBytesRead, container.ErrLimit))
		}
		size = int64(len(fr.buf))
	}
	info, err := readerAt(ctx, fr, size, &cfg, nil)
	return info, named(cfg.filename, err)
}

// forwardReaderAt serves ReadAt from a forward-only reader: the bytes read
// so far are kept, and a read past them reads on.
type forwardReaderAt struct {
	mu  sync.Mutex
	r   io.Reader
	buf []byte
	max int64 // the read budget
	err error // the reader's first error, io.EOF at its end
}

// fill reads until buf holds n bytes, the stream ends, or it fails.
func (f *forwardReaderAt) fill(n int64) error {
	for int64(len(f.buf)) < n && f.err == nil {
		if len(f.buf) == cap(f.buf) {
			// Grow by doubling, from 64 KiB, to at most the budget
			// (and one byte, to see whether the stream goes on).
			c := min(max(2*int64(cap(f.buf)), 64<<10), f.max+1)
			if c <= int64(cap(f.buf)) {
				break
			}
			b := make([]byte, len(f.buf), c)
			copy(b, f.buf)
			f.buf = b
		}
		k, err := f.r.Read(f.buf[len(f.buf):min(int64(cap(f.buf)), n)])
		f.buf = f.buf[:len(f.buf)+k]
		if err != nil {
			f.err = err
		}
	}
	return f.err
}

// ReadAt implements io.ReaderAt.
func (f *forwardReaderAt) ReadAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if off < 0 {
		return 0, fmt.Errorf("read at negative offset %d: %w", off, ErrInvalidArgument)
	}
	end := off + int64(len(p))
	if end > int64(len(f.buf)) {
		if end > f.max {
			return 0, fmt.Errorf("%d bytes at %d lie beyond the read budget of %d bytes, and the reader reads only forward: %w",
				len(p), off, f.max, container.ErrLimit)
		}
		if err := f.fill(end); err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
	}
	if off >= int64(len(f.buf)) {
		return 0, io.EOF
	}
	n := copy(p, f.buf[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
