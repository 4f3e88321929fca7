package aac

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// field is one bit field of a hand-built bitstream: {width, value}.
type field [2]int

// pack writes fields MSB first and pads the last byte with zeros.
func pack(fields ...field) []byte {
	var out []byte
	var acc, n int
	for _, f := range fields {
		for i := f[0] - 1; i >= 0; i-- {
			acc = acc<<1 | (f[1]>>i)&1
			n++
			if n == 8 {
				out = append(out, byte(acc))
				acc, n = 0, 0
			}
		}
	}
	if n > 0 {
		out = append(out, byte(acc<<(8-n)))
	}
	return out
}

func TestParseAudioSpecificConfig(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		profile  string
		rate     int
		channels int
		layout   string
		sbr, ps  bool
	}{
		{
			name: "lc 44100 stereo",
			in: pack(
				field{5, 2},  // audioObjectType: AAC LC
				field{4, 4},  // samplingFrequencyIndex: 44100
				field{4, 2},  // channelConfiguration: 2
				field{1, 0},  // frameLengthFlag
				field{1, 0},  // dependsOnCoreCoder
				field{1, 0}), // extensionFlag
			profile: "LC", rate: 44100, channels: 2, layout: "stereo",
		},
		{
			name: "main 48000 5.1",
			in: pack(
				field{5, 1},  // audioObjectType: AAC Main
				field{4, 3},  // samplingFrequencyIndex: 48000
				field{4, 6},  // channelConfiguration: 6
				field{3, 0}), // GASpecificConfig flags
			profile: "Main", rate: 48000, channels: 6, layout: "5.1",
		},
		{
			// The esds of taglib's zero-length-mdat.m4a (ffprobe: HE-AAC,
			// 44100 Hz, 1 channel, mono).
			name: "backward compatible sbr sync extension, ps absent",
			in: pack(
				field{5, 2},      // audioObjectType: AAC LC
				field{4, 7},      // samplingFrequencyIndex: 22050
				field{4, 1},      // channelConfiguration: 1
				field{3, 0},      // GASpecificConfig flags
				field{11, 0x2b7}, // syncExtensionType
				field{5, 5},      // extensionAudioObjectType: SBR
				field{1, 1},      // sbrPresentFlag
				field{4, 4},      // extensionSamplingFrequencyIndex: 44100
				field{11, 0x548}, // syncExtensionType: PS
				field{1, 0}),     // psPresentFlag
			profile: "HE-AAC", rate: 44100, channels: 1, layout: "mono", sbr: true,
		},
		{
			// The same esds bytes as they appear in the file, trailing
			// padding included.
			name:    "zero-length-mdat esds",
			in:      []byte{0x13, 0x88, 0x56, 0xe5, 0xa5, 0x48, 0x00},
			profile: "HE-AAC", rate: 44100, channels: 1, layout: "mono", sbr: true,
		},
		{
			name: "backward compatible sbr and ps",
			in: pack(
				field{5, 2}, field{4, 6}, field{4, 1}, field{3, 0}, // LC 24000 mono
				field{11, 0x2b7}, field{5, 5}, field{1, 1}, field{4, 3}, // SBR to 48000
				field{11, 0x548}, field{1, 1}), // psPresentFlag
			profile: "HE-AACv2", rate: 48000, channels: 2, layout: "stereo", sbr: true, ps: true,
		},
		{
			name: "hierarchical sbr stereo",
			in: pack(
				field{5, 5},  // audioObjectType: SBR
				field{4, 6},  // samplingFrequencyIndex: 24000
				field{4, 2},  // channelConfiguration: 2
				field{4, 3},  // extensionSamplingFrequencyIndex: 48000
				field{5, 2},  // audioObjectType: AAC LC
				field{3, 0}), // GASpecificConfig flags
			profile: "HE-AAC", rate: 48000, channels: 2, layout: "stereo", sbr: true,
		},
		{
			// Explicit SBR on a mono stream without PS signalling: the
			// decoder assumes PS may follow and outputs stereo.
			name: "hierarchical sbr mono",
			in: pack(
				field{5, 5}, field{4, 8}, field{4, 1}, // SBR, 16000, mono
				field{4, 5}, field{5, 2}, field{3, 0}), // to 32000, AAC LC
			profile: "HE-AAC", rate: 32000, channels: 2, layout: "stereo", sbr: true, ps: true,
		},
		{
			name: "hierarchical ps",
			in: pack(
				field{5, 29}, field{4, 6}, field{4, 1}, // PS, 24000, mono
				field{4, 3}, field{5, 2}, field{3, 0}), // to 48000, AAC LC
			profile: "HE-AACv2", rate: 48000, channels: 2, layout: "stereo", sbr: true, ps: true,
		},
		{
			name: "sync extension with the same rate is implicit",
			in: pack(
				field{5, 2}, field{4, 3}, field{4, 2}, field{3, 0}, // LC 48000 stereo
				field{11, 0x2b7}, field{5, 5}, field{1, 1}, field{4, 3}), // SBR at 48000
			profile: "LC", rate: 48000, channels: 2, layout: "stereo",
		},
		{
			name: "escape object type and explicit rate",
			in: pack(
				field{5, 31}, field{6, 7}, // audioObjectType: 32+7 = 39, ER AAC ELD
				field{4, 15}, field{24, 44100}, // explicit samplingFrequency
				field{4, 1}), // mono
			profile: "ELD", rate: 44100, channels: 1, layout: "mono",
		},
		{
			name: "pce with front cpe and lfe",
			in: pack(
				field{5, 2}, field{4, 3}, field{4, 0}, // LC 48000, config 0
				field{3, 0}, // GASpecificConfig flags
				// program_config_element
				field{4, 0}, field{2, 1}, field{4, 3}, // tag, object_type, sf index
				field{4, 1}, field{4, 0}, field{4, 0}, field{2, 1}, // 1 front, 0 side, 0 back, 1 lfe
				field{3, 0}, field{4, 0}, // assoc data, cc
				field{1, 0}, field{1, 0}, field{1, 0}, // mixdowns absent
				field{1, 1}, field{4, 0}, // front: CPE tag 0
				field{4, 0}), // lfe tag 0
			profile: "LC", rate: 48000, channels: 3, layout: "2.1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseAudioSpecificConfig(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.profile, c.Profile())
			assert.Equal(t, tt.rate, c.OutputSampleRate())
			assert.Equal(t, tt.channels, c.OutputChannels())
			assert.Equal(t, tt.layout, c.Layout())
			assert.Equal(t, tt.sbr, c.SBR)
			assert.Equal(t, tt.ps, c.PS)
		})
	}
}

