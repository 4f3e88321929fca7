package probe_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediaprobe/mediaprobe/probe"
)

// BenchmarkProbe probes each testdata file from memory, reporting the reads
// and bytes a probe costs besides time and allocations:
//
//	go test -run '^$' -bench Probe -benchmem ./probe
func BenchmarkProbe(b *testing.B) {
	for _, file := range goldenFiles(b) {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(file), func(b *testing.B) {
			b.ReportAllocs()
			var reads, bytesRead int64
			for i := 0; i < b.N; i++ {
				info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
				if err != nil {
					b.Fatal(err)
				}
				reads, bytesRead = info.Stats.Reads, info.Stats.BytesRead
			}
			b.ReportMetric(float64(reads), "reads/op")
			b.ReportMetric(float64(bytesRead), "bytes-read/op")
		})
	}
}
