package aac

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ADTSHeaderSize is the size of an ADTS header without its CRC.
const ADTSHeaderSize = 7

// ADTSHeader is the fixed and variable header of an ADTS frame (ISO/IEC
// 13818-7, 6.2.1 / ISO/IEC 14496-3, 1.A.2.2), as FFmpeg's
// ff_adts_header_parse reads it.
type ADTSHeader struct {
	ID               int  // 0: MPEG-4, 1: MPEG-2
	ProtectionAbsent bool // no CRC follows the header
	Profile          int  // profile_ObjectType: audio object type - 1
	SamplingIndex    int
	ChannelConfig    int
	FrameLength      int // aac_frame_length, header included
	BufferFullness   int
	RawDataBlocks    int // number_of_raw_data_blocks_in_frame + 1
}

// ObjectType is the MPEG-4 audio object type the profile field names.
func (h ADTSHeader) ObjectType() int { return h.Profile + 1 }

// SampleRate is the rate of SamplingIndex in Hz.
func (h ADTSHeader) SampleRate() int { return sampleRates[h.SamplingIndex] }

// Samples is the number of samples per channel in the frame: 1024 per raw
// data block (FFmpeg assumes 1024 even for 960-sample streams).
func (h ADTSHeader) Samples() int { return h.RawDataBlocks * 1024 }

// HeaderSize is 7, or 9 with the CRC.
func (h ADTSHeader) HeaderSize() int {
	if h.ProtectionAbsent {
		return ADTSHeaderSize
	}
	return ADTSHeaderSize + 2
}

// BitRate is the frame's bit rate as FFmpeg's ADTS header parser computes
// it: frame bits times the sample rate over the samples, truncated.
func (h ADTSHeader) BitRate() int64 {
	return int64(h.FrameLength) * 8 * int64(h.SampleRate()) / int64(h.Samples())
}

// IsADTSSync reports whether b starts with the ADTS syncword and layer 0,
// the test FFmpeg's probe and demuxer apply (12 bits 0xFFF, layer bits 00).
func IsADTSSync(b []byte) bool {
	return len(b) >= 2 && b[0] == 0xFF && b[1]&0xF6 == 0xF0
}

// ParseADTSHeader reads the 7-byte ADTS header at the start of b. Like
// ff_adts_header_parse it rejects a missing syncword, a reserved sampling
// index and a frame length shorter than the header; the layer bits are not
// checked there (the probe checks them).
func ParseADTSHeader(b []byte) (ADTSHeader, error) {
	var h ADTSHeader
	if len(b) < ADTSHeaderSize {
		return h, demuxkit.Errorf("aac", "adts header", 0, container.ErrTruncated, "%d of 7 bytes", len(b))
	}
	r := bits.NewReader(b[:ADTSHeaderSize])
	if r.Bits(12) != 0xFFF {
		return h, demuxkit.Errorf("aac", "adts header", 0, container.ErrMalformed, "no syncword")
	}
	h.ID = int(r.Bit())
	r.Skip(2) // layer
	h.ProtectionAbsent = r.Flag()
	h.Profile = int(r.Bits(2))
	h.SamplingIndex = int(r.Bits(4))
	r.Skip(1) // private_bit
	h.ChannelConfig = int(r.Bits(3))
	r.Skip(4) // original_copy, home, copyright_identification_bit/start
	h.FrameLength = int(r.Bits(13))
	h.BufferFullness = int(r.Bits(11))
	h.RawDataBlocks = int(r.Bits(2)) + 1
	if sampleRates[h.SamplingIndex] == 0 {
		return h, demuxkit.Errorf("aac", "adts header", 0, container.ErrMalformed, "sampling frequency index %d", h.SamplingIndex)
	}
	if h.FrameLength < ADTSHeaderSize {
		return h, demuxkit.Errorf("aac", "adts header", 0, container.ErrMalformed, "frame length %d", h.FrameLength)
	}
	return h, nil
}

// ParsePCEAfterADTS reads the program config element that opens the raw
// data of an ADTS frame with channel configuration 0 (the decoder takes the
// channel layout from it). raw is the frame after the header and CRC. It
// returns false when the first element is not a PCE.
func ParsePCEAfterADTS(raw []byte) (ProgramConfig, bool, error) {
	r := bits.NewReader(raw)
	const idPCE = 5
	if id := r.Bits(3); id != idPCE || r.Err() != nil {
		return ProgramConfig{}, false, nil
	}
	p, err := parsePCE(r)
	if err != nil {
		return p, false, err
	}
	return p, true, nil
}
