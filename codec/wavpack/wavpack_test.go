package wavpack

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// block builds a block header of ckSize size, version ver, with the given
// total samples, samples and flags, followed by sub.
func block(size uint32, ver uint16, total, samples, flags uint32, sub []byte) []byte {
	b := []byte("wvpk")
	b = binary.LittleEndian.AppendUint32(b, size)
	b = binary.LittleEndian.AppendUint16(b, ver)
	b = append(b, 0, 0) // track, index
	b = binary.LittleEndian.AppendUint32(b, total)
	b = binary.LittleEndian.AppendUint32(b, 0) // block index
	b = binary.LittleEndian.AppendUint32(b, samples)
	b = binary.LittleEndian.AppendUint32(b, flags)
	b = binary.LittleEndian.AppendUint32(b, 0) // CRC
	return append(b, sub...)
}

func TestParseHeader(t *testing.T) {
	h, err := ParseHeader(block(24+8, 0x410, 3675, 3675, 0x17801821, nil))
	require.NoError(t, err)
	assert.Equal(t, Header{BlockSize: 8, Version: 0x410, TotalSamples: 3675, Samples: 3675, Flags: 0x17801821}, h)
	assert.True(t, h.Initial())
	assert.True(t, h.Final())
	assert.False(t, h.Multichannel())
	assert.Equal(t, -1, h.Rate())
	assert.Equal(t, 16, h.BitsPerSample())

	for _, size := range []uint32{0, 23, BlockLimit + 1, 1 << 31} {
		_, err := ParseHeader(block(size, 0x407, 0, 0, 0, nil))
		assert.ErrorIs(t, err, ErrHeader, "size %d", size)
	}
	_, err = ParseHeader([]byte("wvpk"))
	assert.ErrorIs(t, err, ErrHeader)
}

func TestParseMetadata(t *testing.T) {
	for _, tc := range []struct {
		name string
		sub  []byte
		want Metadata
	}{
		{"channel info, 4 channels, mask 0x33", []byte{0x0D, 1, 4, 0x33}, Metadata{Channels: 4, ChannelMask: 0x33, HasChannels: true, Rate: -1}},
		{"channel info, odd, 3-byte mask", []byte{0x4D, 2, 6, 0x3F, 0x06, 0x00}, Metadata{Channels: 6, ChannelMask: 0x63F, HasChannels: true, Rate: -1}},
		{"channel info, 12-bit count", []byte{0x0D, 3, 0x03, 0, 0x01, 0xFF, 0xFF, 0x03}, Metadata{Channels: 0x104, ChannelMask: 0x3FFFF, HasChannels: true, Rate: -1}},
		{"custom rate, odd", []byte{0x67, 2, 0xE8, 0x03, 0x00, 0x00}, Metadata{Rate: 1000}},
		{"DSD block", []byte{0xCE, 2, 0, 0, 0x02, 0x03, 0xAA, 0xBB}, Metadata{RateShift: 2, HasDSD: true, HasData: true, Rate: -1}},
		{"data", []byte{0x8A, 2, 0, 0, 1, 2, 3, 4}, Metadata{HasData: true, Rate: -1}},
		{"truncated: zeros past the end", []byte{0x0D, 1}, Metadata{HasChannels: true, Rate: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMetadata(tc.sub)
			require.NoError(t, err)
			assert.Equal(t, tc.want, m)
		})
	}
	for _, sub := range [][]byte{{0x0D, 0}, {0x4D, 1}, {0x0D, 4, 0, 0, 0, 0, 0, 0, 0, 0}, {0x0E, 0}, {0x4E, 1}} {
		_, err := ParseMetadata(sub)
		assert.ErrorIs(t, err, ErrMetadata, "% x", sub)
	}
}

// The formats are ffprobe 5.1's for files made with ffmpeg's wavpack
// encoder and the wavpack CLI (testdata/wv_*.wv, the shared corpus's DSD).
func TestDecoderFormat(t *testing.T) {
	for _, tc := range []struct {
		flags uint32
		fmt   string
		bits  int
	}{
		{0x1, "s16p", 16},
		{0x0, "s16p", 8},
		{0x2, "s32p", 24},
		{0x3, "s32p", 32},
		{0x3 | FlagFloat, "fltp", 32},
		{FlagDSD, "fltp", 8},
	} {
		f, b := DecoderFormat(tc.flags)
		assert.Equal(t, tc.fmt, f, "%#x", tc.flags)
		assert.Equal(t, tc.bits, b, "%#x", tc.flags)
	}
}

// The values are ffprobe 5.1's for testdata/wv_*.wv remuxed to Matroska.
func TestDescribeMatroskaFrame(t *testing.T) {
	le := binary.LittleEndian
	frame := func(flags uint32, extra ...byte) []byte {
		b := le.AppendUint32(nil, 100) // samples
		b = le.AppendUint32(b, flags)
		b = le.AppendUint32(b, 0) // CRC
		return append(b, extra...)
	}
	for _, tc := range []struct {
		name     string
		frame    []byte
		fmt      string
		bits     int
		channels int
		layout   string
	}{
		{"mono s16", frame(FlagInitialBlock | FlagFinalBlock | FlagMono | 1), "s16p", 16, 1, "mono"},
		{"stereo 24-bit", frame(FlagInitialBlock | FlagFinalBlock | 2), "s32p", 24, 2, "stereo"},
		{"5.1 float", frame(FlagInitialBlock|FlagFloat|3, 6, 0, 0, 0, 0x0D, 1, 6, 0x3F), "fltp", 32, 6, "5.1"},
		{"mask contradicts count", frame(FlagInitialBlock|1, 6, 0, 0, 0, 0x0D, 1, 4, 0x04), "", 0, 4, ""},
		{"short", []byte{1, 2, 3}, "", 0, 4, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := &container.Stream{Channels: 4}
			DescribeMatroskaFrame(st, tc.frame)
			assert.Equal(t, tc.fmt, st.SampleFmt)
			assert.Equal(t, tc.bits, st.BitsPerRawSample)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
		})
	}
}
