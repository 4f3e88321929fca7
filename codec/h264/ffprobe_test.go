package h264

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// ffprobeCases are avcC records of MP4 files made with ffmpeg 5.1 and
// libx264 (ffmpeg -f lavfi -i testsrc=size=320x240:rate=25 -frames:v 10
// -c:v libx264 -pix_fmt yuv420p NAME out.mp4, NAME being the options
// listed), with what ffprobe 5.1 prints for the stream (ffprobe -v error
// -show_streams -of json out.mp4). Every field comes from the avcC: the
// MP4 muxer wrote no pasp or colr box, and refs is 1 throughout (ffprobe
// prints its own decoder context's refs, which decodes nothing).
var ffprobeCases = []struct {
	name, avcC                                                            string
	profile                                                               string
	level, width, height                                                  int
	pixFmt                                                                string
	bits                                                                  int
	colorRange, colorSpace, colorTransfer, colorPrimaries, chromaLocation string
	sar                                                                   string
	hasBFrames                                                            int
	fieldOrder                                                            string
	nalLengthSize                                                         int
}{
	{name: "-profile:v high -pix_fmt yuv420p", avcC: "0164000dffe100196764000dacd94141fb011000000300100000030320f142996001000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-profile:v baseline", avcC: "0142c00dffe100186742c00dd90141fb011000000300100000030320f142a48001000568cb83cb20",
		profile: "Constrained Baseline", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-profile:v main", avcC: "014d400dffe10018674d400deca0a0fd80880000030008000003019078a14cb001000568ebe3cb20",
		profile: "Main", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "1920x1080 -preset ultrafast (cropped from 1088)", avcC: "0142c028ffe100196742c028da01e0089f97011000000300100000030320f1832a01000468ce0fc8",
		profile: "Constrained Baseline", level: 40, width: 1920, height: 1080, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv420p10le -profile:v high10", avcC: "016e000dffe10019676e000da6cd94141fb011000003000100000300320f14299601000668ebe3cb22c0fdfafa00",
		profile: "High 10", level: 13, width: 320, height: 240, pixFmt: "yuv420p10le", bits: 10,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv420p10le -profile:v high10 -x264-params keyint=1", avcC: "016e100dffe10015676e100da6cb8283f602200000030020000006408001000568ee0f2c8bfdfafa00",
		profile: "High 10 Intra", level: 13, width: 320, height: 240, pixFmt: "yuv420p10le", bits: 10,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv422p", avcC: "017a000dffe10019677a000dbcd94141fb011000000300100000030320f142996001000668ebe3cb22c0fef8f800",
		profile: "High 4:2:2", level: 13, width: 320, height: 240, pixFmt: "yuv422p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv422p10le", avcC: "017a000dffe10019677a000db6cd94141fb011000003000100000300320f14299601000668ebe3cb22c0fefafa00",
		profile: "High 4:2:2", level: 13, width: 320, height: 240, pixFmt: "yuv422p10le", bits: 10,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv422p -x264-params keyint=1", avcC: "017a100dffe10015677a100dbcb8283f6022000003000200000300640801000568ee0f2c8bfef8f800",
		profile: "High 4:2:2 Intra", level: 13, width: 320, height: 240, pixFmt: "yuv422p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv444p", avcC: "01f4000dffe1001967f4000d919b28283f6022000003000200000300641e28532c01000668ebe3c44844fff8f800",
		profile: "High 4:4:4 Predictive", level: 13, width: 320, height: 240, pixFmt: "yuv444p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv444p10le", avcC: "01f4000dffe1001967f4000d90d9b28283f60220000003002000000641e28532c001000668ebe3c44844fffafa00",
		profile: "High 4:4:4 Predictive", level: 13, width: 320, height: 240, pixFmt: "yuv444p10le", bits: 10,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv444p -x264-params keyint=1", avcC: "01f4100dffe1001467f4100d91970507ec0440000003004000000c8101000668ee0f112110fff8f800",
		profile: "High 4:4:4 Intra", level: 13, width: 320, height: 240, pixFmt: "yuv444p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "libx264rgb -pix_fmt bgr0", avcC: "01f4000dffe1001d67f4000d919b28283f602dc080801000000300100000030320f142996001000668ebe3cb22c0fff8f800",
		profile: "High 4:4:4 Predictive", level: 13, width: 320, height: 240, pixFmt: "gbrp", bits: 8,
		colorRange: "pc", colorSpace: "gbr", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt gray", avcC: "0164000dffe100196764000df3650507ec05b2000003000200000300641e28532c01000668ebe3cb22c0fcf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuvj420p", bits: 8,
		colorRange: "pc", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt gray10le", avcC: "016e000dffe10019676e000ddb3650507ec05b20000003002000000641e28532c001000668ebe3cb22c0fcfafa00",
		profile: "High 10", level: 13, width: 320, height: 240, pixFmt: "yuv420p10le", bits: 10,
		colorRange: "pc", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv420p -color_range pc", avcC: "0164000dffe100186764000dacd94141fb016c800000030080000019078a14cb01000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuvj420p", bits: 8,
		colorRange: "pc", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv420p10le -color_range pc", avcC: "016e000dffe1001a676e000da6cd94141fb016c80000030008000003019078a14cb001000668ebe3cb22c0fdfafa00",
		profile: "High 10", level: 13, width: 320, height: 240, pixFmt: "yuv420p10le", bits: 10,
		colorRange: "pc", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuvj444p", avcC: "01f4000dffe1001a67f4000d919b28283f602d9000000300100000030320f142996001000668ebe3c44844fff8f800",
		profile: "High 4:4:4 Predictive", level: 13, width: 320, height: 240, pixFmt: "yuvj444p", bits: 8,
		colorRange: "pc", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-pix_fmt yuv420p10le -color_primaries bt2020 -color_trc smpte2084 -colorspace bt2020nc", avcC: "016e000dffe1001d676e000da6cd94141fb016a12201280000030008000003019078a14cb001000668ebe3cb22c0fdfafa00",
		profile: "High 10", level: 13, width: 320, height: 240, pixFmt: "yuv420p10le", bits: 10,
		colorRange: "tv", colorSpace: "bt2020nc", colorTransfer: "smpte2084", colorPrimaries: "bt2020", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-color_primaries bt709 -color_trc bt709 -colorspace bt709", avcC: "0164000dffe1001b6764000dacd94141fb016a020202800000030080000019078a14cb01000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "tv", colorSpace: "bt709", colorTransfer: "bt709", colorPrimaries: "bt709", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-x264-params chromaloc=2", avcC: "0164000dffe100196764000dacd94141fb012dc0000003004000000c83c50a658001000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "topleft",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-x264-params chromaloc=5", avcC: "0164000dffe1001a6764000dacd94141fb012634000003000400000300c83c50a65801000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "bottom",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-profile:v baseline -level 1b -s 128x96", avcC: "0142d00bffe100176742d00bd9020db011000003000100000300320f12264801000568cb83cb20",
		profile: "Constrained Baseline", level: 11, width: 128, height: 96, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-profile:v high -level 1b -s 128x96", avcC: "01640009ffe1001867640009acd9420db011000003000100000300320f12259601000668ebe3cb22c0fdf8f800",
		profile: "High", level: 9, width: 128, height: 96, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "322x242 (cropped)", avcC: "0164000dffe1001b6764000dacd94150878888c044000003000400000300c83c50a65801000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 322, height: 242, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-vf setsar=0 (no aspect_ratio_info)", avcC: "0164000dffe100186764000dacd94141fa1000000300100000030320f142996001000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-vf setsar=16/11 (aspect_ratio_idc 4)", avcC: "0164000dffe100196764000dacd94141fb041000000300100000030320f142996001000668ebe3cb22c0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "16:11", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-bf 0 -refs 4", avcC: "0164000dffe100176764000dacb28283f60220000003002000000641e2854b01000668e930f2c8b0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 0, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-bf 1 -refs 4", avcC: "0164000dffe100186764000dace50507ec0440000003004000000c83c50a458001000668e938f2c8b0fdf8f800",
		profile: "High", level: 13, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 1, fieldOrder: "progressive", nalLengthSize: 4},
	{name: "-flags +ilme+ildct -x264-params tff=1", avcC: "01640015ffe1001a67640015acd941410fcb808800000300080000030190f8a14cb001000668fba3cb22c0fdf8f800",
		profile: "High", level: 21, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "", nalLengthSize: 4}, // ffprobe: "tt", from the first picture
	{name: "-x264-params vbv-maxrate=1000:vbv-bufsize=2000:nal-hrd=vbr -b:v 500k", avcC: "01640014ffe1002367640014acd94141fb01100000030010000003032606000f424001e84a6c30078a14cb01000568ebecb22cfdf8f800",
		profile: "High", level: 20, width: 320, height: 240, pixFmt: "yuv420p", bits: 8,
		colorRange: "", colorSpace: "", colorTransfer: "", colorPrimaries: "", chromaLocation: "left",
		sar: "1:1", hasBFrames: 2, fieldOrder: "progressive", nalLengthSize: 4},
}

