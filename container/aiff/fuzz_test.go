package aiff

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made files, plus small shared-corpus files
// when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(minimalAIFF)
	f.Add(form("AIFC", ack("FVER", []byte{0xA2, 0x80, 0x51, 0x40}), ack("COMM", cat(comm16, []byte("ima4\x00"))), ssnd))
	f.Add(form("AIFF", ssnd, ack("COMM", comm16), ack("NAME", []byte("x")), ack("ID3 ", []byte("ID3\x03\x00\x00\x00\x00\x00\x00"))))
	for _, g := range []string{"synthetic/aif*", "real/taglib/*.aif*"} {
		names, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", g))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 16<<10 && filepath.Ext(n) != ".json" {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// Chunks are visited once and SSND is skipped, not read.
		if max := 2*int64(len(b)) + 1<<12; src.Bytes > max {
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
		if info == nil {
			t.Fatal("no info and no error")
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		a := info.Streams[0]
		if a.SampleRate <= 0 || a.DurationTS < 0 || a.NbFrames < 0 || a.BitRate < 0 {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
