package codec

// ExactBitsPerSample returns what FFmpeg 5.1's av_get_exact_bits_per_sample
// (libavcodec/utils.c) reports for a codec: the bits one sample takes in a
// packet that holds nothing but samples (PCM, DSD and the ADPCMs without
// block headers), 0 for every other codec. Demuxers derive a duration from
// a data size only for these codecs (wavdec.c wav_read_header).
func ExactBitsPerSample(name string) int {
	switch name {
	case "dfpwm":
		return 1
	case "8svx_exp", "8svx_fib", "adpcm_argo", "adpcm_ct", "adpcm_ima_alp", "adpcm_ima_amv",
		"adpcm_ima_apc", "adpcm_ima_apm", "adpcm_ima_ea_sead", "adpcm_ima_oki", "adpcm_ima_ws",
		"adpcm_ima_ssi", "adpcm_g722", "adpcm_yamaha", "adpcm_aica":
		return 4
	case "dsd_lsbf", "dsd_msbf", "dsd_lsbf_planar", "dsd_msbf_planar", "pcm_alaw", "pcm_mulaw",
		"pcm_vidc", "pcm_s8", "pcm_s8_planar", "pcm_sga", "pcm_u8", "sdx2_dpcm", "derf_dpcm":
		return 8
	case "pcm_s16be", "pcm_s16be_planar", "pcm_s16le", "pcm_s16le_planar", "pcm_u16be", "pcm_u16le":
		return 16
	case "pcm_s24daud", "pcm_s24be", "pcm_s24le", "pcm_s24le_planar", "pcm_u24be", "pcm_u24le":
		return 24
	case "pcm_s32be", "pcm_s32le", "pcm_s32le_planar", "pcm_u32be", "pcm_u32le", "pcm_f32be",
		"pcm_f32le", "pcm_f24le", "pcm_f16le":
		// The 16- and 24-bit float PCMs are stored in 32-bit slots.
		return 32
	case "pcm_f64be", "pcm_f64le", "pcm_s64be", "pcm_s64le":
		return 64
	}
	return 0
}

// BitsPerSample returns what FFmpeg 5.1's av_get_bits_per_sample reports
// for a codec, which ffprobe prints as bits_per_sample: the exact width of
// ExactBitsPerSample, or, for the ADPCMs whose blocks carry headers besides
// their samples, the width of one coded sample (4, and 2 or 3 for the
// Sound Blaster Pro ADPCMs). It is a property of the codec, not of the
// stream: an adpcm_ima_dk4 stream prints 0 whatever its header says.
func BitsPerSample(name string) int {
	switch name {
	case "adpcm_sbpro_2":
		return 2
	case "adpcm_sbpro_3":
		return 3
	case "adpcm_sbpro_4", "adpcm_ima_wav", "adpcm_ima_qt", "adpcm_swf", "adpcm_ms":
		return 4
	}
	return ExactBitsPerSample(name)
}
