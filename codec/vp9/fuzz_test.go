package vp9

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func checkErr(t *testing.T, err error) {
	if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
		!errors.Is(err, container.ErrUnsupported) {
		t.Fatalf("error outside the sentinels: %v", err)
	}
}

// FuzzParseHeader parses the bytes as the first frame of a packet and
// fills a stream from the header, whatever the error.
func FuzzParseHeader(f *testing.F) {
	for _, s := range streams {
		b, _ := hex.DecodeString(s.packet)
		f.Add(b)
	}
	f.Add(frame("10 0 1 0 1 0 0 1 00 " + sync + " 1 010 1 00000001"))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHeader(b)
		checkErr(t, err)
		if h == nil {
			t.Fatal("no header")
		}
		var st container.Stream
		h.FillStream(&st)
		if h.HasColorConfig && (st.PixFmt == "" || st.Width < 1 || st.Width > 1<<16 || st.Height < 1 || st.Height > 1<<16) {
			t.Fatalf("pix_fmt %q size %dx%d", st.PixFmt, st.Width, st.Height)
		}
		if err != nil && errors.Is(err, container.ErrTruncated) && h.HasColorConfig {
			t.Fatal("a colour configuration from a cut header")
		}
	})
}

// FuzzParseConfig parses the bytes as a vpcC payload.
func FuzzParseConfig(f *testing.F) {
	for _, s := range streams {
		if s.vpcC != "" {
			b, _ := hex.DecodeString(s.vpcC)
			f.Add(b)
		}
	}
	f.Add([]byte{1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseConfig(b)
		checkErr(t, err)
		if c == nil {
			t.Fatal("no config")
		}
		if len(c.CodecInitializationData) > int(c.CodecInitializationDataSize) || len(c.CodecInitializationData) > len(b) {
			t.Fatalf("%d bytes of initialization data", len(c.CodecInitializationData))
		}
		var st container.Stream
		c.FillStream(&st)
	})
}
