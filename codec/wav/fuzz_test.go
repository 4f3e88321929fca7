package wav

import (
	"errors"
	"math/bits"
	"testing"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseHeader parses arbitrary format chunks: the parse must fail only
// with a sentinel error, keep the extradata inside its input and give a
// layout only for a mask that matches the channels.
func FuzzParseHeader(f *testing.F) {
	f.Add(extensible, int64(len(extensible)), false)
	f.Add([]byte{0x01, 0x00, 0x02, 0x00, 0x44, 0xAC, 0x00, 0x00, 0x10, 0xB1, 0x02, 0x00, 0x04, 0x00, 0x10, 0x00}, int64(16), false)
	f.Add([]byte{0x65, 0x01, 0x10, 0x00}, int64(40), false)
	f.Add([]byte{0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x1F, 0x40, 0x00, 0x00, 0x3E, 0x80, 0x00, 0x02, 0x00, 0x10}, int64(16), true)
	f.Fuzz(func(t *testing.T, b []byte, size int64, be bool) {
		h, err := ParseHeader(b, size, be, 0)
		if err != nil {
			for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrUnsupported} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error %v matches no sentinel", err)
		}
		if len(h.Extradata) > len(b) {
			t.Fatalf("%d bytes of extradata from %d", len(h.Extradata), len(b))
		}
		if h.ChannelLayout != "" && bits.OnesCount64(h.ChannelMask) != h.Channels {
			t.Fatalf("layout %q for mask %#x and %d channels", h.ChannelLayout, h.ChannelMask, h.Channels)
		}
		if h.CodecName != "" && !codec.Known(h.CodecName) {
			t.Fatalf("codec %q is not an FFmpeg codec name", h.CodecName)
		}
	})
}
