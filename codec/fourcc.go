package codec

// FourCC is one row of a fourcc table of libavformat: the four bytes as the
// file stores them, and the codec name ffprobe prints.
type FourCC struct {
	Tag  string
	Name string
}

// LookupFourCC is ff_codec_get_id over rows: the codec of the first row
// whose tag equals tag (so "MJPG" is mjpeg, not a later jpegls), else of
// the first whose tag equals it once both are upper-cased byte by byte
// (avpriv_toupper4: "mp4v" finds "MP4V"'s codec, "dx50" finds "DX50"'s),
// else "".
func LookupFourCC(rows []FourCC, tag string) string {
	for _, r := range rows {
		if r.Tag == tag {
			return r.Name
		}
	}
	if len(tag) != 4 {
		return ""
	}
	up := toUpper4(tag)
	for _, r := range rows {
		if toUpper4(r.Tag) == up {
			return r.Name
		}
	}
	return ""
}

// BMPCodec returns the codec name FFmpeg gives a video fourcc of the
// BITMAPINFOHEADER family (libavformat/riff.c ff_codec_bmp_tags), which
// AVI, IVF, ASF and Matroska's V_MS/VFW/FOURCC carry, or "" when the tag is
// not in the table. The tag is in little-endian byte order, as the files
// store it ("VP80" is 0x30385056).
func BMPCodec(tag uint32) string { return LookupFourCC(bmpTags[:], tagBytes(tag)) }

// MovVideoCodec returns the codec of a QuickTime/ISO video sample entry
// fourcc (libavformat/isom.c ff_codec_movvideo_tags), "" for a fourcc the
// table does not have. MP4 sample entries, Matroska's V_QUICKTIME tracks
// and, as avidec.c and matroskadec.c fall back on it, VfW fourccs that
// ff_codec_bmp_tags does not know (MovVideoCodecTag) use it.
func MovVideoCodec(fourcc string) string { return LookupFourCC(movVideoTags[:], fourcc) }

// MovVideoCodecTag is MovVideoCodec of a little-endian codec tag.
func MovVideoCodecTag(tag uint32) string { return MovVideoCodec(tagBytes(tag)) }

// MovAudioCodec returns the codec of a QuickTime/ISO audio sample entry
// fourcc (ff_codec_movaudio_tags), "" for a fourcc the table does not have.
func MovAudioCodec(fourcc string) string { return LookupFourCC(movAudioTags[:], fourcc) }

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
