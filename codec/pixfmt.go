package codec

// DecoderPixFmt returns the pixel format and chroma location that FFmpeg
// 5.1's decoder of a codec reports whatever the bitstream says, for the
// decoders that have one fixed output format ("" when the codec is not
// one of them): the MPEG-4-era DCT decoders (msmpeg4*, wmv1/2, flv1 and
// h263 (whose decoder marks its chroma as centred), which all decode to
// planar 4:2:0, Sorenson Video 1 (4:1:0), QuickTime RPZA (RGB555), and
// Cinepak, which decodes to rgb24 unless it has a
// palette (8 bits per coded sample). Checked against ffprobe 5.1 on files
// made by ffmpeg.
func DecoderPixFmt(name string, bitsPerCodedSample int) (pixFmt, chromaLocation string) {
	switch name {
	case "msmpeg4v1", "msmpeg4v2", "msmpeg4v3", "wmv1", "wmv2", "flv1":
		return "yuv420p", ""
	case "svq1": // svq1_decode_init
		return "yuv410p", ""
	case "rpza": // rpza_decode_init: AV_PIX_FMT_RGB555, native-endian
		return "rgb555le", ""
	case "h263", "h263p", "h263i":
		return "yuv420p", "center"
	case "cinepak":
		if bitsPerCodedSample == 8 {
			return "pal8", ""
		}
		return "rgb24", ""
	}
	return "", ""
}

// RawVideoPixFmt returns the pixel format FFmpeg's rawvideo decoder gives
// a BITMAPINFOHEADER or Matroska V_UNCOMPRESSED stream (rawdec.c raw_init):
// by the fourcc (PIX_FMT_LIST_RAW, rawPixFmtTags), else by the bits per
// pixel (PIX_FMT_LIST_AVI) for an uncompressed RGB bitmap (tag 0, or
// WRAW); "" when neither tells.
func RawVideoPixFmt(tag uint32, bitsPerCodedSample int) string {
	if tag == 0 || tag == Fourcc("WRAW") {
		switch bitsPerCodedSample {
		case 1:
			return "monowhite"
		case 2, 4, 8:
			return "pal8"
		case 12:
			return "rgb444le"
		case 15, 16:
			return "rgb555le"
		case 24:
			return "bgr24"
		case 32:
			return "bgra"
		}
		return ""
	}
	for _, t := range rawPixFmtTags {
		if Fourcc(t.tag) == tag {
			return t.pixFmt
		}
	}
	return ""
}

