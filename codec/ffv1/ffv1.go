// Package ffv1 reads what FFmpeg's FFV1 decoder learns before it decodes
// a plane: the colour space, bit depth, chroma subsampling and alpha of a
// stream (RFC 9043 4.1 and 4.2), coded with the range coder either in the
// configuration record (versions 2 and 3, the extradata) or in the header
// of each key frame (versions 0 and 1).
package ffv1

import (
	"errors"
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
)

// ErrHeader is returned for a header the decoder refuses or that ends
// early.
var ErrHeader = errors.New("ffv1: invalid header")

// Header is the part of the configuration record or key frame header
// that chooses the decoder's pixel format.
type Header struct {
	Version          int
	ColorSpace       int // 0 YCbCr, 1 RGB (JPEG 2000 RCT)
	BitsPerRawSample int
	ChromaPlanes     bool
	ChromaHShift     int
	ChromaVShift     int
	Transparency     bool
}

// rangeCoder is FFmpeg's RangeCoder (libavcodec/rangecoder.[ch]) as the
// FFV1 decoder sets it up: ff_init_range_decoder, then ff_build_rac_states
// with a factor of 0.05 and a maximum probability of 248.
type rangeCoder struct {
	b         []byte
	pos       int
	low, rng  uint32
	overread  int
	zero, one [256]uint8
}

func newRangeCoder(b []byte) *rangeCoder {
	c := &rangeCoder{b: b, rng: 0xFF00}
	if len(b) >= 2 {
		c.low = uint32(b[0])<<8 | uint32(b[1])
		c.pos = 2
	} else {
		c.pos = len(b)
		c.overread = 2
	}
	if c.low >= 0xFF00 {
		c.low = 0xFF00
		c.b = c.b[:c.pos]
	}
	c.buildStates(214748364, 256-8) // 0.05 * (1LL << 32), truncated
	return c
}

// buildStates is ff_build_rac_states.
func (c *rangeCoder) buildStates(factor int64, maxP int) {
	const one = int64(1) << 32
	lastP8 := 0
	p := one / 2
	for i := 0; i < 128; i++ {
		p8 := int((256*p + one/2) >> 32)
		if p8 <= lastP8 {
			p8 = lastP8 + 1
		}
		if lastP8 != 0 && lastP8 < 256 && p8 <= maxP {
			c.one[lastP8] = uint8(p8)
		}
		p += ((one-p)*factor + one/2) >> 32
		lastP8 = p8
	}
	for i := 256 - maxP; i <= maxP; i++ {
		if c.one[i] != 0 {
			continue
		}
		p := (int64(i)*one + 128) >> 8
		p += ((one-p)*factor + one/2) >> 32
		p8 := int((256*p + one/2) >> 32)
		if p8 <= i {
			p8 = i + 1
		}
		if p8 > maxP {
			p8 = maxP
		}
		c.one[i] = uint8(p8)
	}
	for i := 1; i < 255; i++ {
		c.zero[i] = uint8(256 - int(c.one[256-i]))
	}
}

func (c *rangeCoder) refill() {
	if c.rng < 0x100 {
		c.rng <<= 8
		c.low <<= 8
		if c.pos < len(c.b) {
			c.low += uint32(c.b[c.pos])
			c.pos++
		} else {
			c.overread++
		}
	}
}

// bit is get_rac.
func (c *rangeCoder) bit(state *uint8) bool {
	r1 := c.rng * uint32(*state) >> 8
	c.rng -= r1
	if c.low < c.rng {
		*state = c.zero[*state]
		c.refill()
		return false
	}
	c.low -= c.rng
	*state = c.one[*state]
	c.rng = r1
	c.refill()
	return true
}

