package tak

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// lsb packs fields least significant bit first.
func lsb(fields ...[2]uint64) []byte {
	var b []byte
	pos := 0
	for _, f := range fields {
		for i := uint64(0); i < f[1]; i++ {
			if pos/8 >= len(b) {
				b = append(b, 0)
			}
			b[pos/8] |= byte(f[0]>>i&1) << uint(pos%8)
			pos++
		}
	}
	return b
}

// streamInfo is a STREAMINFO body; layout codes are written when given.
func streamInfo(samples uint64, rate, bps, channels int, layout ...uint64) []byte {
	f := [][2]uint64{{2, 6}, {0, 4}, {2, 4}, {samples, 35}, {0, 3},
		{uint64(rate - 6000), 18}, {uint64(bps - 8), 5}, {uint64(channels - 1), 4}}
	if layout == nil {
		f = append(f, [2]uint64{0, 1})
	} else {
		f = append(f, [2]uint64{1, 1}, [2]uint64{0, 5}, [2]uint64{1, 1})
		for _, c := range layout {
			f = append(f, [2]uint64{c, 6})
		}
	}
	return lsb(f...)
}

// block is a metadata block: type, 24-bit size counting a 3-byte CRC
// (zero: FFmpeg only logs a mismatch), body.
func block(typ byte, body []byte) []byte {
	n := len(body) + 3
	return hostile.Cat([]byte{typ, byte(n), byte(n >> 8), byte(n >> 16)}, body, []byte{0, 0, 0})
}

var end = []byte{0, 0, 0, 0}

// frames stands for the audio after the END block.
var frames = hostile.Cat([]byte{0xFF, 0xA0}, make([]byte, 100))

func file(blocks ...[]byte) []byte {
	return hostile.Cat(append(append([][]byte{[]byte("tBaK")}, blocks...), end, frames)...)
}

func readBytes(b []byte) (*container.Info, error) {
	return read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 50, probe([]byte("tBaK")))
	assert.Equal(t, 0, probe([]byte("tBa")))
	assert.Equal(t, 0, probe([]byte("TBaK")))
}

// TestRead: fields as ffprobe 5.1 prints them for files built the same way
// (their frames are not decoded, so the STREAMINFO stands).
func TestRead(t *testing.T) {
	info, err := readBytes(file(block(typeStreamInfo, streamInfo(88200, 44100, 16, 2))))
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "tak", st.CodecName)
	assert.Equal(t, 44100, st.SampleRate)
	assert.Equal(t, 2, st.Channels)
	assert.Equal(t, "", st.ChannelLayout)
	assert.Equal(t, "s16p", st.SampleFmt)
	assert.Equal(t, 16, st.BitsPerRawSample)
	assert.Equal(t, container.Rational{Num: 1, Den: 44100}, st.TimeBase)
	assert.Equal(t, int64(88200), st.DurationTS)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, 10, st.ExtradataSize)

	// Speaker codes make a layout; an unknown code adds nothing, and the
	// mask's count wins.
	info, err = readBytes(file(block(typeStreamInfo, streamInfo(48000, 48000, 24, 6, 1, 2, 3, 4, 5, 6))))
	require.NoError(t, err)
	assert.Equal(t, "5.1", info.Streams[0].ChannelLayout)
	assert.Equal(t, "s32p", info.Streams[0].SampleFmt)
	info, err = readBytes(file(block(typeStreamInfo, streamInfo(48000, 44100, 16, 4, 1, 2, 3, 60))))
	require.NoError(t, err)
	assert.Equal(t, 3, info.Streams[0].Channels)
	assert.Equal(t, "3.0", info.Streams[0].ChannelLayout)

	// ENCODER, MD5, LAST_FRAME and PADDING blocks around it; no samples
	// leaves the duration unknown.
	info, err = readBytes(file(block(typeEncoder, []byte{1, 2, 3}), block(typeStreamInfo, streamInfo(0, 8000, 8, 1)),
		block(typeMD5, make([]byte, 16)), block(typeLastFrame, make([]byte, 8)), block(5, make([]byte, 7))))
	require.NoError(t, err)
	assert.Equal(t, "u8p", info.Streams[0].SampleFmt)
	assert.Equal(t, container.NoPTS, info.Streams[0].DurationTS)
}

