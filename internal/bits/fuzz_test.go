package bits

import (
	"bytes"
	"testing"
)

// common is what the three readers share.
type common interface {
	Bits(n int) uint64
	Peek(n int) uint64
	Bit() uint64
	Flag() bool
	Skip(n int)
	Align()
	Left() int
	BitPos() int
	BitLen() int
	Err() error
	ByteAligned() bool
}

// FuzzReader drives a random sequence of reads over random bytes, with each
// reader kind, and compares every result, position and error with the
// bit-at-a-time model. Beyond agreeing with the model: nothing panics,
// Left() is never negative and BitPos()+Left() == BitLen(), a read that
// starts at the end returns 0 and leaves an error, and once there is an
// error it never changes and every read returns 0.
func FuzzReader(f *testing.F) {
	f.Add([]byte{0x67, 0x42, 0xC0, 0x1E}, []byte{0, 8, 6, 0, 7, 0, 4, 3, 0, 64}, uint8(0), uint16(0))
	f.Add([]byte{0x00, 0x00, 0x00, 0x00, 0x01, 0xFF}, []byte{6, 0, 6, 0, 8, 0}, uint8(0), uint16(0))
	f.Add([]byte{0x80, 0x01, 0xE5, 0x8E, 0x26}, []byte{9, 0, 9, 0, 9, 0, 12, 0, 0, 30}, uint8(1), uint16(8+30))
	f.Add([]byte("\x05vorbis\x00\x01\x02"), []byte{0, 15, 1, 40, 2, 0, 4, 100, 13, 33}, uint8(2), uint16(0))
	f.Add([]byte("\x05vorbis\x00\x01\x02"), []byte{0, 15, 1, 40, 2, 0, 4, 100, 13, 33}, uint8(3), uint16(0))
	f.Add(bytes.Repeat([]byte{0}, 20), []byte{8, 0, 6, 0, 12, 0, 0, 255}, uint8(0), uint16(0))
	f.Fuzz(func(t *testing.T, data, ops []byte, kind uint8, nbits uint16) {
		var r common
		var m *model
		var msb *Reader
		switch kind % 4 {
		case 0:
			msb = NewReader(data)
			r, m = msb, msbModel(data, len(data)*8)
		case 1:
			n := int(nbits) - 8 // some negative
			msb = NewReaderBits(data, n)
			r, m = msb, msbModel(data, n)
		case 2:
			r, m = NewLSBReader(data), lsbModel(data)
		case 3:
			r, m = NewReverseReader(data), reverseModel(data)
		}
		check := func(step int, what string) {
			t.Helper()
			if r.Left() < 0 || r.BitPos()+r.Left() != r.BitLen() {
				t.Fatalf("step %d %s: pos %d left %d len %d", step, what, r.BitPos(), r.Left(), r.BitLen())
			}
			if r.BitPos() != m.pos || r.BitLen() != m.end || r.Err() != m.err {
				t.Fatalf("step %d %s: pos %d len %d err %v, model pos %d len %d err %v",
					step, what, r.BitPos(), r.BitLen(), r.Err(), m.pos, m.end, m.err)
			}
			if r.ByteAligned() != (m.pos%8 == 0) {
				t.Fatalf("step %d %s: ByteAligned %v at %d", step, what, r.ByteAligned(), m.pos)
			}
		}
		check(-1, "new")
		for i := 0; i+1 < len(ops); i += 2 {
			op, arg := ops[i]%14, int(ops[i+1])
			w := arg%70 - 2 // -2..67: every valid width and some invalid
			left, errBefore := r.Left(), r.Err()
			var got, want uint64
			var read bool // the op reads at least one bit
			switch op {
			case 0:
				got, want, read = r.Bits(w), m.Bits(w), w > 0 && w <= 64
			case 1:
				got, want = r.Peek(w), m.Peek(w)
			case 2:
				got, want, read = r.Bit(), m.Bits(1), true
			case 3:
				g := r.Flag()
				got, want, read = b2u(g), m.Bits(1), true
			case 4:
				r.Skip(arg - 4)
				m.Skip(arg - 4)
			case 5:
				r.Align()
				m.Align()
			case 6, 7, 8, 9:
				if msb == nil {
					got, want, read = r.Bits(arg%65), m.Bits(arg%65), arg%65 > 0
					break
				}
				read = true
				switch op {
				case 6:
					got, want = msb.UE(), m.UE()
				case 7:
					got, want = uint64(msb.SE()), uint64(m.SE())
				case 8:
					got, want = msb.UVLC(), m.UVLC()
				case 9:
					got, want = msb.LEB128(), m.LEB128()
				}
			case 10:
				if msb == nil {
					break
				}
				got, want, read = uint64(msb.SBits(w)), uint64(m.SBits(w)), w > 0 && w <= 64
			case 11:
				if msb == nil {
					break
				}
				read = true
				switch arg % 3 {
				case 0:
					got, want = uint64(msb.U8()), m.Bits(8)
				case 1:
					got, want = uint64(msb.U16()), m.Bits(16)
				case 2:
					got, want = uint64(msb.U32()), m.Bits(32)
				}
			case 12:
				// Look ahead on a copy, then go back.
				if msb == nil {
					break
				}
				saved, msaved := *msb, *m
				msb.Bits(arg % 65)
				msb.UE()
				*msb, *m = saved, msaved
			case 13:
				got, want, read = r.Bits(arg%65), m.Bits(arg%65), arg%65 > 0
			}
			if got != want {
				t.Fatalf("step %d op %d arg %d: got %#x, model %#x", i/2, op, arg, got, want)
			}
			check(i/2, "op")
			if read && left == 0 && (got != 0 || r.Err() == nil) {
				t.Fatalf("step %d op %d: read at the end gave %#x, err %v", i/2, op, got, r.Err())
			}
			if errBefore != nil && (r.Err() != errBefore || got != 0 || r.Left() != 0) {
				t.Fatalf("step %d op %d: after %v: got %#x, err %v, left %d", i/2, op, errBefore, got, r.Err(), r.Left())
			}
		}
	})
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// extractRBSP is the escape loop of ff_h2645_extract_rbsp
// (libavcodec/h2645_parse.c), transcribed statement by statement, without
// its fast scan for the first zero (which only decides where the loop may
// start): the reference for AppendRBSP.
func extractRBSP(src []byte) (dst []byte, consumed int) {
	length := len(src)
	si := 0
	dst = []byte{}
	for si+2 < length {
		if src[si+2] > 3 {
			dst = append(dst, src[si], src[si+1])
			si += 2
		} else if src[si] == 0 && src[si+1] == 0 && src[si+2] != 0 {
			if src[si+2] == 3 { // escape
				dst = append(dst, 0, 0)
				si += 3
				continue
			}
			return dst, si // next start code
		}
		dst = append(dst, src[si])
		si++
	}
	for si < length {
		dst = append(dst, src[si])
		si++
	}
	return dst, si
}

// escape inserts emulation prevention bytes into an RBSP, as an encoder
// does (H.264 7.4.1, HEVC 7.4.2): 0x03 after two zero bytes that a byte
// 0x00..0x03 follows, and after two zero bytes that end the unit.
func escape(rbsp []byte) []byte {
	out := make([]byte, 0, len(rbsp)+len(rbsp)/2+1)
	zeros := 0
	for _, c := range rbsp {
		if zeros >= 2 && c <= 3 {
			out = append(out, 3)
			zeros = 0
		}
		out = append(out, c)
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	if zeros >= 2 {
		out = append(out, 3)
	}
	return out
}

// FuzzNAL checks the RBSP and Annex B functions. AppendRBSP agrees with the
// transcription of FFmpeg's loop, never returns more bytes than it
// consumed nor consumes more than it was given, gives the same in place and
// through RBSP, and undoes what an encoder's escaping does. RBSPBitLen
// points at the last one bit. SplitAnnexB returns non-empty sub-slices
// free of start codes and trailing zeros, that fit in the stream with a
// start code each, as many as NextNALUnit walks to, at most limit; and a
// stream joined from escaped units splits back into the same units.
func FuzzNAL(f *testing.F) {
	f.Add([]byte{0x00, 0x00, 0x03, 0x00, 0x00, 0x03}, uint8(3))
	f.Add([]byte{0x00, 0x00, 0x01, 0x67, 0x42, 0x00, 0x00, 0x00, 0x01, 0x68}, uint8(1))
	f.Add([]byte{0x25, 0x00, 0x00, 0x02, 0x00, 0x00, 0x03}, uint8(7))
	f.Add([]byte{0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x03, 0x01, 0x80, 0x00}, uint8(2))
	f.Add(bytes.Repeat([]byte{0x00}, 33), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		out, n := AppendRBSP(nil, data)
		if n > len(data) || len(out) > n {
			t.Fatalf("consumed %d of %d, returned %d", n, len(data), len(out))
		}
		ref, refN := extractRBSP(data)
		if !bytes.Equal(out, ref) || n != refN {
			t.Fatalf("% x: got % x (%d), FFmpeg's loop % x (%d)", data, out, n, ref, refN)
		}
		inPlace := append([]byte(nil), data...)
		if got, gotN := AppendRBSP(inPlace[:0], inPlace); !bytes.Equal(got, out) || gotN != n {
			t.Fatalf("in place: % x (%d), want % x (%d)", got, gotN, out, n)
		}
		if got := RBSP(data); !bytes.Equal(got, out) {
			t.Fatalf("RBSP % x, want % x", got, out)
		}
		esc := escape(data)
		if got, gotN := AppendRBSP(nil, esc); !bytes.Equal(got, data) || gotN != len(esc) {
			t.Fatalf("escaped % x unescapes to % x (%d)", esc, got, gotN)
		}

		if k := RBSPBitLen(data); k > 0 || len(bytes.Trim(data, "\x00")) > 0 {
			if k < 0 || k >= len(data)*8 {
				t.Fatalf("RBSPBitLen %d of %d bytes", k, len(data))
			}
			r := NewReader(data)
			r.Skip(k)
			if r.Bit() != 1 || RBSPBitLen(data[:k/8+1]) != k {
				t.Fatalf("RBSPBitLen %d: no stop bit there", k)
			}
			for r.Left() > 0 {
				if r.Bit() != 0 {
					t.Fatalf("RBSPBitLen %d: a one bit after it", k)
				}
			}
		}

		units := SplitAnnexB(data, len(data))
		var walked [][]byte
		total := 0
		for rest := data; ; {
			nal, next, ok := NextNALUnit(rest)
			if !ok {
				break
			}
			if len(next) >= len(rest) {
				t.Fatal("NextNALUnit did not advance")
			}
			rest = next
			if len(nal) > 0 {
				walked = append(walked, nal)
			}
		}
		if len(units) != len(walked) {
			t.Fatalf("SplitAnnexB %d units, NextNALUnit %d", len(units), len(walked))
		}
		for i, u := range units {
			if len(u) == 0 || u[len(u)-1] == 0 || IndexStartCode(u) >= 0 || !bytes.Equal(u, walked[i]) {
				t.Fatalf("unit %d: % x", i, u)
			}
			total += len(u) + 3
		}
		if total > len(data) {
			t.Fatalf("units take %d bytes of %d", total, len(data))
		}
		if k := int(cut) % (len(units) + 1); len(SplitAnnexB(data, k)) != k {
			t.Fatalf("SplitAnnexB(limit %d) gave %d", k, len(SplitAnnexB(data, k)))
		}

		// Cut data into units, escape each and end it with a stop bit
		// byte, join them with three- and four-byte start codes: the split
		// gives them back.
		var want [][]byte
		var stream []byte
		step := int(cut)%7 + 1
		for i := 0; i < len(data); i += step {
			u := append(escape(data[i:min(i+step, len(data))]), 0x80)
			want = append(want, u)
			if i%2 == 0 {
				stream = append(stream, 0)
			}
			stream = append(append(stream, 0, 0, 1), u...)
		}
		got := SplitAnnexB(stream, len(stream))
		if len(got) != len(want) {
			t.Fatalf("joined %d units, split %d", len(want), len(got))
		}
		for i := range want {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("unit %d: % x, want % x", i, got[i], want[i])
			}
		}
	})
}
