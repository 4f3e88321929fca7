package codec

import (
	"math/bits"
	"strconv"
	"strings"
)

// Speaker position bits of a WAVEFORMATEXTENSIBLE dwChannelMask, which are
// also FFmpeg's AV_CH_* bits (libavutil/channel_layout.h).
const (
	chFL  = 1 << 0
	chFR  = 1 << 1
	chFC  = 1 << 2
	chLFE = 1 << 3
	chBL  = 1 << 4
	chBR  = 1 << 5
	chFLC = 1 << 6
	chFRC = 1 << 7
	chBC  = 1 << 8
	chSL  = 1 << 9
	chSR  = 1 << 10
	chTC  = 1 << 11
	chTFL = 1 << 12
	chTFC = 1 << 13
	chTFR = 1 << 14
	chTBL = 1 << 15
	chTBC = 1 << 16
	chTBR = 1 << 17
	chDL  = 1 << 29
	chDR  = 1 << 30
	chWL  = 1 << 31
	chWR  = 1 << 32
	chLF2 = 1 << 35
	chTSL = 1 << 36
	chTSR = 1 << 37
	chBFC = 1 << 38
	chBFL = 1 << 39
	chBFR = 1 << 40
)

// namedLayout is one row of libavutil/channel_layout.c channel_layout_map.
type namedLayout struct {
	name string
	mask uint64
}

// The standard layouts FFmpeg 5.1 names, in channel_layout_map's order (the
// first row with a mask gives its name).
const (
	lMono     = chFC
	lStereo   = chFL | chFR
	l2_1      = lStereo | chBC
	lSurround = lStereo | chFC
	l4_0      = lSurround | chBC
	l2_2      = lStereo | chSL | chSR
	lQuad     = lStereo | chBL | chBR
	l5_0      = lSurround | chSL | chSR
	l5_0Back  = lSurround | chBL | chBR
	l5_1      = l5_0 | chLFE
	l5_1Back  = l5_0Back | chLFE
	l6_0Front = l2_2 | chFLC | chFRC
	l7_0      = l5_0 | chBL | chBR
	lOctagon  = l5_0 | chBL | chBC | chBR
)

var layouts = []namedLayout{
	{"mono", lMono},
	{"stereo", lStereo},
	{"2.1", lStereo | chLFE},
	{"3.0", lSurround},
	{"3.0(back)", l2_1},
	{"4.0", l4_0},
	{"quad", lQuad},
	{"quad(side)", l2_2},
	{"3.1", lSurround | chLFE},
	{"5.0", l5_0Back},
	{"5.0(side)", l5_0},
	{"4.1", l4_0 | chLFE},
	{"5.1", l5_1Back},
	{"5.1(side)", l5_1},
	{"6.0", l5_0 | chBC},
	{"6.0(front)", l6_0Front},
	{"hexagonal", l5_0Back | chBC},
	{"6.1", l5_1 | chBC},
	{"6.1(back)", l5_1Back | chBC},
	{"6.1(front)", l6_0Front | chLFE},
	{"7.0", l7_0},
	{"7.0(front)", l5_0 | chFLC | chFRC},
	{"7.1", l5_1 | chBL | chBR},
	{"7.1(wide)", l5_1Back | chFLC | chFRC},
	{"7.1(wide-side)", l5_1 | chFLC | chFRC},
	{"octagonal", lOctagon},
	{"hexadecagonal", lOctagon | chWL | chWR | chTBL | chTBR | chTBC | chTFC | chTFL | chTFR},
	{"downmix", chDL | chDR},
	{"22.2", l5_1Back | chFLC | chFRC | chBC | chLF2 | chSL | chSR | chTFL | chTFR | chTFC | chTC |
		chTBL | chTBR | chTSL | chTSR | chTBC | chBFC | chBFL | chBFR},
}

// channelNames are FFmpeg's short names of the mask bits (av_channel_name),
// bit 0 first; "" marks a bit FFmpeg does not name.
var channelNames = [...]string{
	"FL", "FR", "FC", "LFE", "BL", "BR", "FLC", "FRC", "BC", "SL", "SR", "TC",
	"TFL", "TFC", "TFR", "TBL", "TBC", "TBR", "", "", "", "", "", "", "", "", "", "", "",
	"DL", "DR", "WL", "WR", "SDL", "SDR", "LFE2", "TSL", "TSR", "BFC", "BFL", "BFR",
}

// LayoutName describes a channel mask as av_channel_layout_describe does in
// FFmpeg 5.1 for a native-order layout: the standard name when the mask is
// one ("5.1", "5.1(side)"), else the channel count and the channel names
// ("2 channels (FC+LFE)", "1 channels (FL)").
func LayoutName(mask uint64) string {
	if mask == 0 {
		return ""
	}
	if name, ok := StandardLayout(mask); ok {
		return name
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(bits.OnesCount64(mask)) + " channels (")
	for m, first := mask, true; m != 0; m &= m - 1 {
		i := bits.TrailingZeros64(m)
		if !first {
			b.WriteByte('+')
		}
		first = false
		if i < len(channelNames) && channelNames[i] != "" {
			b.WriteString(channelNames[i])
		} else {
			b.WriteString("USR" + strconv.Itoa(i))
		}
	}
	b.WriteByte(')')
	return b.String()
}

// StandardLayout returns the standard name of a channel mask ("5.1") and
// whether it has one.
func StandardLayout(mask uint64) (string, bool) {
	for _, l := range layouts {
		if l.mask == mask {
			return l.name, true
		}
	}
	return "", false
}

// MaskLayout returns the layout name ffprobe prints for a stream with a
// WAVEFORMATEXTENSIBLE channel mask: the mask's name when it describes
// exactly channels channels, else "" (riffdec.c ff_get_wav_header ignores a
// mask that disagrees with the channel count, and ffprobe prints no layout
// for an unspecified one).
func MaskLayout(mask uint64, channels int) string {
	if mask == 0 || bits.OnesCount64(mask) != channels {
		return ""
	}
	return LayoutName(mask)
}

// DefaultLayout returns the name of FFmpeg's default layout for a channel
// count, the first standard layout with that many channels
// (av_channel_layout_default), which decoders such as mp3 set: "mono",
// "stereo", "2.1", "4.0", "5.0", "5.1", ..., or "" when there is none.
func DefaultLayout(channels int) string {
	for _, l := range layouts {
		if bits.OnesCount64(l.mask) == channels {
			return l.name
		}
	}
	return ""
}
