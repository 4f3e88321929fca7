package aiff

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// Core Audio channel layout tags (CoreAudioTypes.h): the high 16 bits name
// the layout, the low 16 bits count its channels.
const (
	layoutUseDescriptions = 0
	layoutUseBitmap       = 1 << 16
)

// Speaker bits, as in a WAVEFORMATEXTENSIBLE mask.
const (
	spFL, spFR, spFC, spLFE    = 1 << 0, 1 << 1, 1 << 2, 1 << 3
	spBL, spBR, spFLC, spFRC   = 1 << 4, 1 << 5, 1 << 6, 1 << 7
	spBC, spSL, spSR, spTC     = 1 << 8, 1 << 9, 1 << 10, 1 << 11
	spTFC                      = 1 << 13
	spTFL, spTFR, spTBL, spTBR = 1 << 12, 1 << 14, 1 << 15, 1 << 17
	spDL, spDR                 = 1 << 29, 1 << 30
	spSDL, spSDR               = 1 << 33, 1 << 34
)

// Masks of the standard layouts the table below uses.
const (
	mStereo   = spFL | spFR
	mSurround = mStereo | spFC
	m2_1      = mStereo | spBC
	m2_2      = mStereo | spSL | spSR
	mQuad     = mStereo | spBL | spBR
	m4_0      = mSurround | spBC
	m5_0      = mSurround | spSL | spSR
	m5_0Back  = mSurround | spBL | spBR
	m5_1      = m5_0 | spLFE
	m5_1Back  = m5_0Back | spLFE
	m6_0Front = m2_2 | spFLC | spFRC
)

// coreAudioLayouts maps the layout tags to FFmpeg's masks as
// libavformat/mov_chan.c mov_ch_layout_map does, keyed by the tag's high 16
// bits; tags FFmpeg maps to no mask are absent.
var coreAudioLayouts = map[uint32]uint64{
	100: spFC,                                  // Mono
	101: mStereo,                               // Stereo
	102: mStereo,                               // StereoHeadphones
	103: spDL | spDR,                           // MatrixStereo
	104: mStereo,                               // MidSide
	105: mStereo,                               // XY
	106: mStereo,                               // Binaural
	108: mQuad,                                 // Quadraphonic
	109: m5_0Back,                              // Pentagonal
	110: m5_0Back | spBC,                       // Hexagonal
	111: m5_0 | spBL | spBC | spBR,             // Octagonal
	112: mQuad | spTFL | spTFR | spTBL | spTBR, // Cube
	113: mSurround, 114: mSurround,             // MPEG 3.0 A, B
	115: m4_0, 116: m4_0, // MPEG 4.0 A, B
	117: m5_0, 118: m5_0, 119: m5_0, 120: m5_0, // MPEG 5.0 A-D
	121: m5_1, 122: m5_1, 123: m5_1, 124: m5_1, // MPEG 5.1 A-D
	125: m5_1 | spBC,                                             // MPEG 6.1 A
	126: m5_1Back | spFLC | spFRC, 127: m5_1Back | spFLC | spFRC, // MPEG 7.1 A, B
	128: m5_1 | spBL | spBR,        // MPEG 7.1 C
	129: m5_1Back | spFLC | spFRC,  // Emagic default 7.1
	130: m5_1 | spDL | spDR,        // SMPTE DTV
	131: m2_1,                      // ITU 2.1
	132: m2_2,                      // ITU 2.2
	133: mStereo | spLFE,           // DVD 4
	134: m2_1 | spLFE,              // DVD 5
	135: m2_2 | spLFE,              // DVD 6
	136: mSurround | spLFE,         // DVD 10
	137: m4_0 | spLFE,              // DVD 11
	138: m2_2 | spLFE,              // DVD 18
	139: m5_0 | spBC,               // AudioUnit 6.0
	140: m5_0 | spBL | spBR,        // AudioUnit 7.0
	141: m5_0 | spBC,               // AAC 6.0
	142: m5_1 | spBC,               // AAC 6.1
	143: m5_0 | spBL | spBR,        // AAC 7.0
	144: m5_0 | spBL | spBC | spBR, // AAC octagonal
	148: m5_0 | spFLC | spFRC,      // AudioUnit 7.0 front
	149: spFC | spLFE,              // AC-3 1/0.1
	150: mSurround,                 // AC-3 3/0
	151: m4_0,                      // AC-3 3/1
	152: mSurround | spLFE,         // AC-3 3/0.1
	153: m2_1 | spLFE,              // AC-3 2/1.1
	154: m4_0 | spLFE,              // AC-3 3/1.1
	155: m5_0 | spBC,               // E-AC-3 6.0 A
	156: m5_0 | spBL | spBR,        // E-AC-3 7.0 A
	157: m5_1 | spBC,               // E-AC-3 6.1 A
	158: m5_1 | spTC,               // E-AC-3 6.1 B
	159: m5_1 | spTFC,              // E-AC-3 6.1 C
	160: m5_1 | spBL | spBR,        // E-AC-3 7.1 A
	161: m5_1Back | spFLC | spFRC,  // E-AC-3 7.1 B
	162: m5_1 | spSDL | spSDR,      // E-AC-3 7.1 C
	168: mSurround | spLFE,         // DTS 3.1
	169: m4_0 | spLFE,              // DTS 4.1
	170: m6_0Front,                 // DTS 6.0 A
	171: m5_0Back | spTC,           // DTS 6.0 B
	172: m5_0Back | spBC,           // DTS 6.0 C
	173: m6_0Front | spLFE,         // DTS 6.1 A
	174: m5_1Back | spTC,           // DTS 6.1 B
	175: m5_1Back | spBC,           // DTS 6.1 C
	176: m5_0 | spFLC | spFRC,      // DTS 7.0
	177: m5_1Back | spFLC | spFRC,  // DTS 7.1
	182: m5_1 | spBC,               // DTS 6.1 D
}

