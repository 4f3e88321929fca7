package ogg

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// corpusSeeds adds the small Ogg files (up to 16 KB: larger seeds make
// the fuzzer's minimisation slow) of the shared corpus, when it is
// there, as seeds; nothing is copied into the repository.
func corpusSeeds(f *testing.F) {
	for _, pat := range []string{"*.ogg", "*.oga", "*.opus", "*.spx", "*.ogv"} {
		for _, dir := range []string{"synthetic", "real/taglib", "real/androidx-media/ogg"} {
			files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, pat))
			for _, name := range files {
				if b, err := os.ReadFile(name); err == nil && len(b) <= 16<<10 {
					f.Add(b)
				}
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(vorbisFile(1, 1000, 5000, "TITLE=a"))
	f.Add(opusFile(1968, 10000, "METADATA_BLOCK_PICTURE=AAAAAw=="))
	f.Add(oggPage(flagBOS, 0, 1, 0, false, vorbisID))
	f.Add([]byte("OggS"))
	bos, bone, eos := skeletonPages(1, 500)
	f.Add(cat(bos, oggPage(flagBOS, 0, 1, 0, false, vorbisID), bone, eos, vorbisFile(1, 1000, 5000)[58:]))
	f.Add(cat(vorbisFile(1, 1000, 5000), vorbisFile(2, 1000, 3000)))
	f.Add(cat(oggPage(flagBOS, 0, 5, 0, false, theoraID()), oggPage(0, 0, 5, 1, false, []byte("\x81theora\x00\x00\x00\x00\x00\x00\x00\x00"), []byte("\x82theora")),
		oggPage(flagEOS, 1<<6|1, 5, 2, false, []byte{0x30})))
	// The hostile inputs of the issue "Hostile input: bounded work", each
	// over 100 KB: runs of false capture patterns before a file, streams
	// past max_streams, random pages good and bad.
	f.Add(cat(falseCaptures(100<<10), vorbisLong(300)))
	f.Add(cat(heavyCaptures(100<<10), vorbisLong(300)))
	f.Add(cat(periodicCaptures(100<<10, 7), vorbisLong(300)))
	f.Add(manySerials(2000))
	f.Add(randomOgg(rand.New(rand.NewPCG(7, 8)), 100<<10))
	corpusSeeds(f)
	sentinels := []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.OggVorbisKeys(4100))
	f.Add(hostile.OggCaptureJunk(100 << 10))
	f.Add(hostile.OggBadCRCPages(2200))
	f.Add(hostile.OggSerials(2200))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 20}
		begin := time.Now()
		info, err := read(src, 0, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("read took %v", d)
		}
		if err != nil {
			ok := false
			for _, s := range sentinels {
				ok = ok || errors.Is(err, s)
			}
			if !ok {
				t.Fatalf("error matches no sentinel: %v", err)
			}
		}
		if info == nil {
			if err == nil {
				t.Fatal("no info and no error")
			}
			return
		}
		for i, st := range info.Streams {
			if st.Index != i {
				t.Fatalf("stream %d has index %d", i, st.Index)
			}
			if st.TimeBase.Den <= 0 || st.TimeBase.Num <= 0 {
				t.Fatalf("stream %d time base %v", i, st.TimeBase)
			}
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzScan compares the page scanner with the reference search (the page
// search before the scanner, in reference_test.go): the same pages and the
// same final error from any start.
func FuzzScan(f *testing.F) {
	f.Add(vorbisFile(1, 1000, 5000), uint32(0))
	f.Add(cat(falseCaptures(4<<10), vorbisFile(1, 1000, 5000)), uint32(0))
	f.Add(cat(heavyUnit, heavyUnit, vorbisLong(10)), uint32(3))
	f.Add(cat(periodicCaptures(2<<10, 7), vorbisFile(1, 1000, 5000)), uint32(0))
	rng := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 8; i++ {
		f.Add(randomOgg(rng, 1+rng.IntN(3000)), rng.Uint32())
	}
	f.Fuzz(func(t *testing.T, b []byte, start uint32) {
		diffScanner(t, b, int64(start)%(int64(len(b))+1))
	})
}
