package mp4

import (
	"context"
	"errors"
	"io"

	"github.com/abema/go-mp4"
	"github.com/mediaprobe/mediaprobe/container"
)

// box is one box header as mov_read_default sees it: its type, where it
// starts, the length of its header and its size clamped to its parent.
type box struct {
	typ  string
	off  int64 // offset of the box (its size field) in the reader
	hdr  int64 // 8, or 16 for a 64-bit size
	size int64 // whole box, header included, clamped to the parent
}

func (b box) payOff() int64 { return b.off + b.hdr }
func (b box) payLen() int64 { return b.size - b.hdr }

// errStop ends a walk early without an error.
var errStop = errors.New("mp4: stop walk")

// maxDepth mirrors the nesting limit of mov_read_default (atom_depth > 10).
const maxDepth = 10

// walk calls fn for each box in [off, off+size) of r, in file order. Each
// box is a structure visited on budget, whose error ends the walk.
//
// The headers are read by go-mp4's ReadBoxStructure over a section reader of
// the range, always as a root walk and never expanded: go-mp4 refuses a child
// larger than its parent (the whole walk fails) where mov_read_default clamps
// it, so each level is walked separately and clamped here. A header that
// claims less than its own length ends the level, as in mov_read_default; a
// partial header at the end is trailing garbage and ends it too. Payloads are
// never read here: a walk over mdat costs one header read.
func walk(r io.ReaderAt, budget *container.Budget, off, size int64, fn func(b box) error) error {
	if size < 8 {
		return nil
	}
	sr := io.NewSectionReader(r, off, size)
	_, err := mp4.ReadBoxStructure(sr, func(h *mp4.ReadHandle) (interface{}, error) {
		bi := h.BoxInfo
		rel := int64(bi.Offset)
		if rel < 0 || rel > size {
			return nil, errStop
		}
		remain := size - rel
		hdr := int64(bi.HeaderSize)
		sz := remain
		if bi.Size < uint64(remain) {
			sz = int64(bi.Size)
		}
		if sz < hdr {
			return nil, errStop
		}
		if err := budget.Visit(fmtName, "box", off+rel); err != nil {
			return nil, err
		}
		return nil, fn(box{typ: string(bi.Type[:]), off: off + rel, hdr: hdr, size: sz})
	})
	if err == nil || errors.Is(err, errStop) {
		return nil
	}
	if isFatal(err) {
		return err
	}
	// Anything else is go-mp4 giving up on a malformed header (an ftyp or
	// keys box too short for its own fields): the level ends there, as
	// mov_read_default would stop at the bad atom.
	return nil
}

// isFatal reports whether err must end the probe: one of our categories
// (the source's limits, a truncation we raised) or a cancelled context.
func isFatal(err error) bool {
	var fe *container.FormatError
	return errors.As(err, &fe) || errors.Is(err, container.ErrLimit) ||
		errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
