// Package tak decodes the STREAMINFO of TAK (Tom's lossless Audio
// Kompressor), which the TAK file's metadata block of that type carries
// (and FFmpeg keeps as the stream's extradata), and says what FFmpeg's TAK
// decoder reports once opened with it.
//
// It mirrors libavcodec/tak.c avpriv_tak_parse_streaminfo (the fields, read
// least significant bit first as BITSTREAM_READER_LE does) and takdec.c
// set_bps_params. Like every codec package it parses from a byte slice and
// does no I/O.
package tak

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// Field widths and offsets of libavcodec/tak.h.
const (
	codecBits         = 6
	profileBits       = 4
	frameDurationBits = 4
	samplesBits       = 35
	dataTypeBits      = 3
	sampleRateBits    = 18
	bpsBits           = 5
	channelBits       = 4
	validBits         = 5
	chLayoutBits      = 6
	sampleRateMin     = 6000
	bpsMin            = 8
	channelsMin       = 1
)

// StreamInfo is a TAK STREAMINFO.
type StreamInfo struct {
	Codec      int   // 2 mono/stereo, 4 multichannel
	FrameType  int   // the frame duration code
	Samples    int64 // samples per channel; may be 0 when unknown
	DataType   int
	SampleRate int
	Bits       int    // bits per sample
	Channels   int    // channel count
	Mask       uint64 // the channel layout as FFmpeg's mask, 0 when none is given
}

// channelMasks are tak_channel_layouts: the speaker code of each channel.
var channelMasks = [...]uint64{0, codec.ChFL, codec.ChFR, codec.ChFC, codec.ChLFE, codec.ChBL,
	codec.ChBR, codec.ChFLC, codec.ChFRC, codec.ChBC, codec.ChSL, codec.ChSR, codec.ChTC,
	codec.ChTFL, codec.ChTFC, codec.ChTFR, codec.ChTBL, codec.ChTBC, codec.ChTBR}

// ParseStreamInfo decodes a STREAMINFO body. Bits past the end of b read as
// zeros, as FFmpeg's padded buffer does, so any input decodes; ok is false
// only for an empty b, which init_get_bits8 refuses.
func ParseStreamInfo(b []byte) (si StreamInfo, ok bool) {
	if len(b) == 0 {
		return si, false
	}
	r := bits.NewLSBReader(b)
	si.Codec = int(r.Bits(codecBits))
	r.Bits(profileBits)
	si.FrameType = int(r.Bits(frameDurationBits))
	si.Samples = int64(r.Bits(samplesBits))
	si.DataType = int(r.Bits(dataTypeBits))
	si.SampleRate = int(r.Bits(sampleRateBits)) + sampleRateMin
	si.Bits = int(r.Bits(bpsBits)) + bpsMin
	si.Channels = int(r.Bits(channelBits)) + channelsMin
	if r.Flag() {
		r.Bits(validBits)
		if r.Flag() {
			for range si.Channels {
				if v := r.Bits(chLayoutBits); v < uint64(len(channelMasks)) {
					si.Mask |= channelMasks[v]
				}
			}
		}
	}
	return si, true
}

// SampleFormat is the sample format set_bps_params gives the bit depth:
// "u8p", "s16p" or "s32p", or "" for depths the decoder refuses (it then
// fails to open).
func (si StreamInfo) SampleFormat() string {
	switch si.Bits {
	case 8:
		return "u8p"
	case 16:
		return "s16p"
	case 24:
		return "s32p"
	}
	return ""
}
