package asf

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// cursor reads little-endian fields one after the other from the source,
// as asfdec_f.c reads its AVIOContext. The source buffers the object, so a
// field costs no call to the caller's reader. The first failure is sticky:
// every later field reads as zero and err says what happened, so that a
// walk over a truncated header stops at the next check instead of
// looping on zeros.
type cursor struct {
	src container.Source
	pos int64
	err error
	tmp [16]byte
	buf []byte // scratch for strings, reused
}

// bytes reads n (at most 16) bytes into the cursor's small buffer.
func (c *cursor) bytes(n int, what string) []byte {
	b := c.tmp[:n]
	if c.err == nil {
		c.err = demuxkit.ReadFull(c.src, b, c.pos, name, what)
	}
	if c.err != nil {
		clear(b)
	}
	c.pos += int64(n)
	return b
}

func (c *cursor) u8() uint8   { return c.bytes(1, "header")[0] }
func (c *cursor) u16() uint16 { return binary.LittleEndian.Uint16(c.bytes(2, "header")) }
func (c *cursor) u32() uint32 { return binary.LittleEndian.Uint32(c.bytes(4, "header")) }
func (c *cursor) u64() uint64 { return binary.LittleEndian.Uint64(c.bytes(8, "header")) }
func (c *cursor) guid() guid  { return guid(c.bytes(16, "header")) }

// skip moves past n bytes without reading them.
func (c *cursor) skip(n int64) { c.pos += n }

// raw reads n bytes into the cursor's scratch buffer (valid until the next
// raw or str16), charging the budget for its growth.
func (c *cursor) raw(n int64, what string) []byte {
	if c.err != nil || n <= 0 {
		c.pos += max(n, 0)
		return nil
	}
	b, err := demuxkit.ReadScratch(c.src, &c.buf, c.pos, n, name, what)
	c.pos += n
	if err != nil {
		c.err = err
		return nil
	}
	return b
}

// str16 reads a UTF-16LE string of at most maxlen bytes as
// avio_get_str16le does into a buffer of bufsize bytes: it stops at a NUL
// or an invalid surrogate pair, keeps at most bufsize-1 bytes of UTF-8,
// and returns the string and avio_get_str16le's count (which callers
// subtract from what is left of a field, as FFmpeg does).
func (c *cursor) str16(maxlen, bufsize int, what string) (string, int) {
	if maxlen <= 0 {
		return "", 0
	}
	start := c.pos
	// Only the bytes the object has: past its end avio reads zeros.
	b := c.raw(min(int64(maxlen), max(c.src.Size()-start, 0)), what)
	s, n := decodeUTF16(b, maxlen, bufsize)
	// A high surrogate in the last unit counts a second unit that is not
	// read: the position moves by the units read.
	c.pos = start + int64(min(n, maxlen&^1))
	return s, n
}

// decodeUTF16 is the decoding of avio_get_str16le over b, which holds the
// maxlen bytes of the field (or fewer when they could not be read: the
// missing units read as zero, ending the string). It returns the string and
// the number of bytes consumed.
func decodeUTF16(b []byte, maxlen, bufsize int) (string, int) {
	unit := func(i int) uint32 {
		if i+2 > len(b) {
			return 0
		}
		return uint32(binary.LittleEndian.Uint16(b[i:]))
	}
	out := make([]byte, 0, min(maxlen*3/2+4, bufsize))
	ret := 0
	for ret+1 < maxlen {
		var ch uint32
		ret += 2
		if ret <= maxlen {
			ch = unit(ret - 2)
		}
		if hi := ch - 0xD800; hi < 0x800 {
			var lo uint32
			ret += 2
			if ret <= maxlen {
				lo = unit(ret - 2)
			}
			lo -= 0xDC00
			if lo > 0x3FF || hi > 0x3FF {
				break // GET_UTF16's error: the string ends here
			}
			ch = lo + hi<<10 + 0x10000
		}
		if ch == 0 {
			break
		}
		var enc [4]byte
		n := utf8.EncodeRune(enc[:], rune(ch))
		for _, x := range enc[:n] {
			// PUT_UTF8 writes byte by byte while there is room.
			if len(out) < bufsize-1 {
				out = append(out, x)
			}
		}
	}
	return string(out), ret
}
