package shn

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// writer packs Shorten's Rice codes, most significant bit first.
type writer struct {
	b   []byte
	pos int
}

func (w *writer) bit(v int) {
	if w.pos/8 >= len(w.b) {
		w.b = append(w.b, 0)
	}
	w.b[w.pos/8] |= byte(v&1) << uint(7-w.pos%8)
	w.pos++
}

// golomb writes v>>k zeros, a one, then the k low bits of v.
func (w *writer) golomb(v uint32, k int) {
	for range v >> uint(k) {
		w.bit(0)
	}
	w.bit(1)
	for i := k - 1; i >= 0; i-- {
		w.bit(int(v >> uint(i)))
	}
}

// uint writes a width, then the value in it (version 1 and later).
func (w *writer) uint(v uint32) {
	k := bits.Len32(v)
	w.golomb(uint32(k), 2)
	w.golomb(v, k)
}

// waveHeader is a canonical 44-byte WAVE header.
func waveHeader(format uint16, channels uint16, rate uint32, bps uint16) []byte {
	le := binary.LittleEndian
	b := []byte("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00")
	b = le.AppendUint16(b, format)
	b = le.AppendUint16(b, channels)
	b = le.AppendUint32(b, rate)
	b = le.AppendUint32(b, rate*uint32(channels*bps/8))
	b = le.AppendUint16(b, channels*bps/8)
	b = le.AppendUint16(b, bps)
	return append(b, "data\x00\x00\x00\x00"...)
}

// aiffHeader is a 54-byte AIFF header (COMM and an empty SSND) at 2^e Hz
// with the given mantissa's top bit set.
func aiffHeader(typ string, bps uint16, exp uint16, mant uint64) []byte {
	be := binary.BigEndian
	b := []byte("FORM\x00\x00\x00\x2e" + typ + "COMM\x00\x00\x00\x12\x00\x02\x00\x00\x00\x00")
	b = be.AppendUint16(b, bps)
	b = be.AppendUint16(b, exp)
	b = be.AppendUint64(b, mant)
	return append(b, "SSND\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00"...)
}

// stream builds a version 2 Shorten stream: type, channels, block size 256,
// no LPC, no mean, no skip, then a verbatim block of hdr.
func stream(ftype, channels uint32, hdr []byte) []byte {
	w := &writer{}
	w.uint(ftype)
	w.uint(channels)
	w.uint(256)
	w.uint(0)
	w.uint(0)
	w.uint(0)
	w.golomb(fnVerbatim, fnSize)
	w.golomb(uint32(len(hdr)), verbatimCkSize)
	for _, c := range hdr {
		w.golomb(uint32(c), verbatimByteSize)
	}
	w.golomb(4, fnSize) // FN_QUIT
	return hostile.Cat([]byte("ajkg\x02"), w.b, make([]byte, 64))
}

func readBytes(b []byte) (*container.Info, error) {
	return read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 51, probe(stream(5, 2, waveHeader(1, 2, 44100, 16))))
	assert.Equal(t, 51, probe(stream(2, 8, waveHeader(1, 8, 8000, 8))))
	assert.Equal(t, 0, probe(stream(1, 2, waveHeader(1, 2, 44100, 16))), "type 1")
	assert.Equal(t, 0, probe(stream(5, 9, waveHeader(1, 2, 44100, 16))), "9 channels")
	assert.Equal(t, 0, probe(stream(5, 2, nil)[:60]), "fewer bytes than FFmpeg's padding")
	assert.Equal(t, 0, probe([]byte("ajkh\x02")))
	// Version 0: the type in 4 bits, the channels in 0, block size 256.
	w := &writer{}
	w.golomb(5, typeSize)
	w.golomb(2, chanSize)
	assert.Equal(t, 51, probe(hostile.Cat([]byte("ajkg\x00"), w.b, make([]byte, 80))))
	// A width above 31.
	w = &writer{}
	w.golomb(32, 2)
	assert.Equal(t, 0, probe(hostile.Cat([]byte("ajkg\x02"), w.b, make([]byte, 80))))
}

