package opus

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func FuzzParseHead(f *testing.F) {
	f.Add(head(1, 2, 312, 0))
	f.Add(head(1, 6, 312, 1, 4, 2, 0, 4, 1, 2, 3, 5))
	f.Add([]byte("OpusHead"))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHead(b)
		if err != nil {
			if !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrUnsupported) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(h.ChannelMapping) > int(h.ChannelCount) {
			t.Fatalf("%d mapping entries for %d channels", len(h.ChannelMapping), h.ChannelCount)
		}
		_ = h.ChannelLayout()
		if d, err := PacketDuration(b[8:]); err == nil && (d < 0 || d > 63*2880) {
			t.Fatalf("duration %d", d)
		}
	})
}
