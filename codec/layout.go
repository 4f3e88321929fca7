package codec

import (
	"math/bits"
	"strconv"
	"strings"
)

// Speaker position bits of a WAVEFORMATEXTENSIBLE dwChannelMask, which are
// also FFmpeg's AV_CH_* bits (libavutil/channel_layout.h). A channel layout
// is a mask of them, as AVChannelLayout's native order keeps it.
const (
	ChFL   = 1 << 0  // front left
	ChFR   = 1 << 1  // front right
	ChFC   = 1 << 2  // front centre
	ChLFE  = 1 << 3  // low frequency
	ChBL   = 1 << 4  // back left
	ChBR   = 1 << 5  // back right
	ChFLC  = 1 << 6  // front left of centre
	ChFRC  = 1 << 7  // front right of centre
	ChBC   = 1 << 8  // back centre
	ChSL   = 1 << 9  // side left
	ChSR   = 1 << 10 // side right
	ChTC   = 1 << 11 // top centre
	ChTFL  = 1 << 12 // top front left
	ChTFC  = 1 << 13 // top front centre
	ChTFR  = 1 << 14 // top front right
	ChTBL  = 1 << 15 // top back left
	ChTBC  = 1 << 16 // top back centre
	ChTBR  = 1 << 17 // top back right
	ChDL   = 1 << 29 // stereo downmix left
	ChDR   = 1 << 30 // stereo downmix right
	ChWL   = 1 << 31 // wide left
	ChWR   = 1 << 32 // wide right
	ChSDL  = 1 << 33 // surround direct left
	ChSDR  = 1 << 34 // surround direct right
	ChLFE2 = 1 << 35 // second low frequency
	ChTSL  = 1 << 36 // top side left
	ChTSR  = 1 << 37 // top side right
	ChBFC  = 1 << 38 // bottom front centre
	ChBFL  = 1 << 39 // bottom front left
	ChBFR  = 1 << 40 // bottom front right
)

// FFmpeg 5.1's standard layouts, named as libavutil/channel_layout.h names
// them (AV_CH_LAYOUT_5POINT1_BACK is Layout5Point1Back). Their printed
// names are in layouts below.
const (
	LayoutMono            = ChFC
	LayoutStereo          = ChFL | ChFR
	Layout2Point1         = LayoutStereo | ChLFE
	Layout2_1             = LayoutStereo | ChBC
	LayoutSurround        = LayoutStereo | ChFC
	Layout3Point1         = LayoutSurround | ChLFE
	Layout4Point0         = LayoutSurround | ChBC
	Layout4Point1         = Layout4Point0 | ChLFE
	Layout2_2             = LayoutStereo | ChSL | ChSR
	LayoutQuad            = LayoutStereo | ChBL | ChBR
	Layout5Point0         = LayoutSurround | ChSL | ChSR
	Layout5Point1         = Layout5Point0 | ChLFE
	Layout5Point0Back     = LayoutSurround | ChBL | ChBR
	Layout5Point1Back     = Layout5Point0Back | ChLFE
	Layout6Point0         = Layout5Point0 | ChBC
	Layout6Point0Front    = Layout2_2 | ChFLC | ChFRC
	LayoutHexagonal       = Layout5Point0Back | ChBC
	Layout6Point1         = Layout5Point1 | ChBC
	Layout6Point1Back     = Layout5Point1Back | ChBC
	Layout6Point1Front    = Layout6Point0Front | ChLFE
	Layout7Point0         = Layout5Point0 | ChBL | ChBR
	Layout7Point0Front    = Layout5Point0 | ChFLC | ChFRC
	Layout7Point1         = Layout5Point1 | ChBL | ChBR
	Layout7Point1Wide     = Layout5Point1 | ChFLC | ChFRC
	Layout7Point1WideBack = Layout5Point1Back | ChFLC | ChFRC
	LayoutOctagonal       = Layout5Point0 | ChBL | ChBC | ChBR
	LayoutHexadecagonal   = LayoutOctagonal | ChWL | ChWR | ChTBL | ChTBR | ChTBC | ChTFC | ChTFL | ChTFR
	LayoutStereoDownmix   = ChDL | ChDR
	Layout22Point2        = Layout5Point1Back | ChFLC | ChFRC | ChBC | ChLFE2 | ChSL | ChSR | ChTFL | ChTFR |
		ChTFC | ChTC | ChTBL | ChTBR | ChTSL | ChTSR | ChTBC | ChBFC | ChBFL | ChBFR
)

