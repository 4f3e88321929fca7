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
// a BITMAPINFOHEADER stream (rawdec.c raw_init): by the fourcc for the
// common YUV tags (PIX_FMT_LIST_RAW), else by the bits per pixel
// (PIX_FMT_LIST_AVI) for an uncompressed RGB bitmap (tag 0); "" when
// neither tells.
func RawVideoPixFmt(tag uint32, bitsPerCodedSample int) string {
	switch tag {
	case Fourcc("I420"), Fourcc("IYUV"), Fourcc("YV12"):
		return "yuv420p"
	case Fourcc("YUY2"), Fourcc("YUYV"), Fourcc("YUNV"), Fourcc("V422"):
		return "yuyv422"
	case Fourcc("UYVY"), Fourcc("HDYC"), Fourcc("UYNV"), Fourcc("UYNY"):
		return "uyvy422"
	case Fourcc("Y800"), Fourcc("Y8  "), Fourcc("GREY"):
		return "gray"
	case 0:
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
	}
	return ""
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
