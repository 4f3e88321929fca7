package alac

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// cookie is the 36-byte extradata ffmpeg writes for 24-bit stereo at 44.1 kHz.
var cookie = []byte{
	0, 0, 0, 36, 'a', 'l', 'a', 'c', 0, 0, 0, 0, // atom size, type, version and flags
	0, 0, 0x10, 0, // frameLength 4096
	0,          // compatibleVersion
	24,         // bitDepth
	40, 10, 14, // pb, mb, kb
	2,    // numChannels
	0, 0, // maxRun
	0, 0, 0x60, 0x04, // maxFrameBytes
	0, 0x20, 0x4c, 0xc0, // avgBitRate
	0, 0, 0xac, 0x44, // sampleRate 44100
}

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig(cookie)
	require.NoError(t, err)
	assert.Equal(t, uint32(4096), c.FrameLength)
	assert.Equal(t, 24, c.BitDepth)
	assert.Equal(t, 2, c.Channels)
	assert.Equal(t, uint32(44100), c.SampleRate)
	assert.Equal(t, "s32p", c.SampleFormat())
	st := &container.Stream{Channels: 2}
	require.NoError(t, c.Describe(st))
	assert.Equal(t, container.Stream{Channels: 2, ChannelLayout: "stereo", SampleRate: 44100, SampleFmt: "s32p", BitsPerRawSample: 24}, *st)

	_, err = ParseConfig(cookie[:35])
	assert.True(t, errors.Is(err, container.ErrTruncated))
}

func TestDescribeRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   int
		v    byte
	}{
		{"frame length 0", 14, 0},
		{"depth 8", 17, 8},
		{"9 channels", 21, 9},
		{"sample rate past 2^31", 32, 0x80}, // avcodec_open2's "Invalid sample rate"
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := append([]byte(nil), cookie...)
			b[tc.at] = tc.v
			c, err := ParseConfig(b)
			require.NoError(t, err)
			st := &container.Stream{Channels: 2, SampleRate: 8000}
			assert.Error(t, c.Describe(st))
			assert.Equal(t, 8000, st.SampleRate)
		})
	}
	// No channels in the cookie: the container's count stands.
	b := append([]byte(nil), cookie...)
	b[21] = 0
	c, _ := ParseConfig(b)
	st := &container.Stream{Channels: 6}
	require.NoError(t, c.Describe(st))
	assert.Equal(t, "5.1", st.ChannelLayout) // ff_alac_ch_layouts: 5.1 with back speakers
}
