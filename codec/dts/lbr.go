package dts

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// LBR header types.
const (
	LBRSyncOnly    = 1 // the frame needs an earlier decoder initialization
	LBRDecoderInit = 2 // the frame initializes the decoder
)

// LBR flags (enum LBRFlags in libavcodec/dca_lbr.c).
const (
	LBRFlag24Bit         = 0x01
	LBRFlagLFEPresent    = 0x02
	lbrFlagBandLimitMask = 0x1C
	lbrBandLimitNone     = 0x14
	lbrBandLimit1_2      = 0x08
	lbrBandLimit1_4      = 0x10
	LBRFlagDmixStereo    = 0x20
	LBRFlagDmixMultiCh   = 0x40
)

// Speaker pairs of the LBR speaker mask (enum DCASpeakerPair).
const (
	pairC    = 0x0001
	pairLR   = 0x0002
	pairLsRs = 0x0004
	pairLFE1 = 0x0008
)

// lbrLayouts are the layouts of the low three bits of the LBR speaker mask
// (C, L/R, Ls/Rs), minus one (channel_layouts in dca_lbr.c).
var lbrLayouts = [7]uint64{
	codec.LayoutMono,
	codec.LayoutStereo,
	codec.LayoutSurround,
	codec.ChSL | codec.ChSR,
	codec.ChFC | codec.ChSL | codec.ChSR,
	codec.Layout2_2,
	codec.Layout5Point0,
}

// LBRHeader is the header of a DTS Express (low bit rate, LBR) frame: its
// decoder initialization (parse_decoder_init in dca_lbr.c). The fields of
// the initialization are zero in a frame of type LBRSyncOnly.
type LBRHeader struct {
	HeaderType     uint8  // LBRSyncOnly or LBRDecoderInit
	SampleRateCode uint8  // the sample rate (ff_dca_sampling_freqs)
	SpeakerMask    uint16 // a speaker pair mask: C, L/R, Ls/Rs, LFE1, ...
	Version        uint16 // the LBR bit stream version, 0x08xx
	Flags          uint8  // LBRFlag24Bit, LBRFlagLFEPresent, ...
	// BitRateOrig and BitRateScaled are the original and scaled bit rates
	// in bit/s (20 bits each).
	BitRateOrig, BitRateScaled int
}

// SampleRate returns the sample rate in Hz.
func (h LBRHeader) SampleRate() int { return samplingFreqs[h.SampleRateCode&15] }

// Layout returns the layout the decoder outputs (ff_dca_lbr_filter_frame):
// the front and surround channels of the speaker mask's low bits, and the
// LFE when flagged and the rate is 48 kHz; stereo without LFE for a stream
// with an embedded stereo downmix.
func (h LBRHeader) Layout() uint64 {
	mask, flags := h.SpeakerMask, h.Flags
	if flags&LBRFlagLFEPresent != 0 && h.SampleRate() != 48000 {
		flags &^= LBRFlagLFEPresent
	}
	if flags&LBRFlagDmixStereo != 0 {
		mask = pairLR
		flags &^= LBRFlagLFEPresent
	}
	layout := lbrLayouts[(mask&7+6)%7]
	if flags&LBRFlagLFEPresent != 0 {
		layout |= codec.ChLFE
	}
	return layout
}

// parseLBR reads the LBR frame of asset a in the substream b as
// ff_dca_lbr_parse does for a stream's first frame: the sync word, a
// decoder initialization the decoder supports, and the frame chunk.
func parseLBR(b []byte, a Asset) (LBRHeader, error) {
	var h LBRHeader
	off, size, _ := a.component(CompLBR)
	d := b[off : off+size]
	if len(d) < 5 || binary.BigEndian.Uint32(d) != syncLBR {
		return h, lbrErrorf(container.ErrMalformed, "no sync word")
	}
	h.HeaderType = d[4]
	d = d[5:]
	switch h.HeaderType {
	case LBRSyncOnly:
		return h, lbrErrorf(container.ErrUnsupported, "frame without the decoder's initialization")
	case LBRDecoderInit:
	default:
		return h, lbrErrorf(container.ErrMalformed, "header type %d", h.HeaderType)
	}
	if len(d) < 11 {
		return h, lbrErrorf(container.ErrTruncated, "decoder initialization cut at %d bytes", len(d))
	}
	h.SampleRateCode = d[0]
	h.SpeakerMask = binary.LittleEndian.Uint16(d[1:])
	h.Version = binary.LittleEndian.Uint16(d[3:])
	h.Flags = d[5]
	hi := int(d[6])
	h.BitRateOrig = int(binary.LittleEndian.Uint16(d[7:])) | (hi&0x0F)<<16
	h.BitRateScaled = int(binary.LittleEndian.Uint16(d[9:])) | (hi&0xF0)<<12
	d = d[11:]
	if err := h.check(); err != nil {
		return h, err
	}
	// The frame chunk: its id, then a one- or two-byte length.
	if len(d) < 1 {
		return h, lbrErrorf(container.ErrTruncated, "no frame chunk")
	}
	switch d[0] & 0x7F {
	case 0x04, 0x06: // LBR_CHUNK_FRAME, LBR_CHUNK_FRAME_NO_CSUM
	default:
		return h, lbrErrorf(container.ErrMalformed, "frame chunk id %#x", d[0]&0x7F)
	}
	return h, nil
}

// check applies parse_decoder_init's refusals.
func (h LBRHeader) check() error {
	if h.SampleRateCode >= 16 {
		return lbrErrorf(container.ErrMalformed, "sample rate code %d", h.SampleRateCode)
	}
	rate := h.SampleRate()
	if rate > 48000 {
		return lbrErrorf(container.ErrUnsupported, "%d Hz", rate)
	}
	if h.SpeakerMask&7 == 0 {
		return lbrErrorf(container.ErrUnsupported, "speaker mask %#x", h.SpeakerMask)
	}
	if h.Version&0xFF00 != 0x0800 {
		return lbrErrorf(container.ErrUnsupported, "version %#x", h.Version)
	}
	if h.Flags&LBRFlagDmixMultiCh != 0 {
		return lbrErrorf(container.ErrUnsupported, "multi-channel downmix")
	}
	limit := 0
	switch h.Flags & lbrFlagBandLimitMask {
	case lbrBandLimitNone:
	case lbrBandLimit1_2:
		limit = 1
	case lbrBandLimit1_4:
		limit = 2
	default:
		return lbrErrorf(container.ErrUnsupported, "band limit %#x", h.Flags&lbrFlagBandLimitMask)
	}
	if freqRanges[h.SampleRateCode]-limit < 0 {
		return lbrErrorf(container.ErrMalformed, "band limit for the frequency range")
	}
	if h.Flags&LBRFlagDmixStereo != 0 {
		if n := countPairChannels(uint32(h.SpeakerMask) &^ pairLFE1); n < 3 || n > 32-2 {
			return lbrErrorf(container.ErrMalformed, "stereo downmix of %d channels", n)
		}
	}
	return nil
}

// freqRanges are the frequency ranges of the sample rate codes
// (ff_dca_freq_ranges).
var freqRanges = [16]int{0, 1, 2, 3, 4, 1, 2, 3, 4, 4, 0, 1, 2, 3, 4, 4}

func lbrErrorf(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("dts", "lbr", 0, kind, detail, args...)
}
