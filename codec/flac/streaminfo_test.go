package flac

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/mewkiz/flac/meta"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// s24x6 is the STREAMINFO of testdata/flac_s24_51.flac (ffmpeg 5.1's FLAC
// encoder, 6 channels of 24 bits at 8 kHz), for which ffprobe 5.1 prints
// sample_fmt s32, sample_rate 8000, channels 6, bits_per_raw_sample 24 and
// duration_ts 3200.
var s24x6 = []byte{
	0x02, 0x40, // minimum block size: 576
	0x02, 0x40, // maximum block size: 576
	0x00, 0x0d, 0xbe, // minimum frame size: 3518
	0x00, 0x16, 0x65, // maximum frame size: 5733
	0x01, 0xf4, // sample rate (20 bits): 0x01f40 = 8000 ...
	0x0b,                   // ... rate 0000, channels-1 101 (6), bits-1 high bit 1 ...
	0x70,                   // ... bits-1 low bits 0111 (10111 = 23: 24 bits), samples 0000 ...
	0x00, 0x00, 0x0c, 0x80, // ... total samples: 3200
	0x3e, 0x60, 0x45, 0x71, 0x38, 0xf5, 0xd3, 0x1f, // MD5 of the decoded audio
	0x14, 0x3e, 0x71, 0x3d, 0xf0, 0x79, 0x45, 0x5a,
}

// streamInfo builds a block from its fields, for the cases below.
func streamInfo(minBlock, maxBlock uint16, minFrame, maxFrame, rate uint32, channels, bits int, samples uint64) []byte {
	b := make([]byte, StreamInfoSize)
	b[0], b[1] = byte(minBlock>>8), byte(minBlock)
	b[2], b[3] = byte(maxBlock>>8), byte(maxBlock)
	b[4], b[5], b[6] = byte(minFrame>>16), byte(minFrame>>8), byte(minFrame)
	b[7], b[8], b[9] = byte(maxFrame>>16), byte(maxFrame>>8), byte(maxFrame)
	v := uint64(rate)<<44 | uint64(channels-1)<<41 | uint64(bits-1)<<36 | samples
	for i := 0; i < 8; i++ {
		b[10+i] = byte(v >> (56 - 8*i))
	}
	return b
}

func TestParseStreamInfo(t *testing.T) {
	si, err := ParseStreamInfo(s24x6)
	require.NoError(t, err)
	assert.Equal(t, StreamInfo{
		MinBlockSize: 576, MaxBlockSize: 576, MinFrameSize: 3518, MaxFrameSize: 5733,
		SampleRate: 8000, Channels: 6, BitsPerSample: 24, TotalSamples: 3200,
		MD5: [16]byte{0x3e, 0x60, 0x45, 0x71, 0x38, 0xf5, 0xd3, 0x1f, 0x14, 0x3e, 0x71, 0x3d, 0xf0, 0x79, 0x45, 0x5a},
	}, si)
	assert.NoError(t, si.Check())
	assert.Equal(t, "s32", si.SampleFormat())
	// The decoder's own layout; the file's WAVEFORMATEXTENSIBLE_CHANNEL_MASK
	// comment (5.1) replaces it in container/flac.
	assert.Equal(t, uint64(0x60f), si.Layout())

	// Every field at its widest.
	si, err = ParseStreamInfo(streamInfo(0xffff, 0xffff, 0xffffff, 0xffffff, 0xfffff, 8, 32, 1<<36-1))
	require.NoError(t, err)
	assert.Equal(t, StreamInfo{MinBlockSize: 0xffff, MaxBlockSize: 0xffff, MinFrameSize: 0xffffff,
		MaxFrameSize: 0xffffff, SampleRate: 0xfffff, Channels: 8, BitsPerSample: 32, TotalSamples: 1<<36 - 1}, si)
}

func TestParseStreamInfoLength(t *testing.T) {
	_, err := ParseStreamInfo(s24x6[:33])
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, err = ParseStreamInfo(append(append([]byte(nil), s24x6...), 0))
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseStreamInfo(nil)
	assert.ErrorIs(t, err, container.ErrTruncated)
}

