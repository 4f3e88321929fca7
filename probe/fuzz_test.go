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
	"github.com/mediaprobe/mediaprobe/internal/hostile"
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
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.ID3TXXX(1700))
	f.Add(hostile.FLACVorbisKeys(4100))
	f.Add(hostile.FLACVorbisRepeatedKey(8600))
	f.Add(hostile.OggVorbisKeys(4100))
	f.Add(hostile.WAVInfoKeys(6300))
	f.Add(hostile.MP4Freeform(1300))
	f.Add(hostile.ADTSAPEText(3500))
	f.Add(hostile.W64Summary(4200))
	f.Add(hostile.ID3ZlibTXXX(2, 1<<20))
	f.Add(hostile.ID3ZlibAPIC(600, 256<<10))
	f.Add(hostile.OggCaptureJunk(100 << 10))
	f.Add(hostile.OggBadCRCPages(2200))
	f.Add(hostile.OggSerials(2200))
	f.Add(hostile.MP4EmptyTraks(13000))
	f.Add(hostile.FLACPictures(1350))
	f.Add(hostile.ID3APIC(1800))
	f.Add(hostile.ADTSAPEBinary(140))
	f.Add(hostile.MP4ChapterRefs(100, 26000))
	f.Add(hostile.MP4STTSPastEnd(50000000, 100<<10).Bytes())
	f.Add(hostile.MP4HugeHdlr(64 << 10).Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		const budget = 1 << 20
		start := time.Now()
		info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)),
			probe.WithMaxBytesRead(budget), probe.WithMaxAlloc(1<<20), probe.WithBlockSize(4096))
		assert.Less(t, time.Since(start), hostile.HangBound)
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
