package amr

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs every AMR format's probe and reader on the same input: a
// score on FFmpeg's scale, a prompt answer, errors wrapping a sentinel,
// one stream when there is no error, and no more read than the head.
func FuzzRead(f *testing.F) {
	for _, n := range []string{"amr_nb.amr", "amr_wb.amr", "amr_one_byte.amr", "raw_amrnb.amrnb", "raw_amrwb.amrwb"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", n)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("#!AMR-WB\n\x0c"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for name, d := range all {
			if s := d.Probe(b); s < 0 || s > 100 {
				t.Fatalf("%s: score %d", name, s)
			}
			begin := time.Now()
			info, err := d.Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
			if dt := time.Since(begin); dt > hostile.HangBound {
				t.Fatalf("%s: took %v", name, dt)
			}
			if err != nil && !(errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
				errors.Is(err, container.ErrLimit) || errors.Is(err, container.ErrUnsupported)) {
				t.Fatalf("%s: error %v wraps no sentinel", name, err)
			}
			if err == nil && len(info.Streams) != 1 {
				t.Fatalf("%s: %d streams", name, len(info.Streams))
			}
		}
	})
}
