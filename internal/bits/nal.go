package bits

import (
	"bytes"
	mbits "math/bits"
)

// AppendRBSP appends to dst the RBSP of the H.264/HEVC NAL unit bytes in
// src (the unit after its start code or length field, header included) and
// returns the extended slice and the number of bytes of src it consumed.
// It follows ff_h2645_extract_rbsp (libavcodec/h2645_parse.c, FFmpeg 5.1):
//
//   - a 0x03 after two zero bytes is dropped, whatever follows it (the
//     specifications require a byte 0x00..0x03 or the end of the unit
//     after it, 7.4.1 in both; FFmpeg does not check, and neither do we),
//     including at the very end of src; the two zeros are kept, and the
//     count of zeros starts again after the dropped byte, so 00 00 03 00
//     00 03 gives 00 00 00 00;
//   - two zero bytes followed by 0x01 or 0x02 are the next start code,
//     which cannot occur inside a unit: the unit ends before those two
//     zeros and the count consumed stops there;
//   - zero bytes otherwise pass unchanged (00 00 00 is kept, as are a
//     unit's trailing zeros; see [RBSPBitLen]).
//
// It runs in one pass and allocates only when dst lacks the room: the RBSP
// is never longer than src, so dst = make([]byte, 0, len(src)) never
// allocates again, and since the write position never passes the read
// position, dst = src[:0] unescapes in place.
func AppendRBSP(dst, src []byte) ([]byte, int) {
	zeros, from := 0, 0
	for i, c := range src {
		if zeros >= 2 && c <= 3 && c != 0 {
			if c != 3 {
				return append(dst, src[from:i-2]...), i - 2
			}
			dst = append(dst, src[from:i]...)
			from, zeros = i+1, 0
			continue
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return append(dst, src[from:]...), len(src)
}

// RBSP returns the RBSP of the NAL unit bytes in src, as [AppendRBSP] makes
// it. When src holds no emulation prevention byte the result is src itself
// (or the part of it before a start code), with no copy, as
// ff_h2645_extract_rbsp returns the source when it finds no escape;
// otherwise it is a new slice.
func RBSP(src []byte) []byte {
	zeros := 0
	for i, c := range src {
		if zeros >= 2 && c <= 3 && c != 0 {
			if c != 3 {
				return src[:i-2]
			}
			dst, _ := AppendRBSP(make([]byte, 0, len(src)-1), src)
			return dst
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return src
}

// RBSPBitLen returns the number of bits of rbsp before its
// rbsp_stop_one_bit: the last bit equal to 1, after trailing zero bytes
// are set aside (cabac_zero_words, trailing_zero_8bits). It is 0 when rbsp
// holds no 1 bit. FFmpeg's get_bit_length (h2645_parse.c) computes it for
// the GetBitContext of each NAL unit, and more_rbsp_data() (H.264 7.2) is
// true while the position is below it: compute it once, then test
// r.BitPos() < n, or read with NewReaderBits(rbsp, n) and test Left() > 0.
func RBSPBitLen(rbsp []byte) int {
	for i := len(rbsp) - 1; i >= 0; i-- {
		if c := rbsp[i]; c != 0 {
			return i*8 + 7 - mbits.TrailingZeros8(c)
		}
	}
	return 0
}

// IndexStartCode returns the index of the first start code prefix
// 0x000001 in b (H.264 and HEVC Annex B, and the start codes of MPEG-1/2
// video and MPEG-4 Part 2), or -1 if there is none.
func IndexStartCode(b []byte) int {
	for i := 2; i < len(b); i++ {
		j := bytes.IndexByte(b[i:], 1)
		if j < 0 {
			return -1
		}
		i += j
		if b[i-1] == 0 && b[i-2] == 0 {
			return i - 2
		}
	}
	return -1
}

// NextNALUnit finds the first NAL unit of an Annex B byte stream (H.264
// and HEVC Annex B): the bytes after the first start code prefix 0x000001
// up to the next one, less their trailing zero bytes (the zero_byte of a
// four-byte start code and any trailing_zero_8bits). rest begins at the
// next start code prefix, or is empty; bytes before the first start code
// are passed over (leading_zero_8bits, or garbage, which ff_h2645_packet_split
// also skips). ok is false when b holds no start code. The unit may be
// empty. Emulation prevention bytes are left in; see [AppendRBSP].
//
// Each call costs the bytes it passes, so a loop over a stream is O(n) and
// allocates nothing.
func NextNALUnit(b []byte) (nal, rest []byte, ok bool) {
	p := IndexStartCode(b)
	if p < 0 {
		return nil, nil, false
	}
	b = b[p+3:]
	if q := IndexStartCode(b); q >= 0 {
		nal, rest = b[:q], b[q:]
	} else {
		nal, rest = b, b[len(b):]
	}
	n := len(nal)
	for n > 0 && nal[n-1] == 0 {
		n--
	}
	return nal[:n], rest, true
}

// SplitAnnexB returns the non-empty NAL units of an Annex B byte stream, at
// most limit of them, each as [NextNALUnit] cuts it: sub-slices of b, with
// no copy. It allocates only the slice of slice headers, which limit
// bounds (the caller's policy; the data bounds it too, at one unit per
// four bytes).
func SplitAnnexB(b []byte, limit int) [][]byte {
	var units [][]byte
	for len(units) < limit {
		nal, rest, ok := NextNALUnit(b)
		if !ok {
			break
		}
		if len(nal) > 0 {
			units = append(units, nal)
		}
		b = rest
	}
	return units
}
