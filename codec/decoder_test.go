package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// libavcodecSampleFormats is the sample format each decoder of libavcodec
// 5.1 (libavcodec.so.59.37.100, Debian 12) sets when avcodec_open2 opens
// it without extradata for a mono or a stereo stream, read from the
// library; decoders that refuse to open so, or set their format only at
// the first frame, are absent.
var libavcodecSampleFormats = map[string]string{
	"pcm_f64be":         "dbl",
	"pcm_f64le":         "dbl",
	"binkaudio_rdft":    "flt",
	"evrc":              "flt",
	"msnsiren":          "flt",
	"nellymoser":        "flt",
	"pcm_f16le":         "flt",
	"pcm_f24le":         "flt",
	"pcm_f32be":         "flt",
	"pcm_f32le":         "flt",
	"qcelp":             "flt",
	"sipr":              "flt",
	"siren":             "flt",
	"speex":             "flt",
	"aac":               "fltp",
	"aac_latm":          "fltp",
	"ac3":               "fltp",
	"amr_nb":            "fltp",
	"amr_wb":            "fltp",
	"atrac1":            "fltp",
	"atrac3al":          "fltp",
	"atrac3p":           "fltp",
	"atrac3pal":         "fltp",
	"avc":               "fltp",
	"binkaudio_dct":     "fltp",
	"dsd_lsbf":          "fltp",
	"dsd_lsbf_planar":   "fltp",
	"dsd_msbf":          "fltp",
	"dsd_msbf_planar":   "fltp",
	"eac3":              "fltp",
	"fastaudio":         "fltp",
	"iac":               "fltp",
	"imc":               "fltp",
	"mp3":               "fltp",
	"mp3adu":            "fltp",
	"opus":              "fltp",
	"wmav1":             "fltp",
	"wmav2":             "fltp",
	"adpcm_agm":         "s16",
	"adpcm_ct":          "s16",
	"adpcm_ea":          "s16",
	"adpcm_ea_maxis_xa": "s16",
	"adpcm_g722":        "s16",
	"adpcm_ima_acorn":   "s16",
	"adpcm_ima_alp":     "s16",
	"adpcm_ima_amv":     "s16",
	"adpcm_ima_apc":     "s16",
	"adpcm_ima_apm":     "s16",
	"adpcm_ima_dk3":     "s16",
	"adpcm_ima_dk4":     "s16",
	"adpcm_ima_ea_eacs": "s16",
	"adpcm_ima_ea_sead": "s16",
	"adpcm_ima_iss":     "s16",
	"adpcm_ima_mtf":     "s16",
	"adpcm_ima_oki":     "s16",
	"adpcm_ima_rad":     "s16",
	"adpcm_ima_smjpeg":  "s16",
	"adpcm_ima_ssi":     "s16",
	"adpcm_ima_ws":      "s16",
	"adpcm_ms":          "s16",
	"adpcm_sbpro_2":     "s16",
	"adpcm_sbpro_3":     "s16",
	"adpcm_sbpro_4":     "s16",
	"adpcm_swf":         "s16",
	"adpcm_vima":        "s16",
	"adpcm_yamaha":      "s16",
	"bmv_audio":         "s16",
	"comfortnoise":      "s16",
	"derf_dpcm":         "s16",
	"dsicinaudio":       "s16",
	"dss_sp":            "s16",
	"gremlin_dpcm":      "s16",
	"gsm":               "s16",
	"ilbc":              "s16",
	"interplay_dpcm":    "s16",
	"paf_audio":         "s16",
	"pcm_alaw":          "s16",
	"pcm_mulaw":         "s16",
	"pcm_s16be":         "s16",
	"pcm_s16le":         "s16",
	"pcm_s24daud":       "s16",
	"pcm_u16be":         "s16",
	"pcm_u16le":         "s16",
	"pcm_vidc":          "s16",
	"ra_144":            "s16",
	"roq_dpcm":          "s16",
	"sdx2_dpcm":         "s16",
	"smackaudio":        "s16",
	"truespeech":        "s16",
	"vmdaudio":          "s16",
	"xan_dpcm":          "s16",
	"acelp.kelvin":      "s16p",
	"adpcm_4xm":         "s16p",
	"adpcm_adx":         "s16p",
	"adpcm_afc":         "s16p",
	"adpcm_aica":        "s16p",
	"adpcm_dtk":         "s16p",
	"adpcm_ea_r1":       "s16p",
	"adpcm_ea_r2":       "s16p",
	"adpcm_ea_r3":       "s16p",
	"adpcm_ea_xas":      "s16p",
	"adpcm_ima_cunning": "s16p",
	"adpcm_ima_dat4":    "s16p",
	"adpcm_ima_moflex":  "s16p",
	"adpcm_ima_qt":      "s16p",
	"adpcm_mtaf":        "s16p",
	"adpcm_psx":         "s16p",
	"adpcm_thp":         "s16p",
	"adpcm_thp_le":      "s16p",
	"adpcm_xa":          "s16p",
	"g723_1":            "s16p",
	"g729":              "s16p",
	"mace3":             "s16p",
	"mace6":             "s16p",
	"mp1":               "s16p",
	"mp2":               "s16p",
	"pcm_s16be_planar":  "s16p",
	"pcm_s16le_planar":  "s16p",
	"sbc":               "s16p",
	"pcm_s24be":         "s32",
	"pcm_s24le":         "s32",
	"pcm_s32be":         "s32",
	"pcm_s32le":         "s32",
	"pcm_u24be":         "s32",
	"pcm_u24le":         "s32",
	"pcm_u32be":         "s32",
	"pcm_u32le":         "s32",
	"pcm_lxf":           "s32p",
	"pcm_s24le_planar":  "s32p",
	"pcm_s32le_planar":  "s32p",
	"pcm_s64be":         "s64",
	"pcm_s64le":         "s64",
	"dfpwm":             "u8",
	"pcm_s8":            "u8",
	"pcm_sga":           "u8",
	"pcm_u8":            "u8",
	"westwood_snd1":     "u8",
	"8svx_exp":          "u8p",
	"8svx_fib":          "u8p",
	"pcm_s8_planar":     "u8p",
}

