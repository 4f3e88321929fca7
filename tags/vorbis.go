package tags

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
)

// ErrVorbisComment reports a Vorbis comment structure too short for its
// vendor string and comment count, which ff_vorbis_comment rejects.
var ErrVorbisComment = errors.New("vorbis comment: malformed header")

// vorbisConv renames keys as ff_vorbiscomment_metadata_conv does
// (libavformat/vorbiscomment.c), ignoring case; other keys keep the case
// the file gives them.
var vorbisConv = [...][2]string{
	{"ALBUMARTIST", "album_artist"},
	{"TRACKNUMBER", "track"},
	{"DISCNUMBER", "disc"},
	{"DESCRIPTION", "comment"},
}

// VorbisTags converts Vorbis comment pairs (KEY, value), as in FLAC, Ogg
// Vorbis/Opus/Speex/FLAC headers, to ffmpeg's tags in file order, as
// ff_vorbis_comment does. METADATA_BLOCK_PICTURE values are not tags: their
// base64-decoded bodies are returned in pictures.
//
// As in libavformat/oggparsevorbis.c, pairs with an empty key or value are
// dropped, OGM chapter marks (CHAPTERnnn=hh:mm:ss.mmm) are not tags, and a
// repeated key (compared ignoring ASCII case) collects its values joined by
// ";". The entry order follows av_dict_set, which moves a replaced entry to
// the end of the dictionary, with the key spelt as in its last occurrence.
// FFmpeg copies the joined value at every repetition; here each value is
// joined once, so n repetitions cost O(n). The budget's context is checked
// as the pairs go (its error is returned with what was converted so far).
func VorbisTags(pairs [][2]string, budget *container.Budget) (t container.Tags, pictures [][]byte, err error) {
	return AppendVorbisTags(container.Tags{}, pairs, budget)
}

// AppendVorbisTags is VorbisTags onto the tags t already holds, as
// ff_vorbis_comment adds to the dictionary it is given: a second comment
// header of an Ogg Opus, Speex, Theora or FLAC stream, or a second
// VORBIS_COMMENT block of a FLAC file, joins its values to those of the
// same keys with ";". t is not modified; the result is returned.
func AppendVorbisTags(t container.Tags, pairs [][2]string, budget *container.Budget) (_ container.Tags, pictures [][]byte, err error) {
	t = t.Clone()
	// The values of repeated keys, joined as they come, by folded key; a
	// key seen once keeps its value in t.
	joined := map[string]*strings.Builder{}
	chapters := map[int]bool{}
	for i, p := range pairs {
		if i%1024 == 0 {
			if err := budget.Err(); err != nil {
				return t, pictures, err
			}
		}
		k, v := p[0], p[1]
		if k == "" || v == "" {
			continue
		}
		if container.KeyEqual(k, "METADATA_BLOCK_PICTURE") {
			if b, ok := decodeBase64(v); ok {
				pictures = append(pictures, b)
			}
			continue
		}
		if ogmChapter(k, v, chapters) {
			continue
		}
		if t.AddIfAbsent(k, v) {
			continue
		}
		first, _ := t.Get(k)
		f := container.FoldKey(k)
		b := joined[f]
		if b == nil {
			b = new(strings.Builder)
			b.WriteString(first)
			joined[f] = b
		}
		b.WriteByte(';')
		b.WriteString(v)
		t.Set(k, "") // moved last, spelt anew; its value is filled below
	}
	for k := range t.All() {
		if b := joined[container.FoldKey(k)]; b != nil {
			t.Update(k, b.String())
		}
	}
	// ff_metadata_conv rebuilds the dictionary through av_dict_set without
	// flags, so two keys that convert to one name keep the later value.
	return MetadataConv(t, vorbisConv[:]), pictures, nil
}

// ogmChapter reports whether ogm_chapter (oggparsevorbis.c) takes the pair
// as a chapter rather than a tag: CHAPTERnnn with an hh:mm:ss.mmm value
// starts chapter nnn, and CHAPTERnnnNAME names a chapter that exists.
// Chapters are not part of what ffprobe -show_streams -show_format prints.
func ogmChapter(k, v string, chapters map[int]bool) bool {
	if len(k) < 9 || !container.KeyEqual(k[:7], "CHAPTER") {
		return false
	}
	num, rest := scanDigits(k[7:], 3)
	if rest == k[7:] {
		return false
	}
	if len(k) <= 10 {
		var ok bool
		for i, sep := range []string{":", ":", ".", ""} {
			width := 2
			if i == 3 {
				width = 3
			}
			before := v
			_, v = scanDigits(v, width)
			if v == before || !strings.HasPrefix(v, sep) {
				return false
			}
			v = v[len(sep):]
			ok = i == 3
		}
		if ok {
			chapters[num] = true
		}
		return ok
	}
	return container.KeyEqual(k[len(k)-4:], "NAME") && chapters[num]
}

// scanDigits reads up to width decimal digits, as a scanf %0Nd does, and
// returns the value and the rest of s (s itself when no digit was read).
func scanDigits(s string, width int) (int, string) {
	n, i := 0, 0
	for i < len(s) && i < width && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}

// decodeBase64 decodes a METADATA_BLOCK_PICTURE value as av_base64_decode
// does: the standard alphabet, padding optional.
func decodeBase64(s string) ([]byte, bool) {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil || len(b) == 0 {
		return nil, false
	}
	return b, true
}

// ParseVorbisComment splits a Vorbis comment structure (vendor length and
// string, count, then length-prefixed "KEY=value" strings) into pairs.
// Like ff_vorbis_comment it fails only when the vendor string and the count
// do not fit; a comment list that stops early, or a comment without "=",
// ends or skips quietly. No allocation exceeds len(b): a count is never
// trusted beyond what the bytes can hold (4 bytes per comment). Each
// comment is a structure visited on budget, whose error ends the list and
// is returned.
func ParseVorbisComment(b []byte, budget *container.Budget) (vendor string, pairs [][2]string, err error) {
	if len(b) < 8 {
		return "", nil, ErrVorbisComment
	}
	vl := binary.LittleEndian.Uint32(b)
	rest := b[4:]
	if uint64(vl) > uint64(len(rest)-4) {
		return "", nil, ErrVorbisComment
	}
	vendor = string(rest[:vl])
	rest = rest[vl:]
	n := binary.LittleEndian.Uint32(rest)
	rest = rest[4:]
	pairs = make([][2]string, 0, min(uint64(n), uint64(len(rest)/4)))
	// One copy of the comments; each pair is a slice of it, not a string of
	// its own.
	all := string(rest)
	for ; n > 0 && len(rest) >= 4; n-- {
		if err := budget.Visit("vorbiscomment", "comment", int64(len(b)-len(rest))); err != nil {
			return vendor, pairs, err
		}
		l := binary.LittleEndian.Uint32(rest)
		rest = rest[4:]
		if uint64(l) > uint64(len(rest)) {
			break
		}
		at := len(all) - len(rest)
		c := all[at : at+int(l)]
		rest = rest[l:]
		k, v, ok := strings.Cut(c, "=")
		if !ok {
			continue
		}
		pairs = append(pairs, [2]string{k, v})
	}
	return vendor, pairs, nil
}
