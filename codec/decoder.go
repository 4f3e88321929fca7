package codec

import "github.com/mediaprobe/mediaprobe/container"

// What a decoder reports once avformat_find_stream_info has opened it.
// ffprobe prints the stream's parameters after that step, so sample_fmt,
// bits_per_raw_sample and, for some codecs, the channel layout are the
// decoder's, not the container's; mediaprobe decodes nothing and takes them
// from here. The decoder is the first one libavcodec 5.1 registers for the
// codec (allcodecs.c order, which avcodec_find_decoder follows): the
// fixed-point mp1 and mp2 decoders, the float mp3 decoder.
//
// The values were read from libavcodec 5.1 itself (each decoder opened
// with avcodec_open2 and no extradata, mono and stereo) and, for the codecs
// the containers here carry, checked against ffprobe 5.1 on files made with
// ffmpeg (decoder_test.go lists both). Decoders that need extradata to open
// are marked with the function that sets the value.

// SampleFormat returns the sample format FFmpeg 5.1's decoder for a codec
// reports once opened, as ffprobe prints sample_fmt ("s16", "fltp", ...),
// or "" when it depends on more than the codec and the channel count (FLAC,
// ALAC, TTA, WavPack and the lossless WMA: the bit depth; DTS and TrueHD:
// the first frame) or the codec is not an audio codec FFmpeg decodes.
func SampleFormat(name string, channels int) string {
	switch name {
	case "dfpwm", "pcm_s8", "pcm_sga", "pcm_u8", "westwood_snd1":
		// pcm_s8 is decoded to unsigned samples (libavcodec/pcm.c).
		return "u8"
	case "8svx_exp", "8svx_fib", "pcm_s8_planar":
		return "u8p"
	case "adpcm_ms":
		// adpcm.c adpcm_decode_init: planar beyond two channels.
		if channels > 2 {
			return "s16p"
		}
		return "s16"
	case "adpcm_agm", "adpcm_ct", "adpcm_ea", "adpcm_ea_maxis_xa", "adpcm_g722", "adpcm_ima_acorn",
		"adpcm_ima_alp", "adpcm_ima_amv", "adpcm_ima_apc", "adpcm_ima_apm", "adpcm_ima_dk3",
		"adpcm_ima_dk4", "adpcm_ima_ea_eacs", "adpcm_ima_ea_sead", "adpcm_ima_iss", "adpcm_ima_mtf",
		"adpcm_ima_oki", "adpcm_ima_rad", "adpcm_ima_smjpeg", "adpcm_ima_ssi", "adpcm_ima_ws",
		"adpcm_sbpro_2", "adpcm_sbpro_3", "adpcm_sbpro_4", "adpcm_swf", "adpcm_vima", "adpcm_yamaha",
		"adpcm_zork", "adpcm_g726", "adpcm_g726le",
		"derf_dpcm", "gremlin_dpcm", "interplay_dpcm", "roq_dpcm", "sdx2_dpcm", "sol_dpcm", "xan_dpcm",
		"pcm_alaw", "pcm_mulaw", "pcm_s16be", "pcm_s16le", "pcm_s24daud", "pcm_u16be", "pcm_u16le", "pcm_vidc",
		"bmv_audio", "comfortnoise", "dsicinaudio", "dss_sp", "dvaudio", "gsm", "gsm_ms", "ilbc",
		"paf_audio", "ra_144", "smackaudio", "truespeech", "vmdaudio",
		"qdm2", "qdmc", "sonic": // qdm2_decode_init, qdmc_decode_init, sonic_decode_init
		return "s16"
	case "acelp.kelvin", "adpcm_4xm", "adpcm_adx", "adpcm_afc", "adpcm_aica", "adpcm_dtk", "adpcm_ea_r1",
		"adpcm_ea_r2", "adpcm_ea_r3", "adpcm_ea_xas", "adpcm_ima_cunning", "adpcm_ima_dat4",
		"adpcm_ima_moflex", "adpcm_ima_qt", "adpcm_ima_wav", "adpcm_mtaf", "adpcm_psx", "adpcm_thp",
		"adpcm_thp_le", "adpcm_xa", "adpcm_argo", "g723_1", "g729", "mace3", "mace6", "mp1", "mp2",
		"pcm_s16be_planar", "pcm_s16le_planar", "sbc":
		return "s16p"
	case "pcm_s24be", "pcm_s24le", "pcm_s32be", "pcm_s32le", "pcm_u24be", "pcm_u24le", "pcm_u32be", "pcm_u32le":
		return "s32"
	case "pcm_lxf", "pcm_s24le_planar", "pcm_s32le_planar":
		return "s32p"
	case "pcm_s64be", "pcm_s64le":
		return "s64"
	case "binkaudio_rdft", "evrc", "msnsiren", "nellymoser", "pcm_f16le", "pcm_f24le", "pcm_f32be",
		"pcm_f32le", "qcelp", "sipr", "siren", "speex",
		"ra_288", "wmavoice", // ra288_decode_init, wmavoice_decode_init
		"dst": // dstdec.c decode_init, for a rate it accepts
		return "flt"
	case "aac", "aac_latm", "ac3", "amr_nb", "amr_wb", "atrac1", "atrac3al", "atrac3p", "atrac3pal",
		"avc", "binkaudio_dct", "dsd_lsbf", "dsd_lsbf_planar", "dsd_msbf", "dsd_msbf_planar", "eac3",
		"fastaudio", "iac", "imc", "mp3", "mp3adu", "opus", "wmav1", "wmav2",
		// With their extradata: vorbis_decode_init, decode_init (wmaprodec.c,
		// also XMA), atrac3_decode_init, atrac9_decode_init, twinvq (metasound).
		"vorbis", "wmapro", "xma1", "xma2", "atrac3", "atrac9", "metasound",
		// dcadec.c sets planar float once it meets a lossy core frame.
		"dts":
		return "fltp"
	case "pcm_f64be", "pcm_f64le":
		return "dbl"
	}
	return ""
}

