package caf

import (
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: hand-made files, the testdata CAF files, and
// small shared-corpus files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(hostile.Cat(fileHeader, pcmData))
	f.Add(hostile.Cat(fileHeader, chunkSized("free", -1, nil), pcmData))
	f.Add(hostile.Cat(variable("opus", 0), chunk("pakt", hostile.Cat(hostile.BE64(2), hostile.BE64(1300),
		hostile.BE32(0), hostile.BE32(0), []byte{3, 0x87, 0x68, 0x81, 0x48, 0x82, 0x2c})), pcmData))
	hostile.AddFiles(f, "../../testdata/caf_*.caf", "../../../shared/corpus/synthetic/caf_*.caf")
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		if s := probe(b); s != 0 && s != 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := read(src, 0, container.Options{})
		// Each chunk header and body is read at most once; the data never.
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
		if info == nil || len(info.Streams) != 1 {
			t.Fatal("no stream and no error")
		}
		a := info.Streams[0]
		if a.SampleRate < 0 || a.Channels < 0 || (a.DurationTS < 0 && a.DurationTS != container.NoPTS) {
			t.Fatalf("implausible stream %+v", a)
		}
	})
}
