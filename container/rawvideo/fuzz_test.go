package rawvideo

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

// FuzzRead runs every raw format's probe and reader on the same input.
func FuzzRead(f *testing.F) {
	for _, n := range []string{"raw_h264.h264", "raw_h264_interlaced.h264", "raw_hevc.hevc", "raw_mpeg4.m4v",
		"raw_mpeg2.m2v", "raw_mpeg1.mpv", "raw_av1.obu"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", n)); err == nil {
			f.Add(b)
		}
	}
	f.Add(hostileStartCodes(25000))
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
				errors.Is(err, container.ErrLimit)) {
				t.Fatalf("%s: error %v wraps no sentinel", name, err)
			}
			if err == nil && len(info.Streams) != 1 {
				t.Fatalf("%s: %d streams", name, len(info.Streams))
			}
		}
	})
}
