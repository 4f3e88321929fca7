package vp9

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// want is what ffprobe 5.1 prints for the stream.
type want struct {
	profile, pixFmt, colorRange, space, transfer, primaries string
	width, height                                           int
}

// streams are files made with ffmpeg 5.1 (libvpx-vp9 -frames:v 3 of
// testsrc at 320x240, with -pix_fmt as the name says; vp9_709 with
// -colorspace/-color_primaries/-color_trc bt709): the vpcC payload of the
// MP4 ones, the first 24 bytes of the first packet, and what
// `ffprobe -show_streams` prints.
//
//   - vp9_709_patched, vp9_unk_patched: the vpcC rewritten to full range,
//     BT.2020 primaries, PQ transfer and the SMPTE 170M matrix; the frame's
//     range and colour space win, the primaries and transfer stay unless a
//     colr box follows (vp9_709 has one saying BT.709);
//   - vp9m_cs*: vp9_metadata=color_space=N:color_range=pc;
//   - vp9c_p3_420: profile 3 12-bit given 4:2:0 subsampling, which FFmpeg
//     accepts; vp9c_p1_420 and vp9c_p1_res: profile 1 given 4:2:0 or its
//     reserved bit, refused after the range is set; vp9c_badsync: the sync
//     code broken; vp9c_render: a render size of 640x240, which FFmpeg
//     ignores. The refused first frames leave the IVF header's size.
var streams = []struct {
	name, vpcC, packet string
	want               want
}{
	{"vp9_709.ivf", "", "824983424013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "bt709", "", "", 320, 240}},
	{"vp9_gbrp.ivf", "", "a2498342e013f00ef60a38241c184a000bc07fd9f9be8fe7", want{"Profile 1", "gbrp", "pc", "gbr", "", "", 320, 240}},
	{"vp9_odd.ivf", "", "a2498342e014000f260c38241c184a000aa07fd5f9be8fe7", want{"Profile 1", "gbrp", "pc", "gbr", "", "", 321, 243}},
	{"vp9_yuv420p.ivf", "", "824983420013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv420p10le.ivf", "", "924983420009f8077b041c120e0c2c0004507fd9f9be8fe7", want{"Profile 2", "yuv420p10le", "tv", "", "", "", 320, 240}},
	{"vp9_yuv422p.ivf", "", "a249834208027e01dec107048383094001127fd9f9be8fe7", want{"Profile 1", "yuv422p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv440p.ivf", "", "a249834204027e01dec107048383094001207fd1f9be8fe7", want{"Profile 1", "yuv440p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p.ivf", "", "a249834200027e01dec107048383094001667fd5ec7f3b8f", want{"Profile 1", "yuv444p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p12le.ivf", "", "b124c1a140009f8077b041c120e0c2e00055007fd9f9be8f", want{"Profile 3", "yuv444p12le", "tv", "", "", "", 320, 240}},
	{"vp9_709.mp4", "010000000014820101010000", "824983424013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "bt709", "bt709", "bt709", 320, 240}},
	{"vp9_709_patched.mp4", "010000000014830910060000", "824983424013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "bt709", "bt709", "bt709", 320, 240}},
	{"vp9_gbrp.mp4", "010000000114870202000000", "a2498342e013f00ef60a38241c184a000bc07fd9f9be8fe7", want{"Profile 1", "gbrp", "pc", "gbr", "", "", 320, 240}},
	{"vp9_unk_patched.mp4", "010000000014830910060000", "824983420013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "", "smpte2084", "bt2020", 320, 240}},
	{"vp9_yuv420p.mp4", "010000000014820202020000", "824983420013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv420p10le.mp4", "010000000214a20202020000", "924983420009f8077b041c120e0c2c0004507fd9f9be8fe7", want{"Profile 2", "yuv420p10le", "tv", "", "", "", 320, 240}},
	{"vp9_yuv422p.mp4", "010000000114840202020000", "a249834208027e01dec107048383094001127fd9f9be8fe7", want{"Profile 1", "yuv422p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p.mp4", "010000000114860202020000", "a249834200027e01dec107048383094001667fd5ec7f3b8f", want{"Profile 1", "yuv444p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p12le.mp4", "010000000314c60202020000", "b124c1a140009f8077b041c120e0c2e00055007fd9f9be8f", want{"Profile 3", "yuv444p12le", "tv", "", "", "", 320, 240}},
	{"vp9_709.webm", "", "824983424013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "bt709", "bt709", "bt709", 320, 240}},
	{"vp9_gbrp.webm", "", "a2498342e013f00ef60a38241c184a000bc07fd9f9be8fe7", want{"Profile 1", "gbrp", "pc", "gbr", "", "", 320, 240}},
	{"vp9_yuv420p.webm", "", "824983420013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv420p10le.webm", "", "924983420009f8077b041c120e0c2c0004507fd9f9be8fe7", want{"Profile 2", "yuv420p10le", "tv", "", "", "", 320, 240}},
	{"vp9_yuv422p.webm", "", "a249834208027e01dec107048383094001127fd9f9be8fe7", want{"Profile 1", "yuv422p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv440p.webm", "", "a249834204027e01dec107048383094001207fd1f9be8fe7", want{"Profile 1", "yuv440p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p.webm", "", "a249834200027e01dec107048383094001667fd5ec7f3b8f", want{"Profile 1", "yuv444p", "tv", "", "", "", 320, 240}},
	{"vp9_yuv444p12le.webm", "", "b124c1a140009f8077b041c120e0c2e00055007fd9f9be8f", want{"Profile 3", "yuv444p12le", "tv", "", "", "", 320, 240}},
	{"vp9m_cs1.ivf", "", "824983423013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "pc", "bt470bg", "", "", 320, 240}},
	{"vp9m_cs3.ivf", "", "824983427013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "pc", "smpte170m", "", "", 320, 240}},
	{"vp9m_cs4.ivf", "", "824983429013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "pc", "smpte240m", "", "", 320, 240}},
	{"vp9m_cs5.ivf", "", "82498342b013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "pc", "bt2020nc", "", "", 320, 240}},
	{"vp9m_cs6.ivf", "", "82498342d013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "yuv420p", "pc", "reserved", "", "", 320, 240}},
	{"vp9c_badsync.ivf", "", "824982420013f00ef60838241c184a0008907fd5f9be8fe7", want{"Profile 0", "", "", "", "", "", 320, 240}},
	{"vp9c_p1_420.ivf", "", "a24983420c027e01dec107048383094001667fd5ec7f3b8f", want{"Profile 1", "", "tv", "", "", "", 320, 240}},
	{"vp9c_p1_res.ivf", "", "a249834202027e01dec107048383094001667fd5ec7f3b8f", want{"Profile 1", "", "tv", "", "", "", 320, 240}},
	{"vp9c_p3_420.ivf", "", "b124c1a143009f8077b041c120e0c2e00055007fd9f9be8f", want{"Profile 3", "yuv420p12le", "tv", "", "", "", 320, 240}},
	{"vp9c_render.ivf", "", "824983420013f00ef813f8077e0838241c184a0008907fd5", want{"Profile 0", "yuv420p", "tv", "", "", "", 320, 240}},
}

func TestFillStream(t *testing.T) {
	for _, tc := range streams {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			// The container's view: the IVF header's size; Matroska's
			// Colour element; MP4's vpcC and colr.
			st := container.Stream{Level: container.LevelUnknown, Width: 320, Height: 240, CodedWidth: 320, CodedHeight: 240}
			switch {
			case tc.vpcC != "":
				c, err := ParseConfig(unhex(t, tc.vpcC))
				require.NoError(t, err)
				c.FillStream(&st)
				if tc.name == "vp9_709_patched.mp4" {
					st.ColorPrimaries, st.ColorTransfer = "bt709", "bt709"
				}
			case strings.HasSuffix(tc.name, ".webm"):
				st.ColorPrimaries, st.ColorTransfer = w.primaries, w.transfer
			}
			h, err := ParseHeader(unhex(t, tc.packet))
			if w.pixFmt == "" {
				require.ErrorIs(t, err, container.ErrMalformed)
			} else {
				require.NoError(t, err)
			}
			h.FillStream(&st)
			assert.Equal(t, w.profile, st.Profile, "profile")
			assert.Equal(t, w.pixFmt, st.PixFmt, "pix_fmt")
			assert.Equal(t, w.colorRange, st.ColorRange, "color_range")
			assert.Equal(t, w.space, st.ColorSpace, "color_space")
			assert.Equal(t, w.transfer, st.ColorTransfer, "color_transfer")
			assert.Equal(t, w.primaries, st.ColorPrimaries, "color_primaries")
			assert.Equal(t, w.width, st.Width, "width")
			assert.Equal(t, w.height, st.Height, "height")
			assert.Equal(t, w.width, st.CodedWidth, "coded_width")
			assert.Equal(t, w.height, st.CodedHeight, "coded_height")
			assert.Equal(t, container.LevelUnknown, st.Level, "level")
			assert.Equal(t, container.Rational{}, st.SampleAspectRatio, "sample_aspect_ratio")
			assert.Equal(t, 0, st.HasBFrames)
			assert.Equal(t, 1, st.Refs)
		})
	}
}

func TestParseHeaderFields(t *testing.T) {
	// vp9c_render.ivf: profile 0 key frame with a render size.
	h, err := ParseHeader(unhex(t, "824983420013f00ef813f8077e0838241c184a0008907fd5"))
	require.NoError(t, err)
	assert.Equal(t, Header{FrameMarker: 2, ShowFrame: true, RefreshFrameFlags: 0xFF, HasColorConfig: true,
		HasColorSpace: true, BitDepth: 8, SubsamplingX: true, SubsamplingY: true, FrameWidthMinus1: 319,
		FrameHeightMinus1: 239, RenderAndFrameSizeDifferent: true, RenderWidthMinus1: 639, RenderHeightMinus1: 239}, *h)

	// vp9_yuv444p12le.ivf: profile 3, 12 bits, 4:4:4.
	h, err = ParseHeader(unhex(t, "b124c1a140009f8077b041c120e0c2e00055007fd9f9be8f"))
	require.NoError(t, err)
	assert.Equal(t, uint8(3), h.Profile)
	assert.Equal(t, 12, h.BitDepth)
	assert.False(t, h.SubsamplingX)
	assert.Equal(t, "yuv444p12le", h.PixFmt())
}

// frame builds a frame header from its bits, most significant first.
func frame(bits string) []byte {
	bits = strings.ReplaceAll(bits, " ", "")
	for len(bits)%8 != 0 {
		bits += "0"
	}
	b := make([]byte, len(bits)/8)
	for i, c := range bits {
		if c == '1' {
			b[i/8] |= 0x80 >> (i % 8)
		}
	}
	return b
}

const sync = "01001001 10000011 01000010"

func TestParseHeaderFrames(t *testing.T) {
	size := "0000000100111111 0000000011101111 0" // 320x240, no render size
	tests := []struct {
		name    string
		bits    string
		kind    error
		profile string
		pixFmt  string
		space   string
	}{
		// marker, profile 0, not existing, non-key, hidden, not error
		// resilient, intra_only, reset_frame_context, sync, refresh flags.
		{"profile 0 intra-only", "10 0 0 0 1 0 0 1 00 " + sync + " 00000001 " + size, nil, "Profile 0", "yuv420p", "bt470bg"},
		// profile 2: intra-only frames have a colour configuration.
		{"profile 2 intra-only", "10 0 1 0 1 0 0 1 00 " + sync + " 1 010 1 00000001 " + size, nil, "Profile 2", "yuv420p12le", "bt709"},
		{"inter frame", "10 0 0 0 1 1 0 00", nil, "Profile 0", "", ""},
		{"show existing frame", "10 1 0 1 011", nil, "Profile 1", "", ""},
		// vp9c_p4.ivf: ffprobe logs "Profile 4 is not yet supported" for
		// the first frame and prints the profile of the next ones.
		{"profile 3 reserved bit", "10 1 1 1 0 0", container.ErrMalformed, "", "", ""},
		{"frame marker", "01 0 0 0 0 1 0 " + sync, container.ErrMalformed, "", "", ""},
		{"RGB in profile 0", "10 0 0 0 0 1 0 " + sync + " 111 0 " + size, container.ErrMalformed, "Profile 0", "", "gbr"},
		{"RGB reserved bit", "10 1 0 0 0 1 0 " + sync + " 111 1 " + size, container.ErrMalformed, "Profile 1", "", "gbr"},
		{"empty", "", container.ErrTruncated, "", "", ""},
		{"cut in the sync code", "10", container.ErrTruncated, "Profile 0", "", ""},
		{"cut in the size", "10 0 0 0 0 1 0 " + sync + " 010 0 00000001", container.ErrTruncated, "Profile 0", "", "bt709"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := frame(tc.bits)
			if tc.name == "cut in the size" {
				b = b[:6]
			}
			h, err := ParseHeader(b)
			if tc.kind != nil {
				require.ErrorIs(t, err, tc.kind)
			} else {
				require.NoError(t, err)
			}
			var st container.Stream
			h.FillStream(&st)
			assert.Equal(t, tc.profile, st.Profile)
			assert.Equal(t, tc.pixFmt, st.PixFmt)
			assert.Equal(t, tc.space, st.ColorSpace)
			if tc.pixFmt != "" {
				assert.Equal(t, 320, st.Width)
				assert.Equal(t, 240, st.Height)
			} else {
				assert.Zero(t, st.Width)
			}
		})
	}
}

// TestHeaderCutAfterSyncCode: a key frame whose data ends with its sync
// code reports its profile and nothing else.
func TestHeaderCutAfterSyncCode(t *testing.T) {
	for _, b := range [][]byte{
		unhex(t, "82498342"),   // profile 0: color_space is next
		unhex(t, "a2498342"),   // profile 1
		unhex(t, "b124c1a1"),   // profile 3: the sync code ends inside the 4th byte
		unhex(t, "b124c1a140"), // profile 3: bit depth and colour space, then the end
	} {
		h, err := ParseHeader(b)
		require.ErrorIs(t, err, container.ErrTruncated, "%x", b)
		assert.False(t, h.HasColorConfig)
		var st container.Stream
		h.FillStream(&st)
		assert.NotEmpty(t, st.Profile)
		assert.Empty(t, st.PixFmt)
		assert.Zero(t, st.Width)
	}
}

func TestConfig(t *testing.T) {
	c, err := ParseConfig(unhex(t, "010000000314c60202020000"))
	require.NoError(t, err)
	assert.Equal(t, Config{Version: 1, Profile: 3, Level: 20, BitDepth: 12, ChromaSubsampling: 3,
		ColourPrimaries: 2, TransferCharacteristics: 2, MatrixCoefficients: 2}, *c)
	var st container.Stream
	c.FillStream(&st)
	assert.Equal(t, "tv", st.ColorRange)
	assert.Empty(t, st.ColorSpace)

	// Code points FFmpeg has no name for read as unspecified.
	c, err = ParseConfig(unhex(t, "010000000014830dc8c80000"))
	require.NoError(t, err)
	c.FillStream(&st)
	assert.Equal(t, "pc", st.ColorRange)
	assert.Empty(t, st.ColorPrimaries)
	assert.Empty(t, st.ColorTransfer)
	assert.Empty(t, st.ColorSpace)

	_, err = ParseConfig(unhex(t, "00000000001482"))
	assert.ErrorIs(t, err, container.ErrUnsupported)
	_, err = ParseConfig(unhex(t, "01000000001482"))
	assert.ErrorIs(t, err, container.ErrTruncated)

	// Initialization data: FFmpeg refuses the file.
	c, err = ParseConfig(unhex(t, "0100000000148202020200ffabcd"))
	assert.ErrorIs(t, err, container.ErrMalformed)
	assert.Equal(t, uint16(255), c.CodecInitializationDataSize)
	assert.Equal(t, []byte{0xab, 0xcd}, c.CodecInitializationData)
}

// TestConfigFourBytes: what ffmpeg writes for a pixel format vpcC cannot
// describe (yuv440p): version and flags only, which mov_read_vpcc refuses.
func TestConfigFourBytes(t *testing.T) {
	c, err := ParseConfig([]byte{1, 0, 0, 0})
	require.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, uint8(1), c.Version)
	_, err = ParseConfig(nil)
	assert.ErrorIs(t, err, container.ErrTruncated)
}

// TestFrameSizeOverContainer: vp9_yuv420p_hdr400.ivf, whose IVF header
// says 400x300, prints the first frame's 320x240: the vp9 decoder runs in
// avformat_find_stream_info (its init sets no pixel format).
func TestFrameSizeOverContainer(t *testing.T) {
	h, err := ParseHeader(unhex(t, "824983420013f00ef60838241c184a0008907fd5f9be8fe7"))
	require.NoError(t, err)
	st := container.Stream{Width: 400, Height: 300, CodedWidth: 400, CodedHeight: 300}
	h.FillStream(&st)
	assert.Equal(t, [4]int{320, 240, 320, 240}, [4]int{st.Width, st.Height, st.CodedWidth, st.CodedHeight})
}

func TestParserProfile(t *testing.T) {
	for _, c := range []struct {
		b  []byte
		p  uint8
		ok bool
	}{
		{[]byte{0x82}, 0, true},  // frame marker, profile 0
		{[]byte{0xA2}, 1, true},  // profile 1 (low bit)
		{[]byte{0x92}, 2, true},  // profile 2 (high bit)
		{[]byte{0xB0}, 3, true},  // profile 3, reserved bit clear
		{[]byte{0xB8}, 0, false}, // profile 3, reserved bit set: 4
		{[]byte{0x03}, 0, true},  // an encrypted block's signal byte
		{nil, 0, false},
	} {
		p, ok := ParserProfile(c.b)
		if p != c.p || ok != c.ok {
			t.Errorf("ParserProfile(%x) = %d, %v; want %d, %v", c.b, p, ok, c.p, c.ok)
		}
	}
}
