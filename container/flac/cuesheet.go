package flac

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// cueSheetTracksAt is the offset of the track count in a CUESHEET body
// (RFC 9639 8.7: catalog 128, lead-in 8, CD flag and reserved 259).
const cueSheetTracksAt = 395

// cueSheet checks a CUESHEET block as flac_read_header does before it makes
// chapters of its tracks: a file whose cue sheet fails these checks does
// not open in FFmpeg. Chapters are not part of ffprobe's stream and format
// output, so nothing else is kept.
func (r *reader) cueSheet(off, size int64) error {
	bad := func(detail string, args ...any) error {
		return demuxkit.Errorf(name, "cuesheet", off, container.ErrMalformed, detail, args...)
	}
	if size < 431 {
		return bad("%d bytes, fewer than 431", size)
	}
	b, err := demuxkit.ReadAt(r.src, off, size, name, "cuesheet")
	if err != nil {
		return err
	}
	// The last track is the lead-out, which makes no chapter.
	chapters := int(b[cueSheetTracksAt]) - 1
	if chapters <= 0 {
		return bad("no tracks")
	}
	p := int64(cueSheetTracksAt + 1)
	for i := 0; i < chapters; i++ {
		// offset(8) number(1) ISRC(12) flags and reserved(14) index count(1)
		if p+36 > size {
			return bad("track %d runs past the block", i)
		}
		indexes := int64(b[p+35])
		if indexes == 0 {
			return bad("track %d has no index points", i)
		}
		p += 36 + 12*indexes
	}
	return nil
}
