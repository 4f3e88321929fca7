package ac3

import "github.com/mediaprobe/mediaprobe/codec"

// headerSize is the size of the fields every AC-3 and E-AC-3 header starts
// with, through lfeon (AC3_HEADER_SIZE in libavcodec/ac3_parser.c): the
// parser needs no more to size a frame.
const headerSize = 7

// sampleRates are the rates of fscod (A/52 Table 5.6, ff_ac3_sample_rate_tab);
// 3 is reserved in AC-3 and means fscod2 in E-AC-3.
var sampleRates = [3]int{48000, 44100, 32000}

// nominalRates are the bit rates in kbit/s of frmsizecod>>1 (A/52 Table
// 5.18, ff_ac3_bitrate_tab).
var nominalRates = [19]int{32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640}

// fullBandwidthChannels are the channels of each acmod without the LFE
// (A/52 Table 5.8, ff_ac3_channels_tab).
var fullBandwidthChannels = [8]int{2, 1, 2, 3, 3, 4, 4, 5}

// blocksPerFrame are the audio blocks of numblkscod (A/52 Table E2.3,
// eac3_blocks in ac3_parser.c).
var blocksPerFrame = [4]int{1, 2, 3, 6}

// customChannels are the channels of each chanmap bit of a dependent
// substream, the most significant bit first (A/52 Table E2.5,
// ff_eac3_custom_channel_map_locations in libavcodec/ac3tab.c): L, C, R,
// Ls, Rs, Lc/Rc, Lrs/Rrs, Cs, Ts, Lsd/Rsd, Lw/Rw, Vhl/Vhr, Vhc, Lts/Rts,
// LFE2, LFE. These are channel positions of E-AC-3, not a layout table.
var customChannels = [16]uint64{
	codec.ChFL, codec.ChFC, codec.ChFR, codec.ChSL, codec.ChSR,
	codec.ChFLC | codec.ChFRC, codec.ChBL | codec.ChBR, codec.ChBC, codec.ChTC,
	codec.ChSDL | codec.ChSDR, codec.ChWL | codec.ChWR, codec.ChTFL | codec.ChTFR,
	codec.ChTFC, codec.ChTBL | codec.ChTBR, codec.ChLFE2, codec.ChLFE,
}

// maxChannels is EAC3_MAX_CHANNELS: the decoder refuses a custom channel
// map that adds up to more.
const maxChannels = 16

// frameWords returns the size of an AC-3 frame in 16-bit words (A/52 Table
// 5.18, ff_ac3_frame_size_tab): a frame holds 1536 samples, so 32 ms at
// 48 kHz and 48 ms at 32 kHz, whole words; at 44.1 kHz the size is rounded
// down and the odd codes add the word that keeps the average rate.
func frameWords(frmsizecod, fscod uint8) int {
	kbps := nominalRates[frmsizecod>>1]
	switch fscod {
	case 0:
		return 2 * kbps
	case 1:
		return kbps*320/147 + int(frmsizecod&1)
	}
	return 3 * kbps
}

// channelMap returns the channels a dependent substream's chanmap adds to
// the layout (ac3_decode_frame).
func channelMap(chanmap uint16) uint64 {
	var mask uint64
	for i, ch := range customChannels {
		if chanmap&(1<<(15-i)) != 0 {
			mask |= ch
		}
	}
	return mask
}
