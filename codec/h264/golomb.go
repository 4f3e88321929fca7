package h264

import (
	mbits "math/bits"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// reader reads a parameter set as FFmpeg 5.1's h264_ps.c does: through a
// GetBitContext whose length (limit) is the NAL unit's size_bits, the bits
// before the rbsp_stop_one_bit, while the bytes after it (the stop bit,
// trailing zeros, then zero padding) stay readable. A parser that runs
// past the limit reads those bytes, as FFmpeg's does, and left() goes
// negative, which is how h264_ps.c notices a truncated structure.
//
// The Exp-Golomb readers reproduce FFmpeg's three variants, including what
// they return for codes longer than they handle, because the SPS and PPS
// parsers check their ranges on those values (a huge num_ref_frames is
// "too many reference frames", not a wrapped small number):
//
//   - ue31, get_ue_golomb_31: a 9-bit table, exact up to 30;
//   - ue, get_ue_golomb: exact up to 8190, an error (negative) beyond;
//   - ueLong, get_ue_golomb_long: exact up to 2^32-2.
type reader struct {
	r     *bits.Reader
	limit int // size_bits: the bits before the stop bit
}

func newReader(b []byte, limit int) *reader {
	return &reader{r: bits.NewReader(b), limit: limit}
}

// pos returns the bits consumed (get_bits_count); past the end of the data
// it is the end.
func (d *reader) pos() int { return d.r.BitPos() }

// left returns get_bits_left: negative once the parser has read past the
// limit. A read past the end of the data itself records an error in the
// bit reader, and counts as one bit further than the data.
func (d *reader) left() int {
	if d.r.Err() != nil {
		return d.limit - d.r.BitLen() - 1
	}
	return d.limit - d.r.BitPos()
}

func (d *reader) u(n int) uint32 { return uint32(d.r.Bits(n)) }
func (d *reader) flag() bool     { return d.r.Bit() == 1 }

// show1 is show_bits1: the next bit, without consuming it.
func (d *reader) show1() bool { return d.r.Peek(1) == 1 }

// zeros returns the number of leading zero bits among the next 32, 32 when
// all are zero.
func (d *reader) zeros() int { return mbits.LeadingZeros32(uint32(d.r.Peek(32))) }

// code reads an Exp-Golomb code with z < 32 leading zeros and returns its
// codeNum. The bits are peeked, then skipped, so that a code cut by the end
// of the data reads the zeros of FFmpeg's padding (and the skip records
// the overrun).
func (d *reader) code(z int) uint32 {
	n := 2*z + 1
	v := d.r.Peek(n)
	d.r.Skip(n)
	return uint32(v - 1)
}

// golombLen31 is ff_golomb_vlc_len for the 9-bit prefixes with five or
// more leading zeros (index 0..15), the codes get_ue_golomb_31 cannot
// represent.
var golombLen31 = [16]int{19, 17, 15, 15, 13, 13, 13, 13, 11, 11, 11, 11, 11, 11, 11, 11}

// ue31 reads as get_ue_golomb_31 (libavcodec/golomb.h): codes of up to 9
// bits exactly; a longer code consumes ff_golomb_vlc_len's count and reads
// as 32 (as 31 when its prefix is 000001000), which every caller rejects or
// clamps.
func (d *reader) ue31() uint32 {
	buf := uint32(d.r.Peek(9))
	if buf >= 16 {
		return d.code(d.zeros())
	}
	d.r.Skip(golombLen31[buf])
	if buf == 8 {
		return 31
	}
	return 32
}

// errGolomb is what ue returns for a code get_ue_golomb cannot read: FFmpeg
// returns AVERROR_INVALIDDATA, a negative number that the callers' range
// checks reject.
const errGolomb = -1

// ue reads as get_ue_golomb: codes with up to 12 leading zeros (values up
// to 8190) exactly; a longer one consumes 2*zeros+1 bits (63 for 32 zero
// bits, as av_log2(0) is 0) and reads as errGolomb.
func (d *reader) ue() int64 {
	z := d.zeros()
	if z <= 12 {
		return int64(d.code(z))
	}
	if z == 32 {
		d.r.Skip(63)
	} else {
		d.r.Skip(2*z + 1)
	}
	return errGolomb
}

// ueLong reads as get_ue_golomb_long: exact for codes with up to 31
// leading zeros; with 32 it skips 31 bits and returns the next 32 minus
// one, wrapping, as FFmpeg does.
func (d *reader) ueLong() uint32 {
	z := d.zeros()
	if z < 32 {
		return d.code(z)
	}
	d.r.Skip(31)
	v := uint32(d.r.Peek(32)) - 1
	d.r.Skip(32)
	return v
}

// se reads as get_se_golomb: the codeNum k of the next code mapped to
// (-1)^(k+1) * ceil(k/2). FFmpeg's table path and its slow path agree with
// the specification for the codes its cache holds (up to 24 leading
// zeros); longer codes only occur in data the callers reject.
func (d *reader) se() int32 {
	var v uint32 // codeNum + 1
	if z := d.zeros(); z < 32 {
		v = d.code(z) + 1
	} else {
		d.r.Skip(31)
		v = uint32(d.r.Peek(32))
		d.r.Skip(32)
	}
	if v&1 == 1 {
		return -int32(v >> 1)
	}
	return int32(v >> 1)
}

// seLong reads as get_se_golomb_long: get_ue_golomb_long mapped to a
// signed value; the wrapped result of an over-long code maps to INT32_MIN,
// which the SPS parser rejects.
func (d *reader) seLong() int32 {
	k := d.ueLong()
	if k&1 == 1 {
		return int32(k>>1) + 1
	}
	return -int32(k >> 1)
}
