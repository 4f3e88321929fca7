package ogg

import (
	"os"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// BenchmarkRead measures a read of a small well-formed Vorbis file, or of
// the file named by OGG_BENCH_FILE.
func BenchmarkRead(b *testing.B) {
	data := vorbisFile(1, 1000, 5000, "TITLE=a")
	if name := os.Getenv("OGG_BENCH_FILE"); name != "" {
		var err error
		if data, err = os.ReadFile(name); err != nil {
			b.Fatal(err)
		}
	}
	src := &container.BytesSource{B: data}
	for i := 0; i < b.N; i++ {
		if _, err := read(src, 0, container.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
