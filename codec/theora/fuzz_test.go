package theora

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseIdentification checks that any packet parses without
// panicking, fails only with a container sentinel, that Describe agrees
// with Check and gives sizes within the frame, and that the demuxer's view
// never panics either.
func FuzzParseIdentification(f *testing.F) {
	for _, b := range [][]byte{hdr444, hdrCrop, hdr470BG, hdr470M, hdr444[:11]} {
		f.Add(b)
	}
	f.Add([]byte("\x80theora\x03\x01\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := ParseDemuxHeader(b); err != nil && !errors.Is(err, container.ErrTruncated) {
			t.Fatalf("demux header: unexpected error %v", err)
		}
		id, err := ParseIdentification(b)
		if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) {
			t.Fatalf("unexpected error %v", err)
		}
		st := container.Stream{Width: 320, Height: 240}
		derr := id.Describe(&st)
		if (derr == nil) != (id.Check() == nil) {
			t.Fatalf("Describe %v, Check %v", derr, id.Check())
		}
		if derr != nil {
			return
		}
		if st.PixFmt == "" || st.Width <= 0 || st.Height <= 0 || st.Width > st.CodedWidth || st.Height > st.CodedHeight {
			t.Fatalf("decoder view: %+v", st)
		}
		if st.SampleAspectRatio.Num < 0 || st.SampleAspectRatio.Den < 0 {
			t.Fatalf("aspect ratio %v", st.SampleAspectRatio)
		}
	})
}
