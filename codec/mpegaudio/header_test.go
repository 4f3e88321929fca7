package mpegaudio

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		hdr     uint32
		want    Header
		spf     int
		codec   string
		invalid bool
	}{
		{
			// sync 0xffe, MPEG-1 (11), layer III (01), no CRC (1) = 0xfb;
			// bit rate 1001 (128k), 44.1 kHz (00), no padding = 0x90;
			// joint stereo (01), mode ext 00 = 0x44.
			name: "mpeg1 layer3 128k 44.1k", hdr: 0xfffb9044,
			want: Header{Raw: 0xfffb9044, Layer: 3, BitRate: 128000, SampleRate: 44100, Mode: ModeJointStereo, Channels: 2, FrameSize: 417},
			spf:  1152, codec: "mp3",
		},
		{
			// as above with the padding bit (0x02 in the third byte): one more byte.
			name: "mpeg1 layer3 padded", hdr: 0xfffb9244,
			want: Header{Raw: 0xfffb9244, Layer: 3, BitRate: 128000, SampleRate: 44100, Padding: true, Mode: ModeJointStereo, Channels: 2, FrameSize: 418},
			spf:  1152, codec: "mp3",
		},
		{
			// MPEG-2.5 (00), layer III, 8 kHz (10), 16 kbit/s (0010), mono (11).
			name: "mpeg2.5 layer3 8k mono", hdr: 0xffe328c4,
			want: Header{Raw: 0xffe328c4, LSF: true, MPEG25: true, Layer: 3, BitRate: 16000, SampleRate: 8000, Mode: ModeMono, Channels: 1, FrameSize: 144},
			spf:  576, codec: "mp3",
		},
		{
			// MPEG-1 layer II (10), CRC present (0), 192k (1010), 44.1 kHz, stereo.
			name: "mpeg1 layer2 192k", hdr: 0xfffca000,
			want: Header{Raw: 0xfffca000, Layer: 2, Protection: true, BitRate: 192000, SampleRate: 44100, Channels: 2, FrameSize: 626},
			spf:  1152, codec: "mp2",
		},
		{name: "no sync", hdr: 0x7ffb9044, invalid: true},
		{name: "reserved version", hdr: 0xffeb9044, invalid: true},
		{name: "reserved layer", hdr: 0xfff99044, invalid: true},
		{name: "bad bit rate index", hdr: 0xfffbf044, invalid: true},
		{name: "reserved sample rate", hdr: 0xfffb9c44, invalid: true},
		{name: "free format", hdr: 0xfffb0044, invalid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Decode(tt.hdr)
			if tt.invalid {
				assert.ErrorIs(t, err, ErrInvalid)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, h)
			assert.Equal(t, tt.spf, h.SamplesPerFrame())
			assert.Equal(t, tt.codec, h.CodecName())
		})
	}
}

// TestLayerIFrameSizeIsSlotAligned guards against tcolgate/mp3's Frame.Size,
// which computes floor(48*br/sr) = 34 bytes for a 32 kbit/s, 44.1 kHz Layer I
// frame where the standard gives 4*floor(12*br/sr) = 32.
func TestLayerIFrameSizeIsSlotAligned(t *testing.T) {
	// MPEG-1 layer I (11), no CRC, 32 kbit/s (0001), 44.1 kHz, stereo.
	h, err := Decode(0xffff1000)
	require.NoError(t, err)
	assert.Equal(t, 1, h.Layer)
	assert.Equal(t, 32, h.FrameSize)
	assert.Equal(t, 384, h.SamplesPerFrame())
	assert.Equal(t, "mp1", h.CodecName())
}