// TestRead: the decoder's fields, checked against ffprobe 5.1 on streams
// built the same way; where the decoder stops, what it set until then.
func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		b        []byte
		fmt      string
		rate     int
		channels int
	}{
		{"wave s16", stream(5, 2, waveHeader(1, 2, 44100, 16)), "s16p", 44100, 2},
		{"wave u8 mono", stream(2, 1, waveHeader(1, 1, 8000, 8)), "s16p", 8000, 1},
		{"aiff", stream(3, 2, aiffHeader("AIFF", 16, 16383+14, 22050<<49)), "s16p", 22050, 2},
		{"aifc", stream(3, 2, aiffHeader("AIFC", 16, 16383+15, 48000<<48)), "s16p", 48000, 2},
		{"wave 24 bits", stream(5, 2, waveHeader(1, 2, 44100, 24)), "", 44100, 2},
		{"wave float", stream(5, 2, waveHeader(3, 2, 44100, 32)), "", 0, 2},
		{"aiff exponent", stream(3, 2, aiffHeader("AIFF", 16, 1, 1<<63)), "", 0, 2},
		{"short header", stream(5, 2, waveHeader(1, 2, 44100, 16)[:40]), "", 0, 2},
		{"unknown type", stream(7, 2, waveHeader(1, 2, 44100, 16)), "", 44100, 2},
		{"no channels", stream(5, 0, waveHeader(1, 2, 44100, 16)), "", 0, 0},
		{"9 channels", stream(5, 9, waveHeader(1, 2, 44100, 16)), "", 0, 0},
	} {
		info, err := readBytes(tc.b)
		require.NoError(t, err, tc.name)
		st := info.Streams[0]
		assert.Equal(t, "shorten", st.CodecName, tc.name)
		assert.Equal(t, tc.fmt, st.SampleFmt, tc.name)
		assert.Equal(t, tc.rate, st.SampleRate, tc.name)
		assert.Equal(t, tc.channels, st.Channels, tc.name)
		assert.Equal(t, "", st.ChannelLayout, tc.name)
		assert.Equal(t, container.Rational{Num: 1, Den: 90000}, st.TimeBase)
		assert.Equal(t, container.NoPTS, st.DurationTS)
	}
}

// TestVerbatimOf16KiB: a verbatim header claiming the largest size the
// decoder takes, in a short stream, reads zeros past the data and costs
// only its own 16 KiB.
func TestVerbatimOf16KiB(t *testing.T) {
	w := &writer{}
	for _, v := range []uint32{5, 2, 256, 0, 0, 0} {
		w.uint(v)
	}
	w.golomb(fnVerbatim, fnSize)
	w.golomb(outBufferSize-1, verbatimCkSize)
	src := &demuxkit.BytesSource{B: hostile.Cat([]byte("ajkg\x02"), w.b, make([]byte, 64))}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, "", info.Streams[0].SampleFmt)
	assert.Equal(t, 2, info.Streams[0].Channels)
}

// TestZeroRun: a stream of zeros after the magic is one endless unary
// prefix; the header fails where the data ends.
func TestZeroRun(t *testing.T) {
	info, err := readBytes(hostile.Cat([]byte("ajkg\x02"), make([]byte, 1<<20)))
	require.NoError(t, err)
	assert.Equal(t, 0, info.Streams[0].Channels)
}

// FuzzRead reads arbitrary bytes as a Shorten stream: prompt, categorised
// errors, never an Info with an error; and the probe never panics.
func FuzzRead(f *testing.F) {
	f.Add(stream(5, 2, waveHeader(1, 2, 44100, 16)))
	f.Add(stream(3, 2, aiffHeader("AIFF", 16, 16383+14, 22050<<49)))
	for _, pattern := range []string{"../../../shared/corpus/real/taglib/*.shn"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = probe(b)
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
