package rawvideo

import (
	"bytes"
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

// all are the demuxers of the package, by FFmpeg name.
var all = map[string]container.Demuxer{
	"h264": H264(), "hevc": HEVC(), "m4v": M4V(), "mpegvideo": MPEGVideo(), "obu": OBU(),
}

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	return b
}

// TestProbeOwnFiles: each format scores its own testdata file as ffprobe
// does (the goldens' probe_score), and no other raw format claims it.
func TestProbeOwnFiles(t *testing.T) {
	cases := []struct {
		file, format string
		score        int
	}{
		{"raw_h264.h264", "h264", 51},
		{"raw_h264_baseline.264", "h264", 51},
		{"raw_hevc.hevc", "hevc", 51},
		{"raw_mpeg4.m4v", "m4v", 50},
		{"raw_mpeg2.m2v", "mpegvideo", 51},
		{"raw_mpeg1.mpv", "mpegvideo", 51},
		{"raw_av1.obu", "obu", 51},
	}
	for _, c := range cases {
		b := testdata(t, c.file)
		for name, d := range all {
			want := 0
			if name == c.format {
				want = c.score
			}
			assert.Equal(t, want, d.Probe(b), "%s probed as %s", c.file, name)
		}
	}
}

// TestProbeOtherFiles: no raw format claims a testdata file of a
// container with a score above 25, where detection would stop.
func TestProbeOtherFiles(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata"))
	require.NoError(t, err)
	for _, e := range entries {
		n := e.Name()
		// AVI packets are raw elementary streams, which FFmpeg's raw probes
		// score as well; the AVI probe's 100 wins over them.
		if e.IsDir() || filepath.Ext(n) == ".json" || filepath.Ext(n) == ".sh" || len(n) > 4 && (n[:4] == "raw_" || n[:4] == "avi_") {
			continue
		}
		b := testdata(t, n)
		for name, d := range all {
			assert.LessOrEqual(t, d.Probe(b), 25, "%s probed as %s", n, name)
		}
	}
}

// TestProbeRules: the rules of FFmpeg's probes that a file rarely shows.
func TestProbeRules(t *testing.T) {
	h264 := testdata(t, "raw_h264_baseline.264")
	// The forbidden bit of any unit refuses the stream.
	bad := append([]byte{0, 0, 1, 0x85, 0}, h264...)
	assert.Equal(t, 0, probeH264(bad))
	// An SPS with reserved bits set refuses it.
	assert.Equal(t, 0, probeH264([]byte{0, 0, 1, 0x67, 0x42, 0x03, 0x0d, 0xff}))
	// A slice naming a PPS never seen does not count.
	assert.Equal(t, 0, probeH264([]byte{0, 0, 1, 0x67, 0x42, 0, 0x0d, 0x80, 0, 0, 1, 0x65, 0x88, 0x80}))

	// MPEG-4: four bytes 00 00 00 05 count as a reserved code, which
	// leaves a well-structured stream of five VOPs and VOs a tenth of the
	// extension score.
	m4v := testdata(t, "raw_mpeg4.m4v")
	assert.Equal(t, 50, probeM4V(m4v))
	assert.Equal(t, 5, probeM4V(append(append([]byte(nil), m4v...), 0, 0, 0, 5)))

	// MPEG video with a pack header is MPEG-PS, not raw.
	m2v := testdata(t, "raw_mpeg2.m2v")
	assert.Equal(t, 0, probeMPEGVideo(append([]byte{0, 0, 1, 0xBA}, m2v...)))

	// OBU: the temporal delimiter must come first and be empty.
	obu := testdata(t, "raw_av1.obu")
	assert.Equal(t, 0, probeOBU(obu[2:]))
	assert.Equal(t, 0, probeOBU(append([]byte{0x12, 0x01, 0x00}, obu[2:]...)))
	// A frame before any sequence header scores 0.
	assert.Equal(t, 0, probeOBU([]byte{0x12, 0x00, 0x32, 0x01, 0x00}))
}

// TestProbeNoAlloc: probes run on every object and must not allocate.
func TestProbeNoAlloc(t *testing.T) {
	b := testdata(t, "raw_h264.h264")
	for name, d := range all {
		n := testing.AllocsPerRun(10, func() { d.Probe(b); d.Probe(b[:len(b)-7]) })
		assert.Zero(t, n, name)
	}
}

