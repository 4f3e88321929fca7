package ape

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// newFile builds a Monkey's Audio file with the 3.98 layout: descriptor,
// header, a seek table of n entries 100 bytes apart, then data bytes of
// zeros.
func newFile(n uint32, ver, comp, bps, ch uint16, rate, final uint32, data int) []byte {
	first := 52 + 24 + 4*n
	b := hostile.Cat(
		[]byte("MAC "), hostile.LE16(ver), hostile.LE16(0), // magic, version, padding
		hostile.LE32(52), hostile.LE32(24), hostile.LE32(4*n), // descriptor, header, seek table lengths
		hostile.LE32(0), hostile.LE32(uint32(data)), hostile.LE32(0), hostile.LE32(0), // WAV header, audio data (low, high), WAV tail
		hostile.Zeros(16),                   // MD5
		hostile.LE16(comp), hostile.LE16(0), // compression level, format flags
		hostile.LE32(73728*4), hostile.LE32(final), hostile.LE32(n), // blocks per frame, final frame blocks, frames
		hostile.LE16(bps), hostile.LE16(ch), hostile.LE32(rate), // bits, channels, rate
	)
	for i := uint32(0); i < n; i++ {
		b = append(b, hostile.LE32(first+100*i)...)
	}
	return append(b, hostile.Zeros(data)...)
}

// oldFile builds a file with the layout before 3.98: one 32-byte header, a
// 44-byte stored WAV header unless flags has 32, the seek table and, before
// 3.81, the bit table.
func oldFile(n uint32, ver, comp, flags, ch uint16, rate, final uint32) []byte {
	b := hostile.Cat(
		[]byte("MAC "), hostile.LE16(ver), // magic, version
		hostile.LE16(comp), hostile.LE16(flags), hostile.LE16(ch), hostile.LE32(rate), // level, flags, channels, rate
		hostile.LE32(44), hostile.LE32(0), hostile.LE32(n), hostile.LE32(final), // WAV header, WAV tail, frames, final blocks
	)
	first := 32 + 4*n
	if ver < 3810 {
		first += n
	}
	if flags&flagCreateWAVHeader == 0 {
		b = append(b, hostile.Zeros(44)...)
		first += 44
	}
	for i := uint32(0); i < n; i++ {
		b = append(b, hostile.LE32(first+100*i)...)
	}
	if ver < 3810 {
		b = append(b, hostile.Zeros(int(n))...)
	}
	return append(b, hostile.Zeros(300)...)
}

// The expected values are ffprobe 5.1's for the same bytes.
func TestReadHeaders(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		data                 []byte
		sampleFmt            string
		rate, channels, bits int
		layout               string
		durationTS, frames   int64
	}{
		{"3.99 stereo s16", newFile(3, 3990, 2000, 16, 2, 44100, 1000, 400), "s16p", 44100, 2, 16, "stereo", 590824, 3},
		{"3.99 mono 24-bit", newFile(1, 3990, 2000, 24, 1, 48000, 4000, 400), "s32p", 48000, 1, 24, "mono", 4000, 1},
		{"3.95 mono", oldFile(2, 3950, 2000, 0, 1, 22050, 500), "s16p", 22050, 1, 16, "mono", 295412, 2},
		{"3.80 8-bit with bit table", oldFile(2, 3800, 4000, flag8Bit, 2, 8000, 500), "u8p", 8000, 2, 8, "stereo", 74228, 2},
		{"3.90 24-bit no WAV header", oldFile(2, 3900, 1000, flag24Bit|flagCreateWAVHeader, 1, 22050, 500), "s32p", 22050, 1, 24, "mono", 74228, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, 100, probe(tc.data))
			info, err := read(&demuxkit.BytesSource{B: tc.data}, 0, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, "ape", st.CodecName)
			assert.Equal(t, uint32(0x20455041), st.CodecTag)
			assert.Equal(t, tc.sampleFmt, st.SampleFmt)
			assert.Equal(t, tc.rate, st.SampleRate)
			assert.Equal(t, tc.channels, st.Channels)
			assert.Equal(t, tc.layout, st.ChannelLayout)
			assert.Equal(t, tc.bits, st.BitsPerRawSample)
			assert.Equal(t, tc.durationTS, st.DurationTS)
			assert.Equal(t, tc.frames, st.NbFrames)
			assert.Equal(t, int64(0), st.StartPTS)
			assert.Equal(t, container.Rational{Num: 1, Den: int64(tc.rate)}, st.TimeBase)
			assert.Equal(t, 6, st.ExtradataSize)
		})
	}
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 0, probe([]byte("MAC")))
	assert.Equal(t, 25, probe([]byte("MAC ")))                                  // no version: 0
	assert.Equal(t, 25, probe(hostile.Cat([]byte("MAC "), hostile.LE16(3700)))) // before 3.80
	assert.Equal(t, 100, probe(hostile.Cat([]byte("MAC "), hostile.LE16(3800))))
	assert.Equal(t, 25, probe(hostile.Cat([]byte("MAC "), hostile.LE16(3991))))
}

