package mp4

import "encoding/binary"

// cursor decodes big-endian fields from a byte slice with a sticky error, in
// the manner of mp4ff's FixedSliceReader: read a run of fields, then check
// bad once. Reads past the end return zero and set bad.
type cursor struct {
	b   []byte
	pos int
	bad bool
}

func (c *cursor) take(n int) []byte {
	if c.bad || n < 0 || n > len(c.b)-c.pos {
		c.bad = true
		return nil
	}
	p := c.b[c.pos : c.pos+n]
	c.pos += n
	return p
}

func (c *cursor) u8() uint8 {
	if p := c.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (c *cursor) u16() uint16 {
	if p := c.take(2); p != nil {
		return binary.BigEndian.Uint16(p)
	}
	return 0
}

func (c *cursor) u24() uint32 {
	if p := c.take(3); p != nil {
		return uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2])
	}
	return 0
}

func (c *cursor) u32() uint32 {
	if p := c.take(4); p != nil {
		return binary.BigEndian.Uint32(p)
	}
	return 0
}

func (c *cursor) u64() uint64 {
	if p := c.take(8); p != nil {
		return binary.BigEndian.Uint64(p)
	}
	return 0
}

// fourcc returns the next four bytes as a string ("mp4a").
func (c *cursor) fourcc() string {
	if p := c.take(4); p != nil {
		return string(p)
	}
	return "\x00\x00\x00\x00"
}

func (c *cursor) skip(n int) { c.take(n) }

// left is the number of unread bytes.
func (c *cursor) left() int {
	if c.bad {
		return 0
	}
	return len(c.b) - c.pos
}

// cstring returns b up to its first NUL, as a C string would be read.
func cstring(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
