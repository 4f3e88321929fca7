package picture

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec/png"
	"github.com/mediaprobe/mediaprobe/container"
)

// describePNG walks the chunks before the first IDAT and sets what
// pngdec.c sets: the size, the pixel format, full colour range and the pHYs
// aspect ratio. pngdec.c sets no colour space and no bit depth.
func describePNG(st *container.Stream, r *reader, head []byte) error {
	if !png.IsPNG(head) {
		return nil
	}
	h := &png.Header{}
	err := walkPNG(h, r)
	if h.Valid() {
		st.Width, st.Height = h.Width, h.Height
		st.CodedWidth, st.CodedHeight = h.Width, h.Height
		st.PixFmt = h.PixFmt()
		st.ColorRange = "pc"
	}
	if sar := (container.Rational{Num: h.SARNum, Den: h.SARDen}); sar.Valid() {
		st.SampleAspectRatio = sar.Reduce(1<<31 - 1)
	}
	return err
}

func walkPNG(h *png.Header, r *reader) error {
	p := int64(8)
	for i := 0; i < maxSegments && r.n-p >= 8; i++ {
		ch, err := r.at(p, 8)
		if err != nil {
			return err
		}
		n := int64(binary.BigEndian.Uint32(ch))
		typ := string(ch[4:8])
		p += 8
		if png.End(typ) {
			return nil
		}
		if n > 0x7FFFFFFF {
			return png.ErrMalformed
		}
		if n > r.n-p {
			return png.ErrTruncated
		}
		if png.Wanted(typ) {
			// Only the fixed fields are used: IHDR and pHYs are short, and a
			// tRNS body is not needed, only its presence.
			body, err := r.at(p, min(n, 16))
			if err != nil {
				return err
			}
			if err := h.Chunk(typ, body); err != nil {
				return err
			}
		}
		if n > r.n-p-4 {
			return nil
		}
		p += n + 4 // body and CRC
	}
	return nil
}
