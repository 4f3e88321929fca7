package dts

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// CoreHeaderSize is the size of the core frame header's fields, through
// DIALNORM, with the header CRC (DCA_CORE_FRAME_HEADER_SIZE).
const CoreHeaderSize = 18

// The extension audio of a core frame (EXT_AUDIO_ID, ETSI TS 102 114
// 5.3.1): what follows the core audio data in the core substream.
const (
	ExtAudioXCH  = 0 // an extra channel, Cs (DTS-ES)
	ExtAudioX96  = 2 // the 48-96 kHz band (DTS 96/24)
	ExtAudioXXCH = 6 // extra channels with a loudspeaker mask (DTS-ES)
)

// CoreHeader is the frame header of a DTS core frame (ETSI TS 102 114
// 5.3.1), as ff_dca_parse_core_frame_header reads it. Fields keep the
// values coded in the stream; the methods give the quantities.
type CoreHeader struct {
	FType      bool   // FTYPE: a normal frame (false: a termination frame)
	Short      uint8  // SHORT: the deficit sample count minus 1 (31 in a normal frame)
	CPF        bool   // CPF: the header CRC is present
	NBlks      uint8  // NBLKS: PCM sample blocks of 32 samples, minus 1
	FSize      uint16 // FSIZE: the frame size in bytes, minus 1
	AMode      uint8  // AMODE: the audio channel arrangement
	SFreq      uint8  // SFREQ: the core sample rate code
	Rate       uint8  // RATE: the transmission bit rate code
	DynF       bool   // DYNF: dynamic range coefficients are embedded
	TimeF      bool   // TIMEF: a time stamp is embedded
	AuxF       bool   // AUXF: auxiliary data follows the audio
	HDCD       bool   // HDCD: the source was HDCD mastered
	ExtAudioID uint8  // EXT_AUDIO_ID: the extension's type (ExtAudioXCH, ...)
	ExtAudio   bool   // EXT_AUDIO: the extension is present
	ASPF       bool   // ASPF: audio sync words follow each subsubframe
	LFF        uint8  // LFF: the LFE channel (0 none, 1 128x, 2 64x interpolation)
	HFlag      bool   // HFLAG: predictor history
	HCRC       uint16 // HCRC: the header CRC, when CPF is set
	Filts      bool   // FILTS: the perfect reconstruction filter bank
	VerNum     uint8  // VERNUM: the encoder software revision
	CHist      uint8  // CHIST: copy history
	PCMR       uint8  // PCMR: the source PCM resolution code
	SumF, SumS bool   // SUMF, SUMS: front and surround sum/difference coding
	DialNorm   uint8  // DIALNORM: dialogue normalization
	SubFS      uint8  // SUBFS: subframes minus 1 (the audio coding header's first field)
	PChS       uint8  // PCHS: primary channels minus 1
}

// FrameSize returns the core frame's size in bytes.
func (h CoreHeader) FrameSize() int { return int(h.FSize) + 1 }

// Samples returns the samples per channel of the frame.
func (h CoreHeader) Samples() int { return (int(h.NBlks) + 1) * 32 }

// SampleRate returns the core sample rate in Hz.
func (h CoreHeader) SampleRate() int { return coreSampleRates[h.SFreq&15] }

// BitRate returns the core's transmission rate in bit/s as the decoder
// reports it: 0 for the open, variable and lossless codes
// (ff_dca_core_filter_frame reports rates above 3 only).
func (h CoreHeader) BitRate() int64 {
	if r := transmissionRates[h.Rate&31]; r > 3 {
		return r
	}
	return 0
}

// SourceBits returns the source PCM resolution of PCMR.
func (h CoreHeader) SourceBits() int { return sourcePCMBits[h.PCMR&7] }

// Speakers returns the core's loudspeakers: AMode's and the LFE.
func (h CoreHeader) Speakers() Speaker {
	s := amodeSpeakers[h.AMode%amodeCount]
	if h.LFF != 0 {
		s |= SpkLFE1
	}
	return s
}

// ParseCoreHeader reads the core frame header at the start of b, in any of
// the four representations (see SyncCoreBE). It refuses what
// ff_dca_parse_core_frame_header refuses (a deficit sample count other
// than 32, a block count not a multiple of 8, a frame under 96 bytes, an
// arrangement FFmpeg does not decode, an invalid rate, the reserved bit,
// LFF 3, an invalid source resolution) and what the decoder's
// parse_coding_header refuses next (a primary channel count that
// contradicts AMODE). Errors wrap container.ErrTruncated or ErrMalformed.
func ParseCoreHeader(b []byte) (CoreHeader, error) {
	c, ok := convert(b)
	if !ok || len(c) < 4 || binary.BigEndian.Uint32(c) != SyncCoreBE {
		return CoreHeader{}, coreErrorf(container.ErrMalformed, "no core sync word")
	}
	return parseCoreHeader(c)
}

