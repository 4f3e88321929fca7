package codec

import "encoding/binary"

// Core Audio channel layout tags (CoreAudioTypes.h
// kAudioChannelLayoutTag_*): the high 16 bits name the layout, the low 16
// bits count its channels. Two tags are not layouts but say where the
// layout is: in the channel descriptions or in the bitmap.
const (
	CoreAudioUseDescriptions = 0
	CoreAudioUseBitmap       = 1 << 16
)

// coreAudioLayouts maps a layout tag's high 16 bits to FFmpeg's mask as
// libavformat/mov_chan.c mov_ch_layout_map does; tags FFmpeg maps to no mask
// are absent. QuickTime's 'chan' atom, AIFF's CHAN chunk and CAF's 'chan'
// chunk all carry this AudioChannelLayout.
var coreAudioLayouts = map[uint32]uint64{
	100: LayoutMono,                                 // Mono
	101: LayoutStereo,                               // Stereo
	102: LayoutStereo,                               // StereoHeadphones
	103: LayoutStereoDownmix,                        // MatrixStereo
	104: LayoutStereo,                               // MidSide
	105: LayoutStereo,                               // XY
	106: LayoutStereo,                               // Binaural
	108: LayoutQuad,                                 // Quadraphonic
	109: Layout5Point0Back,                          // Pentagonal
	110: LayoutHexagonal,                            // Hexagonal
	111: LayoutOctagonal,                            // Octagonal
	112: LayoutQuad | ChTFL | ChTFR | ChTBL | ChTBR, // Cube
	113: LayoutSurround, 114: LayoutSurround,        // MPEG 3.0 A, B
	115: Layout4Point0, 116: Layout4Point0, // MPEG 4.0 A, B
	117: Layout5Point0, 118: Layout5Point0, // MPEG 5.0 A, B
	119: Layout5Point0, 120: Layout5Point0, // MPEG 5.0 C, D
	121: Layout5Point1, 122: Layout5Point1, // MPEG 5.1 A, B
	123: Layout5Point1, 124: Layout5Point1, // MPEG 5.1 C, D
	125: Layout6Point1,                                 // MPEG 6.1 A
	126: Layout7Point1Wide, 127: Layout7Point1WideBack, // MPEG 7.1 A (7.1(wide-side) in ffprobe 5.1), B
	128: Layout7Point1,                 // MPEG 7.1 C
	129: Layout7Point1WideBack,         // Emagic default 7.1
	130: Layout5Point1 | ChDL | ChDR,   // SMPTE DTV
	131: Layout2_1,                     // ITU 2.1
	132: Layout2_2,                     // ITU 2.2
	133: Layout2Point1,                 // DVD 4
	134: Layout2_1 | ChLFE,             // DVD 5
	135: Layout2_2 | ChLFE,             // DVD 6
	136: Layout3Point1,                 // DVD 10
	137: Layout4Point1,                 // DVD 11
	138: Layout2_2 | ChLFE,             // DVD 18
	139: Layout6Point0,                 // AudioUnit 6.0
	140: Layout7Point0,                 // AudioUnit 7.0
	141: Layout6Point0,                 // AAC 6.0
	142: Layout6Point1,                 // AAC 6.1
	143: Layout7Point0,                 // AAC 7.0
	144: LayoutOctagonal,               // AAC octagonal
	148: Layout7Point0Front,            // AudioUnit 7.0 front
	149: LayoutMono | ChLFE,            // AC-3 1/0.1
	150: LayoutSurround,                // AC-3 3/0
	151: Layout4Point0,                 // AC-3 3/1
	152: Layout3Point1,                 // AC-3 3/0.1
	153: Layout2_1 | ChLFE,             // AC-3 2/1.1
	154: Layout4Point1,                 // AC-3 3/1.1
	155: Layout6Point0,                 // E-AC-3 6.0 A
	156: Layout7Point0,                 // E-AC-3 7.0 A
	157: Layout6Point1,                 // E-AC-3 6.1 A
	158: Layout5Point1 | ChTC,          // E-AC-3 6.1 B
	159: Layout5Point1 | ChTFC,         // E-AC-3 6.1 C
	160: Layout7Point1,                 // E-AC-3 7.1 A
	161: Layout7Point1WideBack,         // E-AC-3 7.1 B
	162: Layout5Point1 | ChSDL | ChSDR, // E-AC-3 7.1 C
	168: Layout3Point1,                 // DTS 3.1
	169: Layout4Point1,                 // DTS 4.1
	170: Layout6Point0Front,            // DTS 6.0 A
	171: Layout5Point0Back | ChTC,      // DTS 6.0 B
	172: LayoutHexagonal,               // DTS 6.0 C
	173: Layout6Point1Front,            // DTS 6.1 A
	174: Layout5Point1Back | ChTC,      // DTS 6.1 B
	175: Layout6Point1Back,             // DTS 6.1 C
	176: Layout7Point0Front,            // DTS 7.0
	177: Layout7Point1WideBack,         // DTS 7.1
	182: Layout6Point1,                 // DTS 6.1 D
}

// CoreAudioLayout returns FFmpeg's mask for a Core Audio layout tag
// (mov_chan.c mov_get_channel_layout), 0 for the tags it does not map and
// for the two that refer to descriptions or a bitmap.
func CoreAudioLayout(tag uint32) uint64 {
	return coreAudioLayouts[tag>>16]
}

// CoreAudioLabel returns the speaker bit of a channel description's label
// (mov_chan.c mov_get_channel_mask): labels 1 to 18 are the WAVE speakers
// in order, 35 and 36 the wide pair, 37 the second LFE, 38 and 39 the
// downmix pair; 0 for the others, which FFmpeg cannot place.
func CoreAudioLabel(label uint32) uint64 {
	switch {
	case label >= 1 && label <= 18:
		return 1 << (label - 1)
	case label == 35:
		return ChWL
	case label == 36:
		return ChWR
	case label == 37:
		return ChLFE2
	case label == 38:
		return ChDL
	case label == 39:
		return ChDR
	}
	return 0
}

// CoreAudioChannelMask returns FFmpeg's mask for an AudioChannelLayout
// (the body of a CAF 'chan' chunk or a QuickTime 'chan' atom after its
// version and flags), as ff_mov_read_chan computes it: b holds the layout
// tag, the bitmap, the description count and as many 20-byte channel
// descriptions as the caller read. With descriptions, every label must map
// to a speaker of a higher bit than the ones before, or there is no mask;
// a bitmap counts only below bit 18; a tag is looked up with its channel
// count (mov_get_channel_layout). 0 means no mask.
func CoreAudioChannelMask(b []byte) uint64 {
	if len(b) < 12 {
		return 0
	}
	tag := binary.BigEndian.Uint32(b)
	bitmap := binary.BigEndian.Uint32(b[4:])
	switch tag {
	case CoreAudioUseDescriptions:
		var mask uint64
		n := binary.BigEndian.Uint32(b[8:])
		for i := 0; uint32(i) < n && 12+20*(i+1) <= len(b); i++ {
			m := CoreAudioLabel(binary.BigEndian.Uint32(b[12+20*i:]))
			if m == 0 || m <= mask {
				return 0
			}
			mask |= m
		}
		return mask
	case CoreAudioUseBitmap:
		if bitmap < 0x40000 {
			return uint64(bitmap)
		}
		return 0
	}
	// mov_ch_layout_map is indexed by the tag's channel count (counts above
	// 9 share the list of tags with none) and holds whole tags.
	m := CoreAudioLayout(tag)
	if n := int(tag & 0xffff); n > 9 || n != LayoutChannels(m) {
		return 0
	}
	return m
}
