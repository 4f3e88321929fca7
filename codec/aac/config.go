package aac

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// AudioSpecificConfig is the MPEG-4 audio decoder configuration (ISO/IEC
// 14496-3, 1.6.2.1), as FFmpeg's avpriv_mpeg4audio_get_config2 reads it
// from an esds DecoderSpecificInfo, followed by what the AAC decoder's
// initialisation adds (aacdec_template.c decode_ga_specific_config). The
// fields keep the spec's meaning; the methods give what ffprobe prints.
type AudioSpecificConfig struct {
	// ObjectType is the core audio object type: for explicit hierarchical
	// SBR/PS signalling (object type 5 or 29 first) it is the type that
	// follows, as in FFmpeg's MPEG4AudioConfig.object_type.
	ObjectType int
	// SamplingIndex is the core samplingFrequencyIndex (15: explicit rate).
	SamplingIndex int
	// SampleRate is the core sampling rate in Hz.
	SampleRate int
	// ChannelConfig is channelConfiguration (0: given by a PCE).
	ChannelConfig int
	// Channels is the channel count of ChannelConfig, or of the program
	// config element when ChannelConfig is 0.
	Channels int
	// ExtObjectType is 5 (SBR) when SBR is signalled explicitly, else 0.
	ExtObjectType int
	// ExtSamplingIndex and ExtSampleRate are the SBR output rate, when
	// signalled.
	ExtSamplingIndex int
	ExtSampleRate    int
	// SBR reports explicit SBR signalling (FFmpeg's sbr == 1).
	SBR bool
	// PS reports parametric stereo as the decoder ends up assuming it
	// (FFmpeg's ps == 1 after decode_ga_specific_config): signalled, or
	// implied by explicit SBR on a mono stream.
	PS bool
	// PSSignalled reports PS signalled explicitly (object type 29 or a
	// 0x548 sync extension with psPresentFlag set).
	PSSignalled bool
	// FrameLengthShort is frameLengthFlag: 960-sample frames.
	FrameLengthShort bool
	// PCE is the program config element that follows a GASpecificConfig
	// with ChannelConfig 0, if any.
	PCE *ProgramConfig
}

