package wav

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

func TestCodecName(t *testing.T) {
	for _, tc := range []struct {
		tag  uint32
		bits int
		want string
	}{
		{0x0001, 8, "pcm_u8"},
		{0x0001, 12, "pcm_s16le"}, // rounded up to whole bytes
		{0x0001, 16, "pcm_s16le"},
		{0x0001, 20, "pcm_s24le"},
		{0x0001, 24, "pcm_s24le"},
		{0x0001, 32, "pcm_s32le"},
		{0x0001, 64, "pcm_s64le"},
		{0x0001, 40, ""}, // five bytes: no codec
		{0x0001, 0, ""},
		{0x0003, 32, "pcm_f32le"},
		{0x0003, 64, "pcm_f64le"},
		{0x0003, 24, ""},
		{0x0002, 4, "adpcm_ms"},
		{0x0006, 8, "pcm_alaw"},
		{0x0007, 8, "pcm_mulaw"},
		{0x0011, 4, "adpcm_ima_wav"},
		{0x0011, 8, "adpcm_zork"},
		{0x0055, 0, "mp3"},
		{0x2000, 0, "ac3"},       // the first of the two rows with 0x2000
		{0x4c55, 0, "pcm_mulaw"}, // 'UL' matches 'ul' (0x6c75) ignoring case
		{0x1234, 16, ""},
	} {
		assert.Equal(t, tc.want, CodecName(tc.tag, tc.bits), "tag %#x bits %d", tc.tag, tc.bits)
	}
}

// extensible is a WAVEFORMATEXTENSIBLE for 24-bit stereo PCM.
var extensible = []byte{
	0xFE, 0xFF, // wFormatTag: WAVE_FORMAT_EXTENSIBLE
	0x02, 0x00, // nChannels: 2
	0x44, 0xAC, 0x00, 0x00, // nSamplesPerSec: 44100
	0x98, 0x09, 0x04, 0x00, // nAvgBytesPerSec: 264600
	0x06, 0x00, // nBlockAlign: 6
	0x18, 0x00, // wBitsPerSample: 24
	0x16, 0x00, // cbSize: 22
	0x14, 0x00, // wValidBitsPerSample: 20
	0x03, 0x00, 0x00, 0x00, // dwChannelMask: FL|FR
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, // SubFormat: KSDATAFORMAT_SUBTYPE_PCM
	0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
}

func TestParseHeader(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		size int64
		be   bool
		want Header
		err  error
	}{{
		name: "PCMWAVEFORMAT",
		b: []byte{
			0x01, 0x00, // wFormatTag: PCM
			0x02, 0x00, // nChannels: 2
			0x44, 0xAC, 0x00, 0x00, // nSamplesPerSec: 44100
			0x10, 0xB1, 0x02, 0x00, // nAvgBytesPerSec: 176400
			0x04, 0x00, // nBlockAlign: 4
			0x10, 0x00, // wBitsPerSample: 16
		},
		size: 16,
		want: Header{FormatTag: 1, CodecTag: 1, CodecName: "pcm_s16le", Channels: 2, SampleRate: 44100,
			BitRate: 1411200, BlockAlign: 4, BitsPerCodedSample: 16},
	}, {
		name: "WAVEFORMAT has 8 bits",
		b:    []byte{0x01, 0x00, 0x01, 0x00, 0x40, 0x1F, 0x00, 0x00, 0x40, 0x1F, 0x00, 0x00, 0x01, 0x00},
		size: 14,
		want: Header{FormatTag: 1, CodecTag: 1, CodecName: "pcm_u8", Channels: 1, SampleRate: 8000,
			BitRate: 64000, BlockAlign: 1, BitsPerCodedSample: 8},
	}, {
		name: "extensible takes valid bits, the GUID tag and the mask",
		b:    extensible,
		size: 40,
		want: Header{FormatTag: 0xFFFE, CodecTag: 1, CodecName: "pcm_s24le", Channels: 2, SampleRate: 44100,
			BitRate: 2116800, BlockAlign: 6, BitsPerCodedSample: 20, ChannelMask: 3, ChannelLayout: "stereo"},
	}, {
		name: "RIFX fields are big-endian",
		b:    []byte{0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x1F, 0x40, 0x00, 0x00, 0x3E, 0x80, 0x00, 0x02, 0x00, 0x10},
		size: 16,
		be:   true,
		want: Header{FormatTag: 1, CodecTag: 1, CodecName: "pcm_s16le", Channels: 1, SampleRate: 8000,
			BitRate: 128000, BlockAlign: 2, BitsPerCodedSample: 16},
	}, {
		name: "too short",
		b:    []byte{1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x40, 0x1F, 0, 0},
		size: 12,
		err:  container.ErrMalformed,
	}, {
		name: "zero sample rate",
		b:    []byte{1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 8, 0},
		size: 16,
		err:  container.ErrMalformed,
	}, {
		name: "extradata past the bytes given",
		b:    append(append([]byte{}, extensible[:16]...), 0x10, 0x00, 1, 2), // cbSize 16, 2 bytes
		size: 34,
		err:  container.ErrTruncated,
	}, {
		name: "WAVEFORMATEX in RIFX",
		b:    []byte{0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x1F, 0x40, 0x00, 0x00, 0x3E, 0x80, 0x00, 0x02, 0x00, 0x10, 0, 0},
		size: 18,
		be:   true,
		err:  container.ErrUnsupported,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ParseHeader(tc.b, tc.size, tc.be, 20)
			if tc.err != nil {
				require.Error(t, err)
				assert.True(t, errors.Is(err, tc.err), "%v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, *h)
		})
	}
}

func TestParseHeaderExtradata(t *testing.T) {
	b := []byte{
		0x02, 0x00, 0x01, 0x00, 0x44, 0xAC, 0x00, 0x00, 0x80, 0x3E, 0x00, 0x00, 0x00, 0x04, 0x04, 0x00, // MS ADPCM mono
		0x04, 0x00, // cbSize: 4
		0xF4, 0x07, 0x07, 0x00, // wSamplesPerBlock, wNumCoef
		0xEE, 0xEE, // garbage after the structure, skipped
	}
	h, err := ParseHeader(b, int64(len(b)), false, 0)
	require.NoError(t, err)
	assert.Equal(t, "adpcm_ms", h.CodecName)
	assert.Equal(t, []byte{0xF4, 0x07, 0x07, 0x00}, h.Extradata)
	assert.Equal(t, int64(128000), h.BitRate)
}

// TestTableNamesAreFFmpegCodecs checks every name the tables can produce
// against ffprobe 5.1's codec list.
func TestTableNamesAreFFmpegCodecs(t *testing.T) {
	for _, r := range wavTags {
		assert.True(t, codec.Known(r.name), "%s", r.name)
	}
	for _, g := range guidCodecs {
		assert.True(t, codec.Known(g.name), "%s", g.name)
	}
	for _, bits := range []int{8, 16, 24, 32, 64} {
		for _, be := range []bool{false, true} {
			assert.True(t, codec.Known(PCMCodecName(bits, false, be, ^1)), "%d", bits)
		}
	}
}
