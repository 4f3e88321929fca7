package prores

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseFrameHeader checks that any bytes and frame size parse without
// panicking, fail only with a container sentinel, and that Describe sets a
// pixel format exactly when the header is accepted, with a size that is
// either the header's or zero.
func FuzzParseFrameHeader(f *testing.F) {
	for _, b := range [][]byte{proxy444, hq4444, xq4444, std422, hq709, alpha4444, interlaced} {
		f.Add(b, size(b), "apch")
	}
	f.Add(patch(hq709, 0, 0, 0), 1000, "ap4h")
	f.Add([]byte("\x00\x00\x00\x1cicpf"), 28, "apco")
	f.Fuzz(func(t *testing.T, b []byte, frameSize int, tag string) {
		h, err := ParseFrameHeader(b, frameSize)
		if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) &&
			!errors.Is(err, container.ErrUnsupported) {
			t.Fatalf("unexpected error %v", err)
		}
		st := container.Stream{CodecTag: codec.Fourcc(tag), Width: 320, Height: 240}
		derr := Describe(&st, b, frameSize)
		if err == nil && derr == nil && st.PixFmt == "" {
			t.Fatalf("accepted header, no pixel format")
		}
		if err != nil && st.PixFmt != "" {
			t.Fatalf("refused header (%v), pixel format %q", err, st.PixFmt)
		}
		if derr == nil && (st.Width != int(h.HorizontalSize) || st.Height != int(h.VerticalSize)) {
			t.Fatalf("size %dx%d, header %dx%d", st.Width, st.Height, h.HorizontalSize, h.VerticalSize)
		}
		if st.BitsPerRawSample != 10 && st.BitsPerRawSample != 12 {
			t.Fatalf("bits per raw sample %d", st.BitsPerRawSample)
		}
	})
}
