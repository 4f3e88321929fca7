package jpeg

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seg builds a marker segment: FF, marker, length (counting itself), body.
func seg(m byte, body []byte) []byte {
	b := []byte{0xFF, m, 0, 0}
	binary.BigEndian.PutUint16(b[2:], uint16(len(body)+2))
	return append(b, body...)
}

// sofBody builds a frame header: precision, height, width, then per
// component its id, HiVi and quantisation table 0.
func sofBody(bits byte, w, h uint16, comps ...[2]byte) []byte {
	b := []byte{bits, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(len(comps))}
	for _, c := range comps {
		b = append(b, c[0], c[1], 0)
	}
	return b
}

var (
	yuv420 = [][2]byte{{1, 0x22}, {2, 0x11}, {3, 0x11}}
	yuv444 = [][2]byte{{1, 0x11}, {2, 0x11}, {3, 0x11}}
	jfif11 = seg(APP0, []byte{'J', 'F', 'I', 'F', 0, 1, 2, 0 /* units */, 0, 1 /* Xdensity */, 0, 1 /* Ydensity */, 0, 0})
)

func image(segs ...[]byte) []byte {
	b := []byte{0xFF, SOI}
	for _, s := range segs {
		b = append(b, s...)
	}
	return append(b, 0xFF, EOI)
}

// The expectations were taken from ffprobe 5.1 on the same headers.
func TestHeaderPixFmt(t *testing.T) {
	tests := []struct {
		name             string
		data             []byte
		profile, pix, cr string
		sar              [2]int
		valid            bool
	}{
		{"baseline 4:2:0 jfif", image(jfif11, seg(SOF0, sofBody(8, 64, 48, yuv420...))), "Baseline", "yuvj420p", "pc", [2]int{1, 1}, true},
		{"progressive no jfif", image(seg(SOF2, sofBody(8, 64, 48, yuv420...))), "Progressive", "yuvj420p", "pc", [2]int{}, true},
		{"sequential 12-bit", image(seg(SOF1, sofBody(12, 64, 48, yuv420...))), "Sequential", "yuv420p16le", "pc", [2]int{}, true},
		{"4:2:2", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x21}, [2]byte{2, 0x11}, [2]byte{3, 0x11}))), "Baseline", "yuvj422p", "pc", [2]int{}, true},
		{"4:4:0", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x12}, [2]byte{2, 0x11}, [2]byte{3, 0x11}))), "Baseline", "yuvj440p", "pc", [2]int{}, true},
		{"4:1:1", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x41}, [2]byte{2, 0x11}, [2]byte{3, 0x11}))), "Baseline", "yuvj411p", "pc", [2]int{}, true},
		{"2x2 everywhere is 4:4:4", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x22}, [2]byte{2, 0x22}, [2]byte{3, 0x22}))), "Baseline", "yuvj444p", "pc", [2]int{}, true},
		{"grey has no range", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x22}))), "Baseline", "gray", "", [2]int{}, true},
		{"RGB component ids", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{'R', 0x11}, [2]byte{'G', 0x11}, [2]byte{'B', 0x11}))), "Baseline", "gbrp", "", [2]int{}, true},
		{"Adobe transform 0 is RGB", image(seg(APP14, []byte("Adobe\x00\x64\x00\x00\x00\x00\x00")), seg(SOF0, sofBody(8, 8, 8, yuv444...))), "Baseline", "gbrp", "", [2]int{}, true},
		{"CMYK", image(seg(APP14, []byte("Adobe\x00\x64\x00\x00\x00\x00\x00")), seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x11}, [2]byte{2, 0x11}, [2]byte{3, 0x11}, [2]byte{4, 0x11}))), "Baseline", "gbrap", "", [2]int{}, true},
		{"YCCK", image(seg(APP14, []byte("Adobe\x00\x64\x00\x00\x00\x00\x02")), seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x11}, [2]byte{2, 0x11}, [2]byte{3, 0x11}, [2]byte{4, 0x11}))), "Baseline", "yuva444p", "pc", [2]int{}, true},
		{"ITU601 comment", image(seg(COM, []byte("CS=ITU601")), seg(SOF0, sofBody(8, 8, 8, yuv420...))), "Baseline", "yuv420p", "tv", [2]int{}, true},
		{"JFIF 4:3 density", image(seg(APP0, []byte{'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 4, 0, 3, 0, 0}), seg(SOF0, sofBody(8, 8, 8, yuv420...))), "Baseline", "yuvj420p", "pc", [2]int{4, 3}, true},
		{"JFIF zero density", image(seg(APP0, []byte{'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 0, 0, 0, 0, 0}), seg(SOF0, sofBody(8, 8, 8, yuv420...))), "Baseline", "yuvj420p", "pc", [2]int{}, true},
		{"arithmetic coding is refused", image(jfif11, seg(0xC9, sofBody(8, 8, 8, yuv420...))), "", "", "", [2]int{1, 1}, false},
		{"zero height", image(seg(SOF0, sofBody(8, 8, 0, yuv420...))), "Baseline", "", "", [2]int{}, false},
		{"zero sampling factor", image(seg(SOF0, sofBody(8, 8, 8, [2]byte{1, 0x20}))), "Baseline", "", "", [2]int{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Segments(tt.data)
			require.NoError(t, err)
			assert.Equal(t, tt.profile, h.Profile())
			assert.Equal(t, tt.valid, h.Valid())
			pix, cr := h.PixFmt()
			assert.Equal(t, tt.pix, pix)
			assert.Equal(t, tt.cr, cr)
			assert.Equal(t, tt.sar, [2]int{h.SARNum, h.SARDen})
		})
	}
}

func TestSegmentsErrors(t *testing.T) {
	_, err := Segments([]byte("GIF89a"))
	assert.ErrorIs(t, err, ErrNotJPEG)
	// A segment claiming 0xFFFF bytes in a 10-byte buffer.
	_, err = Segments([]byte{0xFF, SOI, 0xFF, APP0, 0xFF, 0xFF, 'J', 'F', 'I', 'F'})
	assert.ErrorIs(t, err, ErrTruncated)
	// A length below its own two bytes.
	_, err = Segments([]byte{0xFF, SOI, 0xFF, APP0, 0x00, 0x01})
	assert.ErrorIs(t, err, ErrMalformed)
	// A short frame header.
	_, err = Segments(image(seg(SOF0, []byte{8, 0, 8})))
	assert.ErrorIs(t, err, ErrMalformed)
}
