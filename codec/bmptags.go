package codec

// BMPCodec returns the codec name FFmpeg gives a video fourcc of the
// BITMAPINFOHEADER family (libavformat/riff.c ff_codec_bmp_tags), which
// AVI, IVF, ASF and Matroska's V_MS/VFW/FOURCC carry, or "" when the tag is
// not in the table. The tag is in little-endian byte order, as the files
// store it ("VP80" is 0x30385056).
//
// The table holds the tags the demuxers meet so far; FFmpeg's has several
// hundred more, which the AVI demuxer will bring.
func BMPCodec(tag uint32) string {
	return bmpTags[tag]
}

// fourcc returns the little-endian tag of a four-character code.
func fourcc(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

var bmpTags = map[uint32]string{
	fourcc("VP80"): "vp8",
	fourcc("VP90"): "vp9",
	fourcc("AV01"): "av1",
	fourcc("H264"): "h264",
	fourcc("h264"): "h264",
	fourcc("X264"): "h264",
	fourcc("x264"): "h264",
	fourcc("avc1"): "h264",
	fourcc("HEVC"): "hevc",
	fourcc("H265"): "hevc",
	fourcc("hvc1"): "hevc",
	fourcc("FMP4"): "mpeg4",
	fourcc("DIVX"): "mpeg4",
	fourcc("DX50"): "mpeg4",
	fourcc("XVID"): "mpeg4",
	fourcc("MP4V"): "mpeg4",
	fourcc("mp4v"): "mpeg4",
	fourcc("MJPG"): "mjpeg",
}
