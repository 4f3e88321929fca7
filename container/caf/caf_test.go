package caf

import (
	"encoding/binary"
	"errors"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// chunk is a CAF chunk: type, 64-bit size, body.
func chunk(id string, body []byte) []byte {
	return chunkSized(id, int64(len(body)), body)
}

// chunkSized is a chunk whose size field says size, whatever the body.
func chunkSized(id string, size int64, body []byte) []byte {
	return hostile.Cat([]byte(id), hostile.BE64(uint64(size)), body)
}

// descBody is a 'desc' chunk body: rate, format id, flags, bytes and
// frames per packet, channels, bits per channel.
func descBody(rate float64, format string, flags, bpp, fpp, ch, bits uint32) []byte {
	return hostile.Cat(hostile.BE64(math.Float64bits(rate)), []byte(format),
		hostile.BE32(flags), hostile.BE32(bpp), hostile.BE32(fpp), hostile.BE32(ch), hostile.BE32(bits))
}

// fileHeader is "caff", version 1, flags 0, then a 16-bit mono 8 kHz
// little-endian PCM description.
var fileHeader = hostile.Cat([]byte("caff\x00\x01\x00\x00"),
	chunk("desc", descBody(8000, "lpcm", flagLittleEndian, 2, 1, 1, 16)))

// pcmData is a data chunk of 100 frames.
var pcmData = chunk("data", hostile.Cat(hostile.BE32(0), hostile.Zeros(200)))

func readBytes(t *testing.T, b []byte) (*container.Info, *demuxkit.CountingSource, error) {
	t.Helper()
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
	info, err := read(src, 0, container.Options{})
	return info, src, err
}

func TestReadPCM(t *testing.T) {
	head := hostile.Cat(fileHeader,
		chunk("chan", hostile.Cat(hostile.BE32(100<<16|1), hostile.BE32(0), hostile.BE32(0))),
		chunk("info", hostile.Cat(hostile.BE32(2), []byte("title\x00T\x00artist\x00A\x00"))))
	info, _, err := readBytes(t, hostile.Cat(head, pcmData))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "pcm_s16le", st.CodecName)
	assert.Equal(t, "s16", st.SampleFmt)
	assert.Equal(t, "mono", st.ChannelLayout)
	assert.Equal(t, int64(100), st.NbFrames)
	assert.Equal(t, int64(8000*2*8), st.BitRate)
	assert.Equal(t, container.NoPTS, st.DurationTS)
	assert.Equal(t, int64(len(head)+12+4), info.Format.DataOffset) // after the edit count
	assert.Equal(t, []container.Tag{{Key: "title", Value: "T"}, {Key: "artist", Value: "A"}}, info.Format.Tags.List())
}

func TestPCMCodec(t *testing.T) {
	for _, tc := range []struct {
		bits  int
		flags uint32
		want  string
	}{
		{16, flagLittleEndian, "pcm_s16le"},
		{16, 0, "pcm_s16be"},
		{24, 0, "pcm_s24be"},
		{20, flagLittleEndian, "pcm_s24le"}, // rounded up to whole bytes
		{8, 0, "pcm_s8"},
		{32, flagFloat, "pcm_f32be"},
		{64, flagFloat | flagLittleEndian, "pcm_f64le"},
		{16, flagFloat, ""},
		{0, 0, ""},
	} {
		assert.Equal(t, tc.want, wav.PCMCodecName(tc.bits, tc.flags&flagFloat != 0, tc.flags&flagLittleEndian == 0, -1), "%d bits flags %d", tc.bits, tc.flags)
	}
}

