package ac3

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// dac3 payloads of files made with ffmpeg 5.1,
// with what ffprobe 5.1 prints (the side data is mov_read_dac3's, the
// bit rate the parser's, which the nominal rate of bit_rate_code equals).
func TestParseDAC3(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		want    DAC3
		layout  string
		bitRate int64
		service container.AudioService
	}{
		// fscod 0, bsid 8, bsmod 0, acmod 2, lfeon 0, bit_rate_code 10.
		{"192k stereo", "101140", DAC3{Bsid: 8, Acmod: 2, BitRateCode: 10}, "stereo", 192000, 0},
		{"44.1k mono", "5008c0", DAC3{Fscod: 1, Bsid: 8, Acmod: 1, BitRateCode: 6}, "mono", 96000, 0},
		{"5.1", "103de0", DAC3{Bsid: 8, Acmod: 7, LFEOn: true, BitRateCode: 15}, "5.1(side)", 448000, 0},
		{"quad", "1031c0", DAC3{Bsid: 8, Acmod: 6, BitRateCode: 14}, "quad(side)", 384000, 0},
		// ffprobe: side data service_type 8, disposition karaoke.
		{"karaoke", "11d140", DAC3{Bsid: 8, Bsmod: 7, Acmod: 2, BitRateCode: 10}, "stereo", 192000, container.AudioServiceKaraoke},
		// Mono bsmod 7 stays voice over; 5 is commentary.
		{"commentary", "1148c0", DAC3{Bsid: 8, Bsmod: 5, Acmod: 1, BitRateCode: 6}, "mono", 96000, container.AudioServiceCommentary},
		{"voice over", "11c8c0", DAC3{Bsid: 8, Bsmod: 7, Acmod: 1, BitRateCode: 6}, "mono", 96000, container.AudioServiceVoiceOver},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDAC3(unhex(t, tt.payload))
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
			assert.Equal(t, tt.bitRate, d.BitRate())
			var st container.Stream
			d.Describe(&st)
			assert.Equal(t, tt.layout, st.ChannelLayout)
			assert.Equal(t, []container.SideData{container.AudioServiceType{Type: tt.service}}, st.SideData)
		})
	}
	_, err := ParseDAC3([]byte{0x10, 0x11})
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	d, err := ParseDAC3(unhex(t, "d0ffe0"))
	require.NoError(t, err)
	assert.Zero(t, d.SampleRate())
	assert.Zero(t, d.BitRate())
}

func TestParseDEC3(t *testing.T) {
	tests := []struct {
		name     string
		payload  string
		dataRate uint16
		sub      EC3Substream
		layout   string
		service  container.AudioService
	}{
		{"stereo", "0600200400", 192, EC3Substream{Bsid: 16, Acmod: 2}, "stereo", 0},
		{"5.1 44.1k", "0c00600f00", 384, EC3Substream{Fscod: 1, Bsid: 16, Acmod: 7, LFEOn: true}, "5.1(side)", 0},
		// ffmpeg's mp4 muxer writes bsmod 0 whatever the frames say: the
		// karaoke stream's side data is 0 and its disposition the decoder's.
		{"muxer's bsmod", "0600200400", 192, EC3Substream{Bsid: 16, Acmod: 2}, "stereo", 0},
		// A 5.1 substream with a dependent one adding Lrs/Rrs (chan_loc
		// bit 6): mov_read_dec3 still sets 5.1.
		{"dependent", "0600200f0240", 192, EC3Substream{Bsid: 16, Acmod: 7, LFEOn: true, NumDepSub: 1, ChanLoc: 0x40}, "5.1(side)", 0},
		// asvc set with bsmod 2: mov_read_dec3's five bits give 10.
		{"associated service", "060020a400", 192, EC3Substream{Bsid: 16, Asvc: true, Bsmod: 2, Acmod: 2}, "stereo", 10},
		{"karaoke", "0600207400", 192, EC3Substream{Bsid: 16, Bsmod: 7, Acmod: 2}, "stereo", container.AudioServiceKaraoke},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDEC3(unhex(t, tt.payload))
			require.NoError(t, err)
			assert.Equal(t, tt.dataRate, d.DataRate)
			require.Len(t, d.Substreams, 1)
			assert.Equal(t, tt.sub, d.Substreams[0])
			var st container.Stream
			d.Describe(&st)
			assert.Equal(t, tt.layout, st.ChannelLayout)
			assert.Equal(t, []container.SideData{container.AudioServiceType{Type: tt.service}}, st.SideData)
		})
	}
}

func TestParseDEC3Truncated(t *testing.T) {
	_, err := ParseDEC3(unhex(t, "06002004"))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)

	// A 5-byte box whose substream has a dependent one: chan_loc runs
	// past it, mov_read_dec3 reads the box anyway.
	d, err := ParseDEC3(unhex(t, "0600200f03"))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	require.Len(t, d.Substreams, 1)
	assert.Equal(t, uint8(7), d.Substreams[0].Acmod)

	// Two independent substreams declared, one present.
	d, err = ParseDEC3(unhex(t, "0601200400"))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
	assert.Len(t, d.Substreams, 1)
}
