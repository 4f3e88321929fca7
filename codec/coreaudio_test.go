package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCoreAudioLayout spot-checks the transcription of mov_chan.c's
// mov_ch_layout_map: tag (high 16 bits) and channel count (low 16 bits) in,
// FFmpeg's layout name out.
func TestCoreAudioLayout(t *testing.T) {
	for _, tc := range []struct {
		tag  uint32
		want string
	}{
		{100<<16 | 1, "mono"},
		{101<<16 | 2, "stereo"},
		{103<<16 | 2, "downmix"},
		{108<<16 | 4, "quad"},
		{113<<16 | 3, "3.0"},
		{121<<16 | 6, "5.1(side)"},                               // MPEG 5.1 A
		{126<<16 | 8, "7.1(wide-side)"},                          // MPEG 7.1 A, as ffprobe 5.1 reads ffmpeg's mov and caf
		{128<<16 | 8, "7.1"},                                     // MPEG 7.1 C
		{149<<16 | 2, "2 channels (FC+LFE)"},                     // AC-3 1/0.1
		{162<<16 | 8, "8 channels (FL+FR+FC+LFE+SL+SR+SDL+SDR)"}, // E-AC-3 7.1 C
		{107<<16 | 4, ""},                                        // Ambisonic B format: no mask
		{CoreAudioUseDescriptions, ""},
		{CoreAudioUseBitmap, ""},
	} {
		assert.Equal(t, tc.want, LayoutName(CoreAudioLayout(tc.tag)), "tag %d", tc.tag>>16)
	}
	assert.Equal(t, uint64(ChFL), CoreAudioLabel(1))
	assert.Equal(t, uint64(ChTBR), CoreAudioLabel(18))
	assert.Equal(t, uint64(ChDL), CoreAudioLabel(38))
	assert.Equal(t, uint64(ChDR), CoreAudioLabel(39))
	assert.Equal(t, uint64(0), CoreAudioLabel(19))
	assert.Equal(t, uint64(0), CoreAudioLabel(0))
}

// TestCoreAudioChannelMask follows ff_mov_read_chan's three ways to a mask.
func TestCoreAudioChannelMask(t *testing.T) {
	be := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
		}
		return b
	}
	desc := func(label uint32) []byte { return append(be(label), make([]byte, 16)...) }
	cat := func(parts ...[]byte) []byte {
		var b []byte
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want uint64
	}{
		{"tag", be(101<<16|2, 0, 0), LayoutStereo},
		{"tag with a wrong count", be(101<<16|3, 0, 0), 0},
		{"bitmap", be(CoreAudioUseBitmap, 0x3f, 0), Layout5Point1Back},
		{"bitmap too high", be(CoreAudioUseBitmap, 0x40000, 0), 0},
		{"descriptions", cat(be(0, 0, 3), desc(1), desc(2), desc(37)), LayoutStereo | ChLFE2},
		{"descriptions out of order", cat(be(0, 0, 2), desc(2), desc(1)), 0},
		{"unknown label", cat(be(0, 0, 2), desc(1), desc(100)), 0},
		{"wide pair", cat(be(0, 0, 2), desc(35), desc(36)), ChWL | ChWR},
		{"short", be(0, 0), 0},
	} {
		assert.Equal(t, tc.want, CoreAudioChannelMask(tc.b), tc.name)
	}
}

func FuzzCoreAudioChannelMask(f *testing.F) {
	f.Add([]byte{0, 0x65, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		m := CoreAudioChannelMask(b)
		if m != 0 && LayoutName(m) == "" {
			t.Fatalf("mask %#x has no name", m)
		}
	})
}
