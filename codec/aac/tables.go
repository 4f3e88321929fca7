package aac

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/codec"
)

// Audio object types (ISO/IEC 14496-3, 1.5.1.1, Table 1.17) that change how
// a configuration is read or named.
const (
	AOTNull   = 0
	AOTMain   = 1
	AOTLC     = 2
	AOTSSR    = 3
	AOTLTP    = 4
	AOTSBR    = 5
	AOTERLD   = 23
	AOTERBSAC = 22
	AOTPS     = 29
	AOTESCAPE = 31
	AOTALS    = 36
	AOTERELD  = 39
)

// sampleRates is samplingFrequencyIndex -> Hz (14496-3 Table 1.18); indexes
// 13 and 14 are reserved and 15 escapes to an explicit 24-bit rate.
var sampleRates = [16]int{
	96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050,
	16000, 12000, 11025, 8000, 7350, 0, 0, 0,
}

// SampleRate returns the rate of a samplingFrequencyIndex, 0 for the
// reserved and escape indexes.
func SampleRate(index int) int {
	if index < 0 || index >= len(sampleRates) {
		return 0
	}
	return sampleRates[index]
}

// channelsByConfig is channelConfiguration -> channel count as FFmpeg's
// ff_mpeg4audio_channels has it (config 0 means "from the PCE"; 8-10 and 13
// give no count). Config 15 is rejected.
var channelsByConfig = [15]int{0, 1, 2, 3, 4, 5, 6, 8, 0, 0, 0, 7, 8, 0, 8}

// Channels returns the channel count of a channelConfiguration, 0 when the
// configuration does not fix it.
func Channels(config int) int {
	if config < 0 || config >= len(channelsByConfig) {
		return 0
	}
	return channelsByConfig[config]
}

// configLayouts is channelConfiguration -> the layout of the AAC decoder's
// output (libavcodec/aacdectab.h aac_ch_layout), 0 where the configuration
// names none (0: the layout comes from a program config element; 8-10, 13
// and up). Measured against ffprobe 5.1 for 1-7 (7 prints "7.1", not the
// table's 7.1(wide)); 11 and 12 follow the decoder's table unmeasured.
var configLayouts = [...]uint64{
	1:  codec.LayoutMono,
	2:  codec.LayoutStereo,
	3:  codec.LayoutSurround,
	4:  codec.Layout4Point0,
	5:  codec.Layout5Point0Back,
	6:  codec.Layout5Point1Back,
	7:  codec.Layout7Point1,
	11: codec.Layout6Point1Back,
	12: codec.Layout7Point1,
}

// ChannelLayout returns the layout name ffprobe prints for the AAC decoder's
// output with a channelConfiguration ("mono", "stereo", "5.1", ...), or ""
// when the configuration does not name one.
func ChannelLayout(config int) string {
	if config < 0 || config >= len(configLayouts) {
		return ""
	}
	return codec.LayoutName(configLayouts[config])
}

// ProfileName returns ffprobe's profile for an audio object type: FFmpeg's
// AAC profile constants are the object type minus one (FF_PROFILE_AAC_*),
// and ffprobe prints the number itself when avcodec_profile_name has no
// name for it.
func ProfileName(objectType int) string {
	switch objectType {
	case AOTMain:
		return "Main"
	case AOTLC:
		return "LC"
	case AOTSSR:
		return "SSR"
	case AOTLTP:
		return "LTP"
	case AOTSBR:
		return "HE-AAC"
	case AOTERLD:
		return "LD"
	case AOTPS:
		return "HE-AACv2"
	case AOTERELD:
		return "ELD"
	}
	return strconv.Itoa(objectType - 1)
}
