package subtitle

// The encodings FFmpeg's text reader tells apart by the byte-order mark
// (FFTextReader's type).
const (
	encUTF8 = iota
	encUTF16LE
	encUTF16BE
)

// textReader reads bytes of text as FFmpeg 5.1's FFTextReader does
// (libavformat/subtitles.c ff_text_init_avio, ff_text_r8, ff_text_peek_r8,
// ff_text_eof), over a byte slice instead of an AVIOContext:
//
//   - a UTF-16 LE or BE byte-order mark selects UTF-16, whose code units
//     are converted to UTF-8 one character at a time; a broken surrogate
//     pair or a zero code unit reads as a 0 byte, and so does the end;
//   - otherwise the text is read as bytes, after a UTF-8 byte-order mark if
//     there is one; the first three bytes are read ahead at the start, so a
//     shorter object reads as its bytes followed by zeros that are not yet
//     the end (ff_text_eof is false until they are read);
//   - a peek at a character that UTF-16 made into several UTF-8 bytes keeps
//     only the first of them (ff_text_peek_r8 sets buf_len to 1): the
//     others are lost.
//
// The zero value reads nothing; make one with newTextReader. It does not
// allocate.
type textReader struct {
	b      []byte // the bytes, as the AVIOContext would give them
	off    int    // the next byte of b
	eofHit bool   // a read went past the end of b (avio_feof)
	enc    int    // encUTF8, encUTF16LE or encUTF16BE
	buf    [8]byte
	pos, n int // buf[pos:n] are read but not yet returned
}

// newTextReader starts reading b as ff_text_init_avio does: it reads two
// bytes for a UTF-16 byte-order mark and, failing one, a third for UTF-8's.
func newTextReader(b []byte) textReader {
	r := textReader{b: b}
	r.buf[0], r.buf[1] = r.byte1(), r.byte1()
	r.n = 2
	switch {
	case r.buf[0] == 0xff && r.buf[1] == 0xfe:
		r.enc, r.pos = encUTF16LE, 2
	case r.buf[0] == 0xfe && r.buf[1] == 0xff:
		r.enc, r.pos = encUTF16BE, 2
	default:
		r.buf[2] = r.byte1()
		r.n = 3
		if r.buf[0] == 0xef && r.buf[1] == 0xbb && r.buf[2] == 0xbf {
			r.pos = 3
		}
	}
	return r
}

// byte1 is avio_r8: the next byte, or 0 past the end, which it records.
func (r *textReader) byte1() byte {
	if r.off < len(r.b) {
		c := r.b[r.off]
		r.off++
		return c
	}
	r.eofHit = true
	return 0
}

// unit is avio_rl16 or avio_rb16 by the encoding: a byte missing at the end
// reads as 0.
func (r *textReader) unit() uint32 {
	lo, hi := uint32(r.byte1()), uint32(r.byte1())
	if r.enc == encUTF16BE {
		lo, hi = hi, lo
	}
	return lo | hi<<8
}

// next is ff_text_r8: the next byte of the text as UTF-8, 0 at the end, at
// a zero character and where UTF-16 is broken.
func (r *textReader) next() byte {
	if r.pos < r.n {
		c := r.buf[r.pos]
		r.pos++
		return c
	}
	if r.enc == encUTF8 {
		return r.byte1()
	}
	// GET_UTF16: a high surrogate takes the next unit, which must be a
	// low one.
	val := r.unit()
	if hi := val - 0xd800; hi < 0x800 {
		lo := r.unit() - 0xdc00
		if lo > 0x3ff || hi > 0x3ff {
			return 0
		}
		val = lo + hi<<10 + 0x10000
	}
	if val == 0 {
		return 0
	}
	// PUT_UTF8 (val is at most 0x10ffff).
	r.pos, r.n = 0, 0
	switch {
	case val < 0x80:
		r.put(byte(val))
	case val < 0x800:
		r.put(0xc0 | byte(val>>6))
		r.put(0x80 | byte(val&0x3f))
	case val < 0x10000:
		r.put(0xe0 | byte(val>>12))
		r.put(0x80 | byte(val>>6&0x3f))
		r.put(0x80 | byte(val&0x3f))
	default:
		r.put(0xf0 | byte(val>>18))
		r.put(0x80 | byte(val>>12&0x3f))
		r.put(0x80 | byte(val>>6&0x3f))
		r.put(0x80 | byte(val&0x3f))
	}
	r.pos = 1
	return r.buf[0]
}

func (r *textReader) put(c byte) {
	r.buf[r.n] = c
	r.n++
}

// peek is ff_text_peek_r8: the next byte without taking it. Where it has
// to read one, it keeps that one byte only (see textReader).
func (r *textReader) peek() byte {
	if r.pos < r.n {
		return r.buf[r.pos]
	}
	c := r.next()
	if !r.eofHit {
		r.buf[0] = c
		r.pos, r.n = 0, 1
	}
	return c
}

// eof is ff_text_eof: nothing is left read ahead and a read went past the
// end.
func (r *textReader) eof() bool { return r.pos >= r.n && r.eofHit }

// readLine reads one line into line as ff_subtitles_read_line does with a
// buffer of len(line) bytes: at most len(line)-1 bytes, up to a CR or LF,
// after which every CR and then one LF are skipped (a longer line is
// split: its rest is the next line). It returns the bytes read, and false
// where a 0 byte comes before the end (AVERROR_INVALIDDATA); at the end it
// returns what it has.
func readLine(r *textReader, line []byte) ([]byte, bool) {
	cur := 0
	for cur+1 < len(line) {
		c := r.next()
		if c == 0 {
			return line[:cur], r.eof()
		}
		if c == '\r' || c == '\n' {
			break
		}
		line[cur] = c
		cur++
	}
	for r.peek() == '\r' {
		r.next()
	}
	if r.peek() == '\n' {
		r.next()
	}
	return line[:cur], true
}

// skipLineBreaks takes the CR and LF bytes at the reader's position, as
// srt_probe and ass_probe do before they look at the first line.
func skipLineBreaks(r *textReader) {
	for c := r.peek(); c == '\r' || c == '\n'; c = r.peek() {
		r.next()
	}
}
