package wav

// tagEntry is one row of ff_codec_wav_tags: an FFmpeg codec name and the
// WAVEFORMATEX format tag that selects it.
type tagEntry struct {
	tag  uint32
	name string
}

// wavTags mirrors libavformat/riff.c ff_codec_wav_tags as of FFmpeg 5.1, in
// its order: a lookup takes the first row with the tag, so the rows that
// share a tag after the first are reachable only through the PCM
// bits-per-sample rule of CodecName.
var wavTags = []tagEntry{
	{0x0001, "pcm_s16le"},
	{0x0001, "pcm_u8"},
	{0x0001, "pcm_s24le"},
	{0x0001, "pcm_s32le"},
	{0x0001, "pcm_s64le"},
	{0x0002, "adpcm_ms"},
	{0x0003, "pcm_f32le"},
	{0x0003, "pcm_f64le"},
	{0x0006, "pcm_alaw"},
	{0x0007, "pcm_mulaw"},
	{0x000A, "wmavoice"},
	{0x0010, "adpcm_ima_oki"},
	{0x0011, "adpcm_ima_wav"},
	{0x0011, "adpcm_zork"},
	{0x0017, "adpcm_ima_oki"},
	{0x0020, "adpcm_yamaha"},
	{0x0022, "truespeech"},
	{0x0031, "gsm_ms"},
	{0x0032, "gsm_ms"}, // MSN audio
	{0x0038, "amr_nb"}, // rogue format number
	{0x0042, "g723_1"},
	{0x0045, "adpcm_g726"},
	{0x0014, "adpcm_g726"}, // G.723 Antex
	{0x0040, "adpcm_g726"}, // G.721 Antex
	{0x0050, "mp2"},
	{0x0055, "mp3"},
	{0x0057, "amr_nb"},
	{0x0058, "amr_wb"},
	{0x0061, "adpcm_ima_dk4"}, // rogue format number
	{0x0062, "adpcm_ima_dk3"}, // rogue format number
	{0x0064, "adpcm_g726"},
	{0x0069, "adpcm_ima_wav"},
	{0x0075, "metasound"},
	{0x0083, "g729"},
	{0x00ff, "aac"},
	{0x0111, "g723_1"},
	{0x0130, "sipr"},
	{0x0135, "acelp.kelvin"},
	{0x0160, "wmav1"},
	{0x0161, "wmav2"},
	{0x0162, "wmapro"},
	{0x0163, "wmalossless"},
	{0x0165, "xma1"},
	{0x0166, "xma2"},
	{0x0200, "adpcm_ct"},
	{0x0215, "dvaudio"},
	{0x0216, "dvaudio"},
	{0x0270, "atrac3"},
	{0x028E, "msnsiren"},
	{0x028F, "adpcm_g722"},
	{0x0401, "imc"},
	{0x0402, "iac"},
	{0x0500, "avc"},
	{0x0501, "avc"},
	{0x1500, "gsm_ms"},
	{0x1501, "truespeech"},
	{0x1600, "aac"}, // ADTS AAC
	{0x1602, "aac_latm"},
	{0x2000, "ac3"},
	{0x2000, "eac3"}, // no format tag of its own: only through its GUID
	{0x2001, "dts"},
	{0x2048, "sonic"},
	{0x2048, "sonicls"},
	{0x2222, "g729"},
	{0x6c75, "pcm_mulaw"},
	{0x706d, "aac"},
	{0x4143, "aac"},
	{0x594a, "xan_dpcm"},
	{0x729A, "g729"},
	{0xA100, "g723_1"}, // Comverse Infosys G.723.1
	{0xA106, "aac"},
	{0xA109, "speex"},
	{0xF1AC, "flac"},
	{0xFFFE, "dfpwm"}, // only reachable through its GUID
	{'S'<<8 + 'F', "adpcm_swf"},
	{'V'<<8 + 'o', "vorbis"}, // FFmpeg's own unofficial tag
}

// toUpper4 upper-cases the four bytes of a tag as ff_toupper4 does.
func toUpper4(t uint32) uint32 {
	var u uint32
	for i := 0; i < 32; i += 8 {
		c := byte(t >> i)
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		u |= uint32(c) << i
	}
	return u
}

// lookup returns the codec of the first row whose tag equals tag, or, failing
// that, of the first whose tag equals it ignoring the case of its bytes
// (libavformat/utils.c ff_codec_get_id).
func lookup(rows []tagEntry, tag uint32) string {
	for _, r := range rows {
		if r.tag == tag {
			return r.name
		}
	}
	u := toUpper4(tag)
	for _, r := range rows {
		if toUpper4(r.tag) == u {
			return r.name
		}
	}
	return ""
}

// CodecName returns FFmpeg's codec for a WAVEFORMATEX format tag and
// bits-per-sample field, as ff_wav_codec_get_id does: tag 1 becomes the
// integer PCM of that width (8 bits unsigned, wider signed), tag 3 the
// float PCM of that width, and IMA ADPCM with 8 bits the Zork PCM. It
// returns "" when FFmpeg has no codec for them (ffprobe then prints no
// codec_name).
func CodecName(tag uint32, bitsPerSample int) string {
	name := lookup(wavTags, tag)
	switch name {
	case "":
		return ""
	case "pcm_s16le":
		name = PCMCodecName(bitsPerSample, false, false, ^1)
	case "pcm_f32le":
		name = PCMCodecName(bitsPerSample, true, false, 0)
	}
	if name == "adpcm_ima_wav" && bitsPerSample == 8 {
		name = "adpcm_zork"
	}
	return name
}

// PCMCodecName returns the PCM codec for a sample width in bits, as
// libavformat/utils.c ff_get_pcm_codec_id does: float selects the 32- and
// 64-bit float codecs; otherwise the width rounds up to whole bytes, and bit
// n-1 of signedFlags says whether n-byte samples are signed.
func PCMCodecName(bits int, float, bigEndian bool, signedFlags int) string {
	if bits <= 0 || bits > 64 {
		return ""
	}
	end := "le"
	if bigEndian {
		end = "be"
	}
	if float {
		switch bits {
		case 32:
			return "pcm_f32" + end
		case 64:
			return "pcm_f64" + end
		}
		return ""
	}
	bytes := (bits + 7) >> 3
	if signedFlags&(1<<(bytes-1)) != 0 {
		switch bytes {
		case 1:
			return "pcm_s8"
		case 2:
			return "pcm_s16" + end
		case 3:
			return "pcm_s24" + end
		case 4:
			return "pcm_s32" + end
		case 8:
			return "pcm_s64" + end
		}
		return ""
	}
	switch bytes {
	case 1:
		return "pcm_u8"
	case 2:
		return "pcm_u16" + end
	case 3:
		return "pcm_u24" + end
	case 4:
		return "pcm_u32" + end
	}
	return ""
}
