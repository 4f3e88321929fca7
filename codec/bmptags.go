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

var bmpTags = map[uint32]string{
	Fourcc("VP80"): "vp8",
	Fourcc("VP90"): "vp9",
	Fourcc("AV01"): "av1",
	Fourcc("H264"): "h264",
	Fourcc("h264"): "h264",
	Fourcc("X264"): "h264",
	Fourcc("x264"): "h264",
	Fourcc("avc1"): "h264",
	Fourcc("HEVC"): "hevc",
	Fourcc("H265"): "hevc",
	Fourcc("hvc1"): "hevc",
	Fourcc("FMP4"): "mpeg4",
	Fourcc("DIVX"): "mpeg4",
	Fourcc("DX50"): "mpeg4",
	Fourcc("XVID"): "mpeg4",
	Fourcc("MP4V"): "mpeg4",
	Fourcc("mp4v"): "mpeg4",
	Fourcc("MJPG"): "mjpeg",
}
