package wavpack

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wv "github.com/mediaprobe/mediaprobe/codec/wavpack"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// block builds a block: header fields (ckSize is 24 plus len(sub) unless
// size is non-zero) then the sub-blocks.
func block(size uint32, ver uint16, total, samples, flags uint32, sub []byte) []byte {
	if size == 0 {
		size = 24 + uint32(len(sub))
	}
	return hostile.Cat([]byte("wvpk"), hostile.LE32(size), hostile.LE16(ver), []byte{0, 0}, // magic, ckSize, version, track, index
		hostile.LE32(total), hostile.LE32(0), hostile.LE32(samples), hostile.LE32(flags), hostile.LE32(0), // total, index, samples, flags, CRC
		sub)
}

const (
	rate44100 = 9 << 23
	single    = wv.FlagInitialBlock | wv.FlagFinalBlock
	data      = 0x8A // a long WP_ID_DATA sub-block id
)

// packed is a WP_ID_DATA sub-block of four bytes.
var packed = []byte{data, 2, 0, 0, 1, 2, 3, 4}

func TestProbe(t *testing.T) {
	good := block(0, 0x407, 100, 100, rate44100|single|1, packed)
	assert.Equal(t, 100, probe(good))
	assert.Equal(t, 0, probe(good[:32])) // 32 bytes are not enough
	for _, b := range [][]byte{
		block(23, 0x407, 0, 0, 0, packed),
		block(wv.BlockLimit+1, 0x407, 0, 0, 0, packed),
		block(0, 0x401, 0, 0, 0, packed),
		block(0, 0x411, 0, 0, 0, packed),
	} {
		assert.Equal(t, 0, probe(b))
	}
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name           string
		data           []byte
		rate, channels int
		layout, fmt    string
		bits           int
		durationTS     int64
	}{
		{"stereo s16", block(0, 0x407, 1000, 500, rate44100|single|1, packed), 44100, 2, "stereo", "s16p", 16, 1000},
		{"mono 24-bit, unknown length", block(0, 0x407, wv.UnknownSamples, 500, rate44100|single|2|wv.FlagMono, packed), 44100, 1, "mono", "s32p", 24, container.NoPTS},
		{"zero-sample block skipped", hostile.Cat(block(0, 0x407, 0, 0, 0, packed), block(0, 0x407, 8, 8, 10<<23|single|1, packed)), 48000, 2, "stereo", "s16p", 16, 8},
		{"custom rate", block(0, 0x410, 10, 10, 15<<23|single|1, hostile.Cat([]byte{0x67, 2, 0xE8, 0x03, 0, 0}, packed)), 1000, 2, "stereo", "s16p", 16, 10},
		{"DSD at 88.2 kHz times 4", block(0, 0x410, 10, 10, wv.FlagDSD|12<<23|single, []byte{0xCE, 2, 0, 0, 2, 3, 0, 0}), 352800, 2, "stereo", "fltp", 8, 10},
		{"multichannel 5.1", block(0, 0x410, 10, 10, rate44100|wv.FlagInitialBlock|1, hostile.Cat([]byte{0x0D, 1, 6, 0x3F}, packed)), 44100, 6, "5.1", "s16p", 16, 10},
		// The mask counts one channel, the count four: ffprobe shows the
		// mask's mono and the decoder fails.
		{"multichannel mask mismatch", block(0, 0x407, 10, 10, rate44100|wv.FlagInitialBlock|1|wv.FlagMono, hostile.Cat([]byte{0x0D, 1, 4, 4}, packed)), 44100, 1, "mono", "", 0, 10},
		// No channel information: no layout, no channels, no decoding.
		{"multichannel without channel info", block(0, 0x407, 10, 10, rate44100|1, packed), 44100, 0, "", "", 0, 10},
		{"block past the end", block(1000, 0x407, 10, 10, rate44100|single|1, packed), 44100, 2, "stereo", "", 0, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := read(&demuxkit.BytesSource{B: tc.data}, 0, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, "wavpack", st.CodecName)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, tc.fmt, st.SampleFmt)
			assert.Equal(t, tc.bits, st.BitsPerRawSample)
			assert.Equal(t, tc.durationTS, st.DurationTS)
			assert.Equal(t, int64(0), st.StartPTS)
			assert.Equal(t, 2, st.ExtradataSize)
		})
	}
}

func TestReadFails(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		kind error
	}{
		{"custom rate missing", block(0, 0x410, 10, 10, 15<<23|single|1, packed), container.ErrMalformed},
		{"version 0x411", block(0, 0x411, 10, 10, rate44100|single|1, packed), container.ErrUnsupported},
		{"only zero-sample blocks", block(0, 0x407, 0, 0, 0, packed), container.ErrTruncated},
		{"short channel info", block(0, 0x407, 10, 10, rate44100|1, []byte{0x0D, 0}), container.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(&demuxkit.BytesSource{B: tc.data}, 0, container.Options{})
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

// TestHostileWavPackBlockSize: a block size of 0 or 2^31 is refused at the
// header, having read the header only; a chain of zero-sample blocks of
// the largest size costs one header read each, bounded by the object.
func TestHostileWavPackBlockSize(t *testing.T) {
	for _, size := range []uint32{0, 1 << 31} {
		b := block(24, 0x407, 10, 10, rate44100|single|1, packed)
		copy(b[4:], hostile.LE32(size))
		assert.Equal(t, 0, probe(b))
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		_, err := read(src, 0, container.Options{})
		assert.ErrorIs(t, err, container.ErrMalformed, "size %d", size)
		assert.LessOrEqual(t, src.Bytes, int64(wv.HeaderSize))
		assert.Zero(t, src.Budget().Used().Allocated)
	}
	// Zero-sample blocks claiming the largest size, one after the other:
	// the second lies past the end.
	b := block(wv.BlockLimit, 0x407, 0, 0, 0, nil)
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
	_, err := read(src, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.LessOrEqual(t, src.Bytes, int64(wv.HeaderSize))
	// A first block claiming the largest size whose sub-blocks must be
	// walked reads what the object holds, not what it claims.
	b = block(wv.BlockLimit, 0x407, 10, 10, rate44100|1, hostile.Cat([]byte{0x0D, 1, 2, 3}, packed))
	src = &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, 2, info.Streams[0].Channels)
	assert.Empty(t, info.Streams[0].SampleFmt) // the packet cannot be read
	assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(b)))
}

// TestCoverByteRange: the APEv2 cover of testdata/wv_cover.wv (made by the
// wavpack CLI) is an attached picture whose byte range is the JPEG file.
func TestCoverByteRange(t *testing.T) {
	b, err := os.ReadFile("../../testdata/wv_cover.wv")
	require.NoError(t, err)
	info, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 2)
	pic := info.Streams[1]
	require.NotNil(t, pic.Picture)
	assert.Equal(t, "mjpeg", pic.CodecName)
	assert.True(t, pic.IsCover())
	img := b[pic.Picture.Offset : pic.Picture.Offset+pic.Picture.Length]
	assert.Equal(t, []byte{0xFF, 0xD8}, img[:2])
	assert.Equal(t, []byte{0xFF, 0xD9}, img[len(img)-2:])
	title, _ := info.Format.Tags.Get("Title")
	assert.Equal(t, "Cover test", title)
}
