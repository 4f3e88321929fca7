package mp4

import "github.com/mediaprobe/mediaprobe/codec"

// The fourcc tables of libavformat/isom.c: ff_codec_movvideo_tags and
// ff_codec_movaudio_tags are generated from FFmpeg 5.1 in codec
// (codec.MovVideoCodec, codec.MovAudioCodec); the subtitle and data tables,
// which libavformat does not export, follow.

// movSubtitleTags is ff_codec_movsubtitle_tags as FFmpeg 5.1 has it: no
// wvtt (WebVTT), stpp (TTML) or c708, whose tracks ffprobe shows as data
// without a codec. mp4s (VobSub) is no tag either: its esds names the codec
// (object type 0xE0, dvd_subtitle).
var movSubtitleTags = []codec.FourCC{
	{Tag: "text", Name: "mov_text"}, {Tag: "tx3g", Name: "mov_text"}, {Tag: "c608", Name: "eia_608"},
}

// movDataTags is ff_codec_movdata_tags.
var movDataTags = []codec.FourCC{{Tag: "gpmd", Name: "bin_data"}}

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
