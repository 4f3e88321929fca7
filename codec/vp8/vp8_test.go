package vp8

import (
	"encoding/hex"
	"errors"
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

// streams are IVF files made with ffmpeg 5.1 (libvpx -frames:v 3 of
// testsrc at 320x240, 321x243 for vp8_odd, -profile:v N for vp8_pN) and
// some with their first frame patched: vp8c_badstart (start code 9e 01
// 2a), vp8c_p5 (version 5), vp8c_scale (both scale fields 1 and 2),
// vp8c_w640 (the key frame says 640 wide, the IVF header 320). The packet
// is the first frame's first 16 bytes; the want fields are what
// `ffprobe -show_streams` prints, whose size is always the IVF header's.
var streams = []struct {
	name, packet string
	kind         error
	profile      string
	fieldOrder   string
	width        uint16 // of the frame header
}{
	{"vp8.ivf", "b05a009d012a4001f000000708858588", nil, "0", "progressive", 320},
	{"vp8_odd.ivf", "b066009d012a4101f300000708858588", nil, "0", "progressive", 321},
	{"vp8_p1.ivf", "b25a009d012a4001f000100708858588", nil, "1", "progressive", 320},
	{"vp8_p2.ivf", "b45a009d012a4001f000000708858588", nil, "2", "progressive", 320},
	{"vp8_p3.ivf", "b65a009d012a4001f000100708858588", nil, "3", "progressive", 320},
	{"vp8c_badstart.ivf", "b05a009e012a4001f000000708858588", container.ErrMalformed, "0", "progressive", 0},
	{"vp8c_p5.ivf", "ba5a009d012a4001f000000708858588", nil, "", "", 320},
	{"vp8c_scale.ivf", "b05a009d012a4041f080000708858588", nil, "0", "progressive", 320},
	{"vp8c_w640.ivf", "b05a009d012a8002f000000708858588", nil, "0", "progressive", 640},
}

func TestFillStream(t *testing.T) {
	for _, tc := range streams {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ParseFrameHeader(unhex(t, tc.packet))
			if tc.kind != nil {
				require.ErrorIs(t, err, tc.kind)
			} else {
				require.NoError(t, err)
			}
			assert.True(t, h.KeyFrame)
			assert.Equal(t, tc.width, h.Width)
			width := 320
			if tc.name == "vp8_odd.ivf" {
				width = 321
			}
			st := container.Stream{Level: container.LevelUnknown, Width: width, Height: 240}
			h.FillStream(&st)
			assert.Equal(t, tc.profile, st.Profile)
			assert.Equal(t, tc.fieldOrder, st.FieldOrder)
			assert.Equal(t, "yuv420p", st.PixFmt)
			assert.Equal(t, width, st.Width)
			assert.Equal(t, width, st.CodedWidth)
			assert.Equal(t, 240, st.CodedHeight)
			assert.Equal(t, container.LevelUnknown, st.Level)
			assert.Empty(t, st.ColorRange)
			assert.Equal(t, 0, st.HasBFrames)
			assert.Equal(t, 1, st.Refs)
		})
	}
}

func TestParseFrameHeader(t *testing.T) {
	h, err := ParseFrameHeader(unhex(t, "b05a009d012a4041f080"))
	require.NoError(t, err)
	assert.Equal(t, FrameHeader{KeyFrame: true, ShowFrame: true, FirstPartSize: 0x2d5, Width: 320,
		HorizontalScale: 1, Height: 240, VerticalScale: 2}, *h)

	// An inter frame has only its tag.
	h, err = ParseFrameHeader([]byte{0x31, 0x02, 0x00})
	require.NoError(t, err)
	assert.False(t, h.KeyFrame)
	assert.Equal(t, uint32(0x11), h.FirstPartSize)

	// A key frame cut before its dimensions keeps its tag.
	h, err = ParseFrameHeader(unhex(t, "b25a009d012a40"))
	require.ErrorIs(t, err, container.ErrTruncated)
	assert.Equal(t, uint8(1), h.Version)

	// Under 3 bytes: the parser skips the packet; only the decoder's pixel
	// format is known.
	for _, b := range [][]byte{nil, {0xb0}, {0xb0, 0x5a}} {
		h, err = ParseFrameHeader(b)
		require.ErrorIs(t, err, container.ErrTruncated)
		assert.Nil(t, h)
		var st container.Stream
		h.FillStream(&st)
		assert.Equal(t, "yuv420p", st.PixFmt)
		assert.Empty(t, st.Profile)
		assert.Empty(t, st.FieldOrder)
	}
}

func FuzzParseFrameHeader(f *testing.F) {
	for _, s := range streams {
		b, _ := hex.DecodeString(s.packet)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseFrameHeader(b)
		if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) {
			t.Fatalf("error outside the sentinels: %v", err)
		}
		if h == nil && err == nil {
			t.Fatal("no header and no error")
		}
		if h != nil && (h.Width > 0x3FFF || h.Height > 0x3FFF || h.Version > 7) {
			t.Fatalf("fields out of range: %+v", h)
		}
		var st container.Stream
		h.FillStream(&st)
	})
}
