package jpeg

import "github.com/mediaprobe/mediaprobe/container"

// Profile returns the profile name ffprobe prints for the frame's SOF
// marker (libavcodec/profiles.c ff_mjpeg_profiles, set by mjpegdec.c before
// the frame header is parsed), "" for the coding types FFmpeg refuses.
func (h *Header) Profile() string {
	switch h.SOF {
	case SOF0:
		return "Baseline"
	case SOF1:
		return "Sequential"
	case SOF2:
		return "Progressive"
	case SOF3:
		return "Lossless"
	case SOF48:
		return "JPEG LS"
	}
	return ""
}

// Supported reports whether FFmpeg decodes the frame's coding type, and so
// reports its bit depth.
func (h *Header) Supported() bool { return h.Profile() != "" }

// Valid reports whether the frame header describes a picture mjpegdec.c
// accepts: a supported coding type, a non-empty size, 1 to 4 components with
// non-zero sampling factors and a precision of 1 to 16 bits.
func (h *Header) Valid() bool {
	if !h.Supported() || h.SOF == SOF48 || h.Width <= 0 || h.Height <= 0 || h.Bits < 1 || h.Bits > 16 {
		return false
	}
	if len(h.Components) == 0 {
		return false
	}
	for _, c := range h.Components {
		if c.H == 0 || c.V == 0 || c.H > 4 || c.V > 4 {
			return false
		}
	}
	return true
}

// samplingID packs the sampling factors as mjpegdec.c ff_mjpeg_decode_sof
// does (H0 V0 H1 V1 H2 V2 H3 V3, one nibble each), then halves the
// horizontal and then the vertical factors when all of them are even, so
// that 2x2 sampling everywhere reads as 1x1.
func (h *Header) samplingID() uint32 {
	var id uint32
	for i, c := range h.Components {
		id |= uint32(c.H)<<(28-8*i) | uint32(c.V)<<(24-8*i)
	}
	if id&0xD0D0D0D0 == 0 {
		id -= (id & 0xF0F0F0F0) >> 1
	}
	if id&0x0D0D0D0D == 0 {
		id -= (id & 0x0F0F0F0F) >> 1
	}
	return id
}

func (h *Header) rgbIDs() bool {
	return len(h.Components) >= 3 && h.Components[0].ID == 'R' && h.Components[1].ID == 'G' && h.Components[2].ID == 'B'
}

// PixFmt returns the pixel format and colour range ffprobe prints, as
// mjpegdec.c ff_mjpeg_decode_sof chooses them from the sampling factors, the
// precision, the Adobe transform, RGB component ids and the ITU601 comment.
// It returns "", "" for layouts FFmpeg does not handle. The planar
// formats above 8 bits are native-endian in FFmpeg; ffprobe on the
// little-endian machines it runs on prints the "le" names.
func (h *Header) PixFmt() (pixFmt, colorRange string) {
	if !h.Valid() {
		return "", ""
	}
	low := h.Bits <= 8
	yuvj := func(sub string) (string, string) {
		if h.ITU601 {
			return "yuv" + sub + "p", "tv"
		}
		return "yuvj" + sub + "p", "pc"
	}
	switch h.samplingID() {
	case 0x11111100:
		if h.AdobeTransform == 0 || h.rgbIDs() {
			if low {
				return "gbrp", ""
			}
			return "gbrp16le", ""
		}
		if low {
			return yuvj("444")
		}
		return "yuv444p16le", range601(h.ITU601)
	case 0x11111111:
		if h.AdobeTransform == 0 && low {
			return "gbrap", ""
		}
		if low {
			return "yuva444p", range601(h.ITU601)
		}
		return "yuva444p16le", range601(h.ITU601)
	case 0x22111122, 0x22111111:
		if low {
			return "yuva420p", range601(h.ITU601)
		}
		return "yuva420p16le", range601(h.ITU601)
	case 0x12121100, 0x22122100, 0x21211100, 0x21112100, 0x22211200, 0x22221100, 0x22112200, 0x11222200:
		if low {
			return yuvj("444")
		}
	case 0x11000000, 0x13000000, 0x14000000, 0x31000000, 0x33000000, 0x34000000, 0x41000000, 0x43000000, 0x44000000:
		// Grey: mjpegdec.c sets no colour range here.
		if low {
			return "gray", ""
		}
		return "gray16le", ""
	case 0x12111100, 0x14121200, 0x14111100, 0x22211100, 0x22112100:
		if low {
			return yuvj("440")
		}
		return "yuv440p12le", range601(h.ITU601)
	case 0x21111100:
		if low {
			return yuvj("422")
		}
		return "yuv422p16le", range601(h.ITU601)
	case 0x22121100, 0x22111200:
		if low {
			return yuvj("422")
		}
	case 0x22111100, 0x23111100, 0x42111100, 0x24111100:
		if low {
			return yuvj("420")
		}
		return "yuv420p16le", range601(h.ITU601)
	case 0x41111100:
		if low {
			return yuvj("411")
		}
	}
	return "", ""
}

func range601(itu601 bool) string {
	if itu601 {
		return "tv"
	}
	return "pc"
}

// DecoderDefaults sets what ff_mjpeg_decode_init sets for every mjpeg
// stream, decodable or not: ColorSpace "bt470bg" and ChromaLocation
// "center".
func DecoderDefaults(st *container.Stream) {
	st.ColorSpace = "bt470bg"
	st.ChromaLocation = "center"
}

// Describe sets on st what FFmpeg's MJPEG decoder sets for an attached
// picture (a single image) once it has read the headers h collected:
// DecoderDefaults; the JFIF aspect ratio; Profile and BitsPerRawSample for
// a coding type it decodes; the size, pixel format and colour range for a
// frame header it accepts ([Header.Valid]). Motion JPEG streams, whose
// container has a say, are described by [DescribeFrame].
func (h *Header) Describe(st *container.Stream) {
	DecoderDefaults(st)
	if sar := h.sar(); sar.Valid() {
		st.SampleAspectRatio = sar.Reduce(1<<31 - 1)
	}
	if h.Supported() {
		st.Profile = h.Profile()
		st.BitsPerRawSample = h.Bits
	}
	if h.Valid() {
		st.Width, st.Height = h.Width, h.Height
		st.CodedWidth, st.CodedHeight = h.Width, h.Height
		st.PixFmt, st.ColorRange = h.PixFmt()
	}
}

// sar is the JFIF density as a ratio, 0/0 when there is none.
func (h *Header) sar() container.Rational {
	return container.Rational{Num: int64(h.SARNum), Den: int64(h.SARDen)}
}
