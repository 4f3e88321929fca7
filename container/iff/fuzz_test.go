package iff

import (
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made files, the testdata IFF and DSDIFF
// files, and the shared corpus's when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(form("8SVX", vhdr(8000, 0), ck("NAME", []byte("x")), ck("BODY", make([]byte, 10))))
	f.Add(frm8(fver, prop(2822400, []string{"SLFT", "SRGT"}, "DST "), ck8("DST ", ck8("FRTE", hostile.BE32(3)), ck8("DSTF", make([]byte, 3)))))
	hostile.AddFiles(f, "../../testdata/dff_*.dff", "../../testdata/iff_*", "../../../shared/corpus/*/*/*.dff")
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// Chunk headers and texts are read once; an ID3 chunk's tag may be
		// read again.
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
			return
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		a := info.Streams[0]
		if a.Type != container.Audio || a.Channels <= 0 || a.BitRate < 0 {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
