package riff

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzRead runs the probes and the WAV, Wave64 and AVI demuxers on arbitrary
// input under a tight allocation limit. Seeds: hand-made files, plus small
// shared-corpus files when ../shared/corpus exists.
//
// Crashers kept in testdata/fuzz/FuzzRead:
//   - 380bcd0cfa75a63d: an AVI cut inside the movi list type, whose data
//     offset fell past the end (now kept inside the object);
//   - 6427ba6d85ba2b99: an AVI of many tiny packets and no index, whose
//     packet search read its window afresh for every packet (now kept
//     from one search to the next).
func FuzzRead(f *testing.F) {
	f.Add(minimalWAV)
	f.Add(wave(ck("fmt ", pcmFmt), ck("data", make([]byte, 5)), ck("LIST", cat([]byte("INFO"), ck("INAM", []byte("T"))))))
	f.Add(cat([]byte("RF64\xff\xff\xff\xffWAVE"), ck("ds64", cat(le64(0), le64(8), le64(2))), ck("fmt ", pcmFmt), []byte("data\xff\xff\xff\xff")))
	f.Add(wave(ck("fmt ", pcmFmt), ck("bext", make([]byte, 610)), ck("id3 ", []byte("ID3\x03\x00\x00\x00\x00\x00\x00")), ck("data", nil)))
	f.Add(w64File(w64Chunk(guidFmt, pcmFmt), w64Chunk(guidData, make([]byte, 8))))
	// AVI: hand-made files with idx1 and OpenDML indexes, and the small
	// AVI testdata files.
	movi := frames(4, 100)
	f.Add(riffAVI(list("hdrl", avih(4, 1), list("strl", strh("vids", "MJPG", 1, 25, 4, 0), bih("MJPG"), ck("strn", []byte("n\x00")))),
		list("INFO", ck("ISFT", []byte("x\x00"))), list("movi", movi), idx1(movi)))
	f.Add(odmlFile(4, 100, func(ix int64) []int64 { return []int64{ix, ix} }))
	if names, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "avi_*.avi")); len(names) > 0 {
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 32<<10 {
				f.Add(b)
			}
		}
	}
	for _, g := range []string{"synthetic/wav_*.wav", "synthetic/*.w64", "real/taglib/*.wav"} {
		names, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", g))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 16<<10 {
				f.Add(b)
			}
		}
	}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.WAVInfoKeys(6300))
	f.Add(hostile.W64Summary(4200))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range []container.Demuxer{WAV(), W64(), AVI()} {
			begin := time.Now()
			if s := d.Probe(b); s < 0 || s > 100 {
				t.Fatalf("%s probe score %d", d.Name, s)
			}
			src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b, Limit: 1 << 12}}
			info, err := d.Read(src, 0, container.Options{})
			// Headers may be read more than once, but never the object many
			// times over: the data chunk is skipped, not read.
			if max := 4*int64(len(b)) + 1<<12; src.Bytes > max {
				t.Fatalf("%s read %d bytes of a %d-byte object", d.Name, src.Bytes, len(b))
			}
			if d := time.Since(begin); d > hostile.HangBound {
				t.Fatalf("took %v", d)
			}
			if err != nil {
				if !hostile.IsKind(err) {
					t.Fatalf("%s: error %v matches no sentinel", d.Name, err)
				}
			}
			if info == nil {
				if err == nil {
					t.Fatalf("%s: no info and no error", d.Name)
				}
				continue
			}
			if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
				t.Fatal(err)
			}
			for _, st := range info.Streams {
				if st.DurationTS != container.NoPTS && st.DurationTS < 0 {
					t.Fatalf("negative duration %d", st.DurationTS)
				}
				if st.Type == container.Audio && st.TimeBase.Den < 0 {
					t.Fatalf("time base %v", st.TimeBase)
				}
			}
			if off := info.Format.DataOffset; off < 0 || off > int64(len(b)) {
				t.Fatalf("data offset %d outside the %d-byte object", off, len(b))
			}
		}
	})
}
