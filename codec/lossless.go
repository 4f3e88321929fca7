package codec

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
)

// InitPixFmt returns the pixel format, and the colour space where the
// decoder sets one, that FFmpeg 5.1's decoder of an intra-only VfW-era
// lossless codec chooses when it is opened, from the stream's codec tag,
// bits per coded sample (BITMAPINFOHEADER biBitCount) and extradata alone;
// "" for the other codecs and for the headers the decoder refuses:
//
//   - huffyuv, ffvhuff: huffyuvdec.c decode_init, from the extradata's
//     version (HFYU v2, bitstream bpp in byte 1; ffvhuff v3, bit depth,
//     chroma shifts and planes in bytes 1 and 2) or, with no extradata, the
//     bit count;
//   - utvideo: utvideodec.c decode_init, from the fourcc, which also gives
//     the YUV tags their matrix (ULY* BT.601, ULH* BT.709);
//   - msvideo1: msvideo1_decode_init, palettised at 8 bits per pixel,
//     else RGB555;
//   - the decoders of fixedInitPixFmt, which decode to one format
//     whatever the stream.
//
// Checked against ffprobe 5.1 on AVI files made by ffmpeg.
func InitPixFmt(name string, tag uint32, bitsPerCodedSample int, extradata []byte) (pixFmt, colorSpace string) {
	switch name {
	case "huffyuv", "ffvhuff":
		return huffYUVPixFmt(bitsPerCodedSample, extradata), ""
	case "utvideo":
		return utVideoPixFmt(tag)
	case "msvideo1":
		// msvideo1_decode_init: palettised at 8 bits per pixel.
		if bitsPerCodedSample == 8 {
			return "pal8", ""
		}
		return "rgb555le", ""
	}
	return fixedInitPixFmt[name], ""
}

// fixedInitPixFmt are the decoders whose init sets one output format
// whatever the stream: the 10-bit packed formats (v210dec.c, v410dec.c,
// r210dec.c, where avrp is r210 with another tag), the packed 4:4:4 and
// 4:1:1 formats (v308dec.c, v408dec.c for v408 and AYUV, y41pdec.c,
// yuv4dec.c), Creative YUV (cljr.c), the ASUS codecs (asvdec.c) and
// QuickTime Graphics (smc.c).
var fixedInitPixFmt = map[string]string{
	"v210": "yuv422p10le", "v410": "yuv444p10le",
	"r210": "gbrp10le", "r10k": "gbrp10le", "avrp": "gbrp10le",
	"v308": "yuv444p", "v408": "yuva444p", "ayuv": "yuva444p", "y41p": "yuv411p", "yuv4": "yuv420p",
	"cljr": "yuv411p", "asv1": "yuv420p", "asv2": "yuv420p", "smc": "pal8",
}

// initBitsPerRawSample is the bits_per_raw_sample the decoders InitPixFmt
// knows set when opened, by codec.
var initBitsPerRawSample = map[string]int{"v210": 10, "v410": 10, "r210": 10, "r10k": 10, "avrp": 10, "y41p": 12}

// DescribeInit sets on st what the decoders of DecoderPixFmt and
// InitPixFmt set when opened, from the stream's codec and tag, the bits
// per coded sample and the extradata: the pixel format, and the chroma
// location, colour space or bits per raw sample where the decoder sets
// one. It reports whether the codec was one of them.
func DescribeInit(st *container.Stream, bitsPerCodedSample int, extradata []byte) bool {
	if pf, loc := DecoderPixFmt(st.CodecName, bitsPerCodedSample); pf != "" {
		st.PixFmt = pf
		if loc != "" {
			st.ChromaLocation = loc
		}
		return true
	}
	pf, cs := InitPixFmt(st.CodecName, st.CodecTag, bitsPerCodedSample, extradata)
	if pf == "" {
		return false
	}
	st.PixFmt = pf
	if cs != "" {
		st.ColorSpace = cs
	}
	if n := initBitsPerRawSample[st.CodecName]; n > 0 {
		st.BitsPerRawSample = n
	}
	return true
}

