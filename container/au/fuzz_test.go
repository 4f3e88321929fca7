package au

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit, seeded from hand-made headers and the testdata AU files.
func FuzzRead(f *testing.F) {
	f.Add(hostile.Cat(header(24, 800, 3, 8000, 1), hostile.Zeros(64)))
	f.Add(hostile.Cat(header(40, 0xffffffff, 1, 8000, 1), []byte("title=a\nartist=b\x00"), hostile.Zeros(16)))
	names, _ := filepath.Glob("../../testdata/au_*.au")
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil && len(b) <= 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		if src.Bytes > int64(len(b))+24 {
			t.Fatalf("read %d bytes of a %d-byte object", src.Bytes, len(b))
		}
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			if !hostile.IsKind(err) {
				t.Fatalf("error %v matches no sentinel", err)
			}
			return
		}
		a := info.Streams[0]
		if a.SampleRate <= 0 || a.Channels <= 0 || a.BitRate < 0 || (a.DurationTS < 0 && a.DurationTS != container.NoPTS) {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
