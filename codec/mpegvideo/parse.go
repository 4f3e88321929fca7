package mpegvideo

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Headers are the headers at the start of an MPEG-1 or MPEG-2 video
// stream, as FFmpeg's decoder meets them before it decodes the first
// slice. The optional structures are nil when the data holds none.
type Headers struct {
	// Sequence is the sequence header (the last one before the first
	// picture, as FFmpeg re-reads each).
	Sequence SequenceHeader
	// SequenceExtension is present in MPEG-2 streams only.
	SequenceExtension *SequenceExtension
	// SequenceDisplayExtension carries the colour description and the
	// display size.
	SequenceDisplayExtension *SequenceDisplayExtension
	// GroupOfPictures is the first GOP header before the first picture.
	GroupOfPictures *GroupOfPicturesHeader
	// Picture and PictureCodingExtension are those of the first picture,
	// when the data reaches it (an esds or CodecPrivate usually does not).
	Picture                *PictureHeader
	PictureCodingExtension *PictureCodingExtension
}

const format = "mpegvideo"

// Parse reads the headers at the start of an MPEG-1/2 video elementary
// stream, walking its start codes as libavcodec/mpeg12dec.c decode_chunks
// does: a sequence header, and the sequence extensions, GOP header and
// first picture header that follow it, up to the first slice. The data may
// be a sequence header alone (an esds DecoderSpecificInfo) or the start of
// the stream; bytes before the first start code are skipped.
//
// A structure cut by the end of b keeps the fields read (the rest read as
// zeros, as FFmpeg's zero-padded buffers give them) and Parse returns the
// headers so far with an error wrapping container.ErrTruncated: a sequence
// header cut in its quantiser matrix still gives the size, aspect ratio,
// frame rate and bit rate. Data with no sequence header, or whose sequence
// header FFmpeg refuses (a zero marker_bit, or no start code where the
// header must end: "sequence header damaged"), gives an error wrapping
// container.ErrMalformed; the headers are then nil unless an earlier
// sequence header was accepted.
func Parse(b []byte) (*Headers, error) {
	var h *Headers
	picture := false // FFmpeg's last_code == PICTURE_START_CODE
	pos := 0
	for pos < len(b) {
		p := bits.IndexStartCode(b[pos:])
		if p < 0 {
			break
		}
		off := pos + p
		if off+3 >= len(b) {
			break // a prefix with no start code value
		}
		code := b[off+3]
		body := b[off+4:]
		// FFmpeg looks for the next start code right after this one, not
		// after the structure: do the same.
		pos = off + 4
		r := bits.NewReader(body)
		switch {
		case code == SequenceHeaderCode:
			if picture {
				return h, nil // the next sequence: the first picture is done
			}
			s := readSequenceHeader(r)
			if err := r.Err(); err != nil {
				if h == nil {
					h = &Headers{}
				}
				h.Sequence = s
				h.SequenceExtension = nil
				return h, demuxkit.Errorf(format, "sequence header", int64(off), container.ErrTruncated,
					"cut after %d bytes", len(body))
			}
			if !s.MarkerBit {
				// mpeg1_decode_sequence refuses the header before it sets
				// the size.
				return h, demuxkit.Errorf(format, "sequence header", int64(off), container.ErrMalformed,
					"marker_bit is 0")
			}
			if r.Peek(23) != 0 {
				// mpeg1_decode_sequence: "sequence header damaged" when no
				// start code prefix follows the matrices.
				return h, demuxkit.Errorf(format, "sequence header", int64(off), container.ErrMalformed,
					"no start code after the header")
			}
			if h == nil {
				h = &Headers{}
			}
			h.Sequence = s
			// A new sequence header makes FFmpeg's decoder MPEG-1 again
			// until an extension follows.
			h.SequenceExtension = nil
		case code == ExtensionStartCode:
			if h == nil || len(body) == 0 {
				continue
			}
			id := body[0] >> 4
			r.Skip(4)
			var what string
			switch {
			case id == SequenceExtensionID && !picture:
				what = "sequence extension"
				e := readSequenceExtension(r)
				h.SequenceExtension = &e
			case id == SequenceDisplayExtensionID && !picture:
				what = "sequence display extension"
				d := readSequenceDisplayExtension(r)
				h.SequenceDisplayExtension = &d
			case id == PictureCodingExtensionID && picture && h.PictureCodingExtension == nil:
				what = "picture coding extension"
				e := readPictureCodingExtension(r)
				h.PictureCodingExtension = &e
			default:
				continue
			}
			if r.Err() != nil {
				return h, demuxkit.Errorf(format, what, int64(off), container.ErrTruncated, "cut after %d bytes", len(body))
			}
		case code == GroupStartCode:
			if h == nil || picture || h.GroupOfPictures != nil {
				continue
			}
			g := readGroupOfPicturesHeader(r)
			h.GroupOfPictures = &g
			if r.Err() != nil {
				return h, demuxkit.Errorf(format, "group of pictures header", int64(off), container.ErrTruncated,
					"cut after %d bytes", len(body))
			}
		case code == PictureStartCode:
			if h == nil || picture {
				return finish(h)
			}
			ph := readPictureHeader(r)
			h.Picture = &ph
			picture = true
			if r.Err() != nil {
				return h, demuxkit.Errorf(format, "picture header", int64(off), container.ErrTruncated,
					"cut after %d bytes", len(body))
			}
		case code >= SliceStartCodeMin && code <= SliceStartCodeMax:
			if picture {
				return h, nil
			}
		case code == SequenceEndCode:
			return finish(h)
		}
	}
	return finish(h)
}

func finish(h *Headers) (*Headers, error) {
	if h == nil {
		return nil, demuxkit.Errorf(format, "sequence header", 0, container.ErrMalformed, "no sequence header")
	}
	return h, nil
}
