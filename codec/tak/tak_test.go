package tak

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/codec"
)

// lsbWriter packs fields least significant bit first, as TAK stores them.
type lsbWriter struct {
	b   []byte
	pos int
}

func (w *lsbWriter) put(v uint64, n int) {
	for i := 0; i < n; i++ {
		if w.pos/8 >= len(w.b) {
			w.b = append(w.b, 0)
		}
		w.b[w.pos/8] |= byte(v>>uint(i)&1) << uint(w.pos%8)
		w.pos++
	}
}

// StreamInfoBytes builds a STREAMINFO body; a nil layout writes none.
func StreamInfoBytes(codecType, frameType int, samples int64, rate, bps, channels int, layout []int) []byte {
	w := &lsbWriter{}
	w.put(uint64(codecType), 6)
	w.put(0, 4) // profile
	w.put(uint64(frameType), 4)
	w.put(uint64(samples), 35)
	w.put(0, 3) // data type
	w.put(uint64(rate-6000), 18)
	w.put(uint64(bps-8), 5)
	w.put(uint64(channels-1), 4)
	if layout != nil {
		w.put(1, 1)
		w.put(0, 5)
		w.put(1, 1)
		for _, c := range layout {
			w.put(uint64(c), 6)
		}
	} else {
		w.put(0, 1)
	}
	return w.b
}

func TestParseStreamInfo(t *testing.T) {
	si, ok := ParseStreamInfo(StreamInfoBytes(2, 2, 88200, 44100, 16, 2, nil))
	assert.True(t, ok)
	assert.Equal(t, StreamInfo{Codec: 2, FrameType: 2, Samples: 88200, SampleRate: 44100, Bits: 16, Channels: 2}, si)
	assert.Equal(t, "s16p", si.SampleFormat())

	// Six channels with speaker codes, one of them past the table (ignored).
	si, _ = ParseStreamInfo(StreamInfoBytes(4, 0, 1<<34, 48000, 24, 6, []int{1, 2, 3, 4, 5, 63}))
	assert.Equal(t, int64(1<<34), si.Samples)
	assert.Equal(t, uint64(codec.ChFL|codec.ChFR|codec.ChFC|codec.ChLFE|codec.ChBL), si.Mask)
	assert.Equal(t, "s32p", si.SampleFormat())

	si, _ = ParseStreamInfo(StreamInfoBytes(2, 0, 1, 8000, 8, 1, nil))
	assert.Equal(t, "u8p", si.SampleFormat())
	si, _ = ParseStreamInfo(StreamInfoBytes(2, 0, 1, 8000, 20, 1, nil))
	assert.Equal(t, "", si.SampleFormat())

	// One byte: the rest reads as zeros.
	si, ok = ParseStreamInfo([]byte{0x02})
	assert.True(t, ok)
	assert.Equal(t, 6000, si.SampleRate)
	_, ok = ParseStreamInfo(nil)
	assert.False(t, ok)
}

// FuzzParseStreamInfo checks that any bytes decode within the fields'
// ranges.
func FuzzParseStreamInfo(f *testing.F) {
	f.Add(StreamInfoBytes(2, 2, 88200, 44100, 16, 2, nil))
	f.Add(StreamInfoBytes(4, 0, 1<<34, 48000, 24, 6, []int{1, 2, 3, 4, 5, 63}))
	f.Fuzz(func(t *testing.T, b []byte) {
		si, ok := ParseStreamInfo(b)
		if !ok {
			return
		}
		if si.Channels < 1 || si.Channels > 16 || si.Bits < 8 || si.Bits > 39 || si.SampleRate < 6000 || si.Samples < 0 {
			t.Fatalf("out of range: %+v", si)
		}
	})
}
