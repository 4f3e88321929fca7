package adts

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
	"github.com/mediaprobe/mediaprobe/tags"
)

func FuzzRead(f *testing.F) {
	f.Add(stream(1, 4, 2, 100, 100, 100))
	f.Add(append([]byte("junk"), stream(2, 11, 1, 30, 40, 50)...))
	pce := frame(1, 3, 0, 40)
	copy(pce[7:], []byte{0xA0, 0x98, 0x80, 0x20, 0x04, 0x00})
	f.Add(pce)
	items := append(apeItem("Title", []byte("One"), false), apeItem("Cover Art (Front)", []byte("c.jpg\x00\xFF\xD8\xFF"), true)...)
	f.Add(append(append(stream(1, 4, 2, 100), items...), apeFooter(len(items), 2)...))
	f.Add(append(append(stream(1, 4, 2, 100), 'I', 'D', '3', 3, 0, 0, 0, 0, 0, 1, 0), stream(1, 4, 2, 50)...))
	lead := id3Tag(id3Frame("TPE1", []byte("\x00A")), id3Frame("APIC", []byte("\x00image/jpeg\x00\x03\x00\xFF\xD8")))
	f.Add(append(append(append(lead, stream(1, 4, 2, 60)...), id3Tag(id3Frame("TIT2", []byte("\x00T")))...), stream(1, 4, 2, 60)...))
	// A few small corpus files, read at run time when the shared corpus
	// is there (never copied into the repository).
	for _, p := range []string{"synthetic/aac_lc.aac", "real/taglib/empty1s.aac", "real/androidx-media/ts/sample_with_id3.adts"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", p)); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.ADTSAPEText(3500))
	f.Add(hostile.ADTSAPEBinary(140))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = probe(b)
		src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: b}}
		begin := time.Now()
		// Start after a leading ID3v2 tag, as the probe package does.
		start := int64(0)
		if id3, _ := tags.ReadID3v2(src, 0); id3 != nil {
			start = id3.End
		}
		src.Bytes = 0
		info, err := Demuxer().Read(src, start, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil && !(errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
			errors.Is(err, container.ErrLimit) || errors.Is(err, container.ErrUnsupported)) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		// Reads are headers and tag items: a bounded multiple of the object
		// (APE keys are read 1 KB at a time per item of at least 9 bytes).
		if limit := 128*int64(len(b)) + 64<<10; src.Bytes > limit {
			t.Fatalf("read %d bytes of a %d-byte object", src.Bytes, len(b))
		}
		if info == nil {
			return
		}
		if err := hostile.CheckPictures(info, int64(len(b))); err != nil {
			t.Fatal(err)
		}
		for _, st := range info.Streams {
			if st.BitRate < 0 {
				t.Fatalf("bit rate %d", st.BitRate)
			}
		}
	})
}
