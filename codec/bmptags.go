package codec

// BMPCodec returns the codec name FFmpeg gives a video fourcc of the
// BITMAPINFOHEADER family (libavformat/riff.c ff_codec_bmp_tags), which
// AVI, IVF, ASF and Matroska's V_MS/VFW/FOURCC carry, or "" when the tag is
// not in the table. The tag is in little-endian byte order, as the files
// store it ("VP80" is 0x30385056).
//
// The lookup is ff_codec_get_id's: the first entry in FFmpeg's order whose
// tag equals the given one ("MJPG" is mjpeg, not the later jpegls), else
// the first whose tag equals it once both are upper-cased byte by byte
// (avpriv_toupper4: "mp4v" finds "MP4V"'s codec, "dx50" finds "DX50"'s).
func BMPCodec(tag uint32) string {
	for i := range bmpTags {
		if bmpTags[i].tag == tagBytes(tag) {
			return bmpTags[i].name
		}
	}
	up := toUpper4(tagBytes(tag))
	for i := range bmpTags {
		if toUpper4(bmpTags[i].tag) == up {
			return bmpTags[i].name
		}
	}
	return ""
}

// bmpTag is one entry of ff_codec_bmp_tags (bmptags_table.go, generated
// by gen_bmptags.sh from FFmpeg 5.1's libavformat).
type bmpTag struct {
	tag  string // the four bytes as the file stores them
	name string // the codec name, as ffprobe prints it
}

// tagBytes returns the four bytes of a little-endian fourcc in file order.
func tagBytes(tag uint32) string {
	return string([]byte{byte(tag), byte(tag >> 8), byte(tag >> 16), byte(tag >> 24)})
}

// toUpper4 upper-cases the ASCII letters of a four-byte tag, as
// avpriv_toupper4 does; other bytes stay as they are.
func toUpper4(s string) [4]byte {
	var b [4]byte
	for i := 0; i < 4 && i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return b
}
