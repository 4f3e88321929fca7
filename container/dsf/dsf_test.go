package dsf

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// build makes a DSF file: the DSD chunk (file size, metadata pointer), the
// fmt chunk and the data chunk of blocks blocks per channel, then tag.
func build(chType, channels, bitOrder, blockSize uint32, samples uint64, blocks int, tag []byte) []byte {
	data := make([]byte, int(blockSize)*int(channels)*blocks)
	total := uint64(headLen + len(data))
	meta := uint64(0)
	if len(tag) > 0 {
		meta = total
	}
	return hostile.Cat(
		[]byte("DSD "), hostile.LE64(28), hostile.LE64(total+uint64(len(tag))), hostile.LE64(meta),
		[]byte("fmt "), hostile.LE64(52),
		hostile.LE32(1),         // format version
		hostile.LE32(0),         // format id: DSD raw
		hostile.LE32(chType),    // channel type
		hostile.LE32(channels),  // channel count
		hostile.LE32(2822400),   // sampling frequency (1 bit)
		hostile.LE32(bitOrder),  // bits per sample: 1 LSB first, 8 MSB first
		hostile.LE64(samples),   // sample count per channel
		hostile.LE32(blockSize), // block size per channel
		hostile.LE32(0),         // reserved
		[]byte("data"), hostile.LE64(uint64(dataHead+len(data))),
		data, tag,
	)
}

func readBytes(t *testing.T, b []byte) (*container.Info, error) {
	t.Helper()
	return read(&demuxkit.BytesSource{B: b, Limit: 1 << 16}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	ok := build(2, 2, 1, 256, 8*512, 2, nil)
	assert.Equal(t, 100, probe(ok))
	assert.Equal(t, 0, probe(ok[:11]))
	bad := append([]byte(nil), ok...)
	bad[4] = 29 // DSD chunk of 29 bytes
	assert.Equal(t, 0, probe(bad))
	assert.Equal(t, 0, probe([]byte("DSD \x1c\x00\x00")))
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		b        []byte
		codec    string
		channels int
		layout   string
		start    int64
	}{
		{"stereo lsbf", build(2, 2, 1, 256, 8*512, 2, nil), "dsd_lsbf_planar", 2, "stereo", 0},
		{"mono msbf", build(1, 1, 8, 256, 8*256, 1, nil), "dsd_msbf_planar", 1, "mono", 0},
		{"5.1 back", build(7, 6, 1, 256, 8*256, 1, nil), "dsd_lsbf_planar", 6, "5.1", 0},
		{"unknown type", build(9, 3, 1, 256, 8*256, 1, nil), "dsd_lsbf_planar", 3, "", 0},
		// The last block trimmed to 100 bytes a channel: one packet.
		{"trimmed last block", build(2, 2, 1, 256, 8*100, 1, nil), "dsd_lsbf_planar", 2, "stereo", 0},
		// No data: no packet, no start.
		{"no data", build(2, 2, 1, 256, 0, 0, nil), "dsd_lsbf_planar", 2, "stereo", container.NoPTS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := readBytes(t, tc.b)
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, 352800, st.SampleRate)
			assert.Equal(t, int64(352800*8*tc.channels), st.BitRate)
			assert.Equal(t, container.Rational{Num: 1, Den: 352800}, st.TimeBase)
			assert.Equal(t, "fltp", st.SampleFmt)
			assert.Equal(t, tc.start, st.StartPTS)
			assert.Equal(t, int64(headLen), info.Format.DataOffset)
		})
	}
}

func TestReadID3(t *testing.T) {
	cover := hostile.Cat([]byte{0xFF, 0xD8, 0xFF, 0xD9})
	tag := hostile.ID3v2Tag(
		hostile.ID3Frame("TIT2", 0, []byte("\x00A title")),
		hostile.ID3Frame("APIC", 0, hostile.APIC("image/jpeg", 3, "", cover)),
	)
	b := build(2, 2, 1, 256, 8*512, 2, tag)
	info, err := readBytes(t, b)
	require.NoError(t, err)
	v, ok := info.Format.Tags.Get("title")
	assert.True(t, ok)
	assert.Equal(t, "A title", v)
	require.Len(t, info.Streams, 2)
	assert.Equal(t, container.Audio, info.Streams[0].Type)
	pic := info.Streams[1]
	assert.True(t, pic.IsCover())
	require.NotNil(t, pic.Picture)
	assert.Equal(t, int64(len(cover)), pic.Picture.Length)
	assert.Equal(t, cover, b[pic.Picture.Offset:pic.Picture.Offset+pic.Picture.Length])
}

// TestDSFBlockSizeZero: a block size of 0 per channel (or one so large
// that the block of all channels overflows an int) fails the header as
// dsf_read_header does, cleanly, after reading no more than the chunk
// headers and the (absent) tag.
func TestDSFBlockSizeZero(t *testing.T) {
	for _, bs := range []uint32{0, 1 << 31, 0x7FFFFFFF} {
		b := build(2, 2, 1, 256, 8*512, 2, nil)
		copy(b[72:], hostile.LE32(bs))
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		assert.Nil(t, info)
		assert.ErrorIs(t, err, container.ErrMalformed, "block size %d", bs)
		assert.LessOrEqual(t, src.Reads, int64(2))
		assert.LessOrEqual(t, src.Bytes, int64(headLen))
	}
}

func TestReadErrors(t *testing.T) {
	ok := build(2, 2, 1, 256, 8*512, 2, nil)
	for _, tc := range []struct {
		name string
		at   int
		v    []byte
		kind error
	}{
		{"dsd chunk size", 4, hostile.LE64(27), container.ErrMalformed},
		{"fmt id", 28, []byte("fmx "), container.ErrMalformed},
		{"fmt size", 32, hostile.LE64(53), container.ErrMalformed},
		{"version", 40, hostile.LE32(2), container.ErrUnsupported},
		{"format id", 44, hostile.LE32(1), container.ErrUnsupported},
		{"channel mismatch", 52, hostile.LE32(3), container.ErrMalformed},
		{"no channels", 48, hostile.Cat(hostile.LE32(0), hostile.LE32(0)), container.ErrMalformed},
		{"bit order", 60, hostile.LE32(4), container.ErrUnsupported},
		{"data id", 80, []byte("dat "), container.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := append([]byte(nil), ok...)
			copy(b[tc.at:], tc.v)
			_, err := readBytes(t, b)
			assert.ErrorIs(t, err, tc.kind)
		})
	}
	// Cut inside the fmt chunk: the missing fields read as zeros.
	_, err := readBytes(t, ok[:50])
	assert.True(t, errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrUnsupported), "%v", err)
}
