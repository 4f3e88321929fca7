package ogg

import (
	"errors"
	"os"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
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
	src := &demuxkit.BytesSource{B: data}
	for i := 0; i < b.N; i++ {
		if _, err := read(src, 0, container.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostile measures a read of the hostile inputs of the issue
// "Hostile input: bounded work", and reports what the budget saw: bytes
// allocated (charged), structures visited, and bytes read through the
// source, per read.
func BenchmarkHostile(b *testing.B) {
	file := vorbisLong(300)
	inputs := []struct {
		name   string
		data   []byte
		want   error
		limits container.Limits
	}{
		{"false-captures-1MiB", cat(falseCaptures(1<<20), file), nil, container.Limits{}},
		{"255x255-captures-1MiB", cat(heavyCaptures(1<<20), file), nil, container.Limits{}},
		{"every-7-bytes-1MiB", cat(periodicCaptures(1<<20, 7), file), nil, container.Limits{}},
		{"serials-100k", manySerials(100000), container.ErrLimit, container.Limits{}},
		// With max_streams out of the way, every page looks its serial up
		// among up to 100,000 streams.
		{"serials-100k-no-max-streams", manySerials(100000), container.ErrTruncated, container.Limits{MaxStreams: 1 << 20}},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			var used container.Usage
			var nread int64
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				src := &countingSource{BytesSource: demuxkit.BytesSource{B: in.data, Limits: in.limits}}
				_, err := read(src, 0, container.Options{})
				if !errors.Is(err, in.want) {
					b.Fatal(err)
				}
				used, nread = src.Budget().Used(), src.bytes
			}
			b.ReportMetric(float64(used.Allocated), "charged-B/op")
			b.ReportMetric(float64(used.Structures), "structures/op")
			b.ReportMetric(float64(nread), "read-B/op")
		})
	}
}
