package opus

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func head(version, channels byte, preskip uint16, family byte, table ...byte) []byte {
	b := []byte("OpusHead")
	b = append(b, version, channels)               // version, channel count
	b = append(b, byte(preskip), byte(preskip>>8)) // pre-skip
	b = append(b, 0x80, 0xBB, 0, 0)                // input sample rate 48000
	b = append(b, 0, 0)                            // output gain
	b = append(b, family)                          // channel mapping family
	return append(b, table...)                     // stream count, coupled count, mapping
}

func TestParseHead(t *testing.T) {
	tests := []struct {
		name   string
		b      []byte
		want   Head
		layout string
		err    error
	}{
		{"stereo", head(1, 2, 312, 0), Head{Version: 1, ChannelCount: 2, PreSkip: 312, InputSampleRate: 48000}, "stereo", nil},
		{"mono", head(1, 1, 0, 0), Head{Version: 1, ChannelCount: 1, InputSampleRate: 48000}, "mono", nil},
		{"5.1", head(1, 6, 312, 1, 4, 2, 0, 4, 1, 2, 3, 5),
			Head{Version: 1, ChannelCount: 6, PreSkip: 312, InputSampleRate: 48000, ChannelMappingFamily: 1,
				StreamCount: 4, CoupledCount: 2, ChannelMapping: []byte{0, 4, 1, 2, 3, 5}}, "5.1", nil},
		// The decoder refuses more than 2 channels without a mapping table.
		{"family 0 with 3 channels", head(1, 3, 0, 0), Head{Version: 1, ChannelCount: 3, InputSampleRate: 48000}, "", nil},
		{"family 1 with a short table", head(1, 6, 0, 1, 4, 2, 0),
			Head{Version: 1, ChannelCount: 6, InputSampleRate: 48000, ChannelMappingFamily: 1, StreamCount: 4, CoupledCount: 2, ChannelMapping: []byte{0}}, "", nil},
		{"family 255", head(1, 2, 0, 255, 2, 0, 0, 1),
			Head{Version: 1, ChannelCount: 2, InputSampleRate: 48000, ChannelMappingFamily: 255, StreamCount: 2, ChannelMapping: []byte{0, 1}}, "", nil},
		{"short", head(1, 2, 312, 0)[:18], Head{}, "", container.ErrMalformed},
		{"major version 1", head(0x10, 2, 312, 0), Head{}, "", container.ErrUnsupported},
		{"signature", append([]byte("OpusTags"), head(1, 2, 0, 0)[8:]...), Head{}, "", container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ParseHead(tt.b)
			if tt.err != nil {
				assert.True(t, errors.Is(err, tt.err), "%v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, h)
			assert.Equal(t, tt.layout, h.ChannelLayout())
		})
	}
}

func TestPacketDuration(t *testing.T) {
	tests := []struct {
		name string
		p    []byte
		want int
		err  bool
	}{
		{"SILK 10 ms", []byte{0 << 3}, 480, false},
		{"SILK 60 ms", []byte{3 << 3}, 2880, false},
		{"hybrid 20 ms", []byte{13 << 3}, 960, false},
		{"CELT 2.5 ms", []byte{16 << 3}, 120, false},
		{"CELT 20 ms, two frames", []byte{31<<3 | 1}, 1920, false},
		{"CELT 20 ms, code 2", []byte{31<<3 | 2}, 1920, false},
		{"CELT 20 ms, code 3 with 3 frames", []byte{31<<3 | 3, 0x83}, 2880, false},
		{"code 3 without count", []byte{31<<3 | 3}, 0, true},
		{"empty", nil, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := PacketDuration(tt.p)
			if tt.err {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
		})
	}
}