// namedLayout is one row of libavutil/channel_layout.c channel_layout_map.
type namedLayout struct {
	name string
	mask uint64
}

// layouts is channel_layout_map of FFmpeg 5.1, in its order: the first row
// with a mask gives its name, and the first row with a channel count is
// av_channel_layout_default's layout for it. This is the only table of
// layout names.
var layouts = []namedLayout{
	{"mono", LayoutMono},
	{"stereo", LayoutStereo},
	{"2.1", Layout2Point1},
	{"3.0", LayoutSurround},
	{"3.0(back)", Layout2_1},
	{"4.0", Layout4Point0},
	{"quad", LayoutQuad},
	{"quad(side)", Layout2_2},
	{"3.1", Layout3Point1},
	{"5.0", Layout5Point0Back},
	{"5.0(side)", Layout5Point0},
	{"4.1", Layout4Point1},
	{"5.1", Layout5Point1Back},
	{"5.1(side)", Layout5Point1},
	{"6.0", Layout6Point0},
	{"6.0(front)", Layout6Point0Front},
	{"hexagonal", LayoutHexagonal},
	{"6.1", Layout6Point1},
	{"6.1(back)", Layout6Point1Back},
	{"6.1(front)", Layout6Point1Front},
	{"7.0", Layout7Point0},
	{"7.0(front)", Layout7Point0Front},
	{"7.1", Layout7Point1},
	{"7.1(wide)", Layout7Point1WideBack},
	{"7.1(wide-side)", Layout7Point1Wide},
	{"octagonal", LayoutOctagonal},
	{"hexadecagonal", LayoutHexadecagonal},
	{"downmix", LayoutStereoDownmix},
	{"22.2", Layout22Point2},
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

// DefaultLayout returns the name of FFmpeg 5.1's default layout for a
// channel count (av_channel_layout_default): the first standard layout with
// that many channels, "mono", "stereo", "2.1", "4.0", "5.0", "5.1", "6.1",
// "7.1", "hexadecagonal" (16) or "22.2" (24); "" for other counts, which
// FFmpeg leaves unspecified.
func DefaultLayout(channels int) string {
	return LayoutName(DefaultMask(channels))
}

// DefaultMask is DefaultLayout as a mask, 0 when there is none.
func DefaultMask(channels int) uint64 {
	for _, l := range layouts {
		if bits.OnesCount64(l.mask) == channels {
			return l.mask
		}
	}
	return 0
}

// LayoutChannels returns the number of channels of a layout mask.
func LayoutChannels(mask uint64) int { return bits.OnesCount64(mask) }

// ac3Layouts is ff_ac3_channel_layout_tab (libavcodec/ac3tab.c), the
// channels of each AC-3 audio coding mode without the LFE: 1+1 (dual mono,
// output as stereo), 1/0, 2/0, 3/0, 2/1, 3/1, 2/2, 3/2.
var ac3Layouts = [8]uint64{
	LayoutStereo, LayoutMono, LayoutStereo, LayoutSurround,
	Layout2_1, Layout4Point0, Layout2_2, Layout5Point0,
}

// AC3Layout returns the layout an AC-3 or E-AC-3 acmod (3 bits) and lfeon
// flag describe, as the decoder and mov.c (mov_read_dac3, mov_read_dec3)
// derive it: ff_ac3_channel_layout_tab[acmod], plus LFE when lfeon is set.
func AC3Layout(acmod uint, lfe bool) uint64 {
	mask := ac3Layouts[acmod&7]
	if lfe {
		mask |= ChLFE
	}
	return mask
}
