package tags

import (
	"errors"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzParseRIFFInfo reads arbitrary LIST/INFO bodies: it must end promptly,
// fail only with a sentinel, and return no value longer than its input.
func FuzzParseRIFFInfo(f *testing.F) {
	f.Add([]byte("INAM\x05\x00\x00\x00Title\x00IART\x03\x00\x00\x00Bob\x00"))
	f.Add([]byte("INAM\x05\x00\x00\x00HelloIART\x03\x00\x00\x00Bob\x00"))
	f.Add([]byte("\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add(hostile.RIFFInfoChunks(6500)) // 100 KB of distinct keys (internal/hostile)
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		var got container.Tags
		err := ReadRIFFInfo(&demuxkit.BytesSource{B: b, Limit: 1 << 12}, 0, int64(len(b)), &got)
		if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) &&
			!errors.Is(err, container.ErrLimit) {
			t.Fatalf("error %v matches no sentinel", err)
		}
		for k, v := range got.All() {
			if len(v) > len(b) || len(k) > 4 {
				t.Fatalf("entry %q=%d bytes from %d", k, len(v), len(b))
			}
		}
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
	})
}
