package png

import (
	"encoding/binary"
	"errors"
)

// Signature is the 8-byte PNG file signature.
const Signature = "\x89PNG\r\n\x1a\n"

// ErrNotPNG reports data that does not start with the PNG signature.
var ErrNotPNG = errors.New("png: no signature")

// ErrMalformed reports a chunk that contradicts the specification.
var ErrMalformed = errors.New("png: malformed chunk")

// ErrTruncated reports a chunk that runs past the end of the data.
var ErrTruncated = errors.New("png: truncated chunk")

// IsPNG reports whether b starts with the PNG signature.
func IsPNG(b []byte) bool { return len(b) >= 8 && string(b[:8]) == Signature }

// Colour types of IHDR (PNG specification 11.2.2).
const (
	Gray      = 0
	RGB       = 2
	Palette   = 3
	GrayAlpha = 4
	RGBA      = 6
)

// Header collects what the chunks before the image data say.
type Header struct {
	HaveIHDR      bool
	Width, Height int
	BitDepth      int
	ColorType     int
	Interlace     int
	// TRNS is set by a tRNS chunk: pngdec.c then adds an alpha channel to
	// grey and RGB images.
	TRNS bool
	// SARNum and SARDen are the pHYs pixel dimensions, 0/0 when absent.
	SARNum, SARDen int64
}

// Wanted reports whether the body of chunk typ matters to a Header; the
// others can be skipped by their length.
func Wanted(typ string) bool { return typ == "IHDR" || typ == "tRNS" || typ == "pHYs" }

// End reports whether chunk typ ends the header: nothing ffprobe reports is
// learned from IDAT or what follows it.
func End(typ string) bool { return typ == "IDAT" || typ == "IEND" }

// Chunk takes the body of one chunk.
func (h *Header) Chunk(typ string, body []byte) error {
	switch typ {
	case "IHDR":
		// width(4) height(4) depth(1) colour type(1) compression(1) filter(1) interlace(1)
		if len(body) < 13 {
			return ErrMalformed
		}
		h.HaveIHDR = true
		h.Width = int(binary.BigEndian.Uint32(body) & 0x7FFFFFFF)
		h.Height = int(binary.BigEndian.Uint32(body[4:]) & 0x7FFFFFFF)
		h.BitDepth = int(body[8])
		h.ColorType = int(body[9])
		h.Interlace = int(body[12])
	case "tRNS":
		h.TRNS = true
	case "pHYs":
		// x(4) y(4) unit(1): pngdec.c takes x:y as the aspect ratio whatever
		// the unit, and drops it when either is negative as a signed int.
		if len(body) < 9 {
			return ErrMalformed
		}
		x, y := int32(binary.BigEndian.Uint32(body)), int32(binary.BigEndian.Uint32(body[4:]))
		if x > 0 && y > 0 {
			h.SARNum, h.SARDen = int64(x), int64(y)
		} else {
			h.SARNum, h.SARDen = 0, 0
		}
	}
	return nil
}

// Valid reports whether IHDR gave a size pngdec.c accepts.
func (h *Header) Valid() bool {
	return h.HaveIHDR && h.Width > 0 && h.Height > 0 && h.BitDepth > 0
}

// PixFmt returns the pixel format pngdec.c decodes the image to, "" for a
// depth and colour type combination it refuses. A tRNS chunk turns grey
// into grey+alpha and RGB into RGBA, as the decoder expands the transparency.
func (h *Header) PixFmt() string {
	if !h.Valid() {
		return ""
	}
	d, ct := h.BitDepth, h.ColorType
	if h.TRNS {
		switch {
		case ct == RGB:
			ct = RGBA
		case ct == Gray && d >= 8:
			ct = GrayAlpha
		}
	}
	switch {
	case d == 8 && ct == RGB:
		return "rgb24"
	case d == 8 && ct == RGBA:
		return "rgba"
	case d == 8 && ct == Gray:
		return "gray"
	case d == 16 && ct == Gray:
		return "gray16be"
	case d == 16 && ct == RGB:
		return "rgb48be"
	case d == 16 && ct == RGBA:
		return "rgba64be"
	case d <= 8 && ct == Palette && (d == 1 || d == 2 || d == 4 || d == 8):
		return "pal8"
	case d == 1 && ct == Gray:
		return "monob"
	case (d == 2 || d == 4) && ct == Gray:
		return "gray"
	case d == 8 && ct == GrayAlpha:
		return "ya8"
	case d == 16 && ct == GrayAlpha:
		return "ya16be"
	}
	return ""
}

// Chunks walks the chunks of an image held in b up to its first IDAT and
// feeds them to a new Header.
func Chunks(b []byte) (*Header, error) {
	if !IsPNG(b) {
		return nil, ErrNotPNG
	}
	h := &Header{}
	off := 8
	for len(b)-off >= 8 {
		n := binary.BigEndian.Uint32(b[off:])
		typ := string(b[off+4 : off+8])
		off += 8
		if End(typ) {
			break
		}
		if n > 0x7FFFFFFF {
			return h, ErrMalformed
		}
		if int64(n) > int64(len(b)-off) {
			if Wanted(typ) {
				return h, ErrTruncated
			}
			break
		}
		if err := h.Chunk(typ, b[off:off+int(n)]); err != nil {
			return h, err
		}
		off += int(n) + 4 // body and CRC
		if off > len(b) {
			break
		}
	}
	return h, nil
}
