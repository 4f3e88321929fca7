// Package codec names codecs as FFmpeg does and holds the facts about a
// codec that every container needs, each in one place: its long name and
// media type (names_table.go), its bits per sample (bits.go), what its
// decoder reports once opened (decoder.go: sample format, bits per raw
// sample, the channel layout it sets by itself) and the channel layouts
// FFmpeg names (layout.go, coreaudio.go). The bitstream parsers shared by several
// containers live in its subpackages (codec/aac, codec/mpegaudio, ...).
package codec

import (
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
)

type entry struct {
	long    string
	kind    container.MediaType
	decoder bool // ffprobe -codecs flags it D: FFmpeg 5.1 can decode it
}

const (
	video      = container.Video
	audio      = container.Audio
	subtitle   = container.Subtitle
	data       = container.Data
	attachment = container.Attachment
	unknown    = container.Unknown
)

// LongName returns ffprobe's codec_long_name for an ffmpeg codec name, or ""
// when the name is not known.
func LongName(name string) string { return table[name].long }

// Type returns the media type of an ffmpeg codec name.
func Type(name string) container.MediaType { return table[name].kind }

// Known reports whether name is an ffmpeg codec name.
func Known(name string) bool { _, ok := table[name]; return ok }

// HasDecoder reports whether FFmpeg 5.1 has a decoder for the codec. Where
// it has none, ffprobe opens no decoder for the stream and prints none of
// the fields that come from one (coded size, closed captions, film grain,
// refs, the decoder's options).
func HasDecoder(name string) bool { return table[name].decoder }

// OpenSetsCodedSize reports whether the coded size ffprobe prints for a
// video stream of the codec is its size when nothing else set it:
// avcodec_open2 gives the decoder context ffprobe opens the stream's width
// and height as coded size, unless the decoder has none or clears it when
// it opens (mpeg_decode_init: "do not trust dimensions from input"), so
// that ffprobe prints 0.
func OpenSetsCodedSize(name string) bool {
	switch name {
	case "mpeg1video", "mpeg2video":
		return false
	}
	return HasDecoder(name)
}

// TagString renders a codec tag as ffprobe's codec_tag_string does
// (av_fourcc2str): printable characters as they are, others as [N].
func TagString(tag uint32) string {
	var b strings.Builder
	for i := 0; i < 4; i++ {
		c := byte(tag >> (8 * i))
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(". -_", c) >= 0 {
			b.WriteByte(c)
		} else {
			b.WriteString("[" + itoa(int(c)) + "]")
		}
	}
	return b.String()
}

// Fourcc returns the codec tag of a four-character code as it appears in a
// file ("mp4a"), in FFmpeg's little-endian order (MKTAG).
func Fourcc(s string) uint32 {
	var t uint32
	for i := 0; i < 4 && i < len(s); i++ {
		t |= uint32(s[i]) << (8 * i)
	}
	return t
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d [3]byte
	i := len(d)
	for n > 0 {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return string(d[i:])
}
