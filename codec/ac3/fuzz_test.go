package ac3

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// isSentinel reports whether err wraps one of the container categories.
func isSentinel(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrLimit)
}

func addSeeds(f *testing.F) {
	for _, tt := range streamTests {
		f.Add(unhex(f, tt.hdr))
	}
	ind := frame(f, "0b7702ff3f87c000208020000200400003e01fba7e1e0101")
	dep := frame(f, "0b7741803487d02000001042106fc1180c0c0c0303030f7a")
	f.Add(append(append([]byte(nil), ind...), dep...))
	f.Add([]byte{0x0b, 0x77})
	f.Add([]byte{0x77, 0x0b, 0x95, 0xfe, 0x40, 0x14, 0xe1, 0x43})
}

func FuzzParseSyncFrame(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := ParseSyncFrame(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if fr.FrameSize() < headerSize || fr.FrameSize() > 4096 {
			t.Fatalf("frame size %d", fr.FrameSize())
		}
		if r := fr.SampleRate(); r < 8000 || r > 48000 {
			t.Fatalf("sample rate %d", r)
		}
		if fr.BitRate() <= 0 || fr.Channels() < 1 || fr.Channels() > 6 {
			t.Fatalf("accepted %+v", fr)
		}
	})
}

func FuzzParsePacket(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePacket(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if len(p.Dependent) > len(b)/8 {
			t.Fatalf("%d dependent frames in %d bytes", len(p.Dependent), len(b))
		}
		var st container.Stream
		p.Describe(&st)
		if st.Channels < 1 || st.Channels > maxChannels || st.ChannelLayout == "" {
			t.Fatalf("channels %d %q", st.Channels, st.ChannelLayout)
		}
		if codec.LayoutChannels(p.Layout()) != st.Channels || st.BitRate <= 0 || st.SampleRate <= 0 {
			t.Fatalf("described %+v", st)
		}
		_ = p.ServiceType()
	})
}

func FuzzParseDAC3(f *testing.F) {
	for _, s := range []string{"101140", "5008c0", "103de0", "11d140", "d0ffe0", ""} {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDAC3(b)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		var st container.Stream
		d.Describe(&st)
		if st.Channels < 1 || st.Channels > 6 || len(st.SideData) != 1 || d.BitRate() < 0 {
			t.Fatalf("described %+v", st)
		}
	})
}

func FuzzParseDEC3(f *testing.F) {
	for _, s := range []string{"0600200400", "1400200f000110", "0600200f0240", "0601200400", "0607ffffffffffffff"} {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDEC3(b)
		if err != nil && !isSentinel(err) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		if len(d.Substreams) > int(d.NumIndSub)+1 {
			t.Fatalf("%d substreams of %d", len(d.Substreams), d.NumIndSub+1)
		}
		if len(d.Substreams) > 0 {
			var st container.Stream
			d.Describe(&st)
			if st.Channels < 1 || st.Channels > 6 {
				t.Fatalf("described %+v", st)
			}
		}
	})
}
