// Package codec names codecs as FFmpeg does and holds the facts about a
// codec that every container needs: its long name, its media type and the
// bits per sample ffprobe reports. The bitstream parsers shared by several
// containers live in its subpackages (codec/aac, codec/mpegaudio, ...).
package codec

import (
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
)

type entry struct {
	long string
	kind container.MediaType
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

// BitsPerSample returns what av_get_bits_per_sample reports for a codec:
// the coded bits of one sample for PCM and ADPCM codecs, 0 for the others.
// ffprobe prints it as bits_per_sample.
func BitsPerSample(name string) int {
	switch name {
	case "adpcm_sbpro_2":
		return 2
	case "adpcm_sbpro_3":
		return 3
	case "adpcm_sbpro_4", "adpcm_ima_wav", "adpcm_ima_qt", "adpcm_swf", "adpcm_ms",
		"adpcm_4xm", "adpcm_ct", "adpcm_ea", "adpcm_g722", "adpcm_ima_alp", "adpcm_ima_amv",
		"adpcm_ima_apc", "adpcm_ima_apm", "adpcm_ima_dk3", "adpcm_ima_dk4", "adpcm_ima_ea_eacs",
		"adpcm_ima_ea_sead", "adpcm_ima_iss", "adpcm_ima_moflex", "adpcm_ima_oki", "adpcm_ima_rad",
		"adpcm_ima_smjpeg", "adpcm_ima_ssi", "adpcm_ima_ws", "adpcm_ima_xbox", "adpcm_yamaha", "adpcm_aica",
		"adpcm_ima_cunning", "adpcm_ima_acorn", "adpcm_xmd":
		return 4
	case "dsd_lsbf", "dsd_lsbf_planar", "dsd_msbf", "dsd_msbf_planar", "pcm_alaw", "pcm_mulaw",
		"pcm_vidc", "pcm_s8", "pcm_s8_planar", "pcm_sga", "pcm_u8", "sdx2_dpcm", "derf_dpcm", "adpcm_zork":
		return 8
	case "pcm_s16be", "pcm_s16be_planar", "pcm_s16le", "pcm_s16le_planar", "pcm_u16be", "pcm_u16le":
		return 16
	case "pcm_s24daud", "pcm_s24be", "pcm_s24le", "pcm_s24le_planar", "pcm_u24be", "pcm_u24le":
		return 24
	case "pcm_s32be", "pcm_s32le", "pcm_s32le_planar", "pcm_u32be", "pcm_u32le", "pcm_f32be", "pcm_f32le", "pcm_f24le":
		return 32
	case "pcm_f64be", "pcm_f64le", "pcm_s64be", "pcm_s64le":
		return 64
	}
	return 0
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
