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
	Fourcc("M4S2"): "mpeg4",
	Fourcc("MP4S"): "mpeg4",
	Fourcc("DIV1"): "mpeg4",
	Fourcc("3IV2"): "mpeg4",
	Fourcc("UMP4"): "mpeg4",
	Fourcc("RMP4"): "mpeg4",
	Fourcc("SEDG"): "mpeg4",
	Fourcc("XVIX"): "mpeg4",
	Fourcc("BLZ0"): "mpeg4",
	Fourcc("MJPG"): "mjpeg",
	// Windows Media and the Microsoft MPEG-4 variants (ASF, AVI).
	Fourcc("MP43"): "msmpeg4v3",
	Fourcc("DIV3"): "msmpeg4v3",
	Fourcc("MPG3"): "msmpeg4v3",
	Fourcc("DIV5"): "msmpeg4v3",
	Fourcc("DIV6"): "msmpeg4v3",
	Fourcc("DIV4"): "msmpeg4v3",
	Fourcc("DVX3"): "msmpeg4v3",
	Fourcc("AP41"): "msmpeg4v3",
	Fourcc("COL1"): "msmpeg4v3",
	Fourcc("COL0"): "msmpeg4v3",
	Fourcc("MP42"): "msmpeg4v2",
	Fourcc("DIV2"): "msmpeg4v2",
	Fourcc("MPG4"): "msmpeg4v1",
	Fourcc("MP41"): "msmpeg4v1",
	Fourcc("WMV1"): "wmv1",
	Fourcc("WMV2"): "wmv2",
	Fourcc("GXVE"): "wmv2",
	Fourcc("WMV3"): "wmv3",
	Fourcc("WVC1"): "vc1",
	Fourcc("WMVA"): "vc1",
	Fourcc("WMVP"): "wmv3image",
	Fourcc("WVP2"): "vc1image",
}