// descriptionLabel maps a channel description's label to its speaker bit
// (mov_chan.c mov_get_channel_label): labels 1 to 18 are the WAVE
// speakers in order, 38 and 39 the downmix pair; others are unknown.
func descriptionLabel(label uint32) uint64 {
	switch {
	case label >= 1 && label <= 18:
		return 1 << (label - 1)
	case label == 38:
		return spDL
	case label == 39:
		return spDR
	}
	return 0
}

// readCHAN reads a CHAN chunk, a CoreAudio AudioChannelLayout as in CAF,
// for the stream's channel layout, as ff_mov_read_chan does: a layout tag,
// a bitmap, or a list of channel descriptions. Layouts FFmpeg cannot map
// leave the layout unspecified.
func readCHAN(r *reader, off, size int64, st *container.Stream) error {
	if size < 12 {
		return container.Errorf(name, "CHAN", off, container.ErrMalformed, "CHAN of %d bytes", size)
	}
	var b [12]byte
	if err := r.fill(b[:], off); err != nil {
		return err
	}
	tag := binary.BigEndian.Uint32(b[:])
	bitmap := binary.BigEndian.Uint32(b[4:])
	count := int64(binary.BigEndian.Uint32(b[8:]))
	if size < 12+count*20 {
		return nil // mov_chan.c ignores an inconsistent chunk
	}
	var mask uint64
	switch tag {
	case layoutUseDescriptions:
		for i := int64(0); i < count; i++ {
			if err := r.src.Budget().Visit(name, "CHAN description", off+12+20*i); err != nil {
				return err
			}
			var d [4]byte
			if err := r.fill(d[:], off+12+20*i); err != nil {
				return err
			}
			m := descriptionLabel(binary.BigEndian.Uint32(d[:]))
			if m == 0 {
				mask = 0
				break
			}
			mask |= m
		}
	case layoutUseBitmap:
		mask = uint64(bitmap)
	default:
		mask = coreAudioLayouts[tag>>16]
	}
	if mask != 0 {
		st.ChannelLayout = codec.LayoutName(mask)
	}
	return nil
}
