package mp4

import "github.com/mediaprobe/mediaprobe/codec"

// The fourcc tables of libavformat/isom.c (ff_codec_movaudio_tags,
// ff_codec_movsubtitle_tags (the video one is
// codec.MovVideoCodec), ff_codec_movdata_tags),
// reduced to what the corpus and common files carry. The first match wins,
// as in ff_codec_get_id.
var movAudioTags = map[string]string{
	"mp4a": "aac", ".mp3": "mp3", "ms\x00\x55": "mp3", ".mp2": "mp2", "ms\x00\x50": "mp2",
	"alac": "alac", "fLaC": "flac", "Opus": "opus", "ac-3": "ac3", "sac3": "ac3",
	"ec-3": "eac3", "dtsc": "dts", "dtsh": "dts", "dtsl": "dts", "dtse": "dts", "DTS ": "dts",
	"mlpa": "truehd", "mhm1": "mpegh_3d_audio", // 5.1 knows mhm1, not mha1
	"twos": "pcm_s16be", "sowt": "pcm_s16le", "lpcm": "pcm_s16be", "in24": "pcm_s24be",
	"in32": "pcm_s32be", "fl32": "pcm_f32be", "fl64": "pcm_f64be", "raw ": "pcm_u8",
	"NONE": "pcm_s16be", "ulaw": "pcm_mulaw", "alaw": "pcm_alaw", "ima4": "adpcm_ima_qt",
	"MAC3": "mace3", "MAC6": "mace6", "samr": "amr_nb", "sawb": "amr_wb", "Qclp": "qcelp",
	"Qclq": "qcelp", "sqcp": "qcelp", "QDM2": "qdm2", "QDMC": "qdmc", "agsm": "gsm",
	"spex": "speex", "SPXN": "speex", "dvca": "dvaudio", "vdva": "dvaudio", "nmos": "nellymoser",
	"sevc": "evrc", "ipcm": "pcm_s16le", "c608": "", "wma ": "wmav2",
}

var movSubtitleTags = map[string]string{
	"tx3g": "mov_text", "text": "mov_text", "c608": "eia_608", "c708": "eia_708",
	"wvtt": "webvtt", "stpp": "ttml", "dfxp": "ttml", "mp4s": "dvd_subtitle",
}

var movDataTags = map[string]string{"gpmd": "bin_data"}

// thdLayout is the TrueHD channel assignment bits' channels (thd_layout in
// libavcodec/mlp_parse.h): LR, C, LFE, LRs, LRvh, LRc, LRrs, Cs, Ts, LRsd,
// LRw, Cvh, LFE2.
var thdLayout = [13]uint64{
	codec.ChFL | codec.ChFR, codec.ChFC, codec.ChLFE, codec.ChSL | codec.ChSR, codec.ChTFL | codec.ChTFR,
	codec.ChFLC | codec.ChFRC, codec.ChBL | codec.ChBR, codec.ChBC, codec.ChTC, codec.ChSDL | codec.ChSDR,
	codec.ChWL | codec.ChWR, codec.ChTFC, codec.ChLFE2,
}

// ac3Bitrates are the AC-3 nominal rates in kbit/s by frmsizecod/2.
var ac3Bitrates = [19]int64{32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640}

// macLanguages is mov_mdhd_language_map (libavformat/isom.c) for the
// Macintosh language codes below 0x400 that it names.
var macLanguages = []string{
	"eng", "fra", "ger", "ita", "dut", "sve", "spa", "dan", "por", "nor", "heb", "jpn",
	"ara", "fin", "gre", "ice", "mlt", "tur", "hr ", "chi", "urd", "hin", "tha", "kor",
	"lit", "pol", "hun", "est", "lav", "", "fo ", "", "rus", "chi", "", "iri", "alb", "ron",
	"ces", "slk", "slv", "yid", "sr ", "mac", "bul", "ukr", "bel", "uzb", "kaz", "aze",
	"aze", "arm", "geo", "mol", "kir", "tgk", "tuk", "mon", "", "pus", "kur", "kas", "snd",
	"tib", "nep", "san", "mar", "ben", "asm", "guj", "pa ", "ori", "mal", "kan", "tam",
	"tel", "", "bur", "khm", "lao", "vie", "ind", "tgl", "may", "may", "amh", "tir", "orm",
	"som", "swa", "", "run", "", "mlg", "epo", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "wel", "baq", "cat", "lat", "que", "grn", "aym", "crh", "uig", "dzo", "jav",
}

// langISO639 mirrors ff_mov_lang_to_iso639: a packed ISO 639-2 code (three
// five-bit letters) from 0x400 up, a Macintosh code below, 0x7fff none.
func langISO639(code uint16) (string, bool) {
	if code >= 0x400 && code != 0x7fff {
		b := []byte{byte(0x60 + (code>>10)&0x1f), byte(0x60 + (code>>5)&0x1f), byte(0x60 + code&0x1f)}
		return string(b), true
	}
	if int(code) >= len(macLanguages) || macLanguages[code] == "" {
		return "", false
	}
	return macLanguages[code], true
}
