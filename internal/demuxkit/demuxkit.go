// Package demuxkit is what the demuxers and codec parsers share to read an
// object and report what is wrong with it: reads checked against the
// object's size and charged to the probe's budget, the FormatError
// constructor, the Read of a recognised but unsupported format, and a
// Source over bytes for tests. Users never need it: they read the model
// (package container) that the probe returns.
package demuxkit

import (
	"errors"
	"fmt"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
)

// Errorf builds a container.FormatError; detail is formatted with args.
func Errorf(format, what string, off int64, kind error, detail string, args ...any) error {
	return &container.FormatError{Format: format, What: what, Offset: off, Kind: kind, Detail: fmt.Sprintf(detail, args...)}
}

// ReadAt reads exactly n bytes at off into a new buffer. It checks n
// against what the object holds after off, charges it to the source's
// budget before it allocates, and maps a short read to ErrTruncated, so a
// length taken from a file can be passed in directly. format and what name
// the caller and the structure for the error.
func ReadAt(src container.Source, off, n int64, format, what string) ([]byte, error) {
	if n < 0 || off < 0 || off > src.Size() {
		return nil, Errorf(format, what, off, container.ErrMalformed, "%d bytes at an invalid offset", n)
	}
	if n > src.Size()-off {
		return nil, Errorf(format, what, off, container.ErrTruncated, "%d bytes wanted, %d left", n, src.Size()-off)
	}
	if err := src.Budget().Alloc(format, what, off, n); err != nil {
		return nil, err
	}
	b := make([]byte, n)
	if err := ReadFull(src, b, off, format, what); err != nil {
		return nil, err
	}
	return b, nil
}

// ReadUpTo reads the max bytes at off, or as many as the object holds
// after off, as ReadAt does: the head of a stream whose length is
// unknown. It returns nil and no error when nothing lies at off.
func ReadUpTo(src container.Source, off, max int64, format, what string) ([]byte, error) {
	n := min(src.Size()-off, max)
	if n <= 0 {
		return nil, nil
	}
	return ReadAt(src, off, n, format, what)
}

// ReadScratch reads exactly n bytes at off into *buf, a buffer the caller
// reuses from read to read: it grows only when n exceeds its capacity, and
// only the growth is charged to the source's budget, so that reading many
// structures one after the other costs the memory of the largest. The
// bytes returned are valid until the next use of *buf.
func ReadScratch(src container.Source, buf *[]byte, off, n int64, format, what string) ([]byte, error) {
	if n < 0 || off < 0 || off > src.Size() {
		return nil, Errorf(format, what, off, container.ErrMalformed, "%d bytes at an invalid offset", n)
	}
	if n > src.Size()-off {
		return nil, Errorf(format, what, off, container.ErrTruncated, "%d bytes wanted, %d left", n, src.Size()-off)
	}
	if c := int64(cap(*buf)); n > c {
		if limit := src.Budget().MaxAlloc(); n > limit {
			return nil, Errorf(format, what, off, container.ErrLimit, "%d bytes exceed the allocation limit %d", n, limit)
		}
		if err := src.Budget().Alloc(format, what, off, n-c); err != nil {
			return nil, err
		}
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	if err := ReadFull(src, b, off, format, what); err != nil {
		return nil, err
	}
	return b, nil
}

// Prefetch tells src that the n bytes at off are about to be read, so that
// a source that fetches from a remote object in blocks (the probe's) gets
// them in one request rather than one per block. Other sources ignore it.
func Prefetch(src container.Source, off, n int64) {
	if p, ok := src.(interface{ Prefetch(off, n int64) }); ok && n > 0 {
		p.Prefetch(off, n)
	}
}

// ReadFull fills b from off, mapping io.EOF and io.ErrUnexpectedEOF to
// container.ErrTruncated and wrapping other errors with the position.
func ReadFull(src container.Source, b []byte, off int64, format, what string) error {
	n, err := src.ReadAt(b, off)
	if n == len(b) {
		return nil
	}
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf(format, what, off, container.ErrTruncated, "%d of %d bytes", n, len(b))
	}
	var fe *container.FormatError
	if errors.As(err, &fe) {
		return err
	}
	return &container.FormatError{Format: format, What: what, Offset: off, Kind: err}
}

// BytesSource is a container.Source over a byte slice, for tests and for
// callers that already hold the head of an object in memory.
type BytesSource struct {
	B     []byte
	Limit int64 // the budget's MaxAlloc; 0 means len(B)
	// Limits are the budget's other limits; zero fields take the defaults.
	Limits container.Limits
	budget *container.Budget
}

// ReadAt implements io.ReaderAt.
func (s *BytesSource) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(s.B)) {
		return 0, io.EOF
	}
	n := copy(p, s.B[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Size returns len(B).
func (s *BytesSource) Size() int64 { return int64(len(s.B)) }

// Budget returns the source's budget, made on first use from Limit and
// Limits, with no context.
func (s *BytesSource) Budget() *container.Budget {
	if s.budget == nil {
		l := s.Limits
		l.MaxAlloc = s.Limit
		if l.MaxAlloc <= 0 {
			l.MaxAlloc = int64(len(s.B))
		}
		s.budget = container.NewBudget(nil, l)
	}
	return s.budget
}

// ReadUnsupported is the Read of a family the probe recognises but cannot
// read yet: it returns an error wrapping container.ErrUnsupported that
// names the format, so that detection never takes such a file for the streams it
// carries and a caller can fall back to another prober.
func ReadUnsupported(format, longName string) func(container.Source, int64, container.Options) (*container.Info, error) {
	return func(container.Source, int64, container.Options) (*container.Info, error) {
		return nil, Errorf(format, "header", 0, container.ErrUnsupported, "%s is recognised but not read yet", longName)
	}
}

// CountingSource is a BytesSource that counts the reads made of it and
// the bytes they returned, for tests that bound what a parser reads.
type CountingSource struct {
	BytesSource
	Reads, Bytes int64
}

// ReadAt implements io.ReaderAt, counting.
func (s *CountingSource) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.BytesSource.ReadAt(p, off)
	s.Reads++
	s.Bytes += int64(n)
	return n, err
}
