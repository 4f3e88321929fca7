package gsm

import (
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// FuzzRead: the probe scores 0 or 51 on any input without panicking, and
// the demuxer, which reads nothing, describes the same stream for any
// object.
func FuzzRead(f *testing.F) {
	f.Add(frames(40))
	f.Add([]byte{0xD0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := probe(b); s != 0 && s != 51 {
			t.Fatalf("probe score %d", s)
		}
		info, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
		if err != nil || len(info.Streams) != 1 || info.Streams[0].BitRate != 13200 {
			t.Fatalf("info %+v, error %v", info, err)
		}
	})
}
