package dnxhd

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseHeader checks that any bytes and frame size parse without
// panicking, fail only with a container sentinel, and that Describe sets a
// pixel format only for a header ParseHeader accepts, a profile whenever
// it sets a depth, and coded sizes that are the size rounded up to 16.
func FuzzParseHeader(f *testing.F) {
	for _, h := range []hdr{dnxhd36, dnxhd185x, dnxhd120i, dnxhrHQ, dnxhrHQX, dnxhr444, dnxhrUHD} {
		f.Add(h.build(), h.frameSize, 1920, 1080)
	}
	f.Add([]byte{0, 0, 2, 0x80, 1}, 0, 0, 0)
	f.Fuzz(func(t *testing.T, b []byte, frameSize, w, h int) {
		_, err := ParseHeader(b, frameSize)
		if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) &&
			!errors.Is(err, container.ErrUnsupported) {
			t.Fatalf("unexpected error %v", err)
		}
		st := container.Stream{Width: w & 0xFFFF, Height: h & 0xFFFF}
		derr := Describe(&st, b, frameSize)
		if err != nil && st.PixFmt != "" {
			t.Fatalf("refused header (%v), pixel format %q", err, st.PixFmt)
		}
		if err == nil && st.PixFmt == "" {
			t.Fatalf("accepted header, no pixel format")
		}
		if derr == nil && err != nil {
			t.Fatalf("Describe accepted what ParseHeader refused: %v", err)
		}
		if st.BitsPerRawSample != 0 && st.Profile == "" {
			t.Fatalf("depth %d without a profile", st.BitsPerRawSample)
		}
		if st.CodedWidth != align16(st.Width) || st.CodedHeight != align16(st.Height) || st.ColorSpace != "bt709" {
			t.Fatalf("decoder defaults: %+v", st)
		}
	})
}
