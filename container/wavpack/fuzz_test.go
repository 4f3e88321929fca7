package wavpack

import (
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made blocks, the testdata files, plus small
// shared-corpus files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(block(0, 0x407, 1000, 500, rate44100|single|1, packed))
	f.Add(block(0, 0x410, 10, 10, 15<<23|single|1, []byte{0x67, 2, 0xE8, 0x03, 0, 0}))
	f.Add(block(0, 0x410, 10, 10, rate44100|1, []byte{0x0D, 1, 6, 0x3F}))
	f.Add(block(0, 0x410, 10, 10, 1<<31|12<<23|single, []byte{0xCE, 2, 0, 0, 2, 3, 0, 0}))
	hostile.AddFiles(f, "../../testdata/wv_*.wv", "../../../shared/corpus/real/taglib/*.wv", "../../../shared/corpus/synthetic/*.wv")
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// Headers are read once each, a block's sub-blocks once, the tags
		// once.
		if max := 3*int64(len(b)) + 1<<12; src.Bytes > max {
			t.Fatalf("read %d bytes of a %d-byte object", src.Bytes, len(b))
		}
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			if !hostile.IsKind(err) {
				t.Fatalf("error %v matches no sentinel", err)
			}
			if info == nil {
				return
			}
		}
		if info == nil {
			t.Fatal("no info and no error")
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		a := info.Streams[0]
		if a.SampleRate < 0 || a.Channels < 0 || a.Channels > 32 || a.DurationTS < 0 && a.DurationTS != container.NoPTS {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
