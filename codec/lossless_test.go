package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestInitPixFmt(t *testing.T) {
	for _, c := range []struct {
		name     string
		tag      string
		bits     int
		ex       []byte
		pix, csp string
	}{
		// The extradata and bit counts ffmpeg 5.1 writes (huffyuvenc.c).
		{"huffyuv", "HFYU", 16, []byte{0x00, 0x10, 0x20, 0x00}, "yuv422p", ""},
		{"huffyuv", "HFYU", 24, []byte{0x40, 0x18, 0x20, 0x00}, "bgr0", ""},
		{"huffyuv", "HFYU", 32, []byte{0x40, 0x20, 0x20, 0x00}, "bgra", ""},
		{"huffyuv", "HFYU", 24, []byte{0x40, 0x00, 0x20, 0x00}, "bgr0", "bitstream bpp 0: the bit count"},
		{"huffyuv", "HFYU", 16, nil, "yuv422p", "version 0: the bit count"},
		{"ffvhuff", "FFVH", 12, []byte{0x00, 0x0c, 0x20, 0x00}, "yuv420p", ""},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x70, 0x22, 0x01}, "gbrp", "v3"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x70, 0x20, 0x01}, "gray", "v3"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x70, 0x21, 0x01}, "yuv444p", "v3"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x75, 0x25, 0x01}, "yuva420p", "v3"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x95, 0x21, 0x01}, "yuv420p10le", "v3"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0xb5, 0x25, 0x01}, "", "12-bit with alpha: refused"},
		{"ffvhuff", "FFVH", 24, []byte{0x00, 0x73, 0x21, 0x01}, "", "unknown subsampling"},
		{"utvideo", "ULY2", 16, nil, "yuv422p", "bt470bg"},
		{"utvideo", "ULH0", 12, nil, "yuv420p", "bt709"},
		{"utvideo", "ULRA", 32, nil, "gbrap", ""},
		{"utvideo", "UQY2", 20, nil, "yuv422p10le", ""},
		{"utvideo", "XXXX", 24, nil, "", ""},
		{"v210", "v210", 20, nil, "yuv422p10le", ""},
		{"msvideo1", "CRAM", 16, nil, "rgb555le", ""},
		{"msvideo1", "CRAM", 8, nil, "pal8", ""},
		{"cljr", "CLJR", 12, nil, "yuv411p", ""},
		{"h264", "H264", 24, nil, "", ""},
	} {
		pix, csp := InitPixFmt(c.name, Fourcc(c.tag), c.bits, c.ex)
		assert.Equal(t, c.pix, pix, "%s %x", c.name, c.ex)
		if c.name == "utvideo" {
			assert.Equal(t, c.csp, csp, c.tag)
		}
	}
}

func TestDescribeInit(t *testing.T) {
	st := &container.Stream{CodecName: "r210", CodecTag: Fourcc("r210")}
	assert.True(t, DescribeInit(st, 32, nil))
	assert.Equal(t, "gbrp10le", st.PixFmt)
	assert.Equal(t, 10, st.BitsPerRawSample)
	st = &container.Stream{CodecName: "svq1"}
	assert.True(t, DescribeInit(st, 24, nil))
	assert.Equal(t, "yuv410p", st.PixFmt)
	st = &container.Stream{CodecName: "utvideo", CodecTag: Fourcc("ULH4")}
	assert.True(t, DescribeInit(st, 24, nil))
	assert.Equal(t, "bt709", st.ColorSpace)
	assert.False(t, DescribeInit(&container.Stream{CodecName: "vp8"}, 24, nil))
}

func TestMovVideoCodec(t *testing.T) {
	assert.Equal(t, "dnxhd", MovVideoCodec("AVdn"))
	assert.Equal(t, "svq1", MovVideoCodec("svq1"))
	assert.Equal(t, "h264", MovVideoCodec("AVC1"), "ff_codec_get_id's case-insensitive second pass")
	assert.Equal(t, "", MovVideoCodec("zzzz"))
	assert.Equal(t, "", MovVideoCodec("ab"))
	assert.Equal(t, "sgi", MovVideoCodecTag(Fourcc("sgi ")))
}

func TestRawVideoPixFmtTags(t *testing.T) {
	for tag, want := range map[string]string{
		"NV12": "nv12", "YV16": "yuv422p", "Y41B": "yuv411p", "YVU9": "yuv410p", "AVUI": "uyvy422",
		"I420": "yuv420p", "J420": "yuvj420p", "RGB\x18": "rgb24", "BGR\x00": "bgr0", "2vuy": "uyvy422",
		"ZZZZ": "",
	} {
		assert.Equal(t, want, RawVideoPixFmt(Fourcc(tag), 24), "%q", tag)
	}
	assert.Equal(t, "bgr24", RawVideoPixFmt(Fourcc("WRAW"), 24), "WRAW: by the bit count")
	assert.Equal(t, "pal8", RawVideoPixFmt(0, 8))
}

func TestFramePixFmt(t *testing.T) {
	magy := func(version, format byte) []byte {
		b := []byte("MAGY\x20\x00\x00\x00")
		return append(b, version, format, 0, 0)
	}
	assert.Equal(t, "yuv420p", FramePixFmt("magicyuv", magy(7, 0x69), 100))
	assert.Equal(t, "yuv422p10le", FramePixFmt("magicyuv", magy(7, 0x6c), 100))
	assert.Equal(t, "", FramePixFmt("magicyuv", magy(6, 0x69), 100), "version 7 only")
	assert.Equal(t, "", FramePixFmt("magicyuv", magy(7, 0x69), 32), "header as long as the frame")
	assert.Equal(t, "bgr0", FramePixFmt("zmbv", []byte{1, 0, 1, 1, 8, 16, 16}, 100))
	assert.Equal(t, "pal8", FramePixFmt("zmbv", []byte{1, 0, 1, 0, 4, 16, 16}, 100))
	assert.Equal(t, "", FramePixFmt("zmbv", []byte{0, 0, 1, 1, 8, 16, 16}, 100), "not a key frame")
	assert.Equal(t, "", FramePixFmt("zmbv", []byte{1, 0, 1, 1, 7, 16, 16}, 100), "24-bit is compiled out")
	tga := make([]byte, 18)
	tga[2], tga[16] = 2, 24
	assert.Equal(t, "bgr24", FramePixFmt("targa", tga, 100))
	tga[2], tga[16] = 11, 8
	assert.Equal(t, "gray", FramePixFmt("targa", tga, 100), "run-length black and white")
	assert.Equal(t, "", FramePixFmt("h264", []byte{1, 2, 3}, 3))
}
