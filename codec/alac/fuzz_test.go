package alac

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func FuzzParseConfig(f *testing.F) {
	f.Add(cookie)
	f.Add(cookie[:20])
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseConfig(b)
		if err != nil {
			if !errors.Is(err, container.ErrTruncated) {
				t.Fatalf("error %v", err)
			}
			return
		}
		st := &container.Stream{Channels: 2}
		if err := c.Describe(st); err != nil {
			if !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrUnsupported) {
				t.Fatalf("error %v", err)
			}
			return
		}
		if st.Channels < 1 || st.Channels > maxChannels || st.ChannelLayout == "" || st.SampleFmt == "" {
			t.Fatalf("stream %+v", st)
		}
	})
}
