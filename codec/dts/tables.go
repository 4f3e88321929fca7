package dts

import "github.com/mediaprobe/mediaprobe/codec"

// The sync words of DTS (libavcodec/dca_syncwords.h, ETSI TS 102 114).
const (
	SyncCoreBE    = 0x7FFE8001 // core, 16-bit words big-endian
	SyncCoreLE    = 0xFE7F0180 // core, 16-bit words little-endian
	SyncCore14BE  = 0x1FFFE800 // core, 14 bits in 16-bit words big-endian
	SyncCore14LE  = 0xFF1F00E8 // core, 14 bits in 16-bit words little-endian
	SyncSubstream = 0x64582025 // DTS-HD extension substream
	syncXCH       = 0x5A5A5A5A
	syncXXCH      = 0x47004A03
	syncX96       = 0x1D95F262
	syncXBR       = 0x655E315E
	syncLBR       = 0x0A801921
	syncXLL       = 0x41A29547
)

// coreSampleRates are the rates of the core's SFREQ (avpriv_dca_sample_rates);
// 0 marks the invalid codes.
var coreSampleRates = [16]int{0, 8000, 16000, 32000, 0, 0, 11025, 22050, 44100, 0, 0, 12000, 24000, 48000, 96000, 192000}

// samplingFreqs are the rates of the extension substream's and its
// components' sample rate codes (ff_dca_sampling_freqs).
var samplingFreqs = [16]int{8000, 16000, 32000, 64000, 128000, 22050, 44100, 88200, 176400, 352800,
	12000, 24000, 48000, 96000, 192000, 384000}

// transmissionRates are the core's RATE codes in bit/s (ff_dca_bit_rates);
// the last three are "open", "variable" and "lossless", which FFmpeg
// stores as 1, 2 and 3 and reports as no rate.
var transmissionRates = [32]int64{
	32000, 56000, 64000, 96000, 112000, 128000, 192000, 224000, 256000, 320000, 384000,
	448000, 512000, 576000, 640000, 768000, 896000, 1024000, 1152000, 1280000, 1344000,
	1408000, 1411200, 1472000, 1536000, 1920000, 2048000, 3072000, 3840000, 1, 2, 3,
}

// sourcePCMBits are the source resolutions of the core's PCMR
// (ff_dca_bits_per_sample); 0 marks the invalid codes.
var sourcePCMBits = [8]int{16, 16, 20, 20, 0, 24, 24, 0}

// amodeCount is DCA_AMODE_COUNT: FFmpeg decodes the channel arrangements
// 0 to 9 (mono to 3/2), not the user-defined ones.
const amodeCount = 10

// amodeChannels are the primary channels of each AMODE (ff_dca_channels).
var amodeChannels = [amodeCount]int{1, 2, 2, 2, 2, 3, 3, 4, 4, 5}

// Speaker is a bit of DTS's loudspeaker mask, the order of the XLL and
// XXCH speaker masks (enum DCASpeaker in libavcodec/dca.h; the
// loudspeaker activity masks of ETSI TS 102 114): C, L, R, Ls, Rs, LFE1,
// Cs, Lsr, Rsr, Lss, Rss, Lc, Rc, Lh, Ch, Rh, LFE2, Lw, Rw, Oh, Lhs, Rhs,
// Chr, Lhr, Rhr, Cl, Ll, Rl.
type Speaker uint32

// The loudspeakers of DTS's mask.
const (
	SpkC Speaker = 1 << iota
	SpkL
	SpkR
	SpkLs
	SpkRs
	SpkLFE1
	SpkCs
	SpkLsr
	SpkRsr
	SpkLss
	SpkRss
	SpkLc
	SpkRc
	SpkLh
	SpkCh
	SpkRh
	SpkLFE2
	SpkLw
	SpkRw
	SpkOh
	SpkLhs
	SpkRhs
	SpkChr
	SpkLhr
	SpkRhr
	SpkCl
	SpkLl
	SpkRl
)

// The speaker sets FFmpeg names (DCA_SPEAKER_LAYOUT_*).
const (
	spkStereo     = SpkL | SpkR
	spk3_0        = spkStereo | SpkC
	spk5Point0    = spk3_0 | SpkLs | SpkRs
	spk7Point0Wid = spk5Point0 | SpkLw | SpkRw
	spk7Point1Wid = spk7Point0Wid | SpkLFE1
)

// amodeSpeakers are the speakers of each AMODE (audio_mode_ch_mask in
// dca_core.c): the sum/difference and total stereo modes are stereo.
var amodeSpeakers = [amodeCount]Speaker{
	SpkC, spkStereo, spkStereo, spkStereo, spkStereo, spk3_0,
	spkStereo | SpkCs, spk3_0 | SpkCs, spkStereo | SpkLs | SpkRs, spk5Point0,
}

// speakerChannels are the FFmpeg channels of each DTS speaker, bit 0
// first, as ff_dca_set_channel_layout maps them (dca2wav_norm): the
// surround pairs Ls/Rs and Lss/Rss are side channels, Lsr/Rsr back ones,
// the wide pair takes the front centre pair's place.
var speakerChannels = [28]uint64{
	codec.ChFC, codec.ChFL, codec.ChFR, codec.ChSL, codec.ChSR, codec.ChLFE, codec.ChBC,
	codec.ChBL, codec.ChBR, codec.ChSL, codec.ChSR, codec.ChFLC, codec.ChFRC, codec.ChTFL,
	codec.ChTFC, codec.ChTFR, codec.ChLFE, codec.ChFLC, codec.ChFRC, codec.ChTC, codec.ChTFL,
	codec.ChTFR, codec.ChTBC, codec.ChTBL, codec.ChTBR, codec.ChBC, codec.ChBL, codec.ChBR,
}

// Layout returns the channel layout, as an FFmpeg mask, of a set of DTS
// speakers (ff_dca_set_channel_layout): each speaker takes its channel
// unless an earlier one took it, and for exactly 7.0 or 7.1 with the wide
// pair (dca2wav_wide) the surround pair is the back pair and the wide
// pair the side one. Speakers above Rl name no channel.
func (s Speaker) Layout() uint64 {
	wide := s == spk7Point0Wid || s == spk7Point1Wid
	var mask uint64
	for i, ch := range speakerChannels {
		if s&(1<<uint(i)) == 0 {
			continue
		}
		if wide {
			switch Speaker(1) << uint(i) {
			case SpkLs:
				ch = codec.ChBL
			case SpkRs:
				ch = codec.ChBR
			case SpkLw:
				ch = codec.ChSL
			case SpkRw:
				ch = codec.ChSR
			}
		}
		mask |= ch
	}
	return mask
}

// countPairChannels returns the channels of a speaker pair mask (the
// 16-bit masks of the extension substream and LBR, where a bit may stand
// for a pair): ff_dca_count_chs_for_mask.
func countPairChannels(mask uint32) int {
	n := 0
	for m := mask&0xffff | (mask&0xae66)<<16; m != 0; m &= m - 1 {
		n++
	}
	return n
}
