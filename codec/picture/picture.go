package picture

import (
	"errors"

	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/codec/png"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// headSize is what Describe reads of an image at first: enough for the JFIF,
// DQT and DHT segments and the frame header of a typical JPEG, and for the
// first PNG chunks. Anything further is read segment by segment.
const headSize = 4096

// maxSegments bounds the JPEG segments or PNG chunks walked before the frame
// header; real images have a few dozen. It keeps a file of empty segments
// from costing one read each through the whole image.
const maxSegments = 1024

// mimeCodecs maps the MIME types FFmpeg recognises for attached pictures to
// codec names (libavformat/id3v2.c ff_id3v2_mime_tags, shared by the ID3v2,
// FLAC and Ogg picture readers; "JPG" and "PNG" are ID3v2.2 image formats).
var mimeCodecs = [...][2]string{
	{"image/gif", "gif"},
	{"image/jpeg", "mjpeg"},
	{"image/jpg", "mjpeg"},
	{"image/png", "png"},
	{"image/tiff", "tiff"},
	{"image/bmp", "bmp"},
	{"image/webp", "webp"},
	{"JPG", "mjpeg"},
	{"PNG", "png"},
}

// CodecForMIME returns the codec FFmpeg gives an attached picture of the
// given MIME type, compared exactly as ff_flac_parse_picture and
// ff_id3v2_parse_apic do, or "" when FFmpeg does not know it (and then
// creates no stream for the picture).
func CodecForMIME(mime string) string {
	for _, m := range mimeCodecs {
		if m[0] == mime {
			return m[1]
		}
	}
	return ""
}

// IsPNG reports whether b starts with the PNG signature. ff_flac_parse_picture
// and ff_id3v2_parse_apic use it to call a picture PNG whatever its MIME type.
func IsPNG(b []byte) bool { return png.IsPNG(b) }

// Describe fills st (a video stream) from the image stored at [off, off+n)
// of src: codec name, size, pixel format, profile, colour fields, as ffprobe
// prints them after decoding the picture. It reads only the image's header.
//
// The codec is st.CodecName when the container already set it, except that
// data with the PNG signature is PNG (as FFmpeg's FLAC and ID3v2 readers
// decide); otherwise it is sniffed from the bytes, and mime is used only
// when the bytes are not recognised. An image that cannot be decoded keeps
// what FFmpeg's decoder sets before it fails (for JPEG: the colour space and
// chroma location), and Describe returns nil: ffprobe shows such a stream
// too. It returns an error only when reading the source fails for a reason
// other than the image running past the end of the object (a limit, a
// cancelled context, an I/O error).
func Describe(st *container.Stream, src container.Source, off, n int64, mime string) error {
	st.Type = container.Video
	st.Level = container.LevelUnknown
	st.Refs = 1
	if off < 0 || n < 0 || off > src.Size() {
		return nil
	}
	if n > src.Size()-off {
		n = src.Size() - off // a truncated picture: describe what is there
	}
	r := &reader{src: src, off: off, n: n}
	head, err := r.at(0, min(n, headSize))
	if err != nil {
		return r.fatal(err)
	}
	name := st.CodecName
	switch {
	case png.IsPNG(head):
		name = "png"
	case name != "":
	case jpeg.IsJPEG(head):
		name = "mjpeg"
	case len(head) >= 2 && string(head[:2]) == "BM":
		name = "bmp"
	case len(head) >= 6 && (string(head[:6]) == "GIF87a" || string(head[:6]) == "GIF89a"):
		name = "gif"
	default:
		name = CodecForMIME(mime)
	}
	st.CodecName = name
	switch name {
	case "mjpeg":
		return r.fatal(describeJPEG(st, r, head))
	case "png":
		return r.fatal(describePNG(st, r, head))
	case "bmp":
		describeBMP(st, head)
	case "gif":
		describeGIF(st, head)
	}
	return nil
}

// DescribeBytes is Describe for an image already in memory (an unescaped
// ID3v2 frame, a base64 METADATA_BLOCK_PICTURE).
func DescribeBytes(st *container.Stream, b []byte, mime string) error {
	return Describe(st, &demuxkit.BytesSource{B: b, Limit: 1 << 20}, 0, int64(len(b)), mime)
}

// reader reads parts of the image [off, off+n) of src, serving the first
// headSize bytes from one read.
type reader struct {
	src    container.Source
	off, n int64
	head   []byte
}

// at returns k bytes at position p of the image; it never reads past it.
func (r *reader) at(p, k int64) ([]byte, error) {
	if p < 0 || k < 0 || p > r.n || k > r.n-p {
		return nil, demuxkit.Errorf("picture", "image", r.off+p, container.ErrTruncated, "%d bytes at %d of a %d-byte image", k, p, r.n)
	}
	if r.head != nil && p <= int64(len(r.head)) && k <= int64(len(r.head))-p {
		return r.head[p : p+k], nil
	}
	b, err := demuxkit.ReadAt(r.src, r.off+p, k, "picture", "image")
	if err == nil && r.head == nil && p == 0 {
		r.head = b
	}
	return b, err
}

// fatal keeps only the errors that mean the probe must stop: a truncated or
// malformed image is described as far as it goes, as ffprobe does.
func (r *reader) fatal(err error) error {
	if err == nil || errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, jpeg.ErrMalformed) || errors.Is(err, jpeg.ErrTruncated) ||
		errors.Is(err, png.ErrMalformed) || errors.Is(err, png.ErrTruncated) {
		return nil
	}
	return err
}