func TestFFprobeAVCC(t *testing.T) {
	for _, c := range ffprobeCases {
		t.Run(c.name, func(t *testing.T) {
			b, err := hex.DecodeString(c.avcC)
			require.NoError(t, err)
			p, err := ParseExtradata(b)
			require.NoError(t, err)
			require.NotNil(t, p.Active())
			st := (&container.Info{}).AddStream(container.Video)
			p.Fill(st)
			assert.Equal(t, c.profile, st.Profile, "profile")
			assert.Equal(t, c.level, st.Level, "level")
			assert.Equal(t, c.width, st.Width, "width")
			assert.Equal(t, c.height, st.Height, "height")
			assert.Equal(t, c.width, st.CodedWidth, "coded_width")
			assert.Equal(t, c.height, st.CodedHeight, "coded_height")
			assert.Equal(t, c.pixFmt, st.PixFmt, "pix_fmt")
			assert.Equal(t, c.bits, st.BitsPerRawSample, "bits_per_raw_sample")
			assert.Equal(t, c.colorRange, st.ColorRange, "color_range")
			assert.Equal(t, c.colorSpace, st.ColorSpace, "color_space")
			assert.Equal(t, c.colorTransfer, st.ColorTransfer, "color_transfer")
			assert.Equal(t, c.colorPrimaries, st.ColorPrimaries, "color_primaries")
			assert.Equal(t, c.chromaLocation, st.ChromaLocation, "chroma_location")
			sar := ""
			if st.SampleAspectRatio.Valid() {
				sar = st.SampleAspectRatio.Ratio()
			}
			assert.Equal(t, c.sar, sar, "sample_aspect_ratio")
			assert.Equal(t, c.hasBFrames, st.HasBFrames, "has_b_frames")
			assert.Equal(t, c.fieldOrder, st.FieldOrder, "field_order")
			assert.Equal(t, 1, st.Refs, "refs")
			assert.False(t, st.ClosedCaptions)
			assert.False(t, st.FilmGrain)
			assert.Empty(t, st.SideData, "no CPB properties")
			assert.Equal(t, container.H264Options{IsAVC: true, NALLengthSize: c.nalLengthSize}, st.DecoderOptions)
		})
	}
}