// TestRefused: what tak_read_header and tak_decode_init refuse; ffprobe
// then prints nothing.
func TestRefused(t *testing.T) {
	si := block(typeStreamInfo, streamInfo(100, 44100, 16, 2))
	for name, b := range map[string][]byte{
		"20 bits":           file(block(typeStreamInfo, streamInfo(100, 44100, 20, 2))),
		"no STREAMINFO":     file(),
		"two STREAMINFO":    file(si, si),
		"empty STREAMINFO":  file([]byte{typeStreamInfo, 3, 0, 0}),
		"MD5 of 18":         file(si, block(typeMD5, make([]byte, 15))),
		"LAST_FRAME of 10":  file(si, block(typeLastFrame, make([]byte, 7))),
		"truncated":         hostile.Cat([]byte("tBaK"), si[:8]),
		"no END":            hostile.Cat([]byte("tBaK"), si, []byte{5}),
		"not TAK":           []byte("tBaX"),
		"padding past end":  hostile.Cat([]byte("tBaK"), si, []byte{5, 100, 0, 0}),
		"truncated MD5 end": hostile.Cat([]byte("tBaK"), si, []byte{typeMD5, 19, 0, 0}, make([]byte, 10)),
	} {
		info, err := readBytes(b)
		assert.Error(t, err, name)
		assert.Nil(t, info, name)
	}
	// A file that ends right after a block reads a zero type byte there:
	// END, as avio_r8 returns 0 at the end of the file.
	_, err := readBytes(hostile.Cat([]byte("tBaK"), si))
	assert.NoError(t, err)
}

// TestPaddingOf16MiB: a PADDING block claiming 16 MiB in a small object
// is skipped unread. FFmpeg seeks there with lseek (past the short seek
// distance), reads a zero type byte at that position and takes it for
// END, as ffprobe 5.1 does; a shorter skip past the end fails.
func TestPaddingOf16MiB(t *testing.T) {
	si := block(typeStreamInfo, streamInfo(100, 44100, 16, 2))
	src := &demuxkit.BytesSource{B: hostile.Cat([]byte("tBaK"), si, []byte{5, 0xFF, 0xFF, 0xFF}, make([]byte, 20))}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, int64(100), info.Streams[0].DurationTS)
	assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(src.B)))

	_, err = readBytes(hostile.Cat([]byte("tBaK"), si, []byte{5, 0x88, 0x13, 0}, make([]byte, 20)))
	assert.ErrorIs(t, err, container.ErrTruncated)
}

// TestStreamInfoOf16MiB: a STREAMINFO block claiming the largest 24-bit
// size in a small object fails on the size, unread.
func TestStreamInfoOf16MiB(t *testing.T) {
	src := &demuxkit.BytesSource{B: hostile.Cat([]byte("tBaK"), []byte{typeStreamInfo, 0xFF, 0xFF, 0xFF}, make([]byte, 100))}
	info, err := read(src, 0, container.Options{})
	assert.Nil(t, info)
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(8))
}

// FuzzRead reads arbitrary bytes as a TAK file: prompt, categorised errors,
// never an Info with an error.
func FuzzRead(f *testing.F) {
	f.Add(file(block(typeStreamInfo, streamInfo(88200, 44100, 16, 2))))
	f.Add(file(block(typeEncoder, []byte{1, 2, 3}), block(typeStreamInfo, streamInfo(48000, 48000, 24, 6, 1, 2, 3, 4, 5, 6)),
		block(typeMD5, make([]byte, 16)), block(typeLastFrame, make([]byte, 8))))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		begin := time.Now()
		info, err := read(src, 0, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			if info != nil {
				t.Fatalf("info with error %v", err)
			}
			for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("uncategorised error %v", err)
		}
	})
}
