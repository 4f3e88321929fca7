package tags

import (
	"errors"
	"strings"
	"testing"

	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// FuzzParseVorbisComment: any structure parses without panic, fails only
// with ErrVorbisComment, and yields no more pairs than it has bytes for;
// the converted tags never have an empty key or value.
func FuzzParseVorbisComment(f *testing.F) {
	f.Add(vorbisComment("ffmpeg", 2, "title=Song", "ARTIST=A"))
	f.Add(vorbisComment("", 0xFFFFFFFF, "CHAPTER001=00:00:01.000", "METADATA_BLOCK_PICTURE=AAAA"))
	f.Add([]byte{})
	// 100 KB of distinct keys, and of one key repeated (internal/hostile).
	f.Add(hostile.VorbisCommentKeys(4100))
	f.Add(hostile.VorbisCommentRepeatedKey(8600))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, pairs, err := ParseVorbisComment(b, nil)
		if err != nil {
			if !errors.Is(err, ErrVorbisComment) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(pairs) > len(b)/4 {
			t.Fatalf("%d pairs from %d bytes", len(pairs), len(b))
		}
		tags, _, _ := VorbisTags(pairs, nil)
		for k, v := range tags.All() {
			if k == "" || v == "" || strings.EqualFold(k, "METADATA_BLOCK_PICTURE") {
				t.Fatalf("bad tag %q=%q", k, v)
			}
		}
	})
}

// FuzzParseFLACPicture: the image range returned lies inside the body
// (unless the truncation workaround extends it) and errors are the
// package's.
func FuzzParseFLACPicture(f *testing.F) {
	f.Add(flacPictureBody(3, "image/jpeg", "d", []byte{1, 2, 3}), false)
	f.Add(flacPictureBody(3, "image/png", "", []byte{1}), true)
	f.Add(hostile.FLACPictureBody(3, "image/png", "", hostile.Zeros(100<<10)), false) // 100 KB (internal/hostile)
	f.Fuzz(func(t *testing.T, b []byte, trunc bool) {
		p, err := ParseFLACPicture(b, int64(len(b)), trunc)
		if err != nil {
			if !errors.Is(err, ErrFLACPicture) && !errors.Is(err, ErrFLACPictureShort) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if p.DataOffset < 0 || p.DataLength <= 0 || p.DataOffset > int64(len(b)) {
			t.Fatalf("image at %d+%d in %d bytes", p.DataOffset, p.DataLength, len(b))
		}
		if !trunc && p.DataLength > int64(len(b))-p.DataOffset {
			t.Fatalf("image at %d+%d in %d bytes", p.DataOffset, p.DataLength, len(b))
		}
	})
}
