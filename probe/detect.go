package probe

import (
	"path"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// FFmpeg's probe landmarks (libavformat/avformat.h, format.c).
const (
	scoreRetry     = 25      // AVPROBE_SCORE_RETRY: at or below, read more
	scoreExtension = 50      // AVPROBE_SCORE_EXTENSION
	probeBufMin    = 2048    // PROBE_BUF_MIN
	probeBufMax    = 1 << 20 // PROBE_BUF_MAX
)

// id3v2Len returns the length of the ID3v2 tag at the start of b (header,
// body and footer), or 0 if b does not start with one (ff_id3v2_match,
// ff_id3v2_tag_len).
func id3v2Len(b []byte) int64 {
	if len(b) < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3' || b[3] == 0xff || b[4] == 0xff ||
		b[6]&0x80 != 0 || b[7]&0x80 != 0 || b[8]&0x80 != 0 || b[9]&0x80 != 0 {
		return 0
	}
	n := int64(b[6])<<21 | int64(b[7])<<14 | int64(b[8])<<7 | int64(b[9])
	n += 10
	if b[5]&0x10 != 0 {
		n += 10
	}
	return n
}

// id3 states of one probe round (format.c's nodat).
const (
	noID3 = iota
	id3AlmostGreaterProbe
	id3GreaterProbe
	id3GreaterMaxProbe
)

// detect chooses the demuxer as av_probe_input_buffer2 does: it scores
// growing prefixes of the object (2 KiB, 4 KiB, ... up to 1 MiB) until a
// format scores above 25 (above 0 for the last size), skipping one leading
// ID3v2 tag. Only the bytes the scores need are read: the bytes after a
// large ID3v2 tag are fetched without the tag itself.
func detect(src *source, cfg *config) (*container.Demuxer, int, error) {
	size := src.Size()
	head, err := readHead(src, 0, min(size, cfg.blockSize))
	if err != nil {
		return nil, 0, err
	}
	id3len := id3v2Len(head)
	var after []byte // the bytes after the ID3v2 tag, fetched lazily
	for probeSize := int64(probeBufMin); ; probeSize = min(probeSize<<1, max(probeBufMax, probeSize+1)) {
		eof := probeSize >= size
		bufSize := min(probeSize, size)
		// The last round, at 1 MiB or once the whole object is in the
		// buffer (avio_read then reports EOF), takes any score above 0.
		threshold := scoreRetry
		if probeSize >= probeBufMax || eof {
			threshold = 0
		}
		var buf []byte
		nodat := noID3
		if id3len > 0 && bufSize > 10 {
			switch {
			case bufSize > id3len+16:
				if bufSize < 2*id3len+16 {
					nodat = id3AlmostGreaterProbe
				}
				want := bufSize - id3len
				if int64(len(after)) < want {
					if id3len+want <= int64(len(head)) {
						after = head[id3len : id3len+want]
					} else if after, err = readHead(src, id3len, want); err != nil {
						return nil, 0, err
					}
				}
				buf = after[:want]
			case id3len >= probeBufMax:
				nodat = id3GreaterMaxProbe
			default:
				nodat = id3GreaterProbe
			}
		} else {
			if int64(len(head)) < bufSize {
				if head, err = readHead(src, 0, bufSize); err != nil {
					return nil, 0, err
				}
			}
			buf = head[:bufSize]
		}
		dm, score := scoreAll(buf, nodat, cfg.filename)
		if dm != nil && score > threshold {
			return dm, score, nil
		}
		if eof || probeSize >= probeBufMax {
			break
		}
	}
	return nil, 0, &container.FormatError{Format: "probe", What: "head", Kind: container.ErrUnknownFormat,
		Detail: "no demuxer recognises the content"}
}

// readHead returns n bytes at off through the source (one read of the
// caller's object when they are not cached yet).
func readHead(src *source, off, n int64) ([]byte, error) {
	b := make([]byte, n)
	if err := demuxkit.ReadFull(src, b, off, "probe", "head"); err != nil {
		return nil, err
	}
	return b, nil
}

// scoreAll runs every probe on buf, as av_probe_input_format3 does: the
// highest score wins, a tie means no answer; the file extension only lifts a
// score to 1 (or more when an ID3v2 tag hides the content).
func scoreAll(buf []byte, nodat int, filename string) (*container.Demuxer, int) {
	var best *container.Demuxer
	bestScore := 0
	for i := range demuxers {
		dm := &demuxers[i]
		score := 0
		if buf != nil {
			score = dm.Probe(buf)
			if dm.ProbeName != nil && len(buf) > 0 && filename != "" {
				score = max(score, dm.ProbeName(filename))
			}
		}
		if matchExt(filename, dm.Extensions) {
			switch nodat {
			case noID3:
				score = max(score, 1)
			case id3GreaterProbe, id3AlmostGreaterProbe:
				score = max(score, scoreExtension/2-1)
			case id3GreaterMaxProbe:
				score = max(score, scoreExtension)
			}
		}
		if score > bestScore {
			best, bestScore = dm, score
		} else if score == bestScore {
			best = nil
		}
	}
	if nodat == id3GreaterProbe {
		bestScore = min(scoreExtension/2-1, bestScore)
	}
	return best, bestScore
}

// matchExt reports whether filename ends in one of extensions, a
// comma-separated list, ignoring case (av_match_ext).
func matchExt(filename, extensions string) bool {
	ext := strings.TrimPrefix(path.Ext(filename), ".")
	if ext == "" {
		return false
	}
	for e := range strings.SplitSeq(extensions, ",") {
		if container.KeyEqual(e, ext) {
			return true
		}
	}
	return false
}
