package mpegvideo

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParse checks that any input parses without panicking, fails only
// with the container categories, and that whatever headers come back
// describe a stream Fill can set without panicking, within the ranges the
// syntax allows.
func FuzzParse(f *testing.F) {
	for _, s := range []string{m1v, m2v, m2v422, m2vTT, m2vColour, m2vCBR, m2vMatrixDSI, pal43} {
		f.Add(unhex(f, s))
	}
	f.Add(unhex(f, m2vMatrixDSI)[:40])
	f.Add([]byte{0, 0, 1, 0xB3})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := Parse(b)
		if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) {
			t.Fatalf("error %v wraps no category", err)
		}
		if h == nil {
			if err == nil {
				t.Fatal("no headers and no error")
			}
			return
		}
		st := container.NewInfo("", "").AddStream(container.Video)
		h.Fill(st)
		if st.Width < 0 || st.Width >= 1<<14 || st.Height < 0 || st.Height >= 1<<14 {
			t.Fatalf("size %dx%d", st.Width, st.Height)
		}
		if st.PixFmt == "" || st.CodecName == "" || st.ChromaLocation == "" {
			t.Fatalf("incomplete stream %+v", st)
		}
		if fr := h.FrameRate(); fr.Num <= 0 || fr.Den <= 0 {
			t.Fatalf("frame rate %v", fr)
		}
		if sar := h.SampleAspectRatio(); sar.Num < 0 || sar.Den <= 0 {
			t.Fatalf("sample aspect ratio %v", sar)
		}
		_ = h.String()
	})
}