// TestReadHostile: garbage after a good start, an empty stream and a
// stream of start codes give an honest partial result, never a panic.
func TestReadHostile(t *testing.T) {
	inputs := map[string][]byte{
		"empty":       {},
		"start codes": hostile.Cat(hostileStartCodes(20000)),
		// An SPS whose fields are out of range: log2_max_frame_num 200 and
		// a VUI cut short.
		"bad sps": {0, 0, 1, 0x67, 0x64, 0, 0x1f, 0xac, 0xff, 0xff, 0xff, 0xff, 0, 0, 1, 0x68, 0xee, 0x3c, 0x80, 0, 0, 1, 0x65, 0x88},
	}
	for name, b := range inputs {
		for fname, d := range all {
			begin := time.Now()
			info, err := d.Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
			assert.Less(t, time.Since(begin), 3*time.Second, "%s as %s", name, fname)
			if err != nil {
				assert.True(t, errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed), "%s as %s: %v", name, fname, err)
				continue
			}
			require.Len(t, info.Streams, 1, "%s as %s", name, fname)
			assert.Equal(t, container.Rational{Num: 1, Den: 1200000}, info.Streams[0].TimeBase)
		}
	}
}

// hostileStartCodes is n start codes of every unit type in a row.
func hostileStartCodes(n int) []byte {
	b := make([]byte, 0, 4*n)
	for i := 0; i < n; i++ {
		b = append(b, 0, 0, 1, byte(i))
	}
	return b
}

// TestReadTiming: the frame rates and start times ffprobe prints, which the
// goldens check too, for a stream whose headers give no frame rate.
func TestReadTiming(t *testing.T) {
	info, err := M4V().Read(&demuxkit.BytesSource{B: []byte{0, 0, 1, 0xB6}}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, st.RFrameRate)
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	assert.Equal(t, int64(0), st.StartPTS)

	info, err = H264().Read(&demuxkit.BytesSource{B: []byte{0, 0, 1, 0x09}}, 0, container.Options{})
	require.NoError(t, err)
	st = info.Streams[0]
	assert.Equal(t, container.Rational{Num: 25, Den: 1}, st.RFrameRate)
	// No picture: no packet durations to average (ffprobe 5.1: 0/0).
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	assert.Equal(t, container.NoPTS, st.StartPTS)
}

// TestFewPictures: avformat_find_stream_info averages the durations of the
// packets after the second, so a whole stream of one or two pictures has
// avg_frame_rate 0/0; fewPictures counts the parser's packets.
func TestFewPictures(t *testing.T) {
	sc := []byte{0, 0, 0, 1}
	h264Slice := func(first bool) []byte {
		b := byte(0x00) // first_mb_in_slice > 0: ue(v) starting with 0
		if first {
			b = 0x88 // first_mb_in_slice = 0 (bit 1), slice_type ...
		}
		return append(append([]byte(nil), sc...), 0x65, b, 0x84) // IDR slice
	}
	sps := append(append([]byte(nil), sc...), 0x67, 0x42, 0x00, 0x0a)
	two := append(append(append(append([]byte(nil), sps...), h264Slice(true)...), h264Slice(false)...), h264Slice(true)...)
	few, ok := fewPictures("h264", two)
	assert.True(t, ok)
	assert.True(t, few, "two pictures, one of two slices")
	three := append(two, h264Slice(true)...)
	few, _ = fewPictures("h264", three)
	assert.False(t, few)

	pic := []byte{0, 0, 1, 0, 0x00, 0x0f}
	few, ok = fewPictures("mpeg1video", append(append([]byte{0, 0, 1, 0xB3}, pic...), pic...))
	assert.True(t, ok)
	assert.True(t, few)

	// AV1: temporal delimiters (type 2, obu_has_size_field) with size 0,
	// each followed by a padding OBU (type 15) of 2 bytes.
	tu := []byte{2<<3 | 2, 0, 15<<3 | 2, 2, 0xAA, 0xAA}
	few, ok = fewPictures("av1", bytes.Repeat(tu, 3))
	assert.True(t, ok)
	assert.False(t, few)
	few, _ = fewPictures("av1", bytes.Repeat(tu, 2))
	assert.True(t, few)
	_, ok = fewPictures("av1", []byte{2 << 3, 0}) // no obu_size
	assert.False(t, ok)
	_, ok = fewPictures("mpeg4", nil)
	assert.False(t, ok)
}