// TestChunkSizeMinusOneNotLast is the hostile input: a chunk of
// size -1 ("to the end of the file") that is not the last. Before the data
// chunk it fails the header, as cafdec.c does; after it, the walk stops
// there. Neither scans the rest nor allocates the claimed size.
func TestChunkSizeMinusOneNotLast(t *testing.T) {
	tail := hostile.Zeros(1 << 20) // what a scan would read
	t.Run("free before data", func(t *testing.T) {
		_, src, err := readBytes(t, hostile.Cat(fileHeader, chunkSized("free", -1, nil), pcmData, tail))
		assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
		assert.Less(t, src.Bytes, int64(200))
	})
	t.Run("free after data", func(t *testing.T) {
		info, src, err := readBytes(t, hostile.Cat(fileHeader, pcmData, chunkSized("free", -1, nil),
			chunk("info", hostile.Cat(hostile.BE32(1), []byte("title\x00T\x00"))), tail))
		require.NoError(t, err)
		assert.Equal(t, 0, info.Format.Tags.Len())
		assert.Less(t, src.Bytes, int64(200))
	})
	t.Run("data", func(t *testing.T) {
		info, src, err := readBytes(t, hostile.Cat(fileHeader, chunkSized("data", -1, hostile.BE32(0)), tail,
			chunk("info", hostile.Cat(hostile.BE32(1), []byte("title\x00T\x00")))))
		require.NoError(t, err)
		assert.Equal(t, 0, info.Format.Tags.Len())
		assert.Equal(t, int64(0), info.Streams[0].NbFrames) // the size is unknown
		assert.Less(t, src.Bytes, int64(200))
	})
	t.Run("info", func(t *testing.T) {
		// Read where it stands; the walk goes on after its entry count.
		info, _, err := readBytes(t, hostile.Cat(fileHeader, chunkSized("info", -1, hostile.BE32(1)),
			chunk("info", hostile.Cat(hostile.BE32(1), []byte("title\x00T\x00"))), pcmData))
		require.NoError(t, err)
		v, _ := info.Format.Tags.Get("title")
		assert.Equal(t, "T", v)
	})
	for _, id := range []string{"chan", "kuki", "pakt"} {
		t.Run(id, func(t *testing.T) {
			_, src, err := readBytes(t, hostile.Cat(fileHeader, chunkSized(id, -1, hostile.Zeros(24)), pcmData, tail))
			assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
			assert.Less(t, src.Bytes, int64(200))
		})
	}
}

// variable is a header for a codec with variable packets: ALAC-like, 4096
// frames a packet, sizes in the packet table.
func variable(format string, fpp uint32) []byte {
	return hostile.Cat([]byte("caff\x00\x01\x00\x00"), chunk("desc", descBody(8000, format, 0, 0, fpp, 1, 0)))
}

func TestPaktVariableFrames(t *testing.T) {
	// Two packets of 3 and 200 bytes with 1000 and 300 frames (varints).
	pakt := hostile.Cat(hostile.BE64(2), hostile.BE64(1300), hostile.BE32(0), hostile.BE32(0),
		[]byte{3, 0x87, 0x68, 0x81, 0x48, 0x82, 0x2c})
	info, _, err := readBytes(t, hostile.Cat(variable("opus", 0), chunk("pakt", pakt),
		chunk("data", hostile.Cat(hostile.BE32(0), hostile.Zeros(203)))))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, int64(1300), st.DurationTS)
	assert.Equal(t, int64(1300), st.NbFrames)
	assert.Equal(t, int64(0), st.BitRate) // 203/1300 bytes a frame, in integers
}

func TestPaktNbFramesAddsPrimingAndRemainder(t *testing.T) {
	pakt := hostile.Cat(hostile.BE64(1), hostile.BE64(4000), hostile.BE32(64), hostile.BE32(32), []byte{10})
	info, _, err := readBytes(t, hostile.Cat(variable("opus", 4096), chunk("pakt", pakt),
		chunk("data", hostile.Cat(hostile.BE32(0), hostile.Zeros(10)))))
	require.NoError(t, err)
	assert.Equal(t, int64(4096), info.Streams[0].NbFrames)
	assert.Equal(t, int64(4096), info.Streams[0].DurationTS)
}

