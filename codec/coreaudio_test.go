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
		{126<<16 | 8, "7.1(wide)"},                               // MPEG 7.1 A
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
