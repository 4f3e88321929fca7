package bits

import "strings"

// model is a reader written the slow, obvious way: one bit at a time,
// straight from the package documentation. The tests and fuzz targets
// compare the readers with it.
type model struct {
	bit func(i int) uint64 // bit i of the view, i < end
	lsb bool               // a field's first bit is its least significant
	pos int
	end int
	err error
}

func msbModel(b []byte, nbits int) *model {
	if nbits > len(b)*8 {
		nbits = len(b) * 8
	}
	m := &model{end: nbits, bit: func(i int) uint64 { return uint64(b[i/8]>>(7-i%8)) & 1 }}
	if nbits < 0 {
		m.end, m.err = 0, ErrWidth
	}
	return m
}

func lsbModel(b []byte) *model {
	return &model{end: len(b) * 8, lsb: true, bit: func(i int) uint64 { return uint64(b[i/8]>>(i%8)) & 1 }}
}

func reverseModel(b []byte) *model {
	return &model{end: len(b) * 8, bit: func(i int) uint64 { return uint64(b[len(b)-1-i/8]>>(7-i%8)) & 1 }}
}

func (m *model) fail(err error) {
	if m.err == nil {
		m.err = err
	}
	m.pos = m.end
}

func (m *model) Left() int { return m.end - m.pos }

func (m *model) at(i int) uint64 {
	if i < m.end {
		return m.bit(i)
	}
	return 0
}

func (m *model) Peek(n int) uint64 {
	if n == 0 {
		return 0
	}
	if n < 0 || n > 64 {
		m.fail(ErrWidth)
		return 0
	}
	var v uint64
	for k := 0; k < n; k++ {
		if m.lsb {
			v |= m.at(m.pos+k) << k
		} else {
			v = v<<1 | m.at(m.pos+k)
		}
	}
	return v
}

func (m *model) Bits(n int) uint64 {
	v := m.Peek(n)
	if n > 0 && n <= 64 {
		m.Skip(n)
	}
	return v
}

func (m *model) Skip(n int) {
	switch {
	case n < 0:
		m.fail(ErrWidth)
	case n > m.Left():
		m.fail(ErrOverrun)
	default:
		m.pos += n
	}
}

func (m *model) Align() {
	for m.pos%8 != 0 && m.err == nil {
		m.Skip(1)
	}
}

func (m *model) SBits(n int) int64 {
	if n == 0 {
		return 0
	}
	v := m.Bits(n)
	if n > 0 && n < 64 && v>>(n-1) == 1 {
		return int64(v) - int64(1)<<n // two's complement
	}
	return int64(v) // n == 64 wraps by itself
}

// zeros counts the zero bits from the position up to the first one bit;
// one reports whether there is a one bit before the end.
func (m *model) zeros() (z int, one bool) {
	for i := m.pos; i < m.end; i++ {
		if m.bit(i) == 1 {
			return i - m.pos, true
		}
	}
	return m.end - m.pos, false
}

func (m *model) UE() uint64 {
	z, one := m.zeros()
	switch {
	case z > 32:
		m.fail(ErrExpGolomb)
		return 0
	case !one || 2*z+1 > m.Left():
		m.fail(ErrOverrun)
		return 0
	}
	m.pos += z + 1
	var v uint64
	for k := 0; k < z; k++ {
		v = v<<1 | m.bit(m.pos)
		m.pos++
	}
	return 1<<z - 1 + v
}

func (m *model) SE() int64 {
	k := m.UE()
	if k%2 == 1 {
		return int64((k + 1) / 2)
	}
	return -int64(k / 2)
}

func (m *model) UVLC() uint64 {
	z, one := m.zeros()
	if !one {
		m.fail(ErrOverrun)
		return 0
	}
	m.pos += z + 1
	if z >= 32 {
		return 1<<32 - 1
	}
	v := m.Bits(z)
	if m.err != nil {
		return 0
	}
	return v + 1<<z - 1
}

func (m *model) LEB128() uint64 {
	var v uint64
	for i := 0; i < 8; i++ {
		c := m.Bits(8)
		v |= (c & 0x7f) << (7 * i)
		if c < 0x80 {
			break
		}
	}
	if m.err != nil {
		return 0
	}
	return v
}

// bitString packs a string of '0' and '1' (other characters are ignored,
// for readability) most significant bit first and returns the bytes and
// the number of bits.
func bitString(s string) ([]byte, int) {
	var b []byte
	n := 0
	for _, c := range s {
		if c != '0' && c != '1' {
			continue
		}
		if n%8 == 0 {
			b = append(b, 0)
		}
		if c == '1' {
			b[n/8] |= 0x80 >> (n % 8)
		}
		n++
	}
	return b, n
}

// readerOf returns a reader of exactly the bits of s.
func readerOf(s string) *Reader {
	b, n := bitString(s)
	return NewReaderBits(b, n)
}

// zeroBits is n '0' characters.
func zeroBits(n int) string { return strings.Repeat("0", n) }
