package bits

import "math"

// maxBytes bounds the data a reader views, so that a position in bits, plus
// a width, never overflows an int (on 32-bit platforms a reader sees at
// most 256 MiB, far above any header).
const maxBytes = math.MaxInt/8 - 16

// cursor is the state that the three readers share: a view of the data, a
// position in bits and the sticky error. The readers differ only in the
// order in which they take bits from the bytes (their peek64).
type cursor struct {
	b   []byte // the bytes that hold the end bits, and no more
	pos int    // bits consumed, 0 <= pos <= end
	end int    // bits in the view, <= 8*len(b)
	err error  // the first error; once set, pos == end
}

func newCursor(b []byte, nbits int) cursor {
	if len(b) > maxBytes {
		b = b[:maxBytes]
	}
	var c cursor
	switch {
	case nbits < 0:
		c.err = ErrWidth
		nbits = 0
	case nbits > len(b)*8:
		nbits = len(b) * 8
	}
	c.b = b[:(nbits+7)>>3]
	c.end = nbits
	return c
}

// Left returns the number of bits not yet read; it is never negative (get_bits_left).
func (c *cursor) Left() int { return c.end - c.pos }

// BitPos returns the number of bits read so far (get_bits_count). After a
// read past the end it equals BitLen.
func (c *cursor) BitPos() int { return c.pos }

// BitLen returns the length of the data in bits.
func (c *cursor) BitLen() int { return c.end }

// Err returns the first error recorded: [ErrOverrun], [ErrWidth] or
// [ErrExpGolomb], or nil.
func (c *cursor) Err() error { return c.err }

// ByteAligned reports whether the position is a multiple of 8 bits.
func (c *cursor) ByteAligned() bool { return c.pos&7 == 0 }

// Skip advances n bits without reading them (skip_bits_long); n may exceed
// 64. Skipping past the end records [ErrOverrun], a negative n [ErrWidth].
func (c *cursor) Skip(n int) {
	if n < 0 {
		c.fail(ErrWidth)
		return
	}
	c.advance(n)
}

// Align skips to the next multiple of 8 bits, if not there already
// (align_get_bits).
func (c *cursor) Align() { c.advance(-c.pos & 7) }

// advance moves n >= 0 bits on, or to the end with ErrOverrun.
func (c *cursor) advance(n int) {
	if n > c.end-c.pos {
		c.fail(ErrOverrun)
		return
	}
	c.pos += n
}

// fail records err unless an error is already recorded, and ends the
// reading.
func (c *cursor) fail(err error) {
	if c.err == nil {
		c.err = err
	}
	c.pos = c.end
}

// width checks a field width: it reports whether n is in 1..64, and records
// ErrWidth for a width outside 0..64.
func (c *cursor) width(n int) bool {
	if uint(n)-1 < 64 {
		return true
	}
	if n != 0 {
		c.fail(ErrWidth)
	}
	return false
}