// lameFrame builds a 417-byte MPEG-1 Layer III stereo frame holding an
// Info/Xing header with frames, bytes and TOC, and a LAME extension with
// the given delay and padding, and a correct CRC when crcOK.
func lameFrame(magic, encoder string, frames, bytes uint32, delay, padding int, crcOK bool) []byte {
	b := make([]byte, 417)
	binary.BigEndian.PutUint32(b, 0xfffb9044)
	p := 4 + 32 // after the side information
	copy(b[p:], magic)
	binary.BigEndian.PutUint32(b[p+4:], XingFrames|XingBytes|XingTOC) // flags
	binary.BigEndian.PutUint32(b[p+8:], frames)
	binary.BigEndian.PutUint32(b[p+12:], bytes)
	p += 16 + 100 // TOC
	copy(b[p:], encoder)
	p += 9 + 1 + 1 + 4 + 2 + 2 + 1 + 1 // version, revision, lowpass, peak, gains, flags, ABR
	d := uint32(delay)<<12 | uint32(padding)
	b[p], b[p+1], b[p+2] = byte(d>>16), byte(d>>8), byte(d)
	p += 3 + 1 + 1 + 2 + 4 + 2 // misc, gain, preset, length, music CRC
	crc := crc16(b, p)
	if !crcOK {
		crc ^= 0xffff
	}
	binary.BigEndian.PutUint16(b[p:], crc)
	return b
}

func TestParseInfoTag(t *testing.T) {
	h, err := DecodeBytes([]byte{0xff, 0xfb, 0x90, 0x44})
	require.NoError(t, err)

	it, ok := ParseInfoTag(lameFrame("Info", "LAME3.100", 100, 41800, 576, 1000, true), h)
	require.True(t, ok)
	assert.True(t, it.CBR)
	assert.Equal(t, uint32(100), it.Frames)
	assert.Equal(t, uint32(41800), it.Bytes)
	assert.Equal(t, "LAME3.100", it.Encoder)
	assert.True(t, it.Gapless)
	assert.Equal(t, 576, it.Delay)
	assert.Equal(t, 1000, it.Padding)
	assert.True(t, it.CRCValid)

	it, ok = ParseInfoTag(lameFrame("Xing", "Lavc", 7, 0, 1105, 0, false), h)
	require.True(t, ok)
	assert.False(t, it.CBR)
	assert.Equal(t, "Lavc", it.Encoder)
	assert.True(t, it.Gapless)
	assert.False(t, it.CRCValid)

	// Another encoder's delay field is not trusted (mp3_parse_info_tag).
	it, ok = ParseInfoTag(lameFrame("Xing", "GOGO", 7, 0, 1105, 0, true), h)
	require.True(t, ok)
	assert.False(t, it.Gapless)
	assert.Zero(t, it.Delay)

	_, ok = ParseInfoTag(lameFrame("Nope", "LAME", 1, 1, 1, 1, true), h)
	assert.False(t, ok)

	// A frame cut short reads as zeros past its end, as avio does.
	it, ok = ParseInfoTag(lameFrame("Xing", "LAME", 9, 9, 9, 9, true)[:48], h)
	require.True(t, ok)
	assert.Equal(t, uint32(9), it.Frames)
	assert.Empty(t, it.Encoder)
}

func TestParseVBRI(t *testing.T) {
	b := make([]byte, 417)
	binary.BigEndian.PutUint32(b, 0xfffb9044)
	copy(b[36:], "VBRI")
	binary.BigEndian.PutUint16(b[40:], 1)      // version
	binary.BigEndian.PutUint16(b[42:], 0x1234) // delay
	binary.BigEndian.PutUint16(b[44:], 75)     // quality
	binary.BigEndian.PutUint32(b[46:], 38000)  // bytes
	binary.BigEndian.PutUint32(b[50:], 107)    // frames
	v, ok := ParseVBRI(b)
	require.True(t, ok)
	assert.Equal(t, VBRI{Bytes: 38000, Frames: 107}, v)

	binary.BigEndian.PutUint16(b[40:], 2) // an unknown version is ignored
	_, ok = ParseVBRI(b)
	assert.False(t, ok)
	_, ok = ParseVBRI(b[:10])
	assert.False(t, ok)
}
