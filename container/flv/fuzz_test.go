package flv

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probes and the demuxer on arbitrary input under a tight
// allocation limit. Seeds: the FLV test files, hand-made files, and small
// shared-corpus files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(hostile.Cat(fileHeader(5), script(ecma("duration", amfNum(1), "o", object("k", strict(3, amfNum(1), amfDateV(0), []byte{amfNull})))),
		tag(tagVideo, 0, []byte{0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x0a, 0xff, 0xe1, 0, 0}), tag(tagAudio, 0, []byte{0xaf, 0, 0x12, 0x10})))
	for _, g := range []string{"../../testdata/flv_*.flv", "../../../shared/corpus/*/*.flv", "../../../shared/corpus/*/*/*/*.flv"} {
		names, _ := filepath.Glob(filepath.FromSlash(g))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 16<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range []container.Demuxer{Demuxer(), Live()} {
			begin := time.Now()
			if s := d.Probe(b); s < 0 || s > 100 {
				t.Fatalf("%s probe score %d", d.Name, s)
			}
			src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 16}}
			info, err := d.Read(src, 0, container.Options{})
			if max := 4*int64(len(b)) + 1<<12; src.Bytes > max {
				t.Fatalf("%s read %d bytes of a %d-byte object", d.Name, src.Bytes, len(b))
			}
			if d := time.Since(begin); d > hostile.HangBound {
				t.Fatalf("took %v", d)
			}
			if err != nil {
				ok := false
				for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported, container.ErrUnknownFormat} {
					ok = ok || errors.Is(err, s)
				}
				if !ok {
					t.Fatalf("%s: error %v matches no sentinel", d.Name, err)
				}
			}
			if info == nil {
				if err == nil {
					t.Fatalf("%s: no info and no error", d.Name)
				}
				continue
			}
			for _, st := range info.Streams {
				if st.TimeBase.Den <= 0 {
					t.Fatalf("time base %v", st.TimeBase)
				}
			}
		}
	})
}
