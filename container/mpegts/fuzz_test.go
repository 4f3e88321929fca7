package mpegts

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

// FuzzRead runs the probe and the reader on arbitrary input, seeded with
// the transport streams of testdata and a small built one.
func FuzzRead(f *testing.F) {
	matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.ts"))
	m2ts, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*.m2ts"))
	for _, n := range append(matches, m2ts...) {
		if b, err := os.ReadFile(n); err == nil && len(b) <= 256<<10 {
			f.Add(b)
		}
	}
	w := newTS()
	w.section(sdtPID, sdtTID, 1, sdt(1, "P", "S"))
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101, descISO639, 4, 'e', 'n', 'g', 0), esEntry(0x1b, 0x100)))
	for i := range 4 {
		w.pes(0x101, 0xC0, 90000+int64(i)*2160, mp2Frame())
	}
	f.Add(w.b)
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := probe(b); s < 0 || s > 100+100 {
			t.Fatalf("score %d", s)
		}
		begin := time.Now()
		_, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
		if dt := time.Since(begin); dt > hostile.HangBound {
			t.Fatalf("took %v", dt)
		}
		if err != nil && !(errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
			errors.Is(err, container.ErrLimit)) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
	})
}
