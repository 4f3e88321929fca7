package mp4

import (
	"encoding/binary"
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
// The walk reads box headers itself, as go-mp4's ReadBoxStructure would
// read them in a root walk over the range, which is how this package used
// to call it: go-mp4 fails a whole walk on a child larger than its parent
// (mov_read_default clamps it), so each level was walked separately, and it
// allocates about 2 KB per box header (a bytes.Buffer each), which made an
// object of a million empty boxes cost gigabytes. go-mp4 still decides the
// one thing its root walk did beyond headers: an ftyp or keys box whose
// payload its Unmarshal rejects, or that runs past the range, ends the
// level before fn sees it.
//
// As in mov_read_default, a box is clamped to what the range has left; a
// header that claims less than its own length ends the level, and so does
// a partial header at the end (trailing garbage). Payloads are never read
// here: a walk over mdat costs one header read.
func walk(r io.ReaderAt, budget *container.Budget, off, size int64, fn func(b box) error) error {
	var quickTime bool // an ftyp of this level lists the qt brand (go-mp4's context)
	for rel := int64(0); size-rel >= mp4.SmallHeaderSize; {
		var h [mp4.LargeHeaderSize]byte
		if _, err := r.ReadAt(h[:mp4.SmallHeaderSize], off+rel); err != nil {
			return readErr(err)
		}
		claim := uint64(binary.BigEndian.Uint32(h[:]))
		typ := string(h[4:8])
		hdr := int64(mp4.SmallHeaderSize)
		switch claim {
		case 0: // to the end of the range
			claim = uint64(size - rel)
		case 1: // a 64-bit size follows
			if size-rel < mp4.LargeHeaderSize {
				return nil
			}
			if _, err := r.ReadAt(h[8:16], off+rel+8); err != nil {
				return readErr(err)
			}
			claim = binary.BigEndian.Uint64(h[8:])
			hdr = mp4.LargeHeaderSize
			if claim == 0 {
				return nil // go-mp4: "invalid size"
			}
		}
		remain := size - rel
		sz := remain
		if claim < uint64(remain) {
			sz = int64(claim)
		}
		if sz < hdr {
			return nil
		}
		if typ == "ftyp" || typ == "keys" {
			if claim > uint64(remain) || !goMP4Accepts(r, off+rel+hdr, sz-hdr, typ, &quickTime) {
				return nil
			}
		}
		if err := budget.Visit(fmtName, "box", off+rel); err != nil {
			return err
		}
		err := fn(box{typ: typ, off: off + rel, hdr: hdr, size: sz})
		if errors.Is(err, errStop) {
			return nil
		}
		if err != nil {
			return err
		}
		if claim >= uint64(remain) {
			return nil // the box reaches the end of the range
		}
		rel += int64(claim)
	}
	return nil
}

// goMP4Accepts reports whether go-mp4 unmarshals the payload of an ftyp or
// keys box, which its root walk does before it hands the box on.
func goMP4Accepts(r io.ReaderAt, off, n int64, typ string, quickTime *bool) bool {
	sr := io.NewSectionReader(r, off, n)
	ctx := mp4.Context{IsQuickTimeCompatible: *quickTime}
	if typ == "ftyp" {
		var ftyp mp4.Ftyp
		if _, err := mp4.Unmarshal(sr, uint64(n), &ftyp, ctx); err != nil {
			return false
		}
		*quickTime = *quickTime || ftyp.HasCompatibleBrand(mp4.BrandQT())
		return true
	}
	var keys mp4.Keys
	_, err := mp4.Unmarshal(sr, uint64(n), &keys, ctx)
	return err == nil
}

// readErr is what a failed header read means for the walk: the end of the
// object ends the level, anything else (the source's limits, a cancelled
// context, an I/O error) ends the probe.
func readErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil
	}
	return err
}
