package bits

import (
	"encoding/binary"
	mbits "math/bits"
)

// Reader reads bit fields most significant bit first, as FFmpeg's
// GetBitContext does (libavcodec/get_bits.h). The zero value reads nothing;
// make one with [NewReader] or [NewReaderBits]. See the package
// documentation for what reads past the end return and record.
type Reader struct {
	cursor
}

// NewReader returns a reader of the bits of b.
func NewReader(b []byte) *Reader {
	return &Reader{newCursor(b, len(b)*8)}
}

// NewReaderBits returns a reader of the first nbits bits of b, as
// init_get_bits(gb, b, nbits) does: the bits after them read as zeros. An
// nbits above 8*len(b) is cut to it; a negative one records [ErrWidth].
func NewReaderBits(b []byte, nbits int) *Reader {
	return &Reader{newCursor(b, nbits)}
}

// peek64 returns the next 64 bits, the first in the most significant
// position, with zeros past the end. One unaligned load serves any width,
// so no read loops over bits (FFmpeg's AV_RB32 + shift, widened).
func (r *Reader) peek64() uint64 {
	i, s := r.pos>>3, uint(r.pos&7)
	var w uint64
	if i+8 <= len(r.b) {
		w = binary.BigEndian.Uint64(r.b[i:]) << s
		if s != 0 && i+8 < len(r.b) {
			w |= uint64(r.b[i+8]) >> (8 - s)
		}
	} else {
		// The last seven bytes or fewer.
		for k, c := range r.b[i:] {
			w |= uint64(c) << (56 - 8*uint(k))
		}
		w <<= s
	}
	if left := r.end - r.pos; left < 64 {
		w &^= ^uint64(0) >> uint(left)
	}
	return w
}

// Bits reads an n-bit unsigned field, 0 <= n <= 64 (get_bits_long, get_bits64).
func (r *Reader) Bits(n int) uint64 {
	// The common case, small enough to inline: a field of 1..57 bits
	// (one load, shifted by at most 7, holds it) with 8 bytes to load.
	if i := r.pos >> 3; uint(n)-1 < 57 && i+8 <= len(r.b) && n <= r.end-r.pos {
		v := binary.BigEndian.Uint64(r.b[i:]) << uint(r.pos&7) >> (64 - uint(n))
		r.pos += n
		return v
	}
	return r.bits(n)
}

// bits is Bits for any width and position.
func (r *Reader) bits(n int) uint64 {
	if !r.width(n) {
		return 0
	}
	v := r.peek64() >> (64 - uint(n))
	r.advance(n)
	return v
}

// Peek returns the next n bits, 0 <= n <= 64, without consuming them
// (show_bits_long). Bits past the end are zeros; peeking past the end
// records nothing.
func (r *Reader) Peek(n int) uint64 {
	if !r.width(n) {
		return 0
	}
	return r.peek64() >> (64 - uint(n))
}

// Bit reads one bit (get_bits1).
func (r *Reader) Bit() uint64 {
	if r.pos >= r.end {
		r.fail(ErrOverrun)
		return 0
	}
	v := r.b[r.pos>>3] >> (7 - uint(r.pos&7)) & 1
	r.pos++
	return uint64(v)
}

// Flag reads one bit as a bool: a syntax element's flag.
func (r *Reader) Flag() bool { return r.Bit() == 1 }

// U8 reads an 8-bit field.
func (r *Reader) U8() uint8 { return uint8(r.Bits(8)) }

// U16 reads a 16-bit field.
func (r *Reader) U16() uint16 { return uint16(r.Bits(16)) }

// U32 reads a 32-bit field.
func (r *Reader) U32() uint32 { return uint32(r.Bits(32)) }

// SBits reads an n-bit two's complement field, 1 <= n <= 64 (get_sbits;
// AV1's su(n)).
func (r *Reader) SBits(n int) int64 {
	if !r.width(n) {
		return 0
	}
	sh := 64 - uint(n)
	return int64(r.Bits(n)<<sh) >> sh
}

