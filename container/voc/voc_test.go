package voc

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// header is a VOC header of version 1.20 with its check word.
func header(version uint16) []byte {
	return hostile.Cat([]byte(magic),
		hostile.LE16(headerSize),
		hostile.LE16(version),
		hostile.LE16(^version+0x1234), // check word
	)
}

// block is a VOC block: type, 24-bit size, body.
func block(typ byte, body ...[]byte) []byte {
	b := hostile.Cat(body...)
	return hostile.Cat([]byte{typ, byte(len(b)), byte(len(b) >> 8), byte(len(b) >> 16)}, b)
}

func readBytes(t *testing.T, b []byte) *container.Info {
	t.Helper()
	info, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	return info
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe(header(0x0114)))
	assert.Equal(t, 100, probe(header(0x010A)))
	bad := header(0x0114)
	bad[24] ^= 1
	assert.Equal(t, 10, probe(bad))
	assert.Equal(t, 10, probe([]byte(magic)), "a bare magic: zeros fail the check")
	assert.Equal(t, 0, probe([]byte("Creative Voice Fil")))
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		b        []byte
		codec    string
		rate     int
		channels int
		bitRate  int64
	}{
		{"block 1 pcm_u8", hostile.Cat(header(0x0114), block(1, []byte{256 - 125, 0}, make([]byte, 100)), []byte{0}),
			"pcm_u8", 8000, 1, 64000},
		{"block 1 sbpro 4-bit", hostile.Cat(header(0x0114), block(1, []byte{256 - 125, 1}, make([]byte, 100))),
			"adpcm_sbpro_4", 8000, 1, 32000},
		{"text, then block 1", hostile.Cat(header(0x0114), block(5, []byte("hi\x00")), block(1, []byte{256 - 100, 4}, make([]byte, 100))),
			"pcm_s16le", 10000, 1, 160000},
		// Block 8: about 22050 Hz stereo for the block 1 after it; its declared
		// size is ignored (four bytes are read).
		{"block 8 then 1", hostile.Cat(header(0x0114),
			[]byte{8, 0xff, 0, 0}, hostile.LE16(65536-256000000/(2*22050)), []byte{0, 1},
			block(1, []byte{0, 0}, make([]byte, 100))),
			"pcm_u8", 22053, 2, 352848}, // the time constant truncates
		// Block 9: the header's bits give the demuxer's bit rate.
		{"block 9 adpcm_ct", hostile.Cat(header(0x0120), block(9, hostile.LE32(11025), []byte{4, 1}, hostile.LE16(0x200), hostile.LE32(0), make([]byte, 50))),
			"adpcm_ct", 11025, 1, 44100},
		{"block 9 claims 8 bits of s16", hostile.Cat(header(0x0120), block(9, hostile.LE32(8000), []byte{8, 2}, hostile.LE16(4), hostile.LE32(0), make([]byte, 50))),
			"pcm_s16le", 8000, 2, 128000},
		// A size of 0 runs to the end of the object.
		{"block 1 to the end", hostile.Cat(header(0x0114), []byte{1, 0, 0, 0, 256 - 125, 7}, make([]byte, 60)),
			"pcm_mulaw", 8000, 1, 64000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := readBytes(t, tc.b)
			st := info.Streams[0]
			assert.Equal(t, tc.codec, st.CodecName)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.bitRate, st.BitRate)
			assert.Equal(t, container.Rational{Num: 1, Den: int64(tc.rate)}, st.TimeBase)
			assert.Equal(t, int64(0), st.StartPTS)
			assert.Equal(t, int64(headerSize), info.Format.DataOffset)
		})
	}
}

// TestReadNoPacket: blocks that give no first packet still leave the audio
// stream ffprobe prints, with the default bit rate and no start.
func TestReadNoPacket(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		rate int
	}{
		{"end block first", hostile.Cat(header(0x0114), []byte{0}), 0},
		{"unknown codec", hostile.Cat(header(0x0114), block(1, []byte{256 - 125, 5}, make([]byte, 10))), 8000},
		{"short block 1", hostile.Cat(header(0x0114), block(1, []byte{1})), 0},
		{"short block 9", hostile.Cat(header(0x0120), block(9, make([]byte, 11))), 0},
		{"data before any rate", hostile.Cat(header(0x0114), block(2, make([]byte, 10))), 0},
		{"cut header", header(0x0114), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := readBytes(t, tc.b)
			st := info.Streams[0]
			assert.Equal(t, "", st.CodecName)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, int64(defaultBitRate), st.BitRate)
			assert.Equal(t, container.NoPTS, st.StartPTS)
		})
	}
}

// TestReadNoChannels: a block 9 of no channels leaves a decoder that
// cannot open, and ffprobe fails.
func TestReadNoChannels(t *testing.T) {
	b := hostile.Cat(header(0x0120), block(9, hostile.LE32(8000), []byte{8, 0}, hostile.LE16(0), hostile.LE32(0), make([]byte, 50)))
	_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrMalformed)
}

func TestReadHeaderSize(t *testing.T) {
	b := header(0x0114)
	binary.LittleEndian.PutUint16(b[20:], 27)
	_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrUnsupported)
}

// TestVOCManyBlocks: a file of nothing but skipped blocks is walked once,
// within the structure budget, and reads each byte once.
func TestVOCManyBlocks(t *testing.T) {
	b := header(0x0114)
	for range 2000 {
		b = append(b, block(5, []byte("x\x00"))...)
	}
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, container.NoPTS, info.Streams[0].StartPTS)
	assert.LessOrEqual(t, src.Bytes, int64(len(b))+8)
}
