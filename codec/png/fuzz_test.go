package png

import (
	"errors"
	"testing"
)

// FuzzParseChunks checks that any input parses without panicking, fails
// only with the package's errors, and reports a pixel format only for a
// header with a valid IHDR.
func FuzzParseChunks(f *testing.F) {
	f.Add(image(chunk("IHDR", ihdr(300, 300, 8, RGB)), chunk("pHYs", phys(1, 1))))
	f.Add(image(chunk("IHDR", ihdr(1, 1, 16, RGBA)), chunk("tRNS", nil)))
	f.Add([]byte(Signature))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := Chunks(b)
		if err != nil && !errors.Is(err, ErrNotPNG) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTruncated) {
			t.Fatalf("unexpected error %v", err)
		}
		if h == nil {
			return
		}
		if h.PixFmt() != "" && !h.Valid() {
			t.Fatalf("pixel format for an invalid header")
		}
		if h.SARNum < 0 || h.SARDen < 0 {
			t.Fatalf("negative aspect ratio %d:%d", h.SARNum, h.SARDen)
		}
	})
}