// rawPixFmtTags is raw_pix_fmt_tags (libavcodec/raw.c) in its order, the
// first match winning, without the entries whose fourcc is repeated for a
// deprecated yuvj format and without the Bayer and big-endian NUT tags.
var rawPixFmtTags = [...]struct{ pixFmt, tag string }{
	{"yuv420p", "I420"}, {"yuv420p", "IYUV"}, {"yuv420p", "yv12"}, {"yuv420p", "YV12"},
	{"yuv410p", "YUV9"}, {"yuv410p", "YVU9"}, {"yuv411p", "Y41B"}, {"yuv422p", "Y42B"},
	{"yuv422p", "P422"}, {"yuv422p", "YV16"}, {"gray", "Y800"}, {"gray", "Y8  "},
	{"yuyv422", "YUY2"}, {"yuyv422", "Y422"}, {"yuyv422", "V422"}, {"yuyv422", "VYUY"},
	{"yuyv422", "YUNV"}, {"yuyv422", "YUYV"}, {"yvyu422", "YVYU"}, {"uyvy422", "UYVY"},
	{"uyvy422", "HDYC"}, {"uyvy422", "UYNV"}, {"uyvy422", "UYNY"}, {"uyvy422", "uyv1"},
	{"uyvy422", "2Vu1"}, {"uyvy422", "AVRn"}, {"uyvy422", "AV1x"}, {"uyvy422", "AVup"},
	{"uyvy422", "VDTZ"}, {"uyvy422", "auv2"}, {"uyvy422", "cyuv"}, {"uyyvyy411", "Y411"},
	{"gray", "GREY"}, {"nv12", "NV12"}, {"nv21", "NV21"}, {"vuya", "AYUV"},
	{"rgb555le", "RGB\x0f"}, {"bgr555le", "BGR\x0f"}, {"rgb565le", "RGB\x10"}, {"bgr565le", "BGR\x10"},
	{"rgb444le", "RGB\x0c"}, {"bgr444le", "BGR\x0c"}, {"rgba64le", "RBA@"}, {"bgra64le", "BRA@"},
	{"rgba", "RGBA"}, {"rgb0", "RGB\x00"}, {"bgra", "BGRA"}, {"bgr0", "BGR\x00"}, {"abgr", "ABGR"},
	{"0bgr", "\x00BGR"}, {"argb", "ARGB"}, {"0rgb", "\x00RGB"}, {"rgb24", "RGB\x18"}, {"bgr24", "BGR\x18"},
	{"yuv411p", "411P"}, {"yuv422p", "422P"}, {"yuv440p", "440P"}, {"yuv444p", "444P"},
	{"monowhite", "B1W0"}, {"monoblack", "B0W1"}, {"bgr8", "BGR\x08"}, {"rgb8", "RGB\x08"},
	{"bgr4", "BGR\x04"}, {"rgb4", "RGB\x04"}, {"rgb4_byte", "B4BY"}, {"bgr4_byte", "R4BY"},
	{"rgb48le", "RGB0"}, {"bgr48le", "BGR0"},
	{"yuva420p", "Y4\x0b\x08"}, {"yuva422p", "Y4\x0a\x08"}, {"yuva444p", "Y4\x00\x08"},
	{"ya8", "Y2\x00\x08"}, {"pal8", "PAL\x08"}, {"gbrp", "G3\x00\x08"}, {"gbrap", "G4\x00\x08"},
	{"yuv420p", "R420"}, {"yuv411p", "R411"}, {"uyvy422", "2vuy"}, {"uyvy422", "2Vuy"},
	{"uyvy422", "AVUI"}, {"uyvy422", "bxyv"}, {"yuyv422", "yuv2"}, {"yuyv422", "yuvs"},
	{"yuyv422", "DVOO"}, {"rgb555le", "L555"}, {"rgb565le", "L565"}, {"rgb565be", "B565"},
	{"bgr24", "24BG"}, {"bgr24", "bxbg"}, {"bgra", "BGRA"}, {"rgba", "RGBA"}, {"rgb24", "bxrg"},
	{"abgr", "ABGR"}, {"gray16be", "b16g"}, {"rgb48be", "b48r"}, {"rgba64be", "b64a"},
	{"yuv410p", "I410"}, {"yuv411p", "I411"}, {"yuv422p", "I422"}, {"yuv440p", "I440"},
	{"yuv444p", "I444"}, {"yuvj420p", "J420"}, {"yuvj422p", "J422"}, {"yuvj440p", "J440"},
	{"yuvj444p", "J444"}, {"yuva444p", "YUVA"}, {"yuva420p", "I40A"}, {"yuva422p", "I42A"},
	{"rgb8", "RGB2"}, {"rgb555le", "RV15"}, {"rgb565le", "RV16"}, {"bgr24", "RV24"},
	{"bgr0", "RV32"}, {"rgba", "AV32"}, {"rgb565le", "\x03\x00\x00\x00"}, {"yuv444p", "YV24"},
}

// DVPixFmt returns the pixel format of the DV profile of a DV frame
// (dv_profile.c av_dv_frame_profile: the DSF flag of the header DIF block
// and the video stype of the VAUX source pack), "" when the frame is too
// short or matches no profile. 625/50 25 Mbit/s DV is 4:2:0 (IEC 61834)
// unless its APT field marks SMPTE 314M (DVCPRO, 4:1:1); 525/60 25 Mbit/s
// is 4:1:1; DV50 and DVCPRO HD are 4:2:2. frameSize is the whole
// frame's length (frame may be its start); tag, width and height are the
// container's, which FFmpeg's lookup also consults. FFmpeg's dvvideo
// decoder marks every profile's chroma as top-left.
func DVPixFmt(frame []byte, frameSize int, tag uint32, width, height int) string {
	if len(frame) < 80*5+48+4 {
		return ""
	}
	dsf := frame[3] >> 7
	stype := frame[80*5+48+3] & 0x1f
	pal := frame[80*5+48+3]&0x20 != 0
	switch {
	case dsf == 1 && stype == 0 && frame[4]&0x07 != 0,
		stype == 31 && tag == Fourcc("SL25") && width == 720 && height == 576:
		return "yuv411p"
	case stype == 0 && (tag == Fourcc("dvsd") || tag == Fourcc("CDVC")) && width == 720 && height == 576:
		return "yuv420p"
	case stype == 0 && dsf == 0:
		return "yuv411p"
	case stype == 0 && dsf == 1:
		return "yuv420p"
	case stype == 4 || stype == 0x14 || stype == 0x15 || stype == 0x18:
		return "yuv422p"
	case dsf == 0 && pal && stype == 0 && frameSize == 144000:
		return "yuv420p"
	}
	return ""
}