// symbol is get_symbol (ffv1dec.c get_symbol_inline) over a context of 32
// states; ok is false for an exponent above 31.
func (c *rangeCoder) symbol(state *[32]uint8, signed bool) (int, bool) {
	if c.bit(&state[0]) {
		return 0, true
	}
	e := 0
	for c.bit(&state[1+min(e, 9)]) {
		e++
		if e > 31 {
			return 0, false
		}
	}
	a := uint32(1)
	for i := e - 1; i >= 0; i-- {
		a += a
		if c.bit(&state[22+min(i, 9)]) {
			a++
		}
	}
	if signed && c.bit(&state[11+min(e, 10)]) {
		return -int(int32(a)), true
	}
	return int(int32(a)), true
}

// maxOverread bounds how far past its end a header may be read: the
// decoder checks overread only after the slices, but a header that needs
// more than a few bytes past the buffer is garbage.
const maxOverread = 4

// fields reads the fields common to both headers, after the version
// (and micro version): ac, the custom state transition table,
// colour space, bit depth (when coded), chroma planes and shifts,
// transparency.
func (c *rangeCoder) fields(h *Header, state *[32]uint8, bitsCoded bool) error {
	ac, ok := c.symbol(state, false)
	if !ok {
		return ErrHeader
	}
	if ac == 2 { // AC_RANGE_CUSTOM_TAB
		for i := 1; i < 256; i++ {
			d, ok := c.symbol(state, true)
			if st := d + int(c.one[i]); !ok || st < 1 || st > 255 {
				return ErrHeader
			}
			if c.overread > maxOverread {
				return ErrHeader
			}
		}
	}
	var v [3]int
	if v[0], ok = c.symbol(state, false); !ok {
		return ErrHeader
	}
	if bitsCoded {
		if v[1], ok = c.symbol(state, false); !ok {
			return ErrHeader
		}
	}
	h.ColorSpace, h.BitsPerRawSample = v[0], v[1]
	h.ChromaPlanes = c.bit(&state[0])
	if h.ChromaHShift, ok = c.symbol(state, false); !ok {
		return ErrHeader
	}
	if h.ChromaVShift, ok = c.symbol(state, false); !ok {
		return ErrHeader
	}
	h.Transparency = c.bit(&state[0])
	if c.overread > maxOverread {
		return ErrHeader
	}
	return nil
}

func newState() *[32]uint8 {
	var s [32]uint8
	for i := range s {
		s[i] = 128
	}
	return &s
}

// ParseConfig reads a version 2 or 3 configuration record (the
// extradata) as read_extra_header does, up to the fields of Header.
func ParseConfig(b []byte) (Header, error) {
	c := newRangeCoder(b)
	state := newState()
	var h Header
	v, ok := c.symbol(state, false)
	if !ok || v < 2 {
		return h, ErrHeader
	}
	h.Version = v
	if v > 2 {
		if len(c.b) >= 4 {
			c.b = c.b[:len(c.b)-4] // the CRC
		}
		if _, ok := c.symbol(state, false); !ok {
			return h, ErrHeader
		}
	}
	err := c.fields(&h, state, true)
	return h, err
}

// ParseFrame reads the header of a version 0 or 1 frame as decode_frame
// and read_header do; key is false when the frame is not a key frame,
// which has no header.
func ParseFrame(b []byte) (h Header, key bool, err error) {
	c := newRangeCoder(b)
	keyState := uint8(128)
	if !c.bit(&keyState) {
		return h, false, nil
	}
	state := newState()
	v, ok := c.symbol(state, false)
	if !ok || v >= 2 {
		return h, true, ErrHeader
	}
	h.Version = v
	err = c.fields(&h, state, v > 0)
	return h, true, err
}

// IsKeyFrame reports whether a frame of any version starts with the key
// frame flag, after which read_header chooses the pixel format.
func IsKeyFrame(b []byte) bool {
	c := newRangeCoder(b)
	s := uint8(128)
	return c.bit(&s)
}

