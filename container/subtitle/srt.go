package subtitle

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/container"
)

// srtProbeLine is the size of srt_probe's line buffer: lines are read 63
// bytes at a time.
const srtProbeLine = 64

// probeSRT scores as srtdec.c srt_probe, through FFmpeg's text reader
// (UTF-8 or, after its byte-order mark, UTF-16): after any line breaks,
// the first line must open with a number that is not negative (strtol;
// anything may follow it), and the next line must be a SubRip timing
// line: a digit first (after one '-'), " --> " somewhere, and the whole of
// "%d:%d:%d[,.]%d --> %d:%d:%d[,.]%d" as sscanf reads it. Then it is
// certain; otherwise 0. A 0 byte before the end of either line fails it.
func probeSRT(head []byte) int {
	r := newTextReader(head)
	skipLineBreaks(&r)
	var buf [srtProbeLine]byte
	line, ok := readLine(&r, buf[:])
	if !ok || !strtolNonNegative(line) {
		return 0
	}
	if line, ok = readLine(&r, buf[:]); !ok {
		return 0
	}
	p := line
	if len(p) > 0 && p[0] == '-' {
		p = p[1:]
	}
	if len(p) == 0 || !isDigit(p[0]) || !bytes.Contains(line, []byte(" --> ")) || !srtTiming(line) {
		return 0
	}
	return 100
}

// srtTiming reports whether line matches srt_probe's sscanf format
// "%*d:%*d:%*d%*1[,.]%*d --> %*d:%*d:%*d%*1[,.]%d" up to its one
// conversion.
func srtTiming(line []byte) bool {
	sc := newScanner(line)
	sc.int().lit(":").int().lit(":").int().oneOf(",.").int().
		space().lit("-->").space().
		int().lit(":").int().lit(":").int().oneOf(",.").int()
	return sc.ok
}

// readSRT describes the one stream as srt_read_header does. Nothing is
// read: the events it queues reach none of ffprobe's fields, and none can
// make it fail.
func readSRT(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info, _, err := newInfo(src, "srt", "SubRip subtitle", "subrip", 1000, start)
	return info, err
}
