package amr

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	codecamr "github.com/mediaprobe/mediaprobe/codec/amr"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// all are the demuxers of the package, by FFmpeg name.
var all = map[string]container.Demuxer{"amr": Storage(), "amrnb": NB(), "amrwb": WB()}

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	return b
}

// frames builds AMR frames of the given types: a header byte with the
// quality bit set, then speech bytes that never repeat the header.
func frames(c codecamr.Codec, types ...int) []byte {
	var out []byte
	for _, ft := range types {
		h := byte(ft<<3 | 4)
		out = append(out, h)
		for i := 1; i < c.FrameSize(h); i++ {
			out = append(out, h^0x55)
		}
	}
	return out
}

func repeat(ft, n int) []int {
	t := make([]int, n)
	for i := range t {
		t[i] = ft
	}
	return t
}

// TestProbeOwnFiles: each format scores its testdata files as ffprobe does
// (the goldens' probe_score).
func TestProbeOwnFiles(t *testing.T) {
	cases := []struct {
		file, format string
		score        int
	}{
		{"amr_nb.amr", "amr", 100},
		{"amr_wb.amr", "amr", 100},
		{"amr_one_byte.amr", "amr", 100},
		{"raw_amrnb.amrnb", "amrnb", 26},
		{"raw_amrwb.amrwb", "amrwb", 26},
	}
	for _, c := range cases {
		assert.Equal(t, c.score, all[c.format].Probe(testdata(t, c.file)), c.file)
	}
}

// TestProbeRaw: the counting rules of amrnb_probe and amrwb_probe.
func TestProbeRaw(t *testing.T) {
	nb := func(b []byte) int { return probeRaw(b, codecamr.NB) }
	wb := func(b []byte) int { return probeRaw(b, codecamr.WB) }
	assert.Equal(t, 26, nb(frames(codecamr.NB, repeat(0, 101)...)))
	assert.Equal(t, 0, nb(frames(codecamr.NB, repeat(0, 100)...)), "100 frames are not enough")
	// An invalid byte restarts the count of valid frames.
	assert.Equal(t, 0, nb(append(frames(codecamr.NB, repeat(0, 100)...), append([]byte{0xFF}, frames(codecamr.NB, repeat(0, 100)...)...)...)))
	assert.Equal(t, 26, nb(append([]byte{0xFF}, frames(codecamr.NB, repeat(0, 101)...)...)))
	// More than one invalid byte per 16 valid frames refuses the head.
	bad := bytes.Repeat([]byte{0xFF}, 7)
	assert.Equal(t, 0, nb(append(bad, frames(codecamr.NB, repeat(0, 101)...)...)))
	// Without the quality bit no byte opens a frame.
	noQ := frames(codecamr.NB, repeat(0, 120)...)
	for i := 0; i < len(noQ); i += 13 {
		noQ[i] &^= 4
	}
	assert.Equal(t, 0, nb(noQ))
	// A frame of bytes that all repeat its header does not count.
	assert.Equal(t, 0, nb(bytes.Repeat([]byte{0x04}, 13*120)))
	// Frame type 9 is a frame for AMR-WB (SID), invalid for AMR-NB.
	sid := frames(codecamr.WB, repeat(9, 110)...)
	assert.Equal(t, 26, wb(sid))
	assert.Equal(t, 0, nb(sid))
	// A frame cut by the end reads the zero padding.
	assert.Equal(t, 26, nb(frames(codecamr.NB, repeat(7, 102)...)[:32*101+3]))
	assert.Equal(t, 0, probeStorage([]byte("#!AM")))
	assert.Equal(t, 100, probeStorage([]byte("#!AMR_MC1.0\n")))
}

// TestProbeNoAlloc: probes run on every object and must not allocate.
func TestProbeNoAlloc(t *testing.T) {
	b := testdata(t, "raw_amrnb.amrnb")
	for name, d := range all {
		n := testing.AllocsPerRun(10, func() { d.Probe(b); d.Probe(b[:len(b)-7]) })
		assert.Zero(t, n, name)
	}
}

// TestParserBitRate: the AMR parser's bit rate over the packets
// avformat_find_stream_info reads, each figure checked with ffprobe 5.1 on
// the same frames in the storage format.
func TestParserBitRate(t *testing.T) {
	cases := []struct {
		name  string
		types []int
		want  int64
	}{
		// A frame that ends exactly at the end of the data is never
		// counted: one frame gives no rate at all.
		{"one frame", repeat(7, 1), 0},
		{"ten frames", repeat(7, 10), 12800},
		// 32 frames of 32 bytes fill the first packet exactly: the last
		// is held back and counted as 0 bytes when the 33rd arrives.
		{"32 frames", repeat(7, 32), 12800},
		{"33 frames", repeat(7, 33), 12400},
		{"400 frames", repeat(7, 400), 12400},
		{"then 3 small", append(repeat(7, 32), repeat(0, 3)...), 11600},
		{"then 5 small", append(repeat(7, 32), repeat(0, 5)...), 11600},
		// Counting stops with the packet that gives the 50th frame.
		{"then 100 small", append(repeat(7, 32), repeat(0, 100)...), 7200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := append([]byte("#!AMR\n"), frames(codecamr.NB, c.types...)...)
			info, err := Storage().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
			require.NoError(t, err)
			assert.Equal(t, c.want, info.Streams[0].BitRate)
			assert.Equal(t, int64(6), info.Format.DataOffset)
		})
	}
}

// TestOneByteAfterMagic is the hostile input: a storage file of
// one byte after its magic gives the stream ffprobe prints (no rate, no
// duration) after one small read.
func TestOneByteAfterMagic(t *testing.T) {
	src := &demuxkit.BytesSource{B: testdata(t, "amr_one_byte.amr")}
	info, err := Storage().Read(src, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, "amr_nb", st.CodecName)
	assert.Equal(t, uint32(0x726d6173), st.CodecTag)
	assert.Zero(t, st.BitRate)
	assert.Equal(t, container.NoPTS, st.DurationTS)
	assert.Equal(t, int64(7), info.Format.Size)
}

// TestReadErrors: a magic cut short, an unknown magic and the
// multichannel format give typed errors.
func TestReadErrors(t *testing.T) {
	for in, kind := range map[string]error{
		"#!AM":             container.ErrTruncated,
		"#!AMRx\n":         container.ErrMalformed,
		"#!AMR_MC1.0\n":    container.ErrUnsupported,
		"#!AMR-WB_MC1.0\n": container.ErrUnsupported,
	} {
		_, err := Storage().Read(&demuxkit.BytesSource{B: []byte(in)}, 0, container.Options{})
		assert.True(t, errors.Is(err, kind), "%q: %v", in, err)
	}
}

// TestReadWB: the AMR-WB magic gives the 16 kHz codec, its tag and data
// offset.
func TestReadWB(t *testing.T) {
	info, err := Storage().Read(&demuxkit.BytesSource{B: testdata(t, "amr_wb.amr")}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "amr_wb", st.CodecName)
	assert.Equal(t, 16000, st.SampleRate)
	assert.Equal(t, container.Rational{Num: 1, Den: 16000}, st.TimeBase)
	assert.Equal(t, "sawb", string([]byte{byte(st.CodecTag), byte(st.CodecTag >> 8), byte(st.CodecTag >> 16), byte(st.CodecTag >> 24)}))
	assert.Equal(t, int64(9), info.Format.DataOffset)
}
