package asf

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probe and the ASF demuxer on arbitrary input under a
// tight allocation limit. Seeds: hand-made headers, the testdata files and
// small shared-corpus files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(wmaFile())
	f.Add(wmaFile(extContent(descriptor("WM/Picture", typeByteArray, pictureValue("image/png", png1x1)))))
	f.Add(wmaFile(object(guidLanguageList, cat(le16(1), []byte{6}, utf16z("en")))))
	hostile.AddFiles(f, filepath.Join("..", "..", "testdata", "asf_*"),
		filepath.Join("..", "..", "..", "shared", "corpus", "*", "*.wm?"),
		filepath.Join("..", "..", "..", "shared", "corpus", "*", "*", "*.wm?"))
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		d := Demuxer()
		if s := d.Probe(b); s < 0 || s > 100 {
			t.Fatalf("probe score %d", s)
		}
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
		info, err := d.Read(src, 0, container.Options{})
		// The header is read once and the first packets once, never the
		// object many times over.
		if max := 4*int64(len(b)) + 1<<12; src.Bytes > max {
			t.Fatalf("read %d bytes of a %d-byte object", src.Bytes, len(b))
		}
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			ok := false
			for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit,
				container.ErrUnsupported, container.ErrUnknownFormat} {
				ok = ok || errors.Is(err, s)
			}
			if !ok {
				t.Fatalf("error %v matches no sentinel", err)
			}
		}
		if info == nil {
			if err == nil {
				t.Fatal("no info and no error")
			}
			return
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		if off := info.Format.DataOffset; off < 0 || off > int64(len(b)) {
			t.Fatalf("data offset %d outside the %d-byte object", off, len(b))
		}
	})
}
