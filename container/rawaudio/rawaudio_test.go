package rawaudio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// all are the demuxers of the package, by FFmpeg name.
var all = map[string]container.Demuxer{"ac3": AC3(), "eac3": EAC3(), "dts": DTS()}

func testdata(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	require.NoError(t, err)
	return b
}

// swap returns b with the bytes of each 16-bit word swapped.
func swap(b []byte) []byte {
	s := append([]byte(nil), b...)
	for i := 0; i+1 < len(s); i += 2 {
		s[i], s[i+1] = s[i+1], s[i]
	}
	return s
}

// TestProbeOwnFiles: each format scores its own testdata file as ffprobe
// does (the goldens' probe_score), and the others do not claim it.
func TestProbeOwnFiles(t *testing.T) {
	cases := []struct {
		file, format string
		score        int
	}{
		{"raw_ac3_karaoke.ac3", "ac3", 51},
		{"raw_ac3_vi_mono.ac3", "ac3", 51},
		{"raw_eac3.eac3", "eac3", 51},
		{"raw_dts.dts", "dts", 51},
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

// TestProbeOtherFiles: no raw audio format claims a testdata file of
// another format with a score above 25, where detection would stop.
func TestProbeOtherFiles(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata"))
	require.NoError(t, err)
	for _, e := range entries {
		n := e.Name()
		switch filepath.Ext(n) {
		case ".json", ".sh", ".ac3", ".eac3", ".dts":
			continue
		}
		// MPEG-TS, MPEG-PS and AVI carry DTS frames whole, which
		// dts_probe counts as FFmpeg's does; their own probes score higher.
		if e.IsDir() || n == "ts_dts.ts" || n == "ps_mpeg2_dts.vob" || n == "avi_dts.avi" {
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
	ac3 := testdata(t, "raw_ac3_karaoke.ac3") // 8 frames of 384 bytes
	// A byte-swapped stream scores as the stream does.
	assert.Equal(t, 51, probeAC3(swap(ac3)))
	// A broken CRC ends the run of frames: 6 from the start, then the
	// frames from the third syncword on count for max_frames (25).
	bad := append([]byte(nil), ac3...)
	bad[6*384+100] ^= 1
	assert.Equal(t, 25, probeAC3(bad))
	// 16 bytes starting 01 10 before a frame are passed over.
	skip := append(append([]byte{1, 0x10}, make([]byte, 14)...), ac3...)
	assert.Equal(t, 51, probeAC3(skip))
	withSkips := append([]byte(nil), ac3[:384]...)
	for i := 1; i < 8; i++ {
		withSkips = append(append(withSkips, 1, 0x10), make([]byte, 14)...)
		withSkips = append(withSkips, ac3[i*384:(i+1)*384]...)
	}
	assert.Equal(t, 51, probeAC3(withSkips))
	// Fewer than four frames: 1.
	assert.Equal(t, 1, probeAC3(ac3[:3*384]))
	assert.Equal(t, 0, probeEAC3(ac3))

	dts := testdata(t, "raw_dts.dts")
	// The first 4 KiB are not looked at.
	assert.Equal(t, 0, probeDTS(dts[:4096]))
	// Silence has no variation: the words must differ by more than 200
	// on average.
	quiet := append(make([]byte, 4096), dts...)
	for i := 4096 + 64; i < len(quiet); i++ {
		if i%1024 > 64 {
			quiet[i] = 0
		}
	}
	assert.Equal(t, 0, probeDTS(quiet))
	// Little-endian words score as big-endian ones.
	assert.Equal(t, 51, probeDTS(swap(dts)))
}

// TestProbeNoAlloc: probes run on every object and must not allocate.
func TestProbeNoAlloc(t *testing.T) {
	for _, f := range []string{"raw_ac3_karaoke.ac3", "raw_dts.dts", "raw_eac3.eac3"} {
		b := testdata(t, f)
		for name, d := range all {
			n := testing.AllocsPerRun(10, func() { d.Probe(b); d.Probe(b[:len(b)-7]) })
			assert.Zero(t, n, "%s on %s", name, f)
		}
	}
}

// TestRead: what the first frames give, as the goldens show it, with the
// karaoke disposition of bsmod 7.
func TestRead(t *testing.T) {
	info, err := AC3().Read(&demuxkit.BytesSource{B: testdata(t, "raw_ac3_karaoke.ac3")}, 0, container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	assert.Equal(t, "ac3", st.CodecName)
	assert.Equal(t, 48000, st.SampleRate)
	assert.Equal(t, "stereo", st.ChannelLayout)
	assert.Equal(t, int64(96000), st.BitRate)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.NotZero(t, st.Disposition&container.DispositionKaraoke)

	info, err = DTS().Read(&demuxkit.BytesSource{B: testdata(t, "raw_dts.dts")}, 0, container.Options{})
	require.NoError(t, err)
	assert.Equal(t, "DTS", info.Streams[0].Profile)
}

// TestReadHostile: no frame, an empty stream and a truncated frame give
// an honest partial result with a typed error, never a panic.
func TestReadHostile(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty":     {},
		"no frame":  make([]byte, 5000),
		"cut frame": testdata(t, "raw_ac3_karaoke.ac3")[:5],
		"cut dts":   testdata(t, "raw_dts.dts")[:12],
	} {
		for fname, d := range all {
			info, err := d.Read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
			if err != nil {
				assert.True(t, errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated), "%s/%s: %v", name, fname, err)
			}
			require.NotNil(t, info, "%s/%s", name, fname)
			assert.Len(t, info.Streams, 1)
		}
	}
}
