package flv

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// The picture headers of the video codecs only FLV carries (Sorenson
// H.263, Flash Screen Video, On2 VP6 as Flash writes it). They live here,
// not in codec/, because no other container of the probe carries them;
// each gives the size FFmpeg's decoder sets from the first frame. The
// pixel format is the decoder's, set when it opens (see describeVideo).

// describeFLV1 reads a Sorenson H.263 picture header
// (libavcodec/flvdec.c ff_flv_decode_picture_header): a 17-bit start code,
// a 5-bit version (0 or 1), the 8-bit temporal reference and a 3-bit size
// code, with an 8- or 16-bit width and height for codes 0 and 1.
func describeFLV1(st *container.Stream, b []byte) {
	r := bits.NewReader(b)
	if r.Bits(17) != 1 {
		return
	}
	if v := r.Bits(5); v > 1 {
		return
	}
	r.Skip(8)
	var w, h uint64
	switch r.Bits(3) {
	case 0:
		w, h = r.Bits(8), r.Bits(8)
	case 1:
		w, h = r.Bits(16), r.Bits(16)
	case 2:
		w, h = 352, 288
	case 3:
		w, h = 176, 144
	case 4:
		w, h = 128, 96
	case 5:
		w, h = 320, 240
	case 6:
		w, h = 160, 120
	}
	if r.Err() != nil || w == 0 || h == 0 {
		return // av_image_check_size refuses it
	}
	st.Width, st.Height = int(w), int(h)
}

// describeFlashSV reads the frame header shared by Flash Screen Video 1
// and 2 (libavcodec/flashsv.c flashsv_decode_frame): the block width code
// (4 bits) and the image width (12 bits), then the same for the height.
// Both decoders output bgr24.
func describeFlashSV(st *container.Stream, b []byte) {
	if len(b) < 4 {
		return
	}
	w := int(binary.BigEndian.Uint16(b) & 0xfff)
	h := int(binary.BigEndian.Uint16(b[2:]) & 0xfff)
	if w == 0 || h == 0 {
		return
	}
	st.Width, st.Height = w, h
}

// describeVP6 reads the key-frame header of an On2 VP6 frame
// (libavcodec/vp6.c vp6_parse_header): the stored macroblock rows and
// columns give the coded size, from which the FLV adjustment byte (adjust:
// the width's excess in its high nibble, the height's in its low one)
// takes the visible size, as vp56 does with the one-byte extradata
// flvdec.c makes.
func describeVP6(st *container.Stream, b []byte, adjust byte) {
	rows, cols, ok := vp6Size(b)
	if !ok || rows == 0 {
		return
	}
	st.Width = 16*cols - int(adjust>>4)
	st.Height = 16*rows - int(adjust&0x0f)
}

// describeVP6A reads a VP6 frame with an alpha plane: a 24-bit offset to
// the alpha plane's frame, then the colour frame. An alpha key frame of
// another size makes the decoder give up the size ("Alpha
// reconfiguration" in vp56.c), which ffprobe prints as 0x0.
//
// size is the whole packet's size, of which b may hold only the start: an
// alpha offset past the packet fails the frame before its header is read.
func describeVP6A(st *container.Stream, b []byte, size int64, adjust byte) {
	if len(b) < 3 {
		return
	}
	off := int(b[0])<<16 | int(b[1])<<8 | int(b[2])
	if int64(off) > size-3 {
		return
	}
	b = b[3:]
	describeVP6(st, b, adjust)
	if st.Width == 0 || off > len(b) {
		return
	}
	if rows, cols, ok := vp6Size(b[off:]); ok && rows != 0 && (16*cols-int(adjust>>4) != st.Width || 16*rows-int(adjust&0x0f) != st.Height) {
		st.Width, st.Height = 0, 0
	}
}

// vp6Size returns the macroblock rows and columns of a VP6 key frame
// header; rows is 0 for an inter frame, and ok false for a header the
// decoder refuses.
func vp6Size(b []byte) (rows, cols int, ok bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	if b[0]&0x80 != 0 {
		return 0, 0, true // an inter frame: no size
	}
	separated := b[0]&1 != 0
	if b[1]>>3 > 8 || b[1]&1 != 0 { // unknown sub-version, interlaced
		return 0, 0, false
	}
	if separated || b[1]&0x06 == 0 {
		b = b[2:] // the coefficient offset
	}
	if len(b) < 4 || b[2] == 0 || b[3] == 0 {
		return 0, 0, false
	}
	return int(b[2]), int(b[3]), true
}
