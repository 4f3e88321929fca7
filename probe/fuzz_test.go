package probe_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/format/bos"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/probe"
)

// FuzzProbe runs detection, every demuxer and the three serialisers on
// arbitrary bytes, seeded with the testdata files, under tight limits.
func FuzzProbe(f *testing.F) {
	for _, file := range goldenFiles(f) {
		if b, err := os.ReadFile(file); err == nil && len(b) <= 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte("ID3\x04\x00\x00\x7f\x7f\x7f\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const budget = 1 << 20
		start := time.Now()
		info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)),
			probe.WithMaxBytesRead(budget), probe.WithMaxAlloc(1<<20), probe.WithBlockSize(4096))
		assert.Less(t, time.Since(start), 2*time.Second)
		if err != nil {
			assert.True(t, isCategorised(err), "uncategorised error %v", err)
		}
		if info == nil {
			return
		}
		checkInfo(t, info, int64(len(data)))
		assert.LessOrEqual(t, info.Stats.BytesRead, int64(budget))
		ffprobe.Marshal(info, "")
		oss.Marshal(info, oss.Options{}, "")
		bos.Marshal(info, bos.Object{}, "")
	})
}
