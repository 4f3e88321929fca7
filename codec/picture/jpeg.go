package picture

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/container"
)

// describeJPEG walks the marker segments up to the frame header and sets
// what mjpegdec.c sets. The colour space and chroma location come from
// ff_mjpeg_decode_init, so every mjpeg stream has them, decodable or not.
func describeJPEG(st *container.Stream, r *reader, head []byte) error {
	st.ColorSpace = "bt470bg"
	st.ChromaLocation = "center"
	if !jpeg.IsJPEG(head) {
		return nil
	}
	h := jpeg.NewHeader()
	err := walkJPEG(h, r)
	if sar := (container.Rational{Num: int64(h.SARNum), Den: int64(h.SARDen)}); sar.Valid() {
		st.SampleAspectRatio = sar.Reduce(1<<31 - 1)
	}
	if h.Supported() {
		st.Profile = h.Profile()
		st.BitsPerRawSample = h.Bits
	}
	if h.Valid() {
		st.Width, st.Height = h.Width, h.Height
		st.CodedWidth, st.CodedHeight = h.Width, h.Height
		st.PixFmt, st.ColorRange = h.PixFmt()
	}
	return err
}

func walkJPEG(h *jpeg.Header, r *reader) error {
	p := int64(2) // after SOI
	for i := 0; i < maxSegments && r.n-p >= 2; i++ {
		mk, err := r.at(p, 2)
		if err != nil {
			return err
		}
		if mk[0] != 0xFF {
			return jpeg.ErrMalformed
		}
		m := mk[1]
		if m == 0xFF { // fill byte
			p++
			continue
		}
		p += 2
		if jpeg.StandAlone(m) {
			continue
		}
		if m == jpeg.SOS || m == jpeg.EOI {
			return nil
		}
		lb, err := r.at(p, 2)
		if err != nil {
			return err
		}
		n := int64(binary.BigEndian.Uint16(lb))
		if n < 2 {
			return jpeg.ErrMalformed
		}
		if n > r.n-p {
			return jpeg.ErrTruncated
		}
		if jpeg.Wanted(m) {
			body, err := r.at(p+2, n-2)
			if err != nil {
				return err
			}
			done, err := h.Segment(m, body)
			if done || err != nil {
				return err
			}
		}
		p += n // skip EXIF, ICC, tables by their length
	}
	return nil
}
