package bits

import "encoding/binary"

// LSBReader reads bit fields least significant bit first: the first bit of
// the data is bit 0 of its first byte, and a field's first bit is its least
// significant (the Vorbis I specification, 2.1.4; get_bits.h with
// BITSTREAM_READER_LE). Errors and reads past the end behave as
// [Reader]'s.
type LSBReader struct {
	cursor
}

// NewLSBReader returns an LSB-first reader of the bits of b.
func NewLSBReader(b []byte) *LSBReader {
	return &LSBReader{newCursor(b, len(b)*8)}
}

// peek64 returns the next 64 bits, the first in the least significant
// position, with zeros past the end.
func (r *LSBReader) peek64() uint64 {
	i, s := r.pos>>3, uint(r.pos&7)
	var w uint64
	if i+8 <= len(r.b) {
		w = binary.LittleEndian.Uint64(r.b[i:]) >> s
		if s != 0 && i+8 < len(r.b) {
			w |= uint64(r.b[i+8]) << (64 - s)
		}
	} else {
		for k, c := range r.b[i:] {
			w |= uint64(c) << (8 * uint(k))
		}
		w >>= s
	}
	if left := r.end - r.pos; left < 64 {
		w &= 1<<uint(left) - 1
	}
	return w
}

// Bits reads an n-bit unsigned field, 0 <= n <= 64.
func (r *LSBReader) Bits(n int) uint64 {
	// The common case, as in Reader.Bits.
	if i := r.pos >> 3; uint(n)-1 < 57 && i+8 <= len(r.b) && n <= r.end-r.pos {
		v := binary.LittleEndian.Uint64(r.b[i:]) >> uint(r.pos&7) & (1<<uint(n) - 1)
		r.pos += n
		return v
	}
	if !r.width(n) {
		return 0
	}
	v := r.peek64()
	if n < 64 {
		v &= 1<<uint(n) - 1
	}
	r.advance(n)
	return v
}

// Peek returns the next n bits, 0 <= n <= 64, without consuming them.
func (r *LSBReader) Peek(n int) uint64 {
	if !r.width(n) {
		return 0
	}
	v := r.peek64()
	if n < 64 {
		v &= 1<<uint(n) - 1
	}
	return v
}

// Bit reads one bit.
func (r *LSBReader) Bit() uint64 { return r.Bits(1) }

// Flag reads one bit as a bool.
func (r *LSBReader) Flag() bool { return r.Bits(1) == 1 }

// ReverseReader reads the bytes of the data from last to first, each most
// significant bit first: what a [Reader] reads from a byte-reversed copy.
// FFmpeg's vorbis_parser.c parse_setup_header reads the Vorbis setup header
// that way, from its end, to find the mode flags without decoding the
// codebooks; this reader does it without the copy. Errors and reads past
// the end behave as [Reader]'s.
type ReverseReader struct {
	cursor
}

// NewReverseReader returns a reader of the bits of b from its last byte
// back to its first.
func NewReverseReader(b []byte) *ReverseReader {
	return &ReverseReader{newCursor(b, len(b)*8)}
}

// peek64 returns the next 64 bits, the first in the most significant
// position: reversed bytes k.. are b[n-1-k], b[n-2-k], ..., which is the
// little-endian load of the eight bytes that end at b[n-1-k].
func (r *ReverseReader) peek64() uint64 {
	k, s := r.pos>>3, uint(r.pos&7)
	j := len(r.b) - k // the reversed bytes from k on are b[:j], backwards
	var w uint64
	if j >= 8 {
		w = binary.LittleEndian.Uint64(r.b[j-8:]) << s
		if s != 0 && j > 8 {
			w |= uint64(r.b[j-9]) >> (8 - s)
		}
	} else {
		for t := 0; t < j; t++ {
			w |= uint64(r.b[j-1-t]) << (56 - 8*uint(t))
		}
		w <<= s
	}
	if left := r.end - r.pos; left < 64 {
		w &^= ^uint64(0) >> uint(left)
	}
	return w
}

// Bits reads an n-bit unsigned field, 0 <= n <= 64.
func (r *ReverseReader) Bits(n int) uint64 {
	// The common case, as in Reader.Bits.
	if j := len(r.b) - r.pos>>3; uint(n)-1 < 57 && j >= 8 && n <= r.end-r.pos {
		v := binary.LittleEndian.Uint64(r.b[j-8:]) << uint(r.pos&7) >> (64 - uint(n))
		r.pos += n
		return v
	}
	if !r.width(n) {
		return 0
	}
	v := r.peek64() >> (64 - uint(n))
	r.advance(n)
	return v
}

// Peek returns the next n bits, 0 <= n <= 64, without consuming them.
func (r *ReverseReader) Peek(n int) uint64 {
	if !r.width(n) {
		return 0
	}
	return r.peek64() >> (64 - uint(n))
}

// Bit reads one bit.
func (r *ReverseReader) Bit() uint64 { return r.Bits(1) }

// Flag reads one bit as a bool.
func (r *ReverseReader) Flag() bool { return r.Bits(1) == 1 }
