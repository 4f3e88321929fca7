// Package esds reads MPEG-4 Systems ES descriptors (ISO/IEC 14496-1): the
// payload of an MP4 esds box and of a CAF file's AAC magic cookie, which
// FFmpeg reads with the same code (ff_mov_read_esds, ff_mp4_parse_es_descr
// and ff_mp4_read_dec_config_descr). It gives the objectTypeIndication,
// the codec FFmpeg's ff_mp4_obj_type table names for it, and the
// DecoderSpecificInfo (an AudioSpecificConfig for AAC).
package esds

// Descriptor tags (ISO/IEC 14496-1 and FFmpeg's isom.h).
const (
	tagES              = 0x03
	tagDecoderConfig   = 0x04
	tagDecoderSpecific = 0x05
)

// Descriptor is what an ES descriptor tells the decoder.
type Descriptor struct {
	// HasConfig reports that a DecoderConfigDescriptor was read;
	// ObjectType is its objectTypeIndication.
	HasConfig  bool
	ObjectType byte
	// AvgBitRate is the DecoderConfigDescriptor's avgBitrate, which
	// ff_mp4_read_dec_config_descr makes the stream's bit rate; 0 when
	// the payload ends before it.
	AvgBitRate uint32
	// Specific is the DecoderSpecificInfo, as much of it as the payload
	// holds; SpecificLen is the length its descriptor declares (0 when
	// there is none).
	Specific    []byte
	SpecificLen int
}

// Complete reports whether the DecoderSpecificInfo is present, not empty
// and whole.
func (d Descriptor) Complete() bool {
	return d.SpecificLen > 0 && len(d.Specific) == d.SpecificLen
}

// Parse reads b, the payload of an esds box (version and flags first): an
// ES_Descriptor, or a bare ES id, then the DecoderConfigDescriptor and the
// DecoderSpecificInfo it holds. A payload that ends early gives what was
// read before its end.
func Parse(b []byte) Descriptor {
	var d Descriptor
	p := 4 // version and flags
	u8 := func() (byte, bool) {
		if p >= len(b) {
			return 0, false
		}
		p++
		return b[p-1], true
	}
	// descr is ff_mp4_read_descr: a tag, then a length in up to four
	// 7-bit groups.
	descr := func() (tag byte, n int, ok bool) {
		if tag, ok = u8(); !ok {
			return 0, 0, false
		}
		for range 4 {
			c, ok := u8()
			if !ok {
				return 0, 0, false
			}
			n = n<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		return tag, n, true
	}
	tag, _, ok := descr()
	if !ok {
		return d
	}
	if tag == tagES { // ff_mp4_parse_es_descr
		p += 2 // ES id
		flags, ok := u8()
		if !ok {
			return d
		}
		if flags&0x80 != 0 { // streamDependenceFlag
			p += 2
		}
		if flags&0x40 != 0 { // URL_Flag
			n, ok := u8()
			if !ok {
				return d
			}
			p += int(n)
		}
		if flags&0x20 != 0 { // OCRstreamFlag
			p += 2
		}
	} else {
		p += 2 // ES id
	}
	if tag, _, ok = descr(); !ok || tag != tagDecoderConfig {
		return d
	}
	if d.ObjectType, ok = u8(); !ok {
		return d
	}
	d.HasConfig = true
	p += 1 + 3 + 4 // stream type, buffer size, max bit rate
	if p+4 <= len(b) {
		d.AvgBitRate = uint32(b[p])<<24 | uint32(b[p+1])<<16 | uint32(b[p+2])<<8 | uint32(b[p+3])
	}
	p += 4
	tag, n, ok := descr()
	if !ok || tag != tagDecoderSpecific {
		return d
	}
	d.SpecificLen = n
	d.Specific = b[p:min(p+n, len(b))]
	return d
}

// Lookup returns the codec ff_mp4_obj_type (libavformat/isom.c) gives an
// objectTypeIndication, and whether the table lists it. MPEG-4 Systems
// (0x01, 0x02) is listed with no codec mediaprobe names.
func Lookup(objectType byte) (codec string, listed bool) {
	codec, listed = objectTypes[objectType]
	return codec, listed
}

var objectTypes = map[byte]string{
	0x08: "mov_text", 0x20: "mpeg4", 0x21: "h264", 0x23: "hevc", 0x40: "aac",
	0x60: "mpeg2video", 0x61: "mpeg2video", 0x62: "mpeg2video", 0x63: "mpeg2video",
	0x64: "mpeg2video", 0x65: "mpeg2video", 0x66: "aac", 0x67: "aac", 0x68: "aac",
	0x69: "mp3", 0x6A: "mpeg1video", 0x6B: "mp3", 0x6C: "mjpeg", 0x6D: "png",
	0x6E: "jpeg2000", 0xA3: "vc1", 0xA4: "dirac", 0xA5: "ac3", 0xA6: "eac3",
	0xA9: "dts", 0xAD: "opus", 0xB1: "vp9", 0xC1: "flac", 0xD0: "tscc2",
	0xD1: "evrc", 0xDD: "vorbis", 0xE0: "dvd_subtitle", 0xE1: "qcelp",
	0x01: "", 0x02: "",
}
