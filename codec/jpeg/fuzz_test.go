package jpeg

import (
	"errors"
	"testing"
)

// FuzzParseSegments checks that any input parses without panicking, fails
// only with the package's errors, and yields a pixel format only for a
// frame header it calls valid.
func FuzzParseSegments(f *testing.F) {
	f.Add(image(jfif11, seg(SOF0, sofBody(8, 64, 48, yuv420...))))
	f.Add(image(seg(SOF2, sofBody(12, 1, 1, [2]byte{1, 0x44}))))
	f.Add([]byte{0xFF, SOI, 0xFF, 0xFF, 0xFF, APP0, 0, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := Segments(b)
		if err != nil && !errors.Is(err, ErrNotJPEG) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTruncated) {
			t.Fatalf("unexpected error %v", err)
		}
		if h == nil {
			return
		}
		if pix, _ := h.PixFmt(); pix != "" && !h.Valid() {
			t.Fatalf("pixel format %q for an invalid header", pix)
		}
		if len(h.Components) > 4 {
			t.Fatalf("%d components", len(h.Components))
		}
	})
}
