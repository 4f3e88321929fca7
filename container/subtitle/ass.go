package subtitle

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// maxASSSize is the largest ASS object read, 8 MiB. FFmpeg reads a script
// whole to learn its header (the stream's extradata), and so must we; a
// film's script takes tens or hundreds of KiB, a karaoke-heavy one a few
// MiB. Past the bound the probe fails with container.ErrLimit rather than
// read an object of any size in one go.
const maxASSSize = 8 << 20

// probeASS scores as assdec.c ass_probe, through FFmpeg's text reader
// (UTF-8 or, after its byte-order mark, UTF-16): after any line breaks,
// the next 13 bytes "[Script Info]" are certain; anything else is 0.
func probeASS(head []byte) int {
	r := newTextReader(head)
	skipLineBreaks(&r)
	const sig = "[Script Info]"
	for i := 0; i < len(sig); i++ {
		if r.next() != sig[i] {
			return 0
		}
	}
	return 100
}

// readASS describes the one stream as ass_read_header does: codec ass,
// time base 1/100, and as extradata every line that is not a Dialogue
// event, which is the script's header (its size is what ffprobe prints).
// The object is read whole, in one read, up to maxASSSize bytes.
func readASS(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info, st, err := newInfo(src, "ass", "SSA (SubStation Alpha) subtitle", "ass", 100, start)
	if err != nil {
		return nil, err
	}
	n := src.Size() - start
	if n > maxASSSize {
		return info, demuxkit.Errorf("ass", "script", start, container.ErrLimit,
			"a script of %d bytes, more than the %d read whole", n, maxASSSize)
	}
	b, err := demuxkit.ReadAt(src, start, n, "ass", "script")
	if err != nil {
		return info, err
	}
	text, err := decodeText(src.Budget(), b, start)
	if err != nil {
		return info, err
	}
	header, err := assHeaderSize(src.Budget(), text, start)
	if err != nil {
		return info, err
	}
	st.ExtradataSize = header
	return info, nil
}

// decodeText returns b as FFmpeg's text reader gives it to assdec.c: the
// bytes after a UTF-8 byte-order mark as they are, UTF-16 converted to
// UTF-8 (with a 0 byte where a character is broken), the conversion
// charged to budget.
func decodeText(budget *container.Budget, b []byte, off int64) ([]byte, error) {
	r := newTextReader(b)
	if r.enc == encUTF8 {
		return b[min(r.pos, len(b)):], nil
	}
	// One pass to measure, one to convert: the text takes what it needs
	// (a code unit makes 1 to 3 bytes of UTF-8).
	n := int64(0)
	for m := r; ; n++ { // m is a copy: the measuring pass
		if c := m.next(); c == 0 && m.eof() {
			break
		}
	}
	if err := budget.Alloc("ass", "utf-16 text", off, n); err != nil {
		return nil, err
	}
	out := make([]byte, n)
	for i := range out {
		out[i] = r.next()
	}
	return out, nil
}

// assHeaderSize walks text line by line as ass_read_header does (its
// get_line: a line ends after a LF, or at a 0 byte, which is dropped; an
// empty line is the end) and adds up the lines that are not Dialogue
// events. Each event charges budget one structure, at off plus its
// position in text (in the converted text for UTF-16).
func assHeaderSize(budget *container.Budget, text []byte, off int64) (int, error) {
	header := 0
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != 0 && text[j] != '\n' {
			j++
		}
		end, next := j, j+1 // the line is text[i:end]; the next starts at next
		if j < len(text) && text[j] == '\n' {
			end++
		}
		if end == i {
			break // a 0 byte (or the end) where a line should start
		}
		if isDialogue(text[i:end]) {
			if err := budget.Visit("ass", "dialogue", off+int64(i)); err != nil {
				return header, err
			}
		} else {
			header += end - i
		}
		i = next
	}
	return header, nil
}

// isDialogue reports whether line is an event to read_dialogue: sscanf
// matches "Dialogue: %*[^,],%d:%d:%d%*c%d,%d:%d:%d%*c%d,%n" through the
// %n (all eight numbers and the comma after the last).
func isDialogue(line []byte) bool {
	sc := newScanner(line)
	sc.lit("Dialogue:").space().notComma().lit(",").
		int().lit(":").int().lit(":").int().char().int().lit(",").
		int().lit(":").int().lit(":").int().char().int().lit(",")
	return sc.ok
}
