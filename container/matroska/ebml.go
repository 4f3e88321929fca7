package matroska

import (
	"encoding/binary"
	"math"
)

// unknownSize is the value an element size takes when all its value bits
// are set: the size is not known (a live stream's Segment or Cluster).
// ebml_read_length maps every such encoding to this one value.
const unknownSize = 1<<56 - 1

// readVint reads an EBML variable-size integer of at most max bytes from
// b, as ebml_read_num does: the count of leading zero bits of the first
// byte gives its length; the marker bit is removed. n is 0 when b is too
// short or the length exceeds max (a first byte of 0 is always refused).
func readVint(b []byte, max int) (v uint64, n int) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0
	}
	n = 1
	for mask := byte(0x80); b[0]&mask == 0; mask >>= 1 {
		n++
	}
	if n > max || n > len(b) {
		return 0, 0
	}
	v = uint64(b[0]) & (0xff >> n)
	for i := 1; i < n; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v, n
}

// readID reads an element ID (at most 4 bytes), keeping its marker bit as
// Matroska IDs are written (0x1A45DFA3).
func readID(b []byte) (id uint32, n int) {
	v, n := readVint(b, 4)
	if n == 0 {
		return 0, 0
	}
	return uint32(v | 1<<(7*uint(n))), n
}

// readSize reads an element size (at most 8 bytes); an all-ones value of
// any length is unknownSize (ebml_read_length).
func readSize(b []byte) (size uint64, n int) {
	v, n := readVint(b, 8)
	if n == 0 {
		return 0, 0
	}
	if v+1 == 1<<(7*uint(n)) {
		return unknownSize, n
	}
	return v, n
}

// header is an element's ID and size and where its data is.
type header struct {
	id      uint32
	off     int64 // where the element starts (its ID)
	data    int64 // where its data starts
	size    int64 // the data's size, clamped to the parent; see unknown
	unknown bool  // the size was unknownSize
}

// end is where the element's data ends.
func (h header) end() int64 { return h.data + h.size }

// parseHeader reads an element header from b, whose first byte is at
// offset off, inside a parent ending at limit. A size past the parent
// is reported by ok=false, as FFmpeg refuses an element that exceeds its
// containing master; an unknown size extends to the parent's end.
func parseHeader(b []byte, off, limit int64) (h header, ok bool) {
	id, n := readID(b)
	if n == 0 {
		return h, false
	}
	size, m := readSize(b[n:])
	if m == 0 {
		return h, false
	}
	h = header{id: id, off: off, data: off + int64(n+m)}
	if h.data > limit {
		return h, false
	}
	if size == unknownSize {
		h.unknown = true
		h.size = limit - h.data
		return h, true
	}
	if size > uint64(limit-h.data) {
		return h, false
	}
	h.size = int64(size)
	return h, true
}

// uintVal reads an unsigned integer element's data (ebml_read_uint: at
// most 8 bytes, 0 bytes being 0).
func uintVal(b []byte) (uint64, bool) {
	if len(b) > 8 {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v, true
}

// sintVal reads a signed integer element's data (ebml_read_sint).
func sintVal(b []byte) (int64, bool) {
	if len(b) > 8 {
		return 0, false
	}
	if len(b) == 0 {
		return 0, true
	}
	v := int64(int8(b[0]))
	for _, c := range b[1:] {
		v = v<<8 | int64(c)
	}
	return v, true
}

// floatVal reads a float element's data: 0, 4 or 8 bytes
// (ebml_read_float).
func floatVal(b []byte) (float64, bool) {
	switch len(b) {
	case 0:
		return 0, true
	case 4:
		return float64(math.Float32frombits(binary.BigEndian.Uint32(b))), true
	case 8:
		return math.Float64frombits(binary.BigEndian.Uint64(b)), true
	}
	return 0, false
}

// strVal reads a string element's data, up to its first NUL (the C string
// FFmpeg keeps).
func strVal(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// element is one child found by walk, with its data.
type element struct {
	header
	b []byte
}

// walk calls fn for each child element of the data b (whose first byte
// is at offset base), in order, stopping at the first malformed header or
// when fn returns false. Unknown sizes extend to the end of b. Each child
// is counted by visit, which stops the walk when it fails.
func walk(b []byte, base int64, visit func(off int64) error, fn func(e element) bool) error {
	pos := 0
	limit := base + int64(len(b))
	for pos < len(b) {
		if err := visit(base + int64(pos)); err != nil {
			return err
		}
		h, ok := parseHeader(b[pos:], base+int64(pos), limit)
		if !ok {
			return nil
		}
		s := int(h.data - base)
		e := element{header: h, b: b[s : s+int(h.size)]}
		if !fn(e) {
			return nil
		}
		pos = s + int(h.size)
	}
	return nil
}
