package jpeg

import (
	"encoding/binary"
	"fmt"

	"github.com/mediaprobe/mediaprobe/container"
)

// Marker codes (ITU-T T.81 table B.1) that the header walk distinguishes.
const (
	SOI   = 0xD8 // start of image
	EOI   = 0xD9 // end of image
	SOS   = 0xDA // start of scan: the header ends here
	SOF0  = 0xC0 // baseline DCT
	SOF1  = 0xC1 // extended sequential DCT, Huffman
	SOF2  = 0xC2 // progressive DCT, Huffman
	SOF3  = 0xC3 // lossless, Huffman
	SOF48 = 0xF7 // JPEG-LS (ITU-T T.87), FFmpeg's SOF48
	APP0  = 0xE0 // JFIF
	APP14 = 0xEE // Adobe
	COM   = 0xFE // comment
)

// ErrNotJPEG reports data that does not start with an SOI marker. It
// wraps container.ErrMalformed.
var ErrNotJPEG = fmt.Errorf("jpeg: no SOI marker: %w", container.ErrMalformed)

// ErrMalformed reports a segment whose length or contents contradict T.81.
// It wraps container.ErrMalformed.
var ErrMalformed = fmt.Errorf("jpeg: malformed segment: %w", container.ErrMalformed)

// ErrTruncated reports a segment that runs past the end of the data. It
// wraps container.ErrTruncated.
var ErrTruncated = fmt.Errorf("jpeg: truncated segment: %w", container.ErrTruncated)

// IsJPEG reports whether b starts with the SOI marker and another marker.
func IsJPEG(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xFF && b[1] == SOI && b[2] == 0xFF
}

// StandAlone reports whether marker m has no length field (T.81 B.1.1.3:
// SOI, EOI, RSTn and TEM).
func StandAlone(m byte) bool {
	return m == SOI || m == EOI || m == 0x01 || (m >= 0xD0 && m <= 0xD7)
}

// IsSOF reports whether m is a start-of-frame marker (SOF0-SOF15 other than
// DHT, JPG and DAC, plus JPEG-LS).
func IsSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC || m == SOF48
}

// Wanted reports whether the body of a segment with marker m matters to a
// Header; the others (EXIF, ICC profiles, tables) can be skipped unread.
func Wanted(m byte) bool {
	return m == APP0 || m == APP14 || m == COM || IsSOF(m)
}

// Component is one image component of a frame header.
type Component struct {
	ID   byte // component identifier Ci
	H, V byte // horizontal and vertical sampling factors
}

// Header collects what the header segments of one JPEG image say, in the
// order mjpegdec.c learns it.
type Header struct {
	// SOF is the start-of-frame marker found, 0 before one is seen.
	SOF           byte
	Bits          int // sample precision P
	Width, Height int
	Components    []Component
	// SARNum and SARDen are the JFIF pixel density (0/0 when there is no
	// JFIF segment or the density is not positive).
	SARNum, SARDen int
	// AdobeTransform is the Adobe APP14 colour transform, -1 when absent.
	AdobeTransform int
	// ITU601 is set by a "CS=ITU601" comment: limited-range YCbCr.
	ITU601 bool
}

// NewHeader returns an empty Header.
func NewHeader() *Header { return &Header{AdobeTransform: -1} }

// Segment takes the body of one marker segment (after its length field).
// It returns done once the frame header has been read, since nothing after
// it changes what ffprobe reports.
func (h *Header) Segment(m byte, body []byte) (done bool, err error) {
	switch {
	case m == APP0:
		h.jfif(body)
	case m == APP14:
		// Adobe: "Adobe", version(2), flags0(2), flags1(2), transform(1).
		if len(body) >= 12 && string(body[:5]) == "Adobe" {
			h.AdobeTransform = int(body[11])
		}
	case m == COM:
		// mjpegdec.c mjpeg_decode_com: this comment switches to MPEG range.
		if len(body) >= 9 && string(body[:9]) == "CS=ITU601" {
			h.ITU601 = true
		}
	case IsSOF(m):
		return true, h.sof(m, body)
	}
	return false, nil
}

// jfif reads the JFIF density as mjpegdec.c mjpeg_decode_app does: the
// density pair is the sample aspect ratio whatever the unit byte says.
func (h *Header) jfif(body []byte) {
	// "JFIF\0", version(2), units(1), Xdensity(2), Ydensity(2).
	if len(body) < 12 || string(body[:5]) != "JFIF\x00" {
		return
	}
	h.SARNum = int(binary.BigEndian.Uint16(body[8:]))
	h.SARDen = int(binary.BigEndian.Uint16(body[10:]))
	if h.SARNum <= 0 || h.SARDen <= 0 {
		h.SARNum, h.SARDen = 0, 0
	}
}

// sof reads a frame header (T.81 B.2.2): P, Y, X, Nf, then Nf x (Ci, HiVi, Tqi).
func (h *Header) sof(m byte, body []byte) error {
	h.SOF = m
	if len(body) < 6 {
		return ErrMalformed
	}
	h.Bits = int(body[0])
	h.Height = int(binary.BigEndian.Uint16(body[1:]))
	h.Width = int(binary.BigEndian.Uint16(body[3:]))
	n := int(body[5])
	if n == 0 || n > 4 || len(body) < 6+3*n {
		return ErrMalformed
	}
	h.Components = h.Components[:0]
	for i := 0; i < n; i++ {
		c := body[6+3*i:]
		h.Components = append(h.Components, Component{ID: c[0], H: c[1] >> 4, V: c[1] & 15})
	}
	return nil
}

// Segments walks the marker segments of an image held in b, from its SOI to
// its frame header, and feeds them to a new Header. It stops at the frame
// header, at SOS or at the end of b.
func Segments(b []byte) (*Header, error) {
	if !IsJPEG(b) {
		return nil, ErrNotJPEG
	}
	h := NewHeader()
	off := 2
	for off+2 <= len(b) {
		if b[off] != 0xFF {
			return h, ErrMalformed
		}
		m := b[off+1]
		if m == 0xFF { // fill byte (T.81 B.1.1.2)
			off++
			continue
		}
		off += 2
		if StandAlone(m) {
			continue
		}
		if m == SOS || m == EOI {
			break
		}
		if off+2 > len(b) {
			break
		}
		n := int(binary.BigEndian.Uint16(b[off:]))
		if n < 2 {
			return h, ErrMalformed
		}
		if n > len(b)-off {
			return h, ErrTruncated
		}
		done, err := h.Segment(m, b[off+2:off+n])
		if done || err != nil {
			return h, err
		}
		off += n
	}
	return h, nil
}
