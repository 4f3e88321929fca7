package mp4

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// The pixel formats FFmpeg 5.1's decoders of uncompressed and simple
// QuickTime video report as they open, from the codec, the sample entry's
// fourcc and its depth (bits_per_coded_sample), checked against ffprobe 5.1
// on files ffmpeg writes. (A candidate for codec/, beside DecoderPixFmt,
// once another container needs it.)

// movRawPixFmts is the part of libavcodec/raw.c's PIX_FMT_LIST_RAW that
// QuickTime fourccs reach: the rawvideo decoder's format by tag.
var movRawPixFmts = map[string]string{
	"2vuy": "uyvy422", "yuvs": "yuyv422", "yuv2": "yuyv422", "b16g": "gray16be", "b48r": "rgb48be",
	"b64a": "rgba64be", "24BG": "bgr24", "BGRA": "bgra", "RGBA": "rgba", "ABGR": "abgr",
	"L555": "rgb555le", "L565": "rgb565le", "B565": "rgb565be", "R420": "yuv420p", "R411": "yuv411p",
}

// movPixFmt returns the decoder's pixel format and bits_per_raw_sample for
// the codecs whose output format the bitstream does not choose, "" when
// the codec is not one of them.
func movPixFmt(name, tag string, depth int) (pixFmt string, bitsPerRaw int) {
	switch name {
	case "rawvideo":
		if tag == "raw " || tag == "NO16" {
			// PIX_FMT_LIST_MOV by depth; up to 8 bits (and the grays,
			// 33 to 40) a palette.
			switch {
			case depth&0x1f <= 8 && depth > 0 && depth != 32:
				return "pal8", 0
			case depth == 16:
				return "rgb555be", 0
			case depth == 24:
				return "rgb24", 0
			case depth == 32:
				return "argb", 0
			}
			return "", 0
		}
		return movRawPixFmts[tag], 0
	case "qtrle":
		switch depth {
		case 1, 33:
			return "monowhite", 0
		case 2, 4, 8, 34, 36, 40:
			return "pal8", 0
		case 16:
			return "rgb555le", 0
		case 24:
			return "rgb24", 0
		case 32:
			return "argb", 0
		}
		return "", 0
	case "v210":
		return "yuv422p10le", 10
	case "v410":
		return "yuv444p10le", 10
	case "r210", "r10k", "avrp":
		return "gbrp10le", 10
	case "v308":
		return "yuv444p", 0
	case "v408", "ayuv":
		return "yuva444p", 0
	case "y41p":
		return "yuv411p", 12
	case "yuv4":
		return "yuv420p", 0
	case "gif":
		return "bgra", 0
	case "smc":
		return "pal8", 0
	case "svq1":
		return "yuv410p", 0
	}
	pf, _ := codec.DecoderPixFmt(name, depth)
	return pf, 0
}

// describePixFmt sets the pixel format of the codecs movPixFmt knows.
func describePixFmt(st *container.Stream, tag string, depth int) {
	if st.PixFmt != "" {
		return
	}
	if pf, bits := movPixFmt(st.CodecName, tag, depth); pf != "" {
		st.PixFmt = pf
		if bits > 0 {
			st.BitsPerRawSample = bits
		}
	}
}