// ParseAudioSpecificConfig reads an AudioSpecificConfig. Like FFmpeg (with
// sync_extension set, as the mp4 and matroska demuxers call it) it looks
// for a backward-compatible SBR/PS sync extension (0x2b7) at any bit
// position after the core fields. Errors wrap container.ErrTruncated,
// ErrMalformed or ErrUnsupported.
func ParseAudioSpecificConfig(b []byte) (AudioSpecificConfig, error) {
	var c AudioSpecificConfig
	r := bits.NewReader(b)
	c.ObjectType = readObjectType(r)
	c.SamplingIndex, c.SampleRate = readSampleRate(r)
	c.ChannelConfig = int(r.Bits(4))
	if r.Err() != nil {
		return c, demuxkit.Errorf("aac", "AudioSpecificConfig", 0, container.ErrTruncated, "%d bytes", len(b))
	}
	if c.ChannelConfig >= len(channelsByConfig) {
		return c, demuxkit.Errorf("aac", "AudioSpecificConfig", 0, container.ErrMalformed, "channel configuration %d", c.ChannelConfig)
	}
	c.Channels = channelsByConfig[c.ChannelConfig]
	sbr, ps := -1, -1
	if c.ObjectType == AOTSBR || c.ObjectType == AOTPS && !mp3OnMP4(r) {
		if c.ObjectType == AOTPS {
			ps = 1
			c.PSSignalled = true
		}
		c.ExtObjectType = AOTSBR
		sbr = 1
		c.ExtSamplingIndex, c.ExtSampleRate = readSampleRate(r)
		c.ObjectType = readObjectType(r)
		if c.ObjectType == AOTERBSAC {
			r.Skip(4) // extensionChannelConfiguration
		}
	}
	if r.Err() != nil {
		return c, demuxkit.Errorf("aac", "AudioSpecificConfig", 0, container.ErrTruncated, "%d bytes", len(b))
	}
	// Where the decoder's reading goes on from: a copy of the reader, as
	// FFmpeg copies its GetBitContext.
	specific := *r
	if c.ObjectType == AOTALS {
		if err := parseALS(r, &c); err != nil {
			return c, err
		}
		specific = *r
	}

	// Scan for the sync extension bit by bit, without parsing the
	// GASpecificConfig, as mpeg4audio.c ff_mpeg4audio_get_config_gb does.
	if c.ExtObjectType != AOTSBR {
		for r.Left() > 15 {
			if r.Peek(11) != 0x2b7 {
				r.Skip(1)
				continue
			}
			r.Skip(11)
			c.ExtObjectType = readObjectType(r)
			if c.ExtObjectType == AOTSBR {
				sbr = int(r.Bit())
				if sbr == 1 {
					c.ExtSamplingIndex, c.ExtSampleRate = readSampleRate(r)
					if c.ExtSampleRate == c.SampleRate {
						sbr = -1
					}
				}
			}
			if r.Left() > 11 && r.Bits(11) == 0x548 {
				ps = int(r.Bit())
				c.PSSignalled = ps == 1
			}
			break
		}
	}
	// PS requires SBR; implicit PS is limited to mono AAC LC
	// (ff_mpeg4audio_get_config_gb).
	if sbr == 0 {
		ps = 0
	}
	if ps == -1 && c.ObjectType != AOTLC || c.Channels > 1 {
		ps = 0
	}

	// What the decoder's initialisation reads next (aacdec_template.c
	// decode_audio_specific_config_gb, decode_ga_specific_config).
	*r = specific
	switch c.ObjectType {
	case AOTMain, AOTLC, AOTSSR, AOTLTP, 6 /* scalable */, 7 /* TwinVQ */, 17, 19, 20, 21, AOTERLD:
		c.FrameLengthShort = r.Flag()
		if r.Flag() { // dependsOnCoreCoder
			r.Skip(14) // coreCoderDelay
		}
		r.Skip(1) // extensionFlag; layerNr and the extension fields follow the PCE
		if c.ChannelConfig == 0 && r.Err() == nil {
			pce, err := parsePCE(r)
			if err != nil {
				return c, err
			}
			c.PCE = &pce
			c.Channels = pce.Channels()
		}
	}
	// decode_ga_specific_config: more than one channel rules PS out; a mono
	// stream with explicit SBR and no PS signalling may carry PS, so the
	// decoder prepares stereo output.
	if c.Channels > 1 {
		ps = 0
	} else if sbr == 1 && ps == -1 {
		ps = 1
	}
	c.SBR = sbr == 1
	c.PS = ps == 1
	return c, nil
}

// mp3OnMP4 reports the W6132 Annex YYYY draft "MP3onMP4" layout that
// FFmpeg distinguishes from object type 29 (PS) by peeking at the next bits.
func mp3OnMP4(r *bits.Reader) bool {
	return r.Peek(3)&0x03 != 0 && r.Peek(9)&0x3f == 0
}

// readObjectType reads audioObjectType with its escape (14496-3 1.6.2.1).
func readObjectType(r *bits.Reader) int {
	t := int(getWhole(r, 5))
	if t == AOTESCAPE {
		t = 32 + int(getWhole(r, 6))
	}
	return t
}

// readSampleRate reads samplingFrequencyIndex and, for index 15, the
// explicit 24-bit rate.
func readSampleRate(r *bits.Reader) (index, rate int) {
	index = int(getWhole(r, 4))
	if index == 15 {
		return index, int(getWhole(r, 24))
	}
	return index, sampleRates[index]
}

// getWhole reads a field that must fit whole: when fewer than n bits are
// left it reads 0 and ends the reading. That is how this package's own bit
// reader read before internal/bits, where FFmpeg's get_bits (and
// internal/bits) keep the bits that are left, padded with zeros. The two
// differ only where no error check follows the field: the object type and
// sampling index after a 0x2b7 sync extension found in the last 21 bits.
// It is kept so that the move to internal/bits changed no result.
func getWhole(r *bits.Reader, n int) uint64 {
	if r.Left() < n {
		r.Skip(n)
		return 0
	}
	return r.Bits(n)
}