func TestSampleFormatMatchesLibavcodec(t *testing.T) {
	for name, want := range libavcodecSampleFormats {
		for _, ch := range []int{1, 2} {
			assert.Equal(t, want, SampleFormat(name, ch), "%s, %d channels", name, ch)
		}
	}
	assert.Equal(t, "s16p", SampleFormat("adpcm_ms", 3), "adpcm_ms is planar beyond two channels")
	// Decoders that open only with extradata, opened with a minimal one
	// (wmapro: an 18-byte WAVEFORMATEX extension; qdmc: a QDCA atom).
	assert.Equal(t, "fltp", SampleFormat("wmapro", 2))
	assert.Equal(t, "s16", SampleFormat("qdmc", 1))
}

// TestSampleFormatFfprobe pins what ffprobe 5.1 prints as sample_fmt for
// files made with ffmpeg or by patching a codec tag into one (WAV format
// tags, MOV fourccs), among them the values the three tables this one
// replaced had wrong: speex (s16), opus (flt), amr_nb and amr_wb (flt),
// g723_1 and g729 (s16), acelp.kelvin (flt), mace3 and mace6 (u8p in MP4),
// pcm_lxf and pcm_sga (s16), qdmc (fltp).
func TestSampleFormatFfprobe(t *testing.T) {
	for _, tc := range []struct {
		name     string
		channels int
		want     string
	}{
		{"mp2", 1, "s16p"}, // mp2 in WAV, Matroska; mp2 in the mp3 demuxer is decoded as mp3
		{"mp3", 2, "fltp"},
		{"speex", 1, "flt"}, // WAV, Matroska, MOV, Ogg
		{"opus", 2, "fltp"},
		{"vorbis", 2, "fltp"},
		{"nellymoser", 1, "flt"},
		{"mace3", 2, "s16p"},
		{"mace6", 1, "s16p"},
		{"amr_nb", 1, "fltp"},
		{"amr_wb", 1, "fltp"},
		{"g723_1", 1, "s16p"},
		{"g729", 1, "s16p"},
		{"acelp.kelvin", 1, "s16p"},
		{"adpcm_ima_qt", 1, "s16p"},
		{"adpcm_ima_wav", 2, "s16p"},
		{"adpcm_ima_dk4", 1, "s16"},
		{"adpcm_ms", 2, "s16"},
		{"adpcm_ms", 3, "s16p"},
		{"adpcm_g726", 1, "s16"},
		{"gsm_ms", 1, "s16"},
		{"dvaudio", 2, "s16"},
		{"qcelp", 1, "flt"},
		{"evrc", 1, "flt"},
		{"sipr", 1, "flt"},
		{"dst", 2, "flt"}, // DSDIFF with DST frames, hand-built
		{"dsd_msbf", 2, "fltp"},
		{"dsd_lsbf_planar", 2, "fltp"},
		{"dfpwm", 1, "u8"},
		{"pcm_f16le", 1, "flt"},
		{"pcm_s24be", 1, "s32"},
		{"pcm_f64be", 1, "dbl"},
		{"pcm_u8", 1, "u8"},
		{"aac", 2, "fltp"},
		{"ac3", 2, "fltp"},
		{"eac3", 2, "fltp"},
		{"wmav2", 2, "fltp"},
		{"flac", 2, ""}, // from STREAMINFO: codec/flac
		{"h264", 0, ""},
	} {
		assert.Equal(t, tc.want, SampleFormat(tc.name, tc.channels), "%s, %d channels", tc.name, tc.channels)
	}
}

