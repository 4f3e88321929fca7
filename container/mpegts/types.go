package mpegts

import (
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"

	"github.com/mediaprobe/mediaprobe/container"
)

// streamType maps a PMT stream_type, a registration descriptor's format
// identifier or a descriptor tag to FFmpeg's codec, as mpegts.c's
// StreamType tables do (the set of FFmpeg 5.1).
type streamType struct {
	key   uint32
	media container.MediaType
	codec string
}

var isoTypes = []streamType{
	{0x01, container.Video, "mpeg2video"},
	{0x02, container.Video, "mpeg2video"},
	{0x03, container.Audio, "mp3"},
	{0x04, container.Audio, "mp3"},
	{0x0f, container.Audio, "aac"},
	{0x10, container.Video, "mpeg4"},
	{0x1b, container.Video, "h264"},
	{0x1c, container.Audio, "aac"},
	{0x20, container.Video, "h264"},
	{0x21, container.Video, "jpeg2000"},
	{0x24, container.Video, "hevc"},
	{0x42, container.Video, "cavs"},
	{0xd1, container.Video, "dirac"},
	{0xd2, container.Video, "avs2"},
	{0xd4, container.Video, "avs3"},
	{0xea, container.Video, "vc1"},
}

// hdmvTypes apply in programs registered as "HDMV" or "HDPR" (Blu-ray).
var hdmvTypes = []streamType{
	{0x80, container.Audio, "pcm_bluray"},
	{0x81, container.Audio, "ac3"},
	{0x82, container.Audio, "dts"},
	{0x83, container.Audio, "truehd"},
	{0x84, container.Audio, "eac3"},
	{0x85, container.Audio, "dts"},
	{0x86, container.Audio, "dts"},
	{0xa1, container.Audio, "eac3"},
	{0xa2, container.Audio, "dts"},
	{0x90, container.Subtitle, "hdmv_pgs_subtitle"},
	{0x92, container.Subtitle, "hdmv_text_subtitle"},
}

var scteTypes = []streamType{{0x86, container.Data, "scte_35"}}

// miscTypes are the ATSC audio types.
var miscTypes = []streamType{
	{0x81, container.Audio, "ac3"},
	{0x87, container.Audio, "eac3"},
	{0x8a, container.Audio, "dts"},
}

// hlsTypes are the HLS sample-encryption types.
var hlsTypes = []streamType{
	{0xdb, container.Video, "h264"},
	{0xcf, container.Audio, "aac"},
	{0xc1, container.Audio, "ac3"},
	{0xc2, container.Audio, "eac3"},
}