// UE reads an unsigned Exp-Golomb code, ue(v) (H.264 9.1, HEVC 9.2), as
// get_ue_golomb_long does: up to 32 leading zero bits, so values up to
// 2^33-2. More zeros record [ErrExpGolomb] and a code cut by the end
// records [ErrOverrun]; both read as 0. FFmpeg's table-driven
// get_ue_golomb and get_ue_golomb_31 agree with it up to 12 and 4 leading
// zeros (values 8190 and 30); a port checks the range where FFmpeg's
// parser does.
func (r *Reader) UE() uint64 {
	// The common case: a code of at most 57 bits (28 leading zeros)
	// within one load.
	if i := r.pos >> 3; i+8 <= len(r.b) {
		w := binary.BigEndian.Uint64(r.b[i:]) << uint(r.pos&7)
		if n := 2*mbits.LeadingZeros64(w) + 1; n <= 57 && n <= r.end-r.pos {
			r.pos += n
			return w>>(64-uint(n)) - 1
		}
	}
	return r.ue()
}

// ue is UE for any code and position.
func (r *Reader) ue() uint64 {
	w := r.peek64()
	z := mbits.LeadingZeros64(w)
	left := r.end - r.pos
	if z > 32 && left > 32 {
		r.fail(ErrExpGolomb) // 33 zero bits are in the data
		return 0
	}
	n := 2*z + 1
	if n > left {
		r.fail(ErrOverrun)
		return 0
	}
	if n <= 64 {
		r.pos += n
		return w>>(64-uint(n)) - 1
	}
	// 32 zeros: the marker bit and the 32 bits of the suffix follow.
	r.pos += 32
	v := r.peek64() >> 31
	r.pos += 33
	return v - 1
}

// SE reads a signed Exp-Golomb code, se(v): codeNum k maps to
// (-1)^(k+1) * ceil(k/2) (H.264 9.1.1, get_se_golomb_long).
func (r *Reader) SE() int64 {
	k := r.UE()
	if k&1 == 1 {
		return int64(k>>1) + 1
	}
	return -int64(k >> 1)
}

// UVLC reads an AV1 variable-length unsigned code, uvlc() (AV1 4.10.3):
// zero bits up to a one bit, then as many value bits. With 32 or more
// leading zeros the value is 2^32-1 and no value bits follow, as in the
// specification and cbs_av1_read_uvlc. The run of zeros is bounded only by
// the data and is skipped 64 bits at a time. A code cut by the end reads
// as 0 and records [ErrOverrun].
func (r *Reader) UVLC() uint64 {
	zeros := 0
	for {
		left := r.end - r.pos
		z := mbits.LeadingZeros64(r.peek64())
		if z >= left {
			r.fail(ErrOverrun)
			return 0
		}
		if z < 64 {
			r.pos += z + 1
			zeros += z
			break
		}
		r.pos += 64
		zeros += 64
	}
	if zeros >= 32 {
		return 1<<32 - 1
	}
	v := r.Bits(zeros)
	if r.err != nil {
		return 0
	}
	return v + 1<<uint(zeros) - 1
}

// LEB128 reads an AV1 leb128() (AV1 4.10.5): little-endian groups of 7
// bits, each byte's top bit saying whether another follows, at most 8
// bytes (so at most 56 value bits). As in the specification and
// libavformat/av1.h's leb128, an eighth byte ends the code whatever its
// top bit, and values above 2^32-1, which the specification forbids, are
// returned for the caller to judge (cbs_av1_read_leb128 rejects them). The
// bytes need not be aligned. A code cut by the end reads as 0 and records
// [ErrOverrun].
func (r *Reader) LEB128() uint64 {
	var v uint64
	for i := 0; i < 8; i++ {
		c := r.Bits(8)
		v |= (c & 0x7f) << (7 * uint(i))
		if c&0x80 == 0 {
			break
		}
	}
	if r.err != nil {
		return 0
	}
	return v
}
