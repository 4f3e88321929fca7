package mlp

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

func isSentinel(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrLimit)
}

func FuzzParseMajorSync(f *testing.F) {
	for _, tt := range syncTests {
		f.Add(unhex(f, tt.sync))
	}
	f.Add([]byte{0xf8, 0x72, 0x6f, 0xba})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMajorSync(b)
		if _, err2 := ParseAccessUnit(append([]byte{0, 0, 0, 0}, b...)); (err == nil) != (err2 == nil) {
			t.Fatalf("access unit %v, major sync %v", err2, err)
		}
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if m.HeaderSize < majorSyncSize || m.HeaderSize > len(b) {
			t.Fatalf("header size %d of %d", m.HeaderSize, len(b))
		}
		for _, parsed := range []bool{false, true} {
			var st container.Stream
			describeAs(m, &st, parsed)
			if st.SampleRate <= 0 || st.SampleRate > maxSampleRate || st.Channels < 1 || st.Channels > 24 ||
				st.ChannelLayout == "" || st.BitRate < 0 {
				t.Fatalf("described %+v", st)
			}
		}
		if m.PeakBitRate() < 0 || codec.LayoutChannels(m.ParserLayout()) == 0 {
			t.Fatalf("accepted %+v", m)
		}
	})
}

func FuzzParseDMLP(f *testing.F) {
	for _, s := range []string{"0000800118fe00000000", "0097c00f18fe00000000", "0017804f186a00000000", "ffffffffffffffffffff"} {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDMLP(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		var st container.Stream
		d.Describe(&st)
		if st.SampleRate < 0 || st.Channels < 0 || st.Channels > 24 {
			t.Fatalf("described %+v", st)
		}
	})
}