// tag is the little-endian value of a four-character format identifier,
// as bytestream_get_le32 reads it.
func tag(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

var regdTypes = []streamType{
	{tag("drac"), container.Video, "dirac"},
	{tag("AC-3"), container.Audio, "ac3"},
	{tag("BSSD"), container.Audio, "s302m"},
	{tag("DTS1"), container.Audio, "dts"},
	{tag("DTS2"), container.Audio, "dts"},
	{tag("DTS3"), container.Audio, "dts"},
	{tag("EAC3"), container.Audio, "eac3"},
	{tag("HEVC"), container.Video, "hevc"},
	{tag("KLVA"), container.Data, "smpte_klv"},
	{tag("ID3 "), container.Data, "timed_id3"},
	{tag("VC-1"), container.Video, "vc1"},
	{tag("Opus"), container.Audio, "opus"},
}

var metadataTypes = []streamType{
	{tag("KLVA"), container.Data, "smpte_klv"},
	{tag("ID3 "), container.Data, "timed_id3"},
}

// Descriptor tags (ISO/IEC 13818-1 2.6, ETSI EN 300 468 6.2).
const (
	descVideoStream      = 0x02
	descRegistration     = 0x05
	descISO639           = 0x0a
	descIOD              = 0x1d
	descMetadata         = 0x26
	descStreamIdentifier = 0x52
	descTeletext         = 0x56
	descSubtitling       = 0x59
	descAC3              = 0x6a
	descEnhancedAC3      = 0x7a
	descDTS              = 0x7b
	descExtension        = 0x7f
	descService          = 0x48
)

var descTypes = []streamType{
	{descAC3, container.Audio, "ac3"},
	{descEnhancedAC3, container.Audio, "eac3"},
	{descDTS, container.Audio, "dts"},
	{descTeletext, container.Subtitle, "dvb_teletext"},
	{descSubtitling, container.Subtitle, "dvb_subtitle"},
}

// Stream types with a meaning of their own.
const (
	typePrivateData  = 0x06
	typeMPEG2Audio   = 0x04
	typeAAC          = 0x0f
	typeISO14496Sect = 0x13
	typeSCTE35       = 0x86
	typeTrueHD       = 0x83
)

// findType sets the stream's codec from the first entry of types whose key
// is key, as mpegts_find_stream_type does, and reports whether one was.
func (p *pesStream) findType(key uint32, types []streamType) bool {
	for _, t := range types {
		if t.key == key {
			p.st.Type, p.st.CodecName = t.media, t.codec
			p.requestProbe = 0
			return true
		}
	}
	return false
}

// setStreamInfo is mpegts_set_stream_info: the stream takes the PMT's
// stream type as its codec tag and the codec the tables give it.
func (p *pesStream) setStreamInfo(streamType int, progReg uint32) {
	oldType, oldCodec := p.st.Type, p.st.CodecName
	p.st.Type, p.st.CodecName = container.Data, ""
	p.streamType = streamType
	p.st.CodecTag = uint32(streamType)
	p.findType(uint32(streamType), isoTypes)
	if streamType == typeMPEG2Audio || streamType == typeAAC {
		p.requestProbe = 50
	}
	if streamType == typePrivateData {
		p.requestProbe = 24 // AVPROBE_SCORE_STREAM_RETRY
	}
	if (progReg == tag("HDMV") || progReg == tag("HDPR")) && p.st.CodecName == "" {
		p.findType(uint32(streamType), hdmvTypes)
	}
	if p.st.CodecName == "" {
		p.findType(uint32(streamType), miscTypes)
	}
	if p.st.CodecName == "" {
		p.findType(uint32(streamType), hlsTypes)
	}
	if p.st.CodecName == "" {
		p.st.Type, p.st.CodecName = oldType, oldCodec
	}
	if (p.st.CodecName == "" || p.requestProbe > 0 && p.requestProbe < 24/5) && streamType == typePrivateData {
		p.st.Type, p.st.CodecName = container.Data, "bin_data"
		p.requestProbe = 24 / 5
	}
}

// isPESStream reports whether a stream type is carried in PES packets
// rather than in sections (is_pes_stream). FFmpeg 5.1 knows only the
// ISO 14496 sections and SCTE-35 cues as section streams: a private
// section stream (type 0x05, a DVB AIT for one) gets a PES filter and a
// stream of unknown type, as any type the tables do not name.
func isPESStream(streamType int, progReg uint32) bool {
	switch streamType {
	case typeISO14496Sect:
		return false
	case typeSCTE35:
		return progReg != tag("CUEI")
	}
	return true
}

// parseDescriptor reads one descriptor at the start of b, which ends at
// the end of the descriptor loop, as ff_parse_mpeg2_descriptor does, and
// returns the bytes after it; ok is false when the loop ends.
func (p *pesStream) parseDescriptor(b []byte, streamType int) (rest []byte, ok bool) {
	if len(b) < 2 {
		return nil, false
	}
	dtag, dlen := b[0], int(b[1])
	if 2+dlen > len(b) {
		return nil, false
	}
	d, rest := b[2:2+dlen], b[2+dlen:]
	st := p.st
	if (st.CodecName == "" || p.requestProbe > 0) && streamType == typePrivateData {
		p.findType(uint32(dtag), descTypes)
	}
	switch dtag {
	case descVideoStream:
		if len(d) > 0 && d[0]&1 != 0 {
			st.Disposition |= container.DispositionStillImage
		}
	case descTeletext:
		if dlen > 0 && dlen%5 != 0 {
			return nil, false
		}
		if n := dlen / 5; n > 0 {
			langs := make([]string, n)
			for i := range n {
				langs[i] = cstr(d[i*5 : i*5+3])
			}
			st.ExtradataSize = max(st.ExtradataSize, 2*n)
			st.Tags.Set("language", strings.Join(langs, ","))
		}
	case descSubtitling:
		if dlen > 0 && dlen%8 != 0 {
			return nil, false
		}
		if n := dlen / 8; n > 0 {
			langs := make([]string, n)
			for i := range n {
				e := d[i*8:]
				langs[i] = cstr(e[:3])
				if e[3] >= 0x20 && e[3] <= 0x25 {
					st.Disposition |= container.DispositionHearingImpaired
				}
			}
			st.ExtradataSize = max(st.ExtradataSize, 5*n)
			st.Tags.Set("language", strings.Join(langs, ","))
		}
	case descISO639:
		var langs []string
		i := 0
		for ; i+4 <= dlen; i += 4 {
			langs = append(langs, string(d[i:i+3]))
			switch d[i+3] {
			case 1:
				st.Disposition |= container.DispositionCleanEffects
			case 2:
				st.Disposition |= container.DispositionHearingImpaired
			case 3:
				st.Disposition |= container.DispositionVisualImpaired | container.DispositionDescriptions
			}
		}
		if i > 0 && d[0] != 0 {
			st.Tags.AddIfAbsent("language", cstr([]byte(strings.Join(langs, ","))))
		}
	case descRegistration:
		if len(d) >= 4 {
			st.CodecTag = uint32(d[0]) | uint32(d[1])<<8 | uint32(d[2])<<16 | uint32(d[3])<<24
			if st.CodecName == "" || p.requestProbe > 0 {
				p.findType(st.CodecTag, regdTypes)
				if st.CodecTag == tag("BSSD") {
					p.requestProbe = 50
				}
			}
		}
	case descMetadata:
		q := d
		if len(q) >= 2 && q[0] == 0xFF && q[1] == 0xFF {
			q = q[min(len(q), 6):]
		} else if len(q) >= 2 {
			q = q[2:]
		}
		if len(q) >= 5 && q[0] == 0xFF {
			st.CodecTag = uint32(q[1]) | uint32(q[2])<<8 | uint32(q[3])<<16 | uint32(q[4])<<24
			if st.CodecName == "" {
				p.findType(st.CodecTag, metadataTypes)
			}
		}
	case descExtension:
		if len(d) < 1 {
			return nil, false
		}
		ext := d[0]
		if st.CodecName == "opus" && ext == 0x80 && len(d) >= 2 && d[1] <= 8 {
			ch := int(d[1])
			if ch == 0 {
				ch = 2
			}
			// The descriptor stands for the OpusHead FFmpeg makes up:
			// 19 bytes for mapping family 0, 21 + channels otherwise.
			st.Channels = ch
			st.SampleRate = 48000
			st.ExtradataSize = 19
			if d[1] == 0 || ch > 2 {
				st.ExtradataSize = 21 + ch
			}
			// Mapping family 1 orders channels as Vorbis does, and the
			// decoder names their layout so.
			layoutOf := "opus"
			if ch > 2 {
				layoutOf = "vorbis"
			}
			st.ChannelLayout = codec.LayoutName(codec.DecoderLayout(layoutOf, ch))
			st.SampleFmt = codec.SampleFormat("opus", ch)
		}
		if ext == 0x06 && len(d) >= 2 { // supplementary audio descriptor
			flags := d[1]
			if flags&0x80 == 0 {
				st.Disposition |= container.DispositionDependent
			}
			switch (flags >> 2) & 0x1F {
			case 1:
				st.Disposition |= container.DispositionVisualImpaired | container.DispositionDescriptions
			case 2:
				st.Disposition |= container.DispositionHearingImpaired
			case 3:
				st.Disposition |= container.DispositionVisualImpaired
			}
			if flags&1 != 0 && len(d) >= 5 && d[2] != 0 {
				st.Tags.Set("language", string(d[2:5]))
			}
		}
	case descAC3, descEnhancedAC3:
		if len(d) >= 2 && d[0]&0x80 != 0 && (d[1]&0x38)>>3 == 2 {
			st.Disposition |= container.DispositionDescriptions
		}
	}
	return rest, true
}

// cstr is b up to its first NUL, as a C string reads it.
func cstr(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
