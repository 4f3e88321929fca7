package wav

import "strings"

// SampleFormat returns the sample format FFmpeg 5.1's default decoder for a
// codec reports once avformat_find_stream_info has opened it, which is what
// ffprobe prints as sample_fmt: "s16", "s32", "flt", "fltp", ... It covers
// the codecs that WAV, AIFF and their kin carry, and returns "" for others.
func SampleFormat(codec string, channels int) string {
	switch codec {
	case "pcm_u8", "pcm_s8", "pcm_zork", "dfpwm":
		// pcm_s8 is decoded to unsigned samples (libavcodec/pcm.c).
		return "u8"
	case "pcm_s8_planar":
		return "u8p"
	case "pcm_s16le", "pcm_s16be", "pcm_u16le", "pcm_u16be", "pcm_alaw", "pcm_mulaw", "pcm_vidc",
		"pcm_s24daud", "pcm_dvd", "pcm_bluray", "pcm_lxf", "pcm_sga":
		return "s16"
	case "pcm_s16le_planar", "pcm_s16be_planar":
		return "s16p"
	case "pcm_s24le", "pcm_s24be", "pcm_u24le", "pcm_u24be", "pcm_s32le", "pcm_s32be", "pcm_u32le", "pcm_u32be":
		return "s32"
	case "pcm_s24le_planar", "pcm_s32le_planar":
		return "s32p"
	case "pcm_s64le", "pcm_s64be":
		return "s64"
	case "pcm_f32le", "pcm_f32be", "pcm_f16le", "pcm_f24le":
		return "flt"
	case "pcm_f64le", "pcm_f64be":
		return "dbl"
	case "adpcm_ms":
		// libavcodec/adpcm.c adpcm_decode_init: planar beyond two channels.
		if channels > 2 {
			return "s16p"
		}
		return "s16"
	case "adpcm_aica", "adpcm_ima_dat4", "adpcm_ima_qt", "adpcm_ima_wav", "adpcm_4xm", "adpcm_xa",
		"adpcm_ea_r1", "adpcm_ea_r2", "adpcm_ea_r3", "adpcm_ea_xas", "adpcm_thp", "adpcm_thp_le",
		"adpcm_afc", "adpcm_dtk", "adpcm_psx", "adpcm_mtaf", "adpcm_argo", "adpcm_ima_moflex":
		return "s16p"
	case "mp1", "mp2":
		// The fixed-point decoders are registered first for these two
		// (libavcodec/allcodecs.c), the float one first for mp3.
		return "s16p"
	case "mp3", "aac", "ac3", "eac3", "dts", "wmav1", "wmav2", "wmapro", "xma1", "xma2",
		"atrac3", "atrac3p", "atrac9", "imc", "iac", "qdmc", "vorbis", "metasound", "msnsiren",
		"avc", "binkaudio_dct":
		return "fltp"
	case "wmavoice", "amr_nb", "amr_wb", "sipr", "qcelp", "opus", "acelp.kelvin", "evrc", "ra_288":
		return "flt"
	case "qdm2":
		return "s16"
	case "mace3", "mace6":
		return "s16p"
	}
	if strings.HasPrefix(codec, "adpcm_") || strings.HasSuffix(codec, "_dpcm") {
		return "s16"
	}
	switch codec {
	case "gsm", "gsm_ms", "g723_1", "g729", "truespeech", "dvaudio", "sonic", "speex", "wmalossless", "ra_144":
		return "s16"
	}
	return ""
}

// BitsPerRawSample returns the bits_per_raw_sample a PCM decoder reports:
// the coded width for the codecs decoded to 32-bit integers (pcm.c
// pcm_decode_init), 0 for the others.
func BitsPerRawSample(codec string) int {
	if SampleFormat(codec, 0) != "s32" {
		return 0
	}
	if strings.Contains(codec, "24") {
		return 24
	}
	return 32
}

// DecoderLayout returns the channel layout a decoder sets by itself, for
// the codecs whose decoders do (the MPEG audio decoders from the frame's
// mode, the speech codecs, which are mono), else "" (the container's layout
// stays).
func DecoderLayout(codec string, channels int) string {
	switch codec {
	case "mp1", "mp2", "mp3":
		if channels == 1 {
			return "mono"
		}
		if channels == 2 {
			return "stereo"
		}
	case "gsm", "gsm_ms", "g723_1", "g729", "truespeech", "amr_nb", "amr_wb", "qcelp", "sipr",
		"adpcm_g726", "adpcm_g726le":
		return "mono"
	}
	return ""
}
