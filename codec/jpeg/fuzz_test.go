package jpeg

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
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

// FuzzDescribeFrame describes any bytes as the first frame of a motion
// JPEG stream: no panic, only container sentinels, a pixel format only
// with a size, and a height that is the frame's or twice it.
func FuzzDescribeFrame(f *testing.F) {
	f.Add(lavcFrame(240, lavc444), 0, 480)
	f.Add(lavcFrame(240, lavc420, seg(COM, []byte("CS=ITU601\x00"))), 1000, 240)
	f.Add([]byte{0xFF, SOI, 0xFF, 0xC4, 0, 2, 0xFF, 0xC4, 0, 2}, 0, 0)
	f.Fuzz(func(t *testing.T, b []byte, frameSize, containerHeight int) {
		st := container.Stream{Width: 320, Height: containerHeight & 0xFFFF}
		err := DescribeFrame(&st, b, frameSize)
		if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) {
			t.Fatalf("unexpected error %v", err)
		}
		if (err == nil) != (st.PixFmt != "") {
			t.Fatalf("error %v with pixel format %q", err, st.PixFmt)
		}
		if st.ColorSpace != "bt470bg" || st.Width < 0 || st.Height < 0 || st.CodedHeight != st.Height && err == nil {
			t.Fatalf("description: %+v", st)
		}
	})
}
