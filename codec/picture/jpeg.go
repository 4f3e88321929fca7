package picture

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/container"
)

// describeJPEG walks the marker segments up to the frame header and sets
// what mjpegdec.c sets (jpeg.Header.Describe). The colour space and chroma
// location come from ff_mjpeg_decode_init, so every mjpeg stream has them,
// decodable or not.
func describeJPEG(st *container.Stream, r *reader, head []byte) error {
	if !jpeg.IsJPEG(head) {
		jpeg.DecoderDefaults(st)
		return nil
	}
	h := jpeg.NewHeader()
	err := walkJPEG(h, r)
	h.Describe(st)
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