func TestBitsPerRawSample(t *testing.T) {
	// ffprobe 5.1: in24 and in32 MOV, pcm_s24le WAV, a dfpwm WAV.
	for name, want := range map[string]int{
		"pcm_s24be": 24, "pcm_s24le": 24, "pcm_s32be": 32, "pcm_u32le": 32, "dfpwm": 8,
		"pcm_s16le": 0, "pcm_f32be": 0, "pcm_f24le": 0, "pcm_s24le_planar": 0, "mp3": 0,
	} {
		assert.Equal(t, want, BitsPerRawSample(name), name)
	}
}

// TestDecoderLayout pins the layouts ffprobe 5.1 prints where the decoder
// sets its own: Ogg Vorbis, Ogg and native FLAC and ALAC in MP4 of each
// channel count ffmpeg can write, and WAV or MOV streams of speech codecs
// whose header claims more channels than the decoder outputs.
func TestDecoderLayout(t *testing.T) {
	for _, tc := range []struct {
		name     string
		channels int
		want     string
	}{
		{"mp3", 1, "mono"},
		{"mp2", 2, "stereo"},
		{"mp3", 3, ""},
		{"opus", 2, "stereo"},
		{"vorbis", 3, "3.0"},
		{"vorbis", 4, "quad"},
		{"vorbis", 5, "5.0"},
		{"vorbis", 6, "5.1"},
		{"vorbis", 7, "6.1"},
		{"vorbis", 8, "7.1"},
		{"vorbis", 9, ""},
		{"flac", 3, "3.0"},
		{"flac", 4, "quad"},
		{"flac", 5, "5.0(side)"},
		{"flac", 6, "5.1(side)"},
		{"flac", 7, "6.1"},
		{"flac", 8, "7.1"},
		{"alac", 4, "4.0"},
		{"alac", 5, "5.0"},
		{"alac", 6, "5.1"},
		{"alac", 7, "6.1(back)"},
		{"gsm_ms", 2, "mono"},
		{"adpcm_g722", 2, "mono"},
		{"sipr", 3, "mono"},
		{"nellymoser", 2, "mono"},
		{"evrc", 2, "mono"},
		{"adpcm_g726", 1, "mono"},
		{"dvaudio", 1, "stereo"},
		// Decoders that leave the layout to the container.
		{"amr_nb", 1, ""},
		{"amr_wb", 1, ""},
		{"g723_1", 1, ""},
		{"g729", 1, ""},
		{"speex", 2, ""},
		{"pcm_s16le", 2, ""},
		{"adpcm_ms", 2, ""},
	} {
		m := DecoderLayout(tc.name, tc.channels)
		assert.Equal(t, tc.want, LayoutName(m), "%s, %d channels", tc.name, tc.channels)
	}
	assert.Equal(t, 1, LayoutChannels(DecoderLayout("gsm_ms", 2)), "the decoder outputs one channel")
	assert.Equal(t, 2, LayoutChannels(DecoderLayout("dvaudio", 1)))
}