// parseCoreHeader reads the header of a big-endian core frame, and
// refuses what parseCoreFrameHeader refuses and a primary channel count
// that contradicts AMODE (the decoder's parse_coding_header).
func parseCoreHeader(b []byte) (CoreHeader, error) {
	h, err := parseCoreFrameHeader(b)
	if err == nil && int(h.PChS)+1 != amodeChannels[h.AMode] {
		return h, coreErrorf(container.ErrMalformed, "%d primary channels for arrangement %d", h.PChS+1, h.AMode)
	}
	return h, err
}

// parseCoreFrameHeader reads the header of a big-endian core frame as
// ff_dca_parse_core_frame_header does.
func parseCoreFrameHeader(b []byte) (CoreHeader, error) {
	var h CoreHeader
	r := bits.NewReader(b)
	if r.Bits(32) != SyncCoreBE {
		return h, coreErrorf(container.ErrMalformed, "no core sync word")
	}
	h.FType = r.Flag()
	h.Short = uint8(r.Bits(5))
	h.CPF = r.Flag()
	h.NBlks = uint8(r.Bits(7))
	h.FSize = uint16(r.Bits(14))
	h.AMode = uint8(r.Bits(6))
	h.SFreq = uint8(r.Bits(4))
	h.Rate = uint8(r.Bits(5))
	reserved := r.Flag()
	h.DynF = r.Flag()
	h.TimeF = r.Flag()
	h.AuxF = r.Flag()
	h.HDCD = r.Flag()
	h.ExtAudioID = uint8(r.Bits(3))
	h.ExtAudio = r.Flag()
	h.ASPF = r.Flag()
	h.LFF = uint8(r.Bits(2))
	h.HFlag = r.Flag()
	if h.CPF {
		h.HCRC = uint16(r.Bits(16))
	}
	h.Filts = r.Flag()
	h.VerNum = uint8(r.Bits(4))
	h.CHist = uint8(r.Bits(2))
	h.PCMR = uint8(r.Bits(3))
	h.SumF = r.Flag()
	h.SumS = r.Flag()
	h.DialNorm = uint8(r.Bits(4))
	h.SubFS = uint8(r.Bits(4))
	h.PChS = uint8(r.Bits(3))
	if r.Err() != nil {
		return h, coreErrorf(container.ErrTruncated, "header cut at %d bytes", len(b))
	}
	switch {
	case h.Short != 31:
		return h, coreErrorf(container.ErrMalformed, "%d deficit samples", h.Short+1)
	case (h.NBlks+1)&7 != 0:
		return h, coreErrorf(container.ErrMalformed, "%d PCM sample blocks", h.NBlks+1)
	case h.FrameSize() < 96:
		return h, coreErrorf(container.ErrMalformed, "frame size %d bytes", h.FrameSize())
	case h.AMode >= amodeCount:
		return h, coreErrorf(container.ErrUnsupported, "channel arrangement %d", h.AMode)
	case h.SampleRate() == 0:
		return h, coreErrorf(container.ErrMalformed, "sample rate code %d", h.SFreq)
	case reserved:
		return h, coreErrorf(container.ErrMalformed, "reserved bit set")
	case h.LFF == 3:
		return h, coreErrorf(container.ErrMalformed, "LFE flag 3")
	case h.SourceBits() == 0:
		return h, coreErrorf(container.ErrMalformed, "source PCM resolution code %d", h.PCMR)
	}
	return h, nil
}

// coreExtension is an extension found in the core substream.
type coreExtension struct {
	kind int // ExtAudioXCH, ExtAudioX96 or ExtAudioXXCH
	pos  int // the bit position the decoder reads it from
}

