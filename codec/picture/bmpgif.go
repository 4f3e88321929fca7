package picture

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
)

// describeBMP reads the BITMAPINFOHEADER as libavcodec/bmp.c does: width,
// height (negative for top-down) and the pixel format from the bit count.
func describeBMP(st *container.Stream, b []byte) {
	// file header (14): "BM", size(4), reserved(4), offset(4); then the info
	// header: size(4), width(4), height(4), planes(2), bit count(2), compression(4).
	if len(b) < 34 {
		return
	}
	hsize := binary.LittleEndian.Uint32(b[14:])
	var w, h int64
	var depth uint16
	if hsize == 12 { // OS/2 BITMAPCOREHEADER: 16-bit sizes
		w = int64(binary.LittleEndian.Uint16(b[18:]))
		h = int64(int16(binary.LittleEndian.Uint16(b[20:])))
		depth = binary.LittleEndian.Uint16(b[24:])
	} else {
		w = int64(int32(binary.LittleEndian.Uint32(b[18:])))
		h = int64(int32(binary.LittleEndian.Uint32(b[22:])))
		depth = binary.LittleEndian.Uint16(b[28:])
	}
	if h < 0 {
		h = -h
	}
	if w <= 0 || h <= 0 || w > 1<<30 || h > 1<<30 {
		return
	}
	var pix string
	switch depth {
	case 32:
		pix = "bgra"
	case 24:
		pix = "bgr24"
	case 16:
		pix = "rgb555le"
	case 8, 4:
		pix = "pal8"
	case 1:
		pix = "monob"
	default:
		return
	}
	st.Width, st.Height = int(w), int(h)
	st.CodedWidth, st.CodedHeight = int(w), int(h)
	st.PixFmt = pix
}

// describeGIF reads the logical screen size and the pixel aspect ratio
// byte of the screen descriptor (gifdec.c gif_read_header1: a non-zero
// byte n gives (n+15)/64); libavcodec/gifdec.c always decodes to bgra.
func describeGIF(st *container.Stream, b []byte) {
	if len(b) < 10 {
		return
	}
	w := int(binary.LittleEndian.Uint16(b[6:]))
	h := int(binary.LittleEndian.Uint16(b[8:]))
	if w == 0 || h == 0 {
		return
	}
	st.Width, st.Height = w, h
	st.CodedWidth, st.CodedHeight = w, h
	st.PixFmt = "bgra"
	if len(b) > 12 && b[12] != 0 && !st.SampleAspectRatio.Valid() {
		st.SampleAspectRatio = container.Rational{Num: int64(b[12]) + 15, Den: 64}.Reduce(1<<31 - 1)
	}
}
