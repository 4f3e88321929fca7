package flac

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

// FuzzRead reads arbitrary bytes as a FLAC file through a source with a
// tight allocation limit. It must return promptly, fail only with a
// container sentinel, never return an Info and an error together (FFmpeg
// either opens the file or not), and place every picture inside the object.
func FuzzRead(f *testing.F) {
	si := block(false, typeStreamInfo, streamInfo(44100, 2, 16, 100))
	f.Add(file(si, block(false, typeVorbisComment, comments("title=x", "WAVEFORMATEXTENSIBLE_CHANNEL_MASK=3")),
		block(true, typePicture, pictureBody(3, "image/png", "d", png1x1))))
	f.Add(file(si, block(true, typeCueSheet, make([]byte, 431))))
	f.Add(file(si, block(true, typePicture, pictureBody(3, "image/jpeg", "", []byte{0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0}))))
	f.Add(frames)
	// A few small files of the shared corpus, when it is there.
	for _, pattern := range []string{"../../../shared/corpus/real/mewkiz-flac/meta/*.flac", "../../../shared/corpus/real/taglib/*.flac"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	// Hostile inputs of about 100 KB (internal/hostile): tag dictionaries,
	// compressed frames, Ogg junk, stream floods, tables past their box.
	f.Add(hostile.FLACVorbisKeys(4100))
	f.Add(hostile.FLACVorbisRepeatedKey(8600))
	f.Add(hostile.FLACPictures(1350))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := &demuxkit.BytesSource{B: b, Limit: 1 << 16}
		begin := time.Now()
		info, err := read(src, 0, container.Options{})
		if d := time.Since(begin); d > hostile.HangBound {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			for _, s := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
				if errors.Is(err, s) {
					if info != nil {
						t.Fatalf("info with error %v", err)
					}
					return
				}
			}
			t.Fatalf("uncategorised error %v", err)
		}
		for _, st := range info.Streams {
			if p := st.Picture; p != nil && p.Offset >= 0 {
				if p.Length <= 0 || p.Offset > int64(len(b)) || p.Length > int64(len(b))-p.Offset {
					t.Fatalf("picture at %d+%d outside %d bytes", p.Offset, p.Length, len(b))
				}
			}
		}
	})
}
