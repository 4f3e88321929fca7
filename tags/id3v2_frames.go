package tags

import (
	"fmt"
	"unicode/utf8"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The text encodings of ID3v2 frames.
const (
	encISO8859  = 0
	encUTF16BOM = 1
	encUTF16BE  = 2
	encUTF8     = 3
)

// id3TextReader reads a frame body sequentially; past its end it returns
// zeros, as avio does at the end of a file.
type id3TextReader struct {
	b   []byte
	pos int
}

func (r *id3TextReader) r8() uint32 {
	if r.pos < 0 || r.pos >= len(r.b) {
		r.pos++
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return uint32(c)
}

func (r *id3TextReader) rb16() uint32 { return r.r8()<<8 | r.r8() }
func (r *id3TextReader) rl16() uint32 { return r.r8() | r.r8()<<8 }

// id3DecodeStr reads one NUL-terminated string of the given encoding from at
// most *left bytes and converts it to UTF-8, as id3v2.c decode_str does
// (including what it does with odd lengths, bad surrogates and unknown
// encodings). ok is false where decode_str fails (a missing or bad BOM).
func id3DecodeStr(r *id3TextReader, encoding int, left *int) (string, bool) {
	var out []byte
	ch := uint32(1)
	switch encoding {
	case encISO8859:
		for *left > 0 && ch != 0 {
			ch = r.r8()
			out = utf8.AppendRune(out, rune(ch))
			*left--
		}
	case encUTF16BOM, encUTF16BE:
		get := r.rb16
		if encoding == encUTF16BOM {
			if *left -= 2; *left < 0 {
				return "", false
			}
			switch r.rb16() {
			case 0xfffe:
				get = r.rl16
			case 0xfeff:
			default:
				return "", false
			}
		}
		next := func() uint32 {
			if *left -= 2; *left >= 0 {
				return get()
			}
			return 0
		}
		for *left > 1 && ch != 0 {
			ch = next()
			if hi := ch - 0xd800; hi < 0x800 {
				lo := next() - 0xdc00
				if lo > 0x3ff || hi > 0x3ff {
					break
				}
				ch = lo + hi<<10 + 0x10000
			}
			out = utf8.AppendRune(out, rune(ch))
		}
		if *left < 0 {
			*left += 2
		}
	case encUTF8:
		for *left > 0 && ch != 0 {
			ch = r.r8()
			out = append(out, byte(ch))
			*left--
		}
	}
	// The result is a C string: it ends at the first NUL.
	for i, c := range out {
		if c == 0 {
			out = out[:i]
			break
		}
	}
	return string(out), true
}

// id3ReadText is id3v2.c read_ttag: the frame's first string under the frame
// id (TXXX: the description is the key and the second string the value),
// a numeric TCON as its ID3v1 genre name; an existing key keeps its value.
func id3ReadText(r *id3TextReader, taglen int, id string, meta *container.Tags) {
	if taglen < 1 {
		return
	}
	enc := int(r.r8())
	taglen--
	dst, ok := id3DecodeStr(r, enc, &taglen)
	if !ok {
		return
	}
	key := id
	switch {
	case id == "TCON" || id == "TCO":
		if g, ok := id3GenreNumber(dst); ok && g < len(ID3v1Genres) {
			dst = ID3v1Genres[g]
		} else if dst == "" {
			return
		}
	case id == "TXXX" || id == "TXX":
		key = dst
		if dst, ok = id3DecodeStr(r, enc, &taglen); !ok {
			return
		}
	default:
		if dst == "" {
			return
		}
	}
	meta.AddIfAbsent(key, dst)
}

// id3GenreNumber is sscanf(s, "(%d)") || sscanf(s, "%d") for an unsigned
// result: a number in parentheses or leading the string.
func id3GenreNumber(s string) (int, bool) {
	if len(s) > 0 && s[0] == '(' {
		if n, ok := id3ScanInt(s[1:]); ok {
			return n, true
		}
	}
	return id3ScanInt(s)
}

// id3ScanInt is C's sscanf "%d": optional white space and sign, then digits.
// A negative number is reported as not ok (it would be a huge unsigned).
func id3ScanInt(s string) (int, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] >= '\t' && s[i] <= '\r') {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	j := i
	n := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && n < 1<<20 {
		n = n*10 + int(s[j]-'0')
		j++
	}
	if j == i {
		return 0, false
	}
	if neg && n != 0 {
		return 0, false
	}
	return n, true
}

// id3ReadComment is id3v2.c read_comment: the key is the description, or
// "comment" when it is empty.
func id3ReadComment(r *id3TextReader, taglen int, meta *container.Tags) {
	if taglen < 4 {
		return
	}
	enc := int(r.r8())
	r.pos += 3 // language
	taglen -= 4
	desc, ok := id3DecodeStr(r, enc, &taglen)
	if !ok {
		return
	}
	key := "comment"
	if desc != "" {
		key = desc
	}
	text, ok := id3DecodeStr(r, enc, &taglen)
	if !ok {
		return
	}
	meta.AddIfAbsent(key, text)
}

// id3ReadUSLT is id3v2.c read_uslt: "lyrics-DESC-lang" or "lyrics-lang",
// overwriting an earlier value.
func id3ReadUSLT(r *id3TextReader, taglen int, meta *container.Tags) {
	if taglen < 4 {
		return
	}
	enc := int(r.r8())
	taglen--
	lang := []byte{byte(r.r8()), byte(r.r8()), byte(r.r8())}
	for i, c := range lang {
		if c == 0 { // a C string: it stops at the NUL
			lang = lang[:i]
			break
		}
	}
	taglen -= 3
	desc, ok := id3DecodeStr(r, enc, &taglen)
	if !ok || taglen < 0 {
		return
	}
	text, ok := id3DecodeStr(r, enc, &taglen)
	if !ok || taglen < 0 {
		return
	}
	key := "lyrics-"
	if desc != "" {
		key += desc + "-"
	}
	meta.Set(key+string(lang), text)
}

// id3ReadPriv is id3v2.c read_priv plus ff_id3v2_parse_priv_dict: the owner
// (ISO-8859-1) names the key, the data is printed with \xNN escapes.
func id3ReadPriv(r *id3TextReader, taglen int, priv *container.Tags) {
	owner, ok := id3DecodeStr(r, encISO8859, &taglen)
	if !ok || taglen < 0 {
		return
	}
	if r.pos+taglen > len(r.b) {
		return // "avio_read != datasize"
	}
	data := r.b[r.pos : r.pos+taglen]
	var v []byte
	for _, c := range data {
		if c < 32 || c > 126 || c == '\\' {
			v = fmt.Appendf(v, "\\x%02x", c)
		} else {
			v = append(v, c)
		}
	}
	priv.AddIfAbsent("id3v2_priv."+owner, string(v))
}

// id3MIMECodecs is ff_id3v2_mime_tags: the MIME types (and v2.2 image
// formats) ffmpeg accepts for an attached picture, compared ignoring case.
var id3MIMECodecs = [...]struct{ mime, codec string }{
	{"image/gif", "gif"}, {"image/jpeg", "mjpeg"}, {"image/jpg", "mjpeg"}, {"image/png", "png"},
	{"image/tiff", "tiff"}, {"image/bmp", "bmp"}, {"JPG", "mjpeg"}, {"PNG", "png"},
}

// PictureTypes are ffmpeg's names of the ID3v2/FLAC picture types
// (ff_id3v2_picture_types), which ffprobe shows as the stream's comment.
var PictureTypes = [...]string{
	"Other", "32x32 pixels 'file icon'", "Other file icon", "Cover (front)", "Cover (back)",
	"Leaflet page", "Media (e.g. label side of CD)", "Lead artist/lead performer/soloist",
	"Artist/performer", "Conductor", "Band/Orchestra", "Composer", "Lyricist/text writer",
	"Recording Location", "During recording", "During performance", "Movie/video screen capture",
	"A bright coloured fish", "Illustration", "Band/artist logotype", "Publisher/Studio logotype",
}

// id3APICHeader parses the fields before the image in an APIC/PIC body, as
// id3v2.c read_apic does, and returns how many body bytes they take. ok is
// false where read_apic gives up (unknown MIME type, bad description, no
// image bytes). need is set when r ran out of bytes before the header
// ended (the caller reads more and tries again).
func id3APICHeader(r *id3TextReader, taglen int, isv34 bool) (a APIC, hdrLen int, ok, need bool) {
	if taglen <= 4 || !isv34 && taglen <= 6 {
		return a, 0, false, false
	}
	enc := int(r.r8())
	taglen--
	var mime []byte
	if isv34 {
		// avio_get_str: up to taglen bytes through the NUL, 63 kept.
		n := 0
		for n < taglen {
			c := byte(r.r8())
			n++
			if c == 0 {
				break
			}
			if len(mime) < 63 {
				mime = append(mime, c)
			}
		}
		if n >= taglen {
			return a, 0, false, false
		}
		taglen -= n
	} else {
		for i := 0; i < 3; i++ {
			mime = append(mime, byte(r.r8()))
		}
		for i, c := range mime {
			if c == 0 {
				mime = mime[:i]
				break
			}
		}
		taglen -= 3
	}
	a.MIME = string(mime)
	for _, m := range id3MIMECodecs {
		if container.KeyEqual(m.mime, a.MIME) {
			a.Codec = m.codec
			break
		}
	}
	if a.Codec == "" {
		return a, 0, false, r.pos > len(r.b)
	}
	a.Type = int(r.r8())
	taglen--
	if a.Type >= len(PictureTypes) {
		a.Type = 0
	}
	desc, good := id3DecodeStr(r, enc, &taglen)
	if r.pos > len(r.b) {
		return a, 0, false, true
	}
	if !good || taglen <= 0 {
		return a, 0, false, false
	}
	a.Description = desc
	return a, r.pos, true, false
}

// apicInPlace reads a picture frame whose image bytes lie as they are in
// the object: only the frame's header fields are read.
func (p *id3Parser) apicInPlace(body, tlen int64, isv34 bool) error {
	n := min(tlen, apicHeadRead)
	for {
		b, err := p.readScratch(body, n, "apic")
		if err != nil {
			return err
		}
		a, hl, ok, need := id3APICHeader(&id3TextReader{b: b}, int(min(tlen, 1<<30)), isv34)
		if need && int64(len(b)) == n && n < tlen && n < p.budget.MaxAlloc() {
			n = min(tlen, n*16, p.budget.MaxAlloc())
			continue
		}
		if !ok {
			return nil
		}
		a.Offset = body + int64(hl)
		a.Length = tlen - int64(hl)
		if a.Length > p.size-a.Offset {
			return nil // read_apic cannot read the image: no picture
		}
		a.Data = append([]byte(nil), b[hl:min(len(b), hl+picturePrefix)]...)
		if len(a.Data) < picturePrefix && a.Length > int64(len(a.Data)) {
			k := min(a.Length, picturePrefix)
			if d, err := demuxkit.ReadAt(p.src, a.Offset, k, id3Format, "apic"); err == nil {
				a.Data = d
			}
		}
		p.addPicture(a)
		return nil
	}
}

// apicUnsync takes a picture from an unsynchronised frame without holding
// the frame: its bytes are read in chunks through one buffer and unescaped
// on the fly; the decoded bytes are kept until the fields before the image
// parse, then up to maxDecodedPicture bytes of the image, and the rest is
// only counted. It gives what decodedPicture gives on the whole unescaped
// body, at a cost flat in the frame's size: the fields are parsed against
// the frame length (an upper bound of the decoded length) while reading,
// and again against the decoded length at the end, which reads no more of
// them.
func (p *id3Parser) apicUnsync(body, tlen int64, isv34 bool) error {
	if tlen > p.size-body {
		return nil // "Failed to read tag data"
	}
	const chunk = 64 << 10
	var kept []byte
	fields := -1 // the length of the fields once they parse
	var decoded int64
	prevFF := false
	for done := int64(0); done < tlen; {
		b, err := p.readScratch(body+done, min(chunk, tlen-done), "apic")
		if err != nil {
			return err
		}
		done += int64(len(b))
		// A zero after 0xff is a stuffed byte (ID3v2.4 6.1).
		out := b[:0]
		for _, c := range b {
			if prevFF && c == 0 {
				prevFF = false
				continue
			}
			out = append(out, c)
			prevFF = c == 0xff
		}
		decoded += int64(len(out))
		room := len(out)
		if fields >= 0 {
			room = min(room, max(fields+maxDecodedPicture-len(kept), 0))
		}
		if room > 0 {
			if err := p.budget.Alloc(id3Format, "apic", body, int64(room)); err != nil {
				return err
			}
			kept = append(kept, out[:room]...)
		}
		if fields < 0 {
			_, hl, ok, need := id3APICHeader(&id3TextReader{b: kept}, int(min(tlen, 1<<30)), isv34)
			switch {
			case ok:
				fields = hl
			case !need:
				return nil // read_apic gives up
			}
		}
	}
	p.decodedPicture(kept, decoded, body, tlen, isv34)
	return nil
}

// decodedPicture keeps the picture of a decoded (unsynchronised or
// decompressed) frame body of decoded bytes, of which kept holds the
// first: all of its fields and at least maxDecodedPicture bytes of the
// image, or the whole body. The fields are parsed against the decoded
// length, as read_apic parses them; Data shares kept.
func (p *id3Parser) decodedPicture(kept []byte, decoded, body, tlen int64, isv34 bool) {
	a, hl, ok, _ := id3APICHeader(&id3TextReader{b: kept}, int(min(decoded, 1<<30)), isv34)
	if !ok {
		return
	}
	img := kept[hl:]
	a.Offset, a.Length = body, tlen
	a.Decoded = true
	a.DecodedLength = decoded - int64(hl)
	a.Data = img[:min(len(img), maxDecodedPicture)]
	p.addPicture(a)
}

// The key conversions ff_id3v2_read_dict applies, in its order:
// ff_id3v2_34_metadata_conv, id3v2_2_metadata_conv, ff_id3v2_4_metadata_conv.
var id3Conversions = [...][][2]string{
	{
		{"TALB", "album"}, {"TCOM", "composer"}, {"TCON", "genre"}, {"TCOP", "copyright"},
		{"TENC", "encoded_by"}, {"TIT2", "title"}, {"TLAN", "language"}, {"TPE1", "artist"},
		{"TPE2", "album_artist"}, {"TPE3", "performer"}, {"TPOS", "disc"}, {"TPUB", "publisher"},
		{"TRCK", "track"}, {"TSSE", "encoder"}, {"USLT", "lyrics"},
	},
	{
		{"TAL", "album"}, {"TCO", "genre"}, {"TCP", "compilation"}, {"TT2", "title"},
		{"TEN", "encoded_by"}, {"TP1", "artist"}, {"TP2", "album_artist"}, {"TP3", "performer"},
		{"TRK", "track"},
	},
	{
		{"TCMP", "compilation"}, {"TDRC", "date"}, {"TDRL", "date"}, {"TDEN", "creation_time"},
		{"TSOA", "album-sort"}, {"TSOP", "artist-sort"}, {"TSOT", "title-sort"}, {"TIT1", "grouping"},
	},
}

// finishID3Tags converts the frame ids to ffmpeg's names (ff_metadata_conv
// rebuilds the dictionary once per table, so a converted key that already
// exists is replaced av_dict_set's way) and merges the v2.3 date frames.
func finishID3Tags(meta container.Tags) container.Tags {
	for _, conv := range id3Conversions {
		meta = MetadataConv(meta, conv)
	}
	return id3MergeDate(meta)
}

// id3MergeDate is id3v2.c merge_date: TYER (YYYY), TDAT (DDMM) and TIME
// (HHMM), or their v2.2 names, become one "date" = "YYYY-MM-DD hh:mm".
func id3MergeDate(m container.Tags) container.Tags {
	// av_dict_get with AV_DICT_MATCH_CASE: the key as spelt.
	get := func(key string) (string, bool) {
		if t, ok := m.Lookup(key); ok && t.Key == key && len(t.Value) == 4 && id3IsDigits(t.Value) {
			return t.Value, true
		}
		return "", false
	}
	either := func(a, b string) (string, bool) {
		if v, ok := get(a); ok {
			return v, true
		}
		return get(b)
	}
	year, ok := either("TYER", "TYE")
	if !ok {
		return m
	}
	date := year
	m.Delete("TYER")
	m.Delete("TYE")
	if d, ok := either("TDAT", "TDA"); ok {
		date += "-" + d[2:4] + "-" + d[0:2]
		m.Delete("TDAT")
		m.Delete("TDA")
		if t, ok := either("TIME", "TIM"); ok {
			date += " " + t[0:2] + ":" + t[2:4]
			m.Delete("TIME")
			m.Delete("TIM")
		}
	}
	m.Set("date", date)
	return m
}

func id3IsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
