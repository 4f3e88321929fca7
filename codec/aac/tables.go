package aac

import "strconv"

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

// ChannelLayout returns the layout name ffprobe prints for the AAC decoder's
// output with a channelConfiguration ("mono", "stereo", "5.1", ...), or ""
// when the configuration does not name one (0: the layout comes from a
// program config element). Measured against ffprobe 5.1 for 1-7 (7 prints
// "7.1", not the table's 7.1(wide)); 11 and 12 follow the decoder's table
// (libavcodec/aacdectab.h aac_ch_layout) unmeasured; 14 has no layout there.
func ChannelLayout(config int) string {
	switch config {
	case 1:
		return "mono"
	case 2:
		return "stereo"
	case 3:
		return "3.0"
	case 4:
		return "4.0"
	case 5:
		return "5.0"
	case 6:
		return "5.1"
	case 7:
		return "7.1"
	case 11:
		return "6.1(back)"
	case 12:
		return "7.1"
	}
	return ""
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
