package opus

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// HeadSize is the length of an OpusHead without a channel mapping table.
const HeadSize = 19

// SampleRate is the rate of every Opus stream's time stamps (RFC 7845 4).
const SampleRate = 48000

// Head is the Opus identification header (RFC 7845 5.1), with the RFC's
// field names.
type Head struct {
	Version              uint8
	ChannelCount         uint8
	PreSkip              uint16
	InputSampleRate      uint32
	OutputGain           int16
	ChannelMappingFamily uint8
	// Present when ChannelMappingFamily is not 0.
	StreamCount    uint8
	CoupledCount   uint8
	ChannelMapping []byte
}

// ParseHead parses an OpusHead packet starting with "OpusHead". As
// oggparseopus.c opus_header, it needs 19 bytes and a major version
// (upper nibble) of 0; the mapping table is read when present.
func ParseHead(b []byte) (Head, error) {
	var h Head
	if len(b) < HeadSize || string(b[:8]) != "OpusHead" {
		return h, demuxkit.Errorf("opus", "OpusHead", 0, container.ErrMalformed, "%d bytes or bad signature", len(b))
	}
	le := binary.LittleEndian
	h.Version = b[8]
	if h.Version&0xF0 != 0 {
		return h, demuxkit.Errorf("opus", "OpusHead", 8, container.ErrUnsupported, "version %d", h.Version)
	}
	h.ChannelCount = b[9]
	h.PreSkip = le.Uint16(b[10:])
	h.InputSampleRate = le.Uint32(b[12:])
	h.OutputGain = int16(le.Uint16(b[16:]))
	h.ChannelMappingFamily = b[18]
	if h.ChannelMappingFamily != 0 && len(b) >= HeadSize+2 {
		h.StreamCount = b[19]
		h.CoupledCount = b[20]
		n := min(int(h.ChannelCount), len(b)-21)
		h.ChannelMapping = append([]byte(nil), b[21:21+n]...)
	}
	return h, nil
}

// ChannelLayout returns the layout name FFmpeg's Opus decoder gives the
// stream (ff_opus_parse_extradata): mono or stereo for mapping family 0,
// the Vorbis channel order for family 1 with up to 8 channels, and ""
// (unspecified) otherwise, including headers the decoder would refuse.
func (h Head) ChannelLayout() string {
	n := int(h.ChannelCount)
	switch h.ChannelMappingFamily {
	case 0:
		return codec.LayoutName(codec.DecoderLayout("opus", n))
	case 1:
		if !h.validMapping() {
			return ""
		}
		return codec.LayoutName(codec.DecoderLayout("vorbis", n))
	}
	return ""
}

// validMapping applies the decoder's checks on a mapping table.
func (h Head) validMapping() bool {
	return len(h.ChannelMapping) == int(h.ChannelCount) && h.StreamCount != 0 &&
		h.CoupledCount <= h.StreamCount && int(h.StreamCount)+int(h.CoupledCount) <= 255
}

// PacketDuration returns the number of 48 kHz samples in an Opus packet from
// its TOC byte and, for code 3, its frame count byte (RFC 6716 3.1, FFmpeg's
// opus_duration in oggparseopus.c). It needs the first two bytes at most.
func PacketDuration(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, demuxkit.Errorf("opus", "packet", 0, container.ErrMalformed, "empty packet")
	}
	toc := p[0]
	config := int(toc >> 3)
	var frame int
	switch {
	case config < 12: // SILK: 10, 20, 40, 60 ms
		frame = max(480, 960*(config&3))
	case config < 16: // hybrid: 10, 20 ms
		frame = 480 << (config & 1)
	default: // CELT: 2.5, 5, 10, 20 ms
		frame = 120 << (config & 3)
	}
	frames := 1
	switch toc & 3 {
	case 1, 2:
		frames = 2
	case 3:
		if len(p) < 2 {
			return 0, demuxkit.Errorf("opus", "packet", 0, container.ErrTruncated, "code 3 packet without frame count")
		}
		frames = int(p[1] & 0x3F)
	}
	return frame * frames, nil
}