// findCoreExtension searches the core frame b (big-endian, the whole
// packet after it included) for the extension its header announces, as
// parse_optional_info does: backwards from the end of the frame, on 4-byte
// boundaries, for a sync word whose frame size (XCH, X96) or header CRC
// (XXCH) matches. The search stops at the end of the header, where FFmpeg
// stops at the end of the audio data.
func findCoreExtension(b []byte, h CoreHeader) (coreExtension, bool) {
	if !h.ExtAudio {
		return coreExtension{}, false
	}
	frameSize := h.FrameSize()
	syncPos := min(frameSize/4, len(b)/4) - 1
	lastPos := CoreHeaderSize / 4
	var w2 uint32
	for ; syncPos >= lastPos; syncPos-- {
		w1 := binary.BigEndian.Uint32(b[syncPos*4:])
		switch h.ExtAudioID {
		case ExtAudioXCH:
			if w1 == syncXCH {
				size := int(w2>>22) + 1
				dist := frameSize - syncPos*4
				if size >= 96 && (size == dist || size-1 == dist) && w2>>15&0x7f == 0x08 {
					return coreExtension{ExtAudioXCH, syncPos*32 + 49}, true
				}
			}
		case ExtAudioX96:
			if w1 == syncX96 {
				size := int(w2>>20) + 1
				if size >= 96 && size == frameSize-syncPos*4 {
					return coreExtension{ExtAudioX96, syncPos*32 + 44}, true
				}
			}
		case ExtAudioXXCH:
			if w1 == syncXXCH {
				size := int(w2>>26) + 1
				start := (syncPos + 1) * 4
				if size >= 11 && size <= len(b)-syncPos*4 && crc16CCITT(b[start:start+size-4]) == 0 {
					return coreExtension{ExtAudioXXCH, syncPos * 32}, true
				}
			}
		default:
			return coreExtension{}, false
		}
		w2 = w1
	}
	return coreExtension{}, false
}

// crc16CCITT is the CRC the decoder checks DTS headers with
// (AV_CRC_16_CCITT from 0xFFFF): over data that ends with its CRC it is 0.
func crc16CCITT(b []byte) uint16 {
	crc := uint16(0xFFFF)
	for _, c := range b {
		crc ^= uint16(c) << 8
		for i := 0; i < 8; i++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

// parseXXCH reads an XXCH frame header and its channel set header
// (parse_xxch_frame, parse_coding_header for HEADER_XXCH) at bit pos of b
// and returns the speakers of the core and the extra channels. core is
// the core's speakers, which the XXCH core mask must repeat (Lss/Rss may
// stand for Ls/Rs).
func parseXXCH(b []byte, pos int, core Speaker) (Speaker, bool) {
	r := bits.NewReader(b)
	r.Skip(pos)
	headerPos := r.BitPos()
	if r.Bits(32) != syncXXCH {
		return 0, false
	}
	headerSize := int(r.Bits(6)) + 1
	r.Skip(1) // CRC present
	maskBits := int(r.Bits(5)) + 1
	if maskBits <= 6 { // the mask must go past Cs
		return 0, false
	}
	if r.Bits(2) != 0 { // one channel set only
		return 0, false
	}
	r.Skip(14) // channel set size
	coreMask := Speaker(r.Bits(maskBits))
	want := core
	if want&SpkLs != 0 && coreMask&SpkLss != 0 {
		want = want&^SpkLs | SpkLss
	}
	if want&SpkRs != 0 && coreMask&SpkRss != 0 {
		want = want&^SpkRs | SpkRss
	}
	if coreMask != want || !seek(r, headerPos+headerSize*8) {
		return 0, false
	}
	// The channel set header.
	r.Skip(7) // header size
	nchannels := int(r.Bits(3)) + 1
	if nchannels > 2 { // DCA_XXCH_CHANNELS_MAX
		return 0, false
	}
	extra := Speaker(r.Bits(maskBits-6)) << 6
	if n := countBits(uint32(extra)); n != nchannels || extra&coreMask != 0 || r.Err() != nil {
		return 0, false
	}
	return coreMask | extra, true
}

// seek moves r to bit pos as ff_dca_seek_bits does: forwards only, and
// not past the end.
func seek(r *bits.Reader, pos int) bool {
	if pos < r.BitPos() || pos > r.BitLen() || r.Err() != nil {
		return false
	}
	r.Skip(pos - r.BitPos())
	return true
}

func countBits(v uint32) int {
	n := 0
	for ; v != 0; v &= v - 1 {
		n++
	}
	return n
}

// x96Valid checks the X96 header of the core substream at bit pos
// (parse_x96_frame): a revision from 1 to 8.
func x96Valid(b []byte, pos int) bool {
	r := bits.NewReader(b)
	r.Skip(pos)
	rev := r.Bits(4)
	return r.Err() == nil && rev >= 1 && rev <= 8
}

// coreErrorf builds the errors about the core frame.
func coreErrorf(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("dts", "core frame", 0, kind, detail, args...)
}