func TestParseALS(t *testing.T) {
	in := pack(
		field{5, 31}, field{6, 4}, // audioObjectType: 32+4 = 36, ALS
		field{4, 4}, field{4, 0}, // samplingFrequencyIndex, channelConfiguration
		field{5, 0},           // fillBits
		field{32, 0x414C5300}, // "ALS\0"
		field{32, 96000},      // samp_freq
		field{32, 12345},      // samples
		field{16, 5},          // channels - 1
		field{16, 0})
	c, err := ParseAudioSpecificConfig(in)
	require.NoError(t, err)
	assert.Equal(t, "mp4als", c.CodecName())
	assert.Equal(t, 96000, c.OutputSampleRate())
	assert.Equal(t, 6, c.OutputChannels())

	_, err = ParseAudioSpecificConfig(in[:8])
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
}

func TestParseAudioSpecificConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		kind error
	}{
		{"empty", nil, container.ErrTruncated},
		{"one byte", []byte{0x12}, container.ErrTruncated},
		{"channel configuration 15", pack(field{5, 2}, field{4, 4}, field{4, 15}), container.ErrMalformed},
		{"explicit rate cut", pack(field{5, 2}, field{4, 15}, field{8, 0}), container.ErrTruncated},
		{"pce cut", pack(field{5, 2}, field{4, 4}, field{4, 0}, field{3, 0}, field{4, 0}, field{2, 1}, field{4, 4}, field{4, 15}), container.ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAudioSpecificConfig(tt.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.kind), "%v", err)
		})
	}
}

func TestProfileName(t *testing.T) {
	for ot, want := range map[int]string{1: "Main", 2: "LC", 3: "SSR", 4: "LTP", 5: "HE-AAC", 23: "LD", 29: "HE-AACv2", 39: "ELD", 17: "16"} {
		assert.Equal(t, want, ProfileName(ot), "object type %d", ot)
	}
}

// TestSyncExtensionCutInsideSamplingIndex pins how a field cut by the end
// reads after a sync extension (getWhole): as 0, as this package's bit
// reader read it before internal/bits, not as the bits left followed by
// zero padding (which get_bits would give: index 8, 16000 Hz). ffprobe 5.1
// prints neither for an m4a with this configuration and plain AAC LC
// frames: 44100 Hz, profile LC.
func TestSyncExtensionCutInsideSamplingIndex(t *testing.T) {
	in := pack(
		field{5, 2}, field{4, 4}, field{4, 2}, // LC, 44100 Hz, stereo
		field{1, 0},      // a bit before the sync word
		field{11, 0x2b7}, // syncExtensionType
		field{5, 5},      // extensionAudioObjectType: SBR
		field{1, 1},      // sbrPresentFlag
		field{1, 1})      // the first bit of extensionSamplingFrequencyIndex; then the end
	require.Len(t, in, 4)
	c, err := ParseAudioSpecificConfig(in)
	require.NoError(t, err)
	assert.True(t, c.SBR)
	assert.Equal(t, 0, c.ExtSamplingIndex)
	assert.Equal(t, 96000, c.OutputSampleRate())
}