// BitsPerRawSample returns the bits_per_raw_sample a decoder sets for every
// stream of its codec, 0 for the codecs whose decoders set none or set it
// from the stream (FLAC, ALAC): pcm_decode_init gives the PCM decoders with
// 32-bit integer output their coded width (av_get_bits_per_sample), and
// dfpwm_dec_init sets 8.
func BitsPerRawSample(name string) int {
	switch name {
	case "pcm_s24be", "pcm_s24le", "pcm_s32be", "pcm_s32le", "pcm_u24be", "pcm_u24le", "pcm_u32be", "pcm_u32le":
		return BitsPerSample(name)
	case "dfpwm":
		return 8
	}
	return 0
}

// Channel layouts that decoders set from the channel count alone, entry n-1
// for n channels.
var (
	// ff_vorbis_ch_layouts (libavcodec/vorbis_data.c), the channel order of
	// the Vorbis I specification 4.3.9; Opus mapping family 1 uses it too.
	vorbisLayouts = [...]uint64{LayoutMono, LayoutStereo, LayoutSurround, LayoutQuad,
		Layout5Point0Back, Layout5Point1Back, Layout6Point1, Layout7Point1}
	// flac_channel_layouts (libavcodec/flac.c), set by
	// ff_flac_set_channel_layout, the channel assignments of RFC 9639 9.1.3.
	flacLayouts = [...]uint64{LayoutMono, LayoutStereo, LayoutSurround, LayoutQuad,
		Layout5Point0, Layout5Point1, Layout6Point1, Layout7Point1}
	// tta_channel_layouts (libavcodec/tta.c), set by tta_decode_init from
	// two channels up; five channels have none, and the 5.1 decoder's
	// av_channel_layout_from_mask(0) then leaves the stream with no
	// channels (TTANoLayout).
	ttaLayouts = [...]uint64{0, LayoutStereo, Layout2Point1, LayoutQuad, 0,
		Layout5Point1Back, Layout6Point1Back, Layout7Point1Wide}
	// ff_alac_ch_layouts (libavcodec/alac_data.c), set by alac_decode_init.
	alacLayouts = [...]uint64{LayoutMono, LayoutStereo, LayoutSurround, Layout4Point0,
		Layout5Point0Back, Layout5Point1Back, Layout6Point1Back, Layout7Point1WideBack}
	// The decoders that output one or two channels as mono or stereo: the
	// MPEG audio decoders from the frame's mode (mpegaudiodec_template.c),
	// Opus without a mapping table (ff_opus_parse_extradata, mapping
	// family 0), and a few game and web codecs.
	monoStereoLayouts = [...]uint64{LayoutMono, LayoutStereo}
)

// DecoderLayout returns the channel layout, as a mask, that FFmpeg 5.1's
// decoder for a codec sets by itself for a stream the container says has
// the given number of channels; 0 when the decoder keeps the container's
// layout (PCM and most ADPCM, where ffprobe prints none unless the
// container has one) or takes it from the bitstream (AAC, AC-3, DTS). The
// mask's channel count is the decoder's: the speech codecs are mono and DV
// audio stereo whatever the container says.
func DecoderLayout(name string, channels int) uint64 {
	var table []uint64
	switch name {
	case "adpcm_g722", "adpcm_g726", "adpcm_g726le", "comfortnoise", "dsicinaudio", "dss_sp", "evrc",
		"gsm", "gsm_ms", "ilbc", "imc", "msnsiren", "nellymoser", "qcelp", "ra_144", "sipr", "siren",
		"truespeech", "westwood_snd1":
		return LayoutMono
	case "bmv_audio", "dvaudio", "paf_audio":
		return LayoutStereo
	case "mp1", "mp2", "mp3", "opus", "avc", "binkaudio_rdft", "smackaudio", "vmdaudio":
		table = monoStereoLayouts[:]
	case "vorbis":
		table = vorbisLayouts[:]
	case "flac":
		table = flacLayouts[:]
	case "alac":
		table = alacLayouts[:]
	case "tta":
		table = ttaLayouts[:]
	}
	if channels < 1 || channels > len(table) {
		return 0
	}
	return table[channels-1]
}

// FillDecoded sets on an audio stream what its decoder reports once open,
// after the codec and channel count are final: the sample format, the bits
// per raw sample and, for the decoders that set their own, the layout and
// channel count (GSM is mono whatever the container says).
func FillDecoded(st *container.Stream) {
	st.SampleFmt = SampleFormat(st.CodecName, st.Channels)
	st.BitsPerRawSample = BitsPerRawSample(st.CodecName)
	if m := DecoderLayout(st.CodecName, st.Channels); m != 0 {
		st.Channels, st.ChannelLayout = LayoutChannels(m), LayoutName(m)
	}
}

// TTANoLayout reports the channel count for which tta_decode_init sets
// an empty layout, and the stream is left with no channels: five.
func TTANoLayout(channels int) bool { return channels == 5 }
