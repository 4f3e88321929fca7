package container

import (
	"errors"
	"io"
)

// Source is what a demuxer reads from: random access to an object of known
// size. The probe package supplies one that buffers, counts reads and bytes,
// honours the context and enforces the probe's limits; demuxers never see the
// caller's reader.
type Source interface {
	io.ReaderAt
	// Size is the object's length in bytes.
	Size() int64
	// Budget is the probe's account of memory, structures, streams and
	// time, which every reader of the object charges. Never nil.
	Budget() *Budget
}

// ReadAt reads exactly n bytes at off into a new buffer. It checks n against
// what the object holds after off, charges it to the source's Budget before
// it allocates, and maps a short read to ErrTruncated, so a length taken
// from a file can be passed in directly. format and what name the caller and
// the structure for the error.
func ReadAt(src Source, off, n int64, format, what string) ([]byte, error) {
	if n < 0 || off < 0 || off > src.Size() {
		return nil, Errorf(format, what, off, ErrMalformed, "%d bytes at an invalid offset", n)
	}
	if n > src.Size()-off {
		return nil, Errorf(format, what, off, ErrTruncated, "%d bytes wanted, %d left", n, src.Size()-off)
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

// ReadScratch reads exactly n bytes at off into *buf, a buffer the caller
// reuses from read to read: it grows only when n exceeds its capacity, and
// only the growth is charged to the source's Budget, so that reading many
// structures one after the other costs the memory of the largest. The
// bytes returned are valid until the next use of *buf.
func ReadScratch(src Source, buf *[]byte, off, n int64, format, what string) ([]byte, error) {
	if n < 0 || off < 0 || off > src.Size() {
		return nil, Errorf(format, what, off, ErrMalformed, "%d bytes at an invalid offset", n)
	}
	if n > src.Size()-off {
		return nil, Errorf(format, what, off, ErrTruncated, "%d bytes wanted, %d left", n, src.Size()-off)
	}
	if c := int64(cap(*buf)); n > c {
		if limit := src.Budget().MaxAlloc(); n > limit {
			return nil, Errorf(format, what, off, ErrLimit, "%d bytes exceed the allocation limit %d", n, limit)
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

// ReadFull fills b from off, mapping io.EOF and io.ErrUnexpectedEOF to
// ErrTruncated and wrapping other errors with the position.
func ReadFull(src Source, b []byte, off int64, format, what string) error {
	n, err := src.ReadAt(b, off)
	if n == len(b) {
		return nil
	}
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf(format, what, off, ErrTruncated, "%d of %d bytes", n, len(b))
	}
	var fe *FormatError
	if errors.As(err, &fe) {
		return err
	}
	return &FormatError{Format: format, What: what, Offset: off, Kind: err}
}

// BytesSource is a Source over a byte slice, for tests and for callers that
// already hold the head of an object in memory.
type BytesSource struct {
	B     []byte
	Limit int64 // the budget's MaxAlloc; 0 means len(B)
	// Limits are the budget's other limits; zero fields take the defaults.
	Limits Limits
	budget *Budget
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
func (s *BytesSource) Budget() *Budget {
	if s.budget == nil {
		l := s.Limits
		l.MaxAlloc = s.Limit
		if l.MaxAlloc <= 0 {
			l.MaxAlloc = int64(len(s.B))
		}
		s.budget = NewBudget(nil, l)
	}
	return s.budget
}
