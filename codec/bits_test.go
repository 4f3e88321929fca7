package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// libavcodecBits is every codec for which FFmpeg 5.1's libavcodec
// (libavcodec.so.59.37.100, Debian 12) reports a non-zero
// {av_get_bits_per_sample, av_get_exact_bits_per_sample}, read from the
// library itself by walking avcodec_descriptor_next. Every other codec
// reports {0, 0}.
var libavcodecBits = map[string][2]int{
	"pcm_s16le":         {16, 16},
	"pcm_s16be":         {16, 16},
	"pcm_u16le":         {16, 16},
	"pcm_u16be":         {16, 16},
	"pcm_s8":            {8, 8},
	"pcm_u8":            {8, 8},
	"pcm_mulaw":         {8, 8},
	"pcm_alaw":          {8, 8},
	"pcm_s32le":         {32, 32},
	"pcm_s32be":         {32, 32},
	"pcm_u32le":         {32, 32},
	"pcm_u32be":         {32, 32},
	"pcm_s24le":         {24, 24},
	"pcm_s24be":         {24, 24},
	"pcm_u24le":         {24, 24},
	"pcm_u24be":         {24, 24},
	"pcm_s24daud":       {24, 24},
	"pcm_s16le_planar":  {16, 16},
	"pcm_f32be":         {32, 32},
	"pcm_f32le":         {32, 32},
	"pcm_f64be":         {64, 64},
	"pcm_f64le":         {64, 64},
	"pcm_s8_planar":     {8, 8},
	"pcm_s24le_planar":  {24, 24},
	"pcm_s32le_planar":  {32, 32},
	"pcm_s16be_planar":  {16, 16},
	"pcm_s64le":         {64, 64},
	"pcm_s64be":         {64, 64},
	"pcm_f16le":         {32, 32},
	"pcm_f24le":         {32, 32},
	"pcm_vidc":          {8, 8},
	"pcm_sga":           {8, 8},
	"adpcm_ima_qt":      {4, 0},
	"adpcm_ima_wav":     {4, 0},
	"adpcm_ima_ws":      {4, 4},
	"adpcm_ms":          {4, 0},
	"adpcm_ct":          {4, 4},
	"adpcm_swf":         {4, 0},
	"adpcm_yamaha":      {4, 4},
	"adpcm_sbpro_4":     {4, 0},
	"adpcm_sbpro_3":     {3, 0},
	"adpcm_sbpro_2":     {2, 0},
	"adpcm_ima_amv":     {4, 4},
	"adpcm_ima_ea_sead": {4, 4},
	"adpcm_g722":        {4, 4},
	"adpcm_ima_apc":     {4, 4},
	"adpcm_ima_oki":     {4, 4},
	"adpcm_aica":        {4, 4},
	"adpcm_argo":        {4, 4},
	"adpcm_ima_ssi":     {4, 4},
	"adpcm_ima_apm":     {4, 4},
	"adpcm_ima_alp":     {4, 4},
	"sdx2_dpcm":         {8, 8},
	"derf_dpcm":         {8, 8},
	"8svx_exp":          {4, 4},
	"8svx_fib":          {4, 4},
	"dsd_lsbf":          {8, 8},
	"dsd_msbf":          {8, 8},
	"dsd_lsbf_planar":   {8, 8},
	"dsd_msbf_planar":   {8, 8},
	"dfpwm":             {1, 1},
}

func TestBitsPerSampleMatchesLibavcodec(t *testing.T) {
	for name := range table {
		want := libavcodecBits[name]
		assert.Equal(t, want[0], BitsPerSample(name), "av_get_bits_per_sample(%s)", name)
		assert.Equal(t, want[1], ExactBitsPerSample(name), "av_get_exact_bits_per_sample(%s)", name)
	}
	for name := range libavcodecBits {
		assert.True(t, Known(name), "%s is missing from the codec name table", name)
	}
}

// TestBitsPerSampleFfprobe pins the values ffprobe 5.1 prints as
// bits_per_sample for WAV files (testdata wav_f16le.wav and
// wav_adpcm_ima_dk4.wav, which the two tables this function replaced
// disagreed on; a dfpwm WAV written by ffmpeg).
func TestBitsPerSampleFfprobe(t *testing.T) {
	for name, want := range map[string]int{
		"pcm_f16le":     32,
		"adpcm_ima_dk4": 0,
		"adpcm_ima_dk3": 0,
		"dfpwm":         1,
		"adpcm_ms":      4,
		"adpcm_ima_wav": 4,
		"pcm_s24le":     24,
		"pcm_mulaw":     8,
		"mp3":           0,
	} {
		assert.Equal(t, want, BitsPerSample(name), name)
	}
}
