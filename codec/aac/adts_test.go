package aac

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// adtsHeader builds a 7-byte ADTS header (14496-3 1.A.2.2).
func adtsHeader(profile, sfIndex, chanConfig, frameLength, rawBlocks int) []byte {
	return pack(
		field{12, 0xFFF},         // syncword
		field{1, 0},              // ID: MPEG-4
		field{2, 0},              // layer
		field{1, 1},              // protection_absent
		field{2, profile},        // profile_ObjectType
		field{4, sfIndex},        // sampling_frequency_index
		field{1, 0},              // private_bit
		field{3, chanConfig},     // channel_configuration
		field{1, 0}, field{1, 0}, // original_copy, home
		field{1, 0}, field{1, 0}, // copyright_identification_bit, _start
		field{13, frameLength},  // aac_frame_length
		field{11, 0x7FF},        // adts_buffer_fullness: VBR
		field{2, rawBlocks - 1}) // number_of_raw_data_blocks_in_frame
}

func TestParseADTSHeader(t *testing.T) {
	h, err := ParseADTSHeader(adtsHeader(1, 4, 2, 347, 1))
	require.NoError(t, err)
	assert.Equal(t, ADTSHeader{ProtectionAbsent: true, Profile: 1, SamplingIndex: 4, ChannelConfig: 2,
		FrameLength: 347, BufferFullness: 0x7FF, RawDataBlocks: 1}, h)
	assert.Equal(t, 2, h.ObjectType())
	assert.Equal(t, 44100, h.SampleRate())
	assert.Equal(t, 1024, h.Samples())
	assert.Equal(t, 7, h.HeaderSize())
	// 347*8*44100/1024, truncated as ff_adts_header_parse does.
	assert.Equal(t, int64(119552), h.BitRate())
	assert.True(t, IsADTSSync(adtsHeader(1, 4, 2, 347, 1)))

	h, err = ParseADTSHeader(adtsHeader(2, 11, 1, 577, 2))
	require.NoError(t, err)
	assert.Equal(t, 2048, h.Samples())
	assert.Equal(t, int64(577*8*8000/2048), h.BitRate())
}

func TestParseADTSHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		kind error
	}{
		{"short", []byte{0xFF, 0xF1, 0x50}, container.ErrTruncated},
		{"no sync", []byte{0xFF, 0xE1, 0x50, 0x80, 0x2B, 0x7F, 0xFC}, container.ErrMalformed},
		{"reserved rate", adtsHeader(1, 13, 2, 100, 1), container.ErrMalformed},
		{"frame shorter than header", adtsHeader(1, 4, 2, 6, 1), container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseADTSHeader(tt.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tt.kind), "%v", err)
		})
	}
}

func TestParsePCEAfterADTS(t *testing.T) {
	raw := pack(
		field{3, 5},                           // id_syn_ele: ID_PCE
		field{4, 0}, field{2, 1}, field{4, 3}, // tag, object_type, sf index
		field{4, 2}, field{4, 0}, field{4, 1}, field{2, 1}, // 2 front, 0 side, 1 back, 1 lfe
		field{3, 0}, field{4, 0}, // assoc data, cc
		field{1, 0}, field{1, 0}, field{1, 0}, // mixdowns absent
		field{1, 0}, field{4, 0}, // front SCE
		field{1, 1}, field{4, 0}, // front CPE
		field{1, 1}, field{4, 1}, // back CPE
		field{4, 0}) // lfe
	p, ok, err := ParsePCEAfterADTS(raw)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 6, p.Channels())
	assert.Equal(t, "5.1", p.Layout())

	_, ok, err = ParsePCEAfterADTS(pack(field{3, 1})) // ID_CPE first
	require.NoError(t, err)
	assert.False(t, ok)

	_, _, err = ParsePCEAfterADTS(raw[:4])
	assert.True(t, errors.Is(err, container.ErrTruncated), "%v", err)
}

func TestPCELayout(t *testing.T) {
	tests := []struct {
		name string
		p    ProgramConfig
		want string
	}{
		{"front cpe, lfe", ProgramConfig{Front: 1, FrontCPE: 1, LFE: 1}, "2.1"},
		{"front and back cpe", ProgramConfig{Front: 1, FrontCPE: 1, Back: 1, BackCPE: 1}, "quad"},
		{"two front cpe, side cpe", ProgramConfig{Front: 2, FrontCPE: 2, Side: 1, SideCPE: 1}, "6.0(front)"},
		{"centre first, back cpe, lfe", ProgramConfig{Front: 2, FrontCPE: 1, CenterFirst: true, Back: 1, BackCPE: 1, LFE: 1}, "5.1"},
		// FFmpeg's encoder puts the centre after L/R; ffprobe prints an
		// unknown layout for it.
		{"centre last", ProgramConfig{Front: 2, FrontCPE: 1, Back: 1, BackCPE: 1, LFE: 1}, ""},
		{"unusual", ProgramConfig{Front: 2, FrontCPE: 1, CenterFirst: true, Side: 1, Back: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.Layout())
		})
	}
}
