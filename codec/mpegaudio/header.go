package mpegaudio

import (
	"errors"

	"github.com/tcolgate/mp3"
)

// ErrInvalid reports four bytes that are not a usable MPEG audio frame
// header (no sync, a reserved field or a free-format bit rate).
var ErrInvalid = errors.New("mpegaudio: invalid frame header")

// The channel modes of the header's mode field.
const (
	ModeStereo      = 0
	ModeJointStereo = 1
	ModeDualChannel = 2
	ModeMono        = 3
)

// Header is one decoded 32-bit frame header.
type Header struct {
	Raw        uint32
	LSF        bool // MPEG-2 or 2.5 (low sampling frequencies)
	MPEG25     bool
	Layer      int // 1, 2 or 3
	Protection bool
	BitRate    int // bit/s
	SampleRate int // Hz
	Padding    bool
	Mode       int
	ModeExt    int
	Channels   int
	// FrameSize is the whole frame in bytes, header included.
	FrameSize int
}

// Check reports whether h passes ff_mpa_check_header: the 11-bit sync, a
// version, layer, bit-rate index and sample-rate index that are not
// reserved. A free-format header (bit-rate index 0) passes.
func Check(h uint32) bool {
	return h&0xffe00000 == 0xffe00000 &&
		h&(3<<19) != 1<<19 &&
		h&(3<<17) != 0 &&
		h&(0xf<<12) != 0xf<<12 &&
		h&(3<<10) != 3<<10
}

// Decode decodes a frame header as avpriv_mpegaudio_decode_header does.
// Free-format headers (bit-rate index 0), whose size the header does not
// give, are reported as ErrInvalid, as every caller in FFmpeg's mp3
// demuxer and parser treats them.
func Decode(h uint32) (Header, error) {
	if !Check(h) || h>>12&0xf == 0 {
		return Header{}, ErrInvalid
	}
	b := mp3.FrameHeader{byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h)}
	br, sr := int(b.BitRate()), int(b.SampleRate())
	if br <= 0 || sr <= 0 {
		return Header{}, ErrInvalid
	}
	hd := Header{
		Raw:        h,
		LSF:        h&(1<<19) == 0,
		MPEG25:     h&(1<<20) == 0,
		Layer:      4 - int(h>>17&3),
		Protection: h&(1<<16) == 0,
		BitRate:    br,
		SampleRate: sr,
		Padding:    h&(1<<9) != 0,
		Mode:       int(h >> 6 & 3),
		ModeExt:    int(h >> 4 & 3),
	}
	hd.Channels = 2
	if hd.Mode == ModeMono {
		hd.Channels = 1
	}
	pad := 0
	if hd.Padding {
		pad = 1
	}
	kbps := br / 1000
	switch hd.Layer {
	case 1:
		// A Layer I slot is 4 bytes: 4*floor(12*br/sr), not floor(48*br/sr).
		hd.FrameSize = (kbps*12000/sr + pad) * 4
	case 2:
		hd.FrameSize = kbps*144000/sr + pad
	default:
		shift := 0
		if hd.LSF {
			shift = 1
		}
		hd.FrameSize = kbps*144000/(sr<<shift) + pad
	}
	return hd, nil
}

// SamplesPerFrame is the number of samples per channel one frame holds.
func (h Header) SamplesPerFrame() int {
	switch {
	case h.Layer == 1:
		return 384
	case h.Layer == 2 || !h.LSF:
		return 1152
	}
	return 576
}

// CodecName is ffmpeg's codec name for the layer: mp1, mp2 or mp3.
func (h Header) CodecName() string {
	switch h.Layer {
	case 1:
		return "mp1"
	case 2:
		return "mp2"
	}
	return "mp3"
}

// ChannelLayout is the layout ffprobe prints for the header's channels.
func (h Header) ChannelLayout() string {
	if h.Channels == 1 {
		return "mono"
	}
	return "stereo"
}

// SameStream reports whether two headers can belong to one stream: the same
// version, layer and sample rate (mp3dec.c's SAME_HEADER_MASK, which also
// the parser uses).
func SameStream(a, b uint32) bool {
	const mask = 0xffe00000 | 3<<17 | 3<<10 | 3<<19
	return a&mask == b&mask
}

// MP3Mask selects the header fields that stay the same from frame to frame
// of one stream: sync, version, layer, sample rate, channel mode, copyright,
// original and emphasis (mp3dec.c MP3_MASK, used by mpa_read_probe and the
// junk skip of mp3_read_header).
const MP3Mask = 0xfffe0ccf

// DecodeBytes decodes the header in the first four bytes of b.
func DecodeBytes(b []byte) (Header, error) {
	if len(b) < 4 {
		return Header{}, ErrInvalid
	}
	return Decode(uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]))
}