// yuvSubsampling lists, by bit depth and alpha, the chroma subsamplings
// (16*h_shift + v_shift) read_header has a YCbCr format for; depth 8
// stands for every depth up to 8.
var yuvSubsampling = map[[2]int][]int{
	{8, 0}: {0x00, 0x01, 0x10, 0x11, 0x20, 0x22}, {8, 1}: {0x00, 0x10, 0x11},
	{9, 0}: {0x00, 0x10, 0x11}, {9, 1}: {0x00, 0x10, 0x11},
	{10, 0}: {0x00, 0x01, 0x10, 0x11}, {10, 1}: {0x00, 0x10, 0x11},
	{12, 0}: {0x00, 0x01, 0x10, 0x11}, {12, 1}: {0x00, 0x10},
	{14, 0}: {0x00, 0x10, 0x11},
	{16, 0}: {0x00, 0x10, 0x11}, {16, 1}: {0x00, 0x10, 0x11},
}

var subsamplingNames = map[int]string{0x00: "444p", 0x01: "440p", 0x10: "422p", 0x11: "420p", 0x20: "411p", 0x22: "410p"}

// PixFmt returns the pixel format read_header chooses for the header, ""
// for a combination it refuses. bits is the depth the decoder has: the
// header's, or for version 0 the container's.
func (h Header) PixFmt(bits int) string {
	suffix := ""
	if bits > 8 {
		suffix = strconv.Itoa(bits) + "le"
	}
	switch h.ColorSpace {
	case 0:
		switch {
		case !h.Transparency && !h.ChromaPlanes:
			switch {
			case bits <= 8:
				return "gray"
			case bits == 9 || bits == 10 || bits == 12 || bits == 14 || bits == 16:
				return "gray" + suffix
			case bits < 16:
				return "gray16le"
			}
		case h.Transparency && !h.ChromaPlanes:
			if bits <= 8 {
				return "ya8"
			}
		default:
			alpha, base := 0, "yuv"
			if h.Transparency {
				alpha, base = 1, "yuva"
			}
			sub := 16*h.ChromaHShift + h.ChromaVShift
			for _, s := range yuvSubsampling[[2]int{max(bits, 8), alpha}] {
				if s == sub {
					return base + subsamplingNames[sub] + suffix
				}
			}
		}
	case 1:
		if h.ChromaHShift != 0 || h.ChromaVShift != 0 {
			return ""
		}
		switch {
		case bits <= 8 && !h.Transparency:
			return "bgr0" // AV_PIX_FMT_0RGB32
		case bits <= 8:
			return "bgra" // AV_PIX_FMT_RGB32
		case !h.Transparency && (bits == 9 || bits == 10 || bits == 12 || bits == 14 || bits == 16):
			return "gbrp" + suffix
		case h.Transparency && (bits == 10 || bits == 12 || bits == 16):
			return "gbrap" + suffix
		}
	}
	return ""
}

// Describe sets on st what FFmpeg's FFV1 decoder reports once opened with
// the extradata and given the first frame: with a configuration record
// (versions 2 and 3, read by decode_init), its bit depth, and the pixel
// format once a key frame is read; without one, the pixel format and (for
// version 1) the bit depth of the first frame's header if it is a key
// frame, version 0 taking the container's depth. An extradata the decoder
// refuses fails the decoder: nothing is set.
func Describe(st *container.Stream, extradata, frame []byte) {
	if len(extradata) > 0 {
		h, err := ParseConfig(extradata)
		if err != nil {
			return
		}
		st.BitsPerRawSample = h.BitsPerRawSample
		if len(frame) > 0 && IsKeyFrame(frame) {
			st.PixFmt = h.PixFmt(h.BitsPerRawSample)
		}
		return
	}
	h, key, err := ParseFrame(frame)
	if !key || err != nil {
		return
	}
	bits := st.BitsPerRawSample
	if h.Version > 0 {
		bits = h.BitsPerRawSample
	}
	if pf := h.PixFmt(bits); pf != "" {
		st.PixFmt, st.BitsPerRawSample = pf, bits
	}
}
