package voc

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
// allocation limit. Seeds: hand-made files and the testdata VOC files.
func FuzzRead(f *testing.F) {
	f.Add(hostile.Cat(header(0x0114), block(1, []byte{256 - 125, 0}, make([]byte, 100))))
	f.Add(hostile.Cat(header(0x0120), block(9, hostile.LE32(11025), []byte{4, 1}, hostile.LE16(0x200), hostile.LE32(0))))
	names, _ := filepath.Glob("../../testdata/voc_*.voc")
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil && len(b) <= 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 10 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// Blocks are visited once; sound data is skipped, not read.
		if max := int64(len(b)) + 1<<10; src.Bytes > max {
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
		if a.SampleRate < 0 || a.Channels < 0 || a.BitRate < 0 {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
