package h263

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParsePictureHeader checks that any input parses without panicking,
// fails only with the container categories, and that a header FFmpeg
// would accept gives a usable size.
func FuzzParsePictureHeader(f *testing.F) {
	for _, s := range []string{qcif, custom, custom169, custom32, options, plusQCIF} {
		f.Add(unhex(f, s))
	}
	f.Add(setBits(unhex(f, custom), posPHI, 9, 0))
	f.Add([]byte{0, 0, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParsePictureHeader(b)
		if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
			!errors.Is(err, container.ErrUnsupported) {
			t.Fatalf("error %v wraps no category", err)
		}
		if h == nil {
			if err == nil {
				t.Fatal("no header and no error")
			}
			return
		}
		w, ht := h.Size()
		if w < 0 || w > 2048 || ht < 0 || ht > 2048 {
			t.Fatalf("size %dx%d", w, ht)
		}
		if err == nil && (w == 0 || ht == 0) {
			t.Fatalf("accepted a header with size %dx%d", w, ht)
		}
		if fr := h.FrameRate(); fr.Num <= 0 || fr.Den <= 0 {
			t.Fatalf("frame rate %v", fr)
		}
		st := container.NewInfo("", "").AddStream(container.Video)
		h.Fill(st)
		if (st.PixFmt != "") != (st.Width != 0) {
			t.Fatalf("pixel format %q with width %d", st.PixFmt, st.Width)
		}
	})
}