// huffYUVPixFmt mirrors the version choice and the pixel format tables of
// huffyuvdec.c decode_init.
func huffYUVPixFmt(bitCount int, ex []byte) string {
	version := 0
	if len(ex) > 0 {
		switch {
		case bitCount&7 != 0 && bitCount != 12:
			version = 1
		case len(ex) > 3 && ex[3] == 0:
			version = 2
		default:
			version = 3
		}
	}
	if version < 3 {
		bpp := bitCount &^ 7
		if version == 2 {
			if ex[1] != 0 {
				bpp = int(ex[1])
			}
		}
		switch bpp {
		case 12:
			return "yuv420p"
		case 16:
			return "yuv422p" // the decoder never sets yuy2
		case 24:
			return "bgr0" // decode_init sets bgr32: AV_PIX_FMT_0RGB32
		case 32:
			return "bgra"
		}
		return ""
	}
	if len(ex) < 3 {
		return ""
	}
	bps := int(ex[1]>>4) + 1
	hs, vs := int(ex[1]&3), int(ex[1]>>2&3)
	yuv, chroma, alpha := ex[2]&1 != 0, ex[2]&3 != 0, ex[2]&4 != 0
	depth := func(base string, allowed ...int) string {
		if bps == 8 {
			return base
		}
		for _, d := range allowed {
			if d == bps {
				return base + strconv.Itoa(bps) + "le"
			}
		}
		return ""
	}
	switch {
	case !chroma:
		if alpha || hs != 0 || vs != 0 {
			return ""
		}
		if bps == 16 {
			return "gray16le"
		}
		if bps == 8 {
			return "gray"
		}
	case !yuv:
		if hs != 0 || vs != 0 {
			return ""
		}
		if alpha {
			return depth("gbrap")
		}
		return depth("gbrp", 9, 10, 12, 14, 16)
	default:
		var sub string
		switch hs<<2 | vs {
		case 0:
			sub = "444p"
		case 1<<2 | 0:
			sub = "422p"
		case 1<<2 | 1:
			sub = "420p"
		case 2<<2 | 0:
			if alpha {
				return ""
			}
			return depth("yuv411p")
		case 0<<2 | 1:
			if alpha {
				return ""
			}
			return depth("yuv440p")
		case 2<<2 | 2:
			if alpha {
				return ""
			}
			return depth("yuv410p")
		default:
			return ""
		}
		if alpha {
			return depth("yuva"+sub, 9, 10, 16)
		}
		return depth("yuv"+sub, 9, 10, 12, 14, 16)
	}
	return ""
}

// utVideoPixFmt is the fourcc switch of utvideodec.c decode_init.
func utVideoPixFmt(tag uint32) (pixFmt, colorSpace string) {
	switch tag {
	case Fourcc("ULRG"), Fourcc("UMRG"):
		return "gbrp", ""
	case Fourcc("ULRA"), Fourcc("UMRA"):
		return "gbrap", ""
	case Fourcc("ULY0"):
		return "yuv420p", "bt470bg"
	case Fourcc("ULY2"), Fourcc("UMY2"):
		return "yuv422p", "bt470bg"
	case Fourcc("ULY4"), Fourcc("UMY4"):
		return "yuv444p", "bt470bg"
	case Fourcc("ULH0"):
		return "yuv420p", "bt709"
	case Fourcc("ULH2"), Fourcc("UMH2"):
		return "yuv422p", "bt709"
	case Fourcc("ULH4"), Fourcc("UMH4"):
		return "yuv444p", "bt709"
	case Fourcc("UQY0"):
		return "yuv420p10le", ""
	case Fourcc("UQY2"):
		return "yuv422p10le", ""
	case Fourcc("UQRG"):
		return "gbrp10le", ""
	case Fourcc("UQRA"):
		return "gbrap10le", ""
	}
	return "", ""
}

// FramePixFmt returns the pixel format the decoder of a codec that learns
// it from each frame sets on reading the first one (frame, the start of a
// frame of frameSize bytes), "" for the other codecs and for a frame the
// decoder refuses:
//
//   - magicyuv: magy_decode_frame, the format byte after the "MAGY" header
//     (version 7 only);
//   - targa: the image header's bits per pixel;
//   - zmbv: decode_frame, the format of a key frame's header (version 0.1;
//     the 24-bit format is compiled out of FFmpeg).
func FramePixFmt(name string, frame []byte, frameSize int) string {
	switch name {
	case "magicyuv":
		if len(frame) < 10 || frameSize < 36 || string(frame[:4]) != "MAGY" {
			return ""
		}
		hs := int64(frame[4]) | int64(frame[5])<<8 | int64(frame[6])<<16 | int64(frame[7])<<24
		if hs < 32 || hs >= int64(frameSize) || frame[8] != 7 {
			return ""
		}
		return magicYUVFormats[frame[9]]
	case "targa":
		// targa.c decode_frame: by the bits per pixel, grey for an
		// 8-bit black-and-white image type (3, or 11 run-length coded).
		if len(frame) < 18 {
			return ""
		}
		switch frame[16] {
		case 8:
			if frame[2]&^8 == 3 {
				return "gray"
			}
			return "pal8"
		case 15, 16:
			return "rgb555le"
		case 24:
			return "bgr24"
		case 32:
			return "bgra"
		}
		return ""
	case "zmbv":
		if len(frame) < 7 || frame[0]&1 == 0 {
			return ""
		}
		if frame[1] != 0 || frame[2] != 1 || frame[3] > 1 || frame[5] == 0 || frame[6] == 0 {
			return ""
		}
		return map[byte]string{4: "pal8", 5: "rgb555le", 6: "rgb565le", 8: "bgr0"}[frame[4]]
	}
	return ""
}

// magicYUVFormats is the format switch of magy_decode_frame.
var magicYUVFormats = map[byte]string{
	0x65: "gbrp", 0x66: "gbrap", 0x67: "yuv444p", 0x68: "yuv422p", 0x69: "yuv420p",
	0x6a: "yuva444p", 0x6b: "gray", 0x6c: "yuv422p10le", 0x76: "yuv444p10le",
	0x6d: "gbrp10le", 0x6e: "gbrap10le", 0x6f: "gbrp12le", 0x70: "gbrap12le",
	0x73: "gray10le", 0x7b: "yuv420p10le",
}
