package mp4

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

// limitedSource is a BytesSource with a small allocation limit, as the
// probe source enforces one.
func limitedSource(b []byte) *demuxkit.BytesSource {
	return &demuxkit.BytesSource{B: b, Limit: 1 << 20}
}

func FuzzRead(f *testing.F) {
	f.Add(m4a(3, ilstItem("\xa9nam", 1, []byte("x")), ilstItem("covr", 14, zeros(8))))
	f.Add(cat(mkbox64("free"), m4a(1)))
	f.Add(mkbox("moov", mkbox("trak", mkbox("mdia", mkbox("minf", mkbox("stbl",
		mkbox("stsz", full(0, 0), u32(0), u32(0x7fffffff))))))))
	f.Add(mkbox("moov", mkbox("mvex", mkbox("trex", full(0, 0), u32(1), zeros(16)))))
	f.Add(cat(mkbox("moof", mkbox("traf", mkbox("tfhd", full(0, 0), u32(1)), mkbox("trun", full(0, 0x300), u32(2), zeros(16))))))
	// A few small corpus files, when the shared corpus is present.
	for _, name := range []string{"real/taglib/has-tags.m4a", "real/taglib/covr-junk.m4a", "real/taglib/64bit.mp4",
		"real/mp4ff/aac_init.mp4", "synthetic/m4a_alac.m4a", "real/taglib/flac.m4a", "real/taglib/opus.m4a"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name)); err == nil && len(b) < 1<<20 {
			f.Add(b)
		}
	}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.MP4Freeform(1300))
	f.Add(hostile.MP4EmptyTraks(13000))
	f.Add(hostile.MP4ChapterRefs(100, 26000))
	f.Add(hostile.MP4STTSPastEnd(50000000, 100<<10).Bytes())
	f.Add(hostile.MP4HugeHdlr(64 << 10).Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		src := limitedSource(data)
		done := make(chan struct{})
		var info *container.Info
		var err error
		go func() {
			defer close(done)
			info, err = Demuxer().Read(src, 0, container.Options{})
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Read did not return within 5s on %d bytes", len(data))
		}
		if err != nil {
			if !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
				!errors.Is(err, container.ErrLimit) && !errors.Is(err, container.ErrUnsupported) {
				t.Fatalf("error matches no sentinel: %v", err)
			}
		}
		if info == nil {
			return
		}
		if err := hostile.CheckPictures(info, int64(len(data))); err != nil {
			t.Fatal(err)
		}
		for _, st := range info.Streams {
			if st.Index < 0 || st.Index >= len(info.Streams) {
				t.Fatalf("bad stream index %d", st.Index)
			}
		}
		_ = probe(data)
	})
}
