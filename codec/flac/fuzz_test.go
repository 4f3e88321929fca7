package flac

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseStreamInfo checks that any 34 bytes decode, that the fields stay
// within their widths, that Describe agrees with Check, and that mewkiz/flac
// reads every block it accepts the same way. It is seeded with the
// STREAMINFO of every FLAC file in testdata and the blocks of the unit
// tests.
func FuzzParseStreamInfo(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/*.flac")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		if i := bytes.Index(b, []byte("fLaC")); i >= 0 && len(b) >= i+8+StreamInfoSize {
			f.Add(b[i+8 : i+8+StreamInfoSize])
		}
	}
	f.Add(s24x6)
	f.Add(streamInfo(8, 8, 0, 0, 0, 1, 3, 0))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		si, err := ParseStreamInfo(b)
		if err != nil {
			if !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) {
				t.Fatalf("unexpected error %v", err)
			}
			if len(b) == StreamInfoSize {
				t.Fatalf("34 bytes refused: %v", err)
			}
			return
		}
		if si.Channels < 1 || si.Channels > 8 || si.BitsPerSample < 1 || si.BitsPerSample > 32 ||
			si.SampleRate >= 1<<20 || si.TotalSamples >= 1<<36 || si.MinFrameSize >= 1<<24 || si.MaxFrameSize >= 1<<24 {
			t.Fatalf("field out of range: %+v", si)
		}
		st := &container.Stream{}
		if err := si.Describe(st); (err == nil) != (si.Check() == nil) {
			t.Fatalf("Describe %v, Check %v", err, si.Check())
		} else if err == nil && (st.ChannelLayout == "" || st.Channels != si.Channels || st.SampleFmt == "") {
			t.Fatalf("decoder view incomplete: %+v", st)
		}
		agreesWithMewkiz(t, b, si)
	})
}