// OutputSampleRate is the sample rate ffprobe prints: the SBR rate when one
// is signalled (isom.c ff_mp4_read_dec_config_descr prefers
// ext_sample_rate), else the core rate. Implicit SBR, which only decoding
// reveals, is not seen.
func (c AudioSpecificConfig) OutputSampleRate() int {
	if c.ExtSampleRate != 0 {
		return c.ExtSampleRate
	}
	return c.SampleRate
}

// OutputChannels is the channel count ffprobe prints: a mono stream that
// may carry parametric stereo is decoded to two channels (aacdec_template.c
// che_configure gives an SCE two outputs when ps == 1).
func (c AudioSpecificConfig) OutputChannels() int {
	if c.PS && c.Channels == 1 {
		return 2
	}
	return c.Channels
}

// Layout is the channel layout name ffprobe prints for the decoder's
// output ("" when unknown).
func (c AudioSpecificConfig) Layout() string {
	if c.PS && c.Channels == 1 {
		return "stereo"
	}
	if c.ChannelConfig == 0 {
		if c.PCE != nil {
			return c.PCE.Layout()
		}
		return ""
	}
	return ChannelLayout(c.ChannelConfig)
}

// Profile is the profile ffprobe prints once the decoder has decoded a
// frame; ffprobe prints none for a track with no decodable frame (an init
// segment, a truncated file), because aacdec_template.c sets the profile
// per frame, not from the configuration. FFmpeg's AAC profiles are the
// object type minus one; the decoder raises LC to HE-AAC when it meets SBR
// and to HE-AACv2 when it meets PS data (aacdec_template.c
// decode_extension_payload, aacsbr_template.c read_sbr_extension). Here the
// signalling stands for the data: explicit SBR gives "HE-AAC", explicit PS
// "HE-AACv2".
func (c AudioSpecificConfig) Profile() string {
	switch {
	case c.PSSignalled && c.SBR:
		return ProfileName(AOTPS)
	case c.SBR:
		return ProfileName(AOTSBR)
	}
	return ProfileName(c.ObjectType)
}

// parseALS reads the start of an ALSSpecificConfig (ISO/IEC 14496-3
// 11.6.1) as mpeg4audio.c parse_config_ALS does: the sample rate and the
// channel count replace the AudioSpecificConfig's.
func parseALS(r *bits.Reader, c *AudioSpecificConfig) error {
	r.Skip(5) // fillBits
	// Some writers put 24 more bits before the signature; FFmpeg skips
	// them unless the next 24 bits are "ALS".
	if r.Peek(24) != 0x414C53 {
		r.Skip(24)
	}
	if r.Left() < 112 || r.Bits(32) != 0x414C5300 { // "ALS\0"
		return demuxkit.Errorf("aac", "ALSSpecificConfig", 0, container.ErrMalformed, "no ALS signature")
	}
	rate := int32(r.Bits(32))
	if rate <= 0 {
		return demuxkit.Errorf("aac", "ALSSpecificConfig", 0, container.ErrMalformed, "sample rate %d", rate)
	}
	c.SampleRate = int(rate)
	r.Skip(32) // samples
	c.ChannelConfig = 0
	c.Channels = int(r.Bits(16)) + 1
	return nil
}

// CodecName is the ffmpeg codec an MP4 sample entry with this
// configuration gets (isom.c ff_mp4_read_dec_config_descr, mp4_audio_types):
// MPEG-1/2 audio layers 1-3 for object types 32-34, ALS for 36, AAC
// otherwise.
func (c AudioSpecificConfig) CodecName() string {
	switch c.ObjectType {
	case 32:
		return "mp1"
	case 33:
		return "mp2"
	case 34:
		return "mp3"
	case AOTALS:
		return "mp4als"
	}
	return "aac"
}
