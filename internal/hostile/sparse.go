package hostile

import (
	"bytes"
	"io"
	"sort"
)

// Part is a run of bytes at an offset of a Sparse object.
type Part struct {
	Off int64
	B   []byte
}

// Sparse is an object of Size bytes that holds its Parts at their offsets
// and zeros everywhere else, so that a 60 MiB file costs its headers in
// memory. It implements io.ReaderAt.
type Sparse struct {
	Size  int64
	Parts []Part // sorted by offset, not overlapping
}

// ReadAt implements io.ReaderAt.
func (s *Sparse) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, io.ErrUnexpectedEOF
	}
	if off >= s.Size {
		return 0, io.EOF
	}
	n := len(p)
	if int64(n) > s.Size-off {
		n = int(s.Size - off)
	}
	clear(p[:n])
	// The first part that ends after off.
	i := sort.Search(len(s.Parts), func(i int) bool { return s.Parts[i].Off+int64(len(s.Parts[i].B)) > off })
	for ; i < len(s.Parts) && s.Parts[i].Off < off+int64(n); i++ {
		pt := s.Parts[i]
		src, dst := pt.B, p[:n]
		if pt.Off < off {
			src = src[off-pt.Off:]
		} else {
			dst = dst[pt.Off-off:]
		}
		copy(dst, src)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Bytes returns the whole object in memory.
func (s *Sparse) Bytes() []byte {
	b := make([]byte, s.Size)
	s.ReadAt(b, 0)
	return b
}

// sparseBuilder appends bytes and runs of zeros.
type sparseBuilder struct{ s Sparse }

func (b *sparseBuilder) add(parts ...[]byte) {
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		if n := len(b.s.Parts); n > 0 && b.s.Parts[n-1].Off+int64(len(b.s.Parts[n-1].B)) == b.s.Size {
			b.s.Parts[n-1].B = append(b.s.Parts[n-1].B, p...)
		} else {
			b.s.Parts = append(b.s.Parts, Part{b.s.Size, bytes.Clone(p)})
		}
		b.s.Size += int64(len(p))
	}
}

func (b *sparseBuilder) zeros(n int64) { b.s.Size += n }

// Input is a generated object: its reader and size, and its bytes when it
// is held in memory (nil when it is Sparse).
type Input struct {
	io.ReaderAt
	Size  int64
	Bytes []byte
}

// InMemory wraps a byte slice as an Input.
func InMemory(b []byte) Input { return Input{bytes.NewReader(b), int64(len(b)), b} }

// OfSparse wraps a Sparse object as an Input.
func OfSparse(s *Sparse) Input { return Input{s, s.Size, nil} }
