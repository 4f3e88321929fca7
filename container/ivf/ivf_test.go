package ivf

import (
	"errors"
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

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	return b
}

// header builds an IVF file header.
func header(fourcc string, w, h uint16, den, num, frames uint32) []byte {
	return hostile.Cat([]byte("DKIF"), hostile.LE16(0), hostile.LE16(32), []byte(fourcc),
		hostile.LE16(w), hostile.LE16(h), hostile.LE32(den), hostile.LE32(num), hostile.LE32(frames), hostile.LE32(0))
}

func TestProbe(t *testing.T) {
	b := testdata(t, "ivf_vp9.ivf")
	assert.Equal(t, 98, probe(b))
	assert.Equal(t, 0, probe(b[:7]))
	bad := append([]byte(nil), b...)
	bad[4] = 1 // version 1
	assert.Equal(t, 0, probe(bad))
}

// TestRead: the header's fields, and the first frame's timestamp as the
// start, on a hand-built file whose values differ from ffmpeg's output.
func TestRead(t *testing.T) {
	frame := []byte{0x82, 0x49, 0x83, 0x42, 0x00} // a VP9 key frame's first bytes
	b := hostile.Cat(header("VP90", 320, 180, 60000, 1001, 300), hostile.LE32(uint32(len(frame))), hostile.LE64(7), frame)
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "vp9", st.CodecName)
	assert.Equal(t, "VP90", string([]byte{byte(st.CodecTag), byte(st.CodecTag >> 8), byte(st.CodecTag >> 16), byte(st.CodecTag >> 24)}))
	assert.Equal(t, container.Rational{Num: 1001, Den: 60000}, st.TimeBase)
	assert.Equal(t, container.Rational{Num: 60000, Den: 1001}, st.RFrameRate)
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	assert.Equal(t, int64(300), st.DurationTS)
	assert.Equal(t, int64(7), st.StartPTS)
	assert.Equal(t, "Profile 0", st.Profile)
}

// TestReadHostile: a zero time base, a frame claiming 4 GiB, a header cut
// short and no frame at all: honest errors or partial results, bounded
// reads.
func TestReadHostile(t *testing.T) {
	cases := map[string]struct {
		b    []byte
		kind error
	}{
		"zero time base": {header("VP80", 64, 48, 0, 1, 4), container.ErrMalformed},
		"cut header":     {header("VP80", 64, 48, 25, 1, 4)[:20], container.ErrTruncated},
		"huge frame":     {hostile.Cat(header("VP80", 64, 48, 25, 1, 4), hostile.LE32(1<<32-1), hostile.LE64(0), []byte{0x50, 0x42}), nil},
		"no frame":       {header("AV01", 64, 48, 25, 1, 0), nil},
		"unknown codec":  {hostile.Cat(header("ABCD", 64, 48, 25, 1, 1), hostile.LE32(1), hostile.LE64(0), []byte{0}), nil},
	}
	for name, c := range cases {
		src := &demuxkit.BytesSource{B: c.b}
		begin := time.Now()
		info, err := Demuxer().Read(src, 0, container.Options{})
		assert.Less(t, time.Since(begin), hostile.HangBound, name)
		// What is taken into memory is the header and at most the head
		// of the first frame, whatever its size says.
		assert.LessOrEqual(t, src.Budget().Used().Allocated, int64(len(c.b)), name)
		if c.kind != nil {
			assert.ErrorIs(t, err, c.kind, name)
			continue
		}
		require.NoError(t, err, name)
		require.Len(t, info.Streams, 1, name)
	}
}

func FuzzRead(f *testing.F) {
	for _, n := range []string{"ivf_vp8.ivf", "ivf_vp9.ivf", "ivf_av1.ivf"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", n)); err == nil {
			f.Add(b)
		}
	}
	f.Add(header("VP80", 64, 48, 0, 1, 4))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := probe(b); s != 0 && s != 98 {
			t.Fatalf("score %d", s)
		}
		begin := time.Now()
		info, err := Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil && !(errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
			errors.Is(err, container.ErrLimit)) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		if err == nil && len(info.Streams) != 1 {
			t.Fatalf("%d streams", len(info.Streams))
		}
	})
}

// TestAverageRate: avg_frame_rate only for the time bases tb_unreliable
// names, coarser than a millisecond, with three packets to count.
func TestAverageRate(t *testing.T) {
	for _, tc := range []struct {
		tb     container.Rational
		frames int64
		want   container.Rational
	}{
		{container.Rational{Num: 1, Den: 25}, 100, container.Rational{}},
		{container.Rational{Num: 1, Den: 100}, 100, container.Rational{}},
		{container.Rational{Num: 1, Den: 101}, 100, container.Rational{Num: 101, Den: 1}},
		{container.Rational{Num: 1, Den: 119}, 100, container.Rational{Num: 120, Den: 1}}, // a standard rate within 1%
		{container.Rational{Num: 1, Den: 4}, 5, container.Rational{Num: 4, Den: 1}},
		{container.Rational{Num: 1, Den: 999}, 100, container.Rational{Num: 999, Den: 1}},
		{container.Rational{Num: 1, Den: 1000}, 100, container.Rational{}}, // packets without duration
		{container.Rational{Num: 1, Den: 150}, 2, container.Rational{}},    // too few packets
		{container.Rational{Num: 1, Den: 150}, 0, container.Rational{Num: 150, Den: 1}},
	} {
		assert.Equal(t, tc.want, averageRate(tc.tb, tc.frames), "%v, %d frames", tc.tb, tc.frames)
	}
}
