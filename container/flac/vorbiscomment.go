package flac

import (
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// vorbisComment reads a VORBIS_COMMENT block (RFC 9639 8.6). The structure
// is split by tags.ParseVorbisComment rather than mewkiz/flac, which fails
// on a comment without "=" (FFmpeg skips it) and preallocates from the
// declared count. A malformed block is only a warning in flacdec.c.
func (r *reader) vorbisComment(off, size int64) error {
	b, err := demuxkit.ReadAt(r.src, off, size, name, "vorbis comment")
	if err != nil {
		return err
	}
	_, pairs, err := tags.ParseVorbisComment(b, r.src.Budget())
	if err == nil {
		r.comments = append(r.comments, pairs)
	}
	// A malformed structure is a warning; the budget ends the probe.
	return r.src.Budget().Err()
}

// vorbisComments turns the comments into format tags and picture streams
// (ff_vorbis_comment with parse_picture set), then applies the channel mask
// comment as flac_read_header does. A picture past the stream limit is
// skipped, as ff_vorbis_comment skips a picture it fails to parse.
func (r *reader) vorbisComments() error {
	// flac_read_header calls ff_vorbis_comment for each block: a key
	// that a later block repeats has its values joined with ";".
	var t container.Tags
	var pics [][]byte
	for _, pairs := range r.comments {
		var p [][]byte
		var err error
		if t, p, err = tags.AppendVorbisTags(t, pairs, r.src.Budget()); err != nil {
			return err
		}
		pics = append(pics, p...)
	}
	r.info.Format.Tags = t
	for _, body := range pics {
		// ff_flac_parse_picture without the truncation workaround.
		p, err := tags.ParseFLACPicture(body, int64(len(body)), false)
		if err != nil {
			continue
		}
		codecName := picture.CodecForMIME(p.MIME)
		if codecName == "" {
			continue
		}
		img := body[p.DataOffset : p.DataOffset+p.DataLength]
		st, err := r.pictureStream(p, codecName, -1)
		if err != nil {
			if err := r.src.Budget().Err(); err != nil {
				return err
			}
			continue
		}
		// The image is base64 text in the object: no byte range to give.
		st.Picture = &container.Picture{Offset: -1, Length: p.DataLength, MIME: p.MIME, Type: p.Type}
		_ = picture.DescribeBytes(st, img, p.MIME)
	}
	v, ok := t.Get("WAVEFORMATEXTENSIBLE_CHANNEL_MASK")
	if !ok {
		return nil
	}
	mask, ok := strtol(v)
	if !ok || mask == 0 || mask&^0x3FFFF != 0 {
		return nil // "Invalid value of WAVEFORMATEXTENSIBLE_CHANNEL_MASK": kept as a tag
	}
	// The mask becomes the layout and the tag is removed (av_dict_set with
	// NULL: the last entry takes its place); the decoder keeps the layout
	// when its channel count matches STREAMINFO's.
	r.info.Format.Tags.Delete("WAVEFORMATEXTENSIBLE_CHANNEL_MASK")
	if codec.LayoutChannels(uint64(mask)) == r.st.Channels {
		r.st.ChannelLayout = codec.LayoutName(uint64(mask))
	}
	return nil
}

// strtol parses a number as C's strtol(s, NULL, 0): optional spaces and
// sign, then hexadecimal after "0x", octal after "0", decimal otherwise,
// up to the first character that is not a digit. ok is false when no digit
// was read.
func strtol(s string) (int64, bool) {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := int64(10)
	switch {
	case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && hexDigit(s[2]) >= 0:
		base, s = 16, s[2:]
	case len(s) > 0 && s[0] == '0':
		base = 8
	}
	var n int64
	read := false
	for i := 0; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 || d >= base {
			break
		}
		read = true
		if n > (1<<62)/base {
			n = 1 << 62 // saturate: any such mask is invalid anyway
			continue
		}
		n = n*base + d
	}
	if neg {
		n = -n
	}
	return n, read
}

func hexDigit(c byte) int64 {
	switch {
	case c >= '0' && c <= '9':
		return int64(c - '0')
	case c >= 'a' && c <= 'f':
		return int64(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int64(c-'A') + 10
	}
	return -1
}
