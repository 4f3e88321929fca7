package mp4

import "github.com/mediaprobe/mediaprobe/codec"

// The fourcc tables of libavformat/isom.c (ff_codec_movaudio_tags,
// ff_codec_movvideo_tags, ff_codec_movsubtitle_tags, ff_codec_movdata_tags),
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
	"sevc": "evrc", "ipcm": "pcm_s16be", "c608": "", "wma ": "wmav2",
}

var movVideoTags = map[string]string{
	"avc1": "h264", "avc2": "h264", "avc3": "h264", "avc4": "h264", "ai5q": "h264", "ai55": "h264",
	"AVin": "h264", "hvc1": "hevc", "hev1": "hevc", "dvh1": "hevc", "dvhe": "hevc",
	"av01": "av1", "vp08": "vp8", "vp09": "vp9", "mp4v": "mpeg4", "DIVX": "mpeg4", "XVID": "mpeg4",
	"3IV2": "mpeg4", "s263": "h263", "h263": "h263", "H263": "h263", "jpeg": "mjpeg",
	"mjpa": "mjpeg", "AVDJ": "mjpeg", "mjpb": "mjpegb", "png ": "png", "MPNG": "png",
	"apcn": "prores", "apch": "prores", "apcs": "prores", "apco": "prores", "ap4h": "prores",
	"ap4x": "prores", "SVQ1": "svq1", "SVQ3": "svq3", "rle ": "qtrle", "rpza": "rpza",
	"cvid": "cinepak", "smc ": "smc", "raw ": "rawvideo", "yuv2": "rawvideo", "2vuy": "rawvideo",
	"mp1v": "mpeg1video", "m1v ": "mpeg1video", "mp2v": "mpeg2video", "hdv1": "mpeg2video",
	"xdv2": "mpeg2video", "mx5p": "mpeg2video", "dvc ": "dvvideo", "dvcp": "dvvideo",
	"dv5n": "dvvideo", "AVdn": "dnxhd", "AVdh": "dnxhr", "vvc1": "", "vvi1": "", "vc-1": "vc1",
	"mjp2": "jpeg2000", "gif ": "gif", "tiff": "tiff", "b16g": "rawvideo", "r210": "r210",
	"v210": "v210", "hvt1": "", "evc1": "evc", "Hap1": "hap", "drac": "dirac", "ulh0": "utvideo",
}

// movSubtitleTags is ff_codec_movsubtitle_tags as FFmpeg 5.1 has it: no
// wvtt (WebVTT), stpp (TTML) or c708, whose tracks ffprobe shows as data
// without a codec. mp4s (VobSub) is no tag either: its esds names the codec
// (object type 0xE0, dvd_subtitle).
var movSubtitleTags = map[string]string{
	"tx3g": "mov_text", "text": "mov_text", "c608": "eia_608",
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