// TestDecoderRefuses: ffprobe fails when ape_decode_init refuses the
// stream, so the probe fails too.
func TestDecoderRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		kind error
	}{
		{"three channels", newFile(1, 3990, 2000, 16, 3, 44100, 10, 100), container.ErrUnsupported},
		{"32 bits", newFile(1, 3990, 2000, 32, 2, 44100, 10, 100), container.ErrUnsupported},
		{"level 1500", newFile(1, 3990, 1500, 16, 2, 44100, 10, 100), container.ErrMalformed},
		{"extra high before 3.93", oldFile(1, 3920, 5000, 0, 2, 44100, 10), container.ErrMalformed},
		{"no frames", newFile(0, 3990, 2000, 16, 2, 44100, 10, 100), container.ErrMalformed},
		{"version 3.70", hostile.Cat([]byte("MAC "), hostile.LE16(3700), hostile.Zeros(100)), container.ErrUnsupported},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(&demuxkit.BytesSource{B: tc.data}, 0, container.Options{})
			assert.ErrorIs(t, err, tc.kind)
		})
	}
}

// TestHostileAPEFrames4G: a header claiming 2^32-1 frames, and one just
// under apedec.c's limit whose seek table the object does not hold, fail
// at once, reading no more than the header and allocating nothing in
// proportion to the claim.
func TestHostileAPEFrames4G(t *testing.T) {
	huge := newFile(1, 3990, 2000, 16, 2, 44100, 10, 100)
	copy(huge[64:], hostile.LE32(0xFFFFFFFF)) // frames
	copy(huge[16:], hostile.LE32(0xFFFFFFFC)) // seek table length
	under := newFile(1, 3990, 2000, 16, 2, 44100, 10, 100)
	copy(under[64:], hostile.LE32(0xFFFFFFFF/frameSize)) // frames
	copy(under[16:], hostile.LE32(0xFFFFFFFC))           // seek table length
	old := oldFile(1, 3950, 2000, 0, 2, 44100, 10)
	copy(old[24:], hostile.LE32(0xFFFFFFFF)) // frames
	for _, tc := range []struct {
		name string
		data []byte
		kind error
	}{
		{"2^32-1 frames", huge, container.ErrMalformed},
		{"2^27-1 frames, seek table beyond the object", under, container.ErrTruncated},
		{"old header, 2^32-1 frames", old, container.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: tc.data, Limit: 1 << 12}}
			_, err := read(src, 0, container.Options{})
			assert.ErrorIs(t, err, tc.kind)
			assert.LessOrEqual(t, src.Bytes, int64(len(tc.data)))
			assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(tc.data)))
		})
	}
}

// TestFrameOver2GiB: a seek table entry 3 GiB past the previous one makes
// a frame ape_read_header refuses.
func TestFrameOver2GiB(t *testing.T) {
	b := newFile(2, 3990, 2000, 16, 2, 44100, 10, 100)
	copy(b[52+24+4:], hostile.LE32(3<<30))
	_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrMalformed)
}