// TestStreamInfoDecoder checks what the decoder reports against ffprobe
// 5.1 on FLAC files whose STREAMINFO was patched: it accepts a minimum
// block size under 16 and a sample rate of 0 (which mewkiz/flac refuses),
// and fails to open, as ffprobe does, on a maximum block size under 16 or
// fewer than 4 bits per sample.
func TestStreamInfoDecoder(t *testing.T) {
	for _, tc := range []struct {
		name   string
		block  []byte
		err    bool
		fmt    string
		layout string
	}{
		{"16 bits stereo", streamInfo(4096, 4096, 14, 8000, 44100, 2, 16, 1000), false, "s16", "stereo"},
		{"24 bits mono", streamInfo(4096, 4096, 0, 0, 96000, 1, 24, 0), false, "s32", "mono"},
		{"min block 0", streamInfo(0, 4608, 0, 0, 22050, 2, 24, 6615), false, "s32", "stereo"},
		{"min block 8", streamInfo(8, 4608, 0, 0, 22050, 2, 24, 6615), false, "s32", "stereo"},
		{"rate 0", streamInfo(4608, 4608, 0, 0, 0, 2, 24, 6615), false, "s32", "stereo"},
		{"5 channels", streamInfo(4096, 4096, 0, 0, 8000, 5, 16, 0), false, "s16", "5.0(side)"},
		{"max block 8", streamInfo(8, 8, 0, 0, 22050, 2, 24, 6615), true, "", ""},
		{"3 bits", streamInfo(4608, 4608, 0, 0, 22050, 2, 3, 6615), true, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			si, err := ParseStreamInfo(tc.block)
			require.NoError(t, err)
			st := &container.Stream{SampleRate: 11025}
			err = si.Describe(st)
			if tc.err {
				assert.ErrorIs(t, err, container.ErrMalformed)
				assert.Equal(t, &container.Stream{SampleRate: 11025}, st, "a refused block leaves the stream alone")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.fmt, st.SampleFmt)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, si.Channels, st.Channels)
			assert.Equal(t, si.BitsPerSample, st.BitsPerRawSample)
			if si.SampleRate == 0 {
				assert.Equal(t, 11025, st.SampleRate, "the container's rate stands")
			} else {
				assert.Equal(t, int(si.SampleRate), st.SampleRate)
			}
		})
	}
}

// TestDescribeKeepsContainerLayout: ff_flac_set_channel_layout keeps a
// layout the container set for as many channels, and replaces one for a
// different count.
func TestDescribeKeepsContainerLayout(t *testing.T) {
	si, err := ParseStreamInfo(s24x6)
	require.NoError(t, err)
	st := &container.Stream{Channels: 6, ChannelLayout: "5.1"}
	require.NoError(t, si.Describe(st))
	assert.Equal(t, "5.1", st.ChannelLayout)
	st = &container.Stream{Channels: 2, ChannelLayout: "stereo"}
	require.NoError(t, si.Describe(st))
	assert.Equal(t, "5.1(side)", st.ChannelLayout)
	assert.Equal(t, 6, st.Channels)
}

// mewkizStreamInfo decodes a block body with mewkiz/flac, the independent
// reader: it wants the metadata block header in front.
func mewkizStreamInfo(b []byte) (*meta.StreamInfo, error) {
	hdr := []byte{0x80, 0, 0, StreamInfoSize} // last block, STREAMINFO, 34 bytes
	blk, err := meta.Parse(io.MultiReader(bytes.NewReader(hdr), bytes.NewReader(b)))
	if err != nil {
		return nil, err
	}
	si, ok := blk.Body.(*meta.StreamInfo)
	if !ok {
		return nil, errors.New("not a STREAMINFO")
	}
	return si, nil
}

// agreesWithMewkiz fails t when mewkiz/flac accepts b and reads a field
// differently.
func agreesWithMewkiz(t *testing.T, b []byte, si StreamInfo) {
	m, err := mewkizStreamInfo(b)
	if err != nil {
		return
	}
	assert.Equal(t, m.BlockSizeMin, si.MinBlockSize, "minimum block size")
	assert.Equal(t, m.BlockSizeMax, si.MaxBlockSize, "maximum block size")
	assert.Equal(t, m.FrameSizeMin, si.MinFrameSize, "minimum frame size")
	assert.Equal(t, m.FrameSizeMax, si.MaxFrameSize, "maximum frame size")
	assert.Equal(t, m.SampleRate, si.SampleRate, "sample rate")
	assert.Equal(t, int(m.NChannels), si.Channels, "channels")
	assert.Equal(t, int(m.BitsPerSample), si.BitsPerSample, "bits per sample")
	assert.Equal(t, m.NSamples, si.TotalSamples, "total samples")
	assert.Equal(t, m.MD5sum, si.MD5, "MD5")
}

func TestParseStreamInfoAgreesWithMewkiz(t *testing.T) {
	for _, b := range [][]byte{
		s24x6,
		streamInfo(16, 65535, 1, 0xfffffe, 655350, 8, 32, 1<<36-2),
		streamInfo(4096, 4096, 14, 8000, 44100, 2, 16, 123456789),
	} {
		si, err := ParseStreamInfo(b)
		require.NoError(t, err)
		_, err = mewkizStreamInfo(b)
		require.NoError(t, err, "mewkiz must accept the cases here")
		agreesWithMewkiz(t, b, si)
	}
}

func TestExtradataStreamInfo(t *testing.T) {
	block := make([]byte, StreamInfoSize)
	block[0] = 0x12
	b, ok := ExtradataStreamInfo(block)
	assert.True(t, ok)
	assert.Equal(t, block, b)
	b, ok = ExtradataStreamInfo(append(append([]byte{}, block...), 1, 2, 3))
	assert.True(t, ok, "a longer bare block is only a warning")
	assert.Equal(t, block, b)
	full := append([]byte("fLaC\x80\x00\x00\x22"), block...)
	b, ok = ExtradataStreamInfo(full)
	assert.True(t, ok)
	assert.Equal(t, block, b)
	_, ok = ExtradataStreamInfo(full[:40])
	assert.False(t, ok, "a full header cut short")
	_, ok = ExtradataStreamInfo(block[:20])
	assert.False(t, ok)
}