// TestPaktCountExceedsChunk: a packet table claiming the most packets
// FFmpeg accepts in a chunk of a few bytes fails without reading further.
func TestPaktCountExceedsChunk(t *testing.T) {
	for _, fpp := range []uint32{0, 4096} {
		pakt := hostile.Cat(hostile.BE64(maxPackets), hostile.BE64(0), hostile.BE32(0), hostile.BE32(0), []byte{1, 1, 1, 1})
		_, src, err := readBytes(t, hostile.Cat(variable("opus", fpp), chunk("pakt", pakt),
			chunk("data", hostile.Zeros(1<<20))))
		assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
		assert.Less(t, src.Bytes, int64(300))
	}
	pakt := hostile.Cat(hostile.BE64(maxPackets+1), hostile.BE64(0), hostile.BE32(0), hostile.BE32(0))
	_, _, err := readBytes(t, hostile.Cat(variable("opus", 0), chunk("pakt", pakt), pcmData))
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

// TestKukiSizeExceedsObject: a cookie claiming a terabyte is refused, not
// allocated.
func TestKukiSizeExceedsObject(t *testing.T) {
	for _, format := range []string{"aac ", "ima4", "alac"} {
		_, src, err := readBytes(t, hostile.Cat(variable(format, 1024), chunkSized("kuki", 1<<40, hostile.Zeros(64)), pcmData))
		assert.Error(t, err, format)
		assert.Less(t, src.Bytes, int64(300), format)
	}
}

func TestKukiALACStyles(t *testing.T) {
	config := []byte{0, 0, 0x10, 0, 0, 16, 40, 10, 14, 2, 0, 0, 0, 0, 0x60, 0x04, 0, 0, 0, 0, 0, 0, 0xac, 0x44}
	atom := hostile.Cat([]byte{0, 0, 0, 36}, []byte("alac"), hostile.BE32(0), config)
	pakt := chunk("pakt", hostile.Cat(hostile.BE64(1), hostile.BE64(4096), hostile.BE32(0), hostile.BE32(0), []byte{5}))
	data := chunk("data", hostile.Cat(hostile.BE32(0), hostile.Zeros(5)))
	for name, kuki := range map[string][]byte{
		"new": config,
		"old": hostile.Cat([]byte{0, 0, 0, 12}, []byte("frmaalac"), atom, hostile.Zeros(8)),
	} {
		info, _, err := readBytes(t, hostile.Cat(variable("alac", 4096), chunk("kuki", kuki), pakt, data))
		require.NoError(t, err, name)
		st := info.Streams[0]
		assert.Equal(t, "s16p", st.SampleFmt, name)
		assert.Equal(t, 44100, st.SampleRate, name)
		assert.Equal(t, "stereo", st.ChannelLayout, name)
		assert.Equal(t, 36, st.ExtradataSize, name)
	}
	_, _, err := readBytes(t, hostile.Cat(variable("alac", 4096), chunk("kuki", config[:20]), pakt, data))
	assert.True(t, errors.Is(err, container.ErrMalformed))
}

func TestChanDescriptions(t *testing.T) {
	desc := func(label uint32) []byte { return hostile.Cat(hostile.BE32(label), hostile.Zeros(16)) }
	stereo := hostile.Cat([]byte("caff\x00\x01\x00\x00"), chunk("desc", descBody(8000, "lpcm", flagLittleEndian, 4, 1, 2, 16)))
	for _, tc := range []struct {
		name string
		body []byte
		want string
	}{
		{"left right", hostile.Cat(hostile.BE32(0), hostile.BE32(0), hostile.BE32(2), desc(1), desc(2)), "stereo"},
		{"out of order", hostile.Cat(hostile.BE32(0), hostile.BE32(0), hostile.BE32(2), desc(2), desc(1)), ""},
		{"bitmap", hostile.Cat(hostile.BE32(1<<16), hostile.BE32(3), hostile.BE32(0)), "stereo"},
		{"wrong count", hostile.Cat(hostile.BE32(100<<16|1), hostile.BE32(0), hostile.BE32(0)), ""},
		{"short for descriptions", hostile.Cat(hostile.BE32(0), hostile.BE32(0), hostile.BE32(3), desc(1), desc(2)), ""},
	} {
		info, _, err := readBytes(t, hostile.Cat(stereo, chunk("chan", tc.body), pcmData))
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, info.Streams[0].ChannelLayout, tc.name)
	}
	// Descriptions running past the end of the object, more than one left
	// (with descriptions in use, the zeros read there would end the loop).
	body := hostile.Cat(hostile.BE32(1<<16), hostile.BE32(3), hostile.BE32(1000), desc(1))
	_, _, err := readBytes(t, hostile.Cat(stereo, chunkSized("chan", 12+20*1000, body)))
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe([]byte("caff\x00\x01")))
	assert.Equal(t, 0, probe([]byte("caff\x00\x02")))
	assert.Equal(t, 0, probe([]byte("caff")))
}

func TestDescNegative(t *testing.T) {
	b := hostile.Cat([]byte("caff\x00\x01\x00\x00"), chunk("desc", descBody(8000, "lpcm", 0, 0xffffffff, 1, 1, 16)), pcmData)
	_, _, err := readBytes(t, b)
	assert.True(t, errors.Is(err, container.ErrMalformed))
	binary.BigEndian.PutUint64(b[12:], 31)
	_, _, err = readBytes(t, b)
	assert.True(t, errors.Is(err, container.ErrMalformed))
}

// TestAACCookieRate: the AAC cookie's rate replaces the description's
// before the time base is set (ff_mp4_read_dec_config_descr runs in the
// walk), so a description saying 44.1 kHz over an 8 kHz configuration
// gives a time base of 1/8000.
func TestAACCookieRate(t *testing.T) {
	b, err := os.ReadFile("../../testdata/caf_aac.caf")
	require.NoError(t, err)
	binary.BigEndian.PutUint64(b[20:], math.Float64bits(44100))
	info, _, err := readBytes(t, b)
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, container.Rational{Num: 1, Den: 8000}, st.TimeBase)
	assert.Equal(t, 8000, st.SampleRate)
	assert.Equal(t, "LC", st.Profile)
	assert.Equal(t, "mono", st.ChannelLayout)
	assert.Equal(t, int64(3072), st.DurationTS)
}
