package tags

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

// id3CorpusSeeds adds the heads of a few shared-corpus files when the
// corpus is there; it is skipped silently otherwise.
func id3CorpusSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		names, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", g))
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) <= 64<<10 {
				f.Add(b)
			}
		}
	}
}

func id3IsSentinel(err error) bool {
	for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzParseID3v2(f *testing.F) {
	f.Add(id3Tag(3, 0, id3Frame34(3, "TIT2", 0, []byte("\x00Song")), id3Frame34(3, "TYER", 0, []byte("\x002021"))))
	f.Add(id3Tag(4, 0x80, id3Frame34(4, "TXXX", 0x0003, []byte{0, 0, 0, 5, 1, 0xff, 0xfe, 'k', 0})))
	f.Add(id3Tag(2, 0, id3Frame22("PIC", []byte("\x00PNG\x03\x00\x89PNG\r\n\x1a\n"))))
	f.Add(id3Tag(3, 0, id3Frame34(3, "APIC", 0, []byte("\x00image/jpeg\x00\x03d\x00\xff\xd8\xff"))))
	id3CorpusSeeds(f, "real/taglib/*.id3", "real/taglib/unsynch*.id3")
	// Hostile tags of about 100 KB (internal/hostile).
	f.Add(hostile.ID3TXXX(1700))
	f.Add(hostile.ID3ZlibTXXX(2, 1<<20))
	f.Add(hostile.ID3ZlibAPIC(600, 256<<10))
	f.Add(hostile.ID3APIC(1800))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		start := time.Now()
		res, err := ReadID3v2(src, 0)
		if time.Since(start) > hostile.HangBound {
			t.Fatalf("took %v", time.Since(start))
		}
		if err != nil && !id3IsSentinel(err) {
			t.Fatalf("error %v matches no sentinel", err)
		}
		if res == nil {
			return
		}
		for _, p := range res.Pictures {
			if p.Offset < 0 || p.Length <= 0 || p.Offset > int64(len(b))-p.Length {
				t.Fatalf("picture [%d,+%d) outside the %d-byte object", p.Offset, p.Length, len(b))
			}
			if len(p.Data) > maxDecodedPicture {
				t.Fatalf("picture data of %d bytes", len(p.Data))
			}
		}
		info := container.NewInfo("mp3", "")
		if err := PictureStreams(info, src, res.Pictures); err != nil {
			// Past the stream limit or the budget: a limit, nothing else.
			if !errors.Is(err, container.ErrLimit) {
				t.Fatalf("pictures: %v", err)
			}
			return
		}
		if len(info.Streams) != len(res.Pictures) {
			t.Fatalf("%d streams for %d pictures", len(info.Streams), len(res.Pictures))
		}
	})
}

func FuzzParseAPE(f *testing.F) {
	items := id3Cat(apeItem("Title", 0, []byte("T")), apeItem("Cover Art (Front)", apeFlagBinary, []byte("a.png\x00xyz")))
	f.Add(id3Cat(items, apeFooter(items, 2, 0)))
	f.Add(apeFooter(nil, 0, 0))
	id3CorpusSeeds(f, "real/taglib/ape*.mp3")
	f.Add(hostile.ADTSAPEText(3500))
	f.Add(hostile.ADTSAPEBinary(140))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		a, err := ReadAPE(src, int64(len(b)))
		if err != nil && !id3IsSentinel(err) {
			t.Fatalf("error %v matches no sentinel", err)
		}
		if a == nil {
			return
		}
		for _, bin := range a.Binary {
			if bin.Offset < 0 || bin.Length <= 0 || bin.Offset > int64(len(b))-bin.Length {
				// A binary item may claim more than the object holds; the
				// caller checks before it reads. Its start must be inside.
				if bin.Offset < 0 || bin.Offset > int64(len(b)) {
					t.Fatalf("binary item at %d outside the %d-byte object", bin.Offset, len(b))
				}
			}
		}
	})
}

func FuzzParseID3v1(f *testing.F) {
	f.Add(id3v1("Song", "Artist", "Album", "2021", "c", 3, 13))
	f.Fuzz(func(t *testing.T, b []byte) {
		tags := ParseID3v1(b)
		if tags.Len() > 7 {
			t.Fatalf("%d tags from one ID3v1 tag", tags.Len())
		}
		if tags.Len() > 0 && (len(b) != ID3v1Size || string(b[:3]) != "TAG") {
			t.Fatal("tags from a non-tag")
		}
	})
}
