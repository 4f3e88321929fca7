package mp3

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
	"github.com/mediaprobe/mediaprobe/tags"
)

// FuzzRead runs the probe and the demuxer, with the leading ID3v2 tags and
// their pictures as the probe package handles them, under a tight
// allocation limit. Seeds: hand-made streams, plus small shared-corpus
// files when ../shared/corpus exists.
func FuzzRead(f *testing.F) {
	f.Add(frames(hdr128, 417, 8))
	f.Add(cat(infoFrame("Xing", 10, 4587, 576), frames(hdr128, 417, 3)))
	f.Add(cat([]byte("ID3\x03\x00\x00\x00\x00\x00\x15TIT2\x00\x00\x00\x0b\x00\x00\x00Song title"), frames(hdr64, 208, 5)))
	f.Add(cat([]byte{0xff, 0xfb, 0x90, 0x44, 1}, frames(hdr64, 208, 3)))
	for _, g := range []string{"synthetic/mp*.mp3", "synthetic/mpeg25_8k.mp3", "real/taglib/*.mp3"} {
		names, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", g))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 64<<10 {
				f.Add(b)
			}
		}
	}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.ID3TXXX(1700))
	f.Add(hostile.ID3APIC(1800))
	f.Add(hostile.ID3ZlibTXXX(2, 1<<20))
	f.Add(hostile.ID3ZlibAPIC(600, 256<<10))
	f.Fuzz(func(t *testing.T, b []byte) {
		begin := time.Now()
		mpegaudio.Probe(b)
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		id3, err := tags.ReadID3v2(src, 0)
		checkErr(t, err)
		start := int64(0)
		if id3 != nil {
			start = id3.End
		}
		info, err := read(src, start, container.Options{AccurateDuration: len(b)%2 == 0})
		checkErr(t, err)
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if info == nil {
			if err == nil {
				t.Fatal("no info and no error")
			}
			return
		}
		if id3 != nil {
			tags.PictureStreams(info, src, id3.Pictures)
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		a := info.Streams[0]
		if a.SampleRate != 0 && (a.SampleRate < 8000 || a.SampleRate > 48000 || a.Channels < 1 || a.Channels > 2) {
			t.Fatalf("implausible stream %+v", a)
		}
		if a.DurationTS != container.NoPTS && a.DurationTS < 0 {
			t.Fatalf("negative duration %d", a.DurationTS)
		}
	})
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error %v matches no sentinel", err)
}
