package mpegps

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
// the program streams of testdata and a small built one.
func FuzzRead(f *testing.F) {
	for _, pat := range []string{"*.mpg", "*.vob"} {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pat))
		for _, n := range matches {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 256<<10 {
				f.Add(b)
			}
		}
	}
	var b []byte
	b = append(b, packHeader...)
	b = append(b, systemHeaderBytes...)
	b = append(b, pesPacket(0xC0, 9000, mp2Frame())...)
	b = append(b, pesPacket(0xBD, 9000, ac3Substream(make([]byte, 64)))...)
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := probe(b); s < 0 || s > 100 {
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
