package dsf

import (
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made files, the testdata DSF files, and the
// shared corpus's when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(build(2, 2, 1, 256, 8*512, 2, nil))
	f.Add(build(2, 2, 1, 256, 8*100, 1, hostile.ID3v2Tag(hostile.ID3Frame("TIT2", 0, []byte("\x00t")))))
	hostile.AddFiles(f, "../../testdata/dsf_*.dsf", "../../../shared/corpus/*/*/*.dsf")
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// The chunk headers and one tag, each read at most once or twice.
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
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		a := info.Streams[0]
		if a.Channels <= 0 || a.BitRate < 0 {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
