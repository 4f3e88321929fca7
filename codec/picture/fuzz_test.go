package picture

import (
	"errors"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzDescribe describes arbitrary bytes as an image: it must return
// promptly, fail only with a container sentinel, and give sizes and aspect
// ratios that are not negative.
func FuzzDescribe(f *testing.F) {
	f.Add(jpegImage(600, 400), "image/jpeg")
	f.Add(pngImage(3, 2, 2), "image/png")
	f.Add([]byte("BM"), "image/bmp")
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xFF, 0xFF, 0xE1, 0xFF, 0xFF}, "")
	f.Fuzz(func(t *testing.T, b []byte, mime string) {
		st := &container.Stream{}
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		begin := time.Now()
		err := Describe(st, src, 0, int64(len(b)), mime)
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil && !errors.Is(err, container.ErrLimit) && !errors.Is(err, container.ErrTruncated) &&
			!errors.Is(err, container.ErrMalformed) {
			t.Fatalf("unexpected error %v", err)
		}
		if st.Width < 0 || st.Height < 0 || st.SampleAspectRatio.Num < 0 || st.SampleAspectRatio.Den < 0 {
			t.Fatalf("negative field: %+v", st)
		}
	})
}
