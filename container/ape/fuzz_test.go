package ape

import (
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made headers of both layouts, plus small
// shared-corpus files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(newFile(3, 3990, 2000, 16, 2, 44100, 1000, 400))
	f.Add(newFile(1, 3990, 2000, 24, 1, 48000, 4000, 40))
	f.Add(oldFile(2, 3950, 2000, 0, 1, 22050, 500))
	f.Add(oldFile(2, 3800, 4000, flag8Bit|flagHasPeakLevel, 2, 8000, 500))
	f.Add(oldFile(2, 3900, 1000, flag24Bit|flagCreateWAVHeader|flagHasSeekElements, 1, 22050, 500))
	hostile.AddFiles(f, "../../../shared/corpus/real/taglib/*.ape")
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 25 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// The header, the seek table and the tags are read once each.
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
		if a.SampleRate < 0 || a.Channels < 0 || a.Channels > 2 || a.DurationTS < 0 && a.DurationTS != container.NoPTS {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
