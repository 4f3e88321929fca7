package iff

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// reader reads fields the way FFmpeg's AVIOContext does for iff.c: a
// position that moves as bytes are read, zeros past the end of the
// object, an end-of-file flag that a read reaching the end sets and a
// skip clears.
type reader struct {
	src  container.Source
	size int64
	pos  int64
	eof  bool
	buf  [8]byte
}

// read reads n (at most 8) bytes at the position and advances past the
// ones the object holds.
func (r *reader) read(n int) ([]byte, error) {
	b := r.buf[:n]
	clear(b)
	if r.pos >= r.size {
		r.eof = true
		return b, nil
	}
	have := min(int64(n), r.size-r.pos)
	if err := demuxkit.ReadFull(r.src, b[:have], r.pos, name, "chunk"); err != nil {
		return nil, err
	}
	r.pos += have
	if have < int64(n) {
		r.eof = true
	}
	return b, nil
}

func (r *reader) u8() (uint8, error) {
	b, err := r.read(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (r *reader) rb16() (uint16, error) {
	b, err := r.read(2)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint16(b), nil
}

func (r *reader) rb32() (uint32, error) {
	b, err := r.read(4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}

func (r *reader) rl32() (uint32, error) {
	b, err := r.read(4)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint32(b), nil
}

func (r *reader) rb64() (uint64, error) {
	b, err := r.read(8)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint64(b), nil
}

// chunkHeader reads a chunk's id (as a little-endian tag) and its
// big-endian size: 64 bits in DSDIFF (FRM8), 32 in the other forms.
func (r *reader) chunkHeader(is64 bool) (id uint32, size uint64, err error) {
	if id, err = r.rl32(); err != nil {
		return 0, 0, err
	}
	if is64 {
		size, err = r.rb64()
		return id, size, err
	}
	n, err := r.rb32()
	return id, uint64(n), err
}

// seek moves to off as avio_skip does: a skip of nothing keeps the
// end-of-file flag, a skip to the end or beyond sets it (the next read
// would), any other clears it.
func (r *reader) seek(off int64) {
	if off == r.pos {
		return
	}
	r.pos = off
	r.eof = off >= r.size
}

// skipTo moves to base+n+pad without overflowing: the end of a chunk of
// n bytes whose body starts at base.
func (r *reader) skipTo(base int64, n uint64, pad int64) {
	if n > uint64(math.MaxInt64-base-pad) {
		r.seek(math.MaxInt64)
		return
	}
	r.seek(base + int64(n) + pad)
}

// bytes reads n bytes at the position as avio_read does into a buffer of
// that size, and reports whether all of them were there.
func (r *reader) bytes(n uint32) ([]byte, bool, error) {
	left := max(r.size-r.pos, 0)
	if int64(n) > left {
		return nil, false, nil
	}
	b, err := demuxkit.ReadAt(r.src, r.pos, int64(n), name, "text chunk")
	if err != nil {
		return nil, false, err
	}
	r.pos += int64(n)
	return b, true, nil
}
