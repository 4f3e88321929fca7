package matroska

import "strings"

// mkvCodecTags is ff_mkv_codec_tags (libavformat/matroska.c) as FFmpeg
// 5.1 has it: an entry matches a CodecID it is a prefix of, the first
// match winning.
var mkvCodecTags = [...]struct{ prefix, codec string }{
	{"A_AAC", "aac"},
	{"A_AC3", "ac3"},
	{"A_ALAC", "alac"},
	{"A_DTS", "dts"},
	{"A_EAC3", "eac3"},
	{"A_FLAC", "flac"},
	{"A_MLP", "mlp"},
	{"A_MPEG/L2", "mp2"},
	{"A_MPEG/L1", "mp1"},
	{"A_MPEG/L3", "mp3"},
	{"A_OPUS", "opus"},
	{"A_OPUS/EXPERIMENTAL", "opus"},
	{"A_PCM/FLOAT/IEEE", "pcm_f32le"},
	{"A_PCM/INT/BIG", "pcm_s16be"},
	{"A_PCM/INT/LIT", "pcm_s16le"},
	{"A_QUICKTIME/QDMC", "qdmc"},
	{"A_QUICKTIME/QDM2", "qdm2"},
	{"A_REAL/14_4", "ra_144"},
	{"A_REAL/28_8", "ra_288"},
	{"A_REAL/ATRC", "atrac3"},
	{"A_REAL/COOK", "cook"},
	{"A_REAL/SIPR", "sipr"},
	{"A_TRUEHD", "truehd"},
	{"A_TTA1", "tta"},
	{"A_VORBIS", "vorbis"},
	{"A_WAVPACK4", "wavpack"},

	{"D_WEBVTT/SUBTITLES", "webvtt"},
	{"D_WEBVTT/CAPTIONS", "webvtt"},
	{"D_WEBVTT/DESCRIPTIONS", "webvtt"},
	{"D_WEBVTT/METADATA", "webvtt"},

	{"S_TEXT/UTF8", "subrip"},
	{"S_TEXT/ASCII", "text"},
	{"S_TEXT/ASS", "ass"},
	{"S_TEXT/SSA", "ass"},
	{"S_ASS", "ass"},
	{"S_SSA", "ass"},
	{"S_VOBSUB", "dvd_subtitle"},
	{"S_DVBSUB", "dvb_subtitle"},
	{"S_HDMV/PGS", "hdmv_pgs_subtitle"},
	{"S_HDMV/TEXTST", "hdmv_text_subtitle"},

	{"V_AV1", "av1"},
	{"V_AVS2", "avs2"},
	{"V_AVS3", "avs3"},
	{"V_DIRAC", "dirac"},
	{"V_FFV1", "ffv1"},
	{"V_MJPEG", "mjpeg"},
	{"V_MPEG1", "mpeg1video"},
	{"V_MPEG2", "mpeg2video"},
	{"V_MPEG4/ISO/ASP", "mpeg4"},
	{"V_MPEG4/ISO/AP", "mpeg4"},
	{"V_MPEG4/ISO/SP", "mpeg4"},
	{"V_MPEG4/ISO/AVC", "h264"},
	{"V_MPEGH/ISO/HEVC", "hevc"},
	{"V_MPEG4/MS/V3", "msmpeg4v3"},
	{"V_PRORES", "prores"},
	{"V_REAL/RV10", "rv10"},
	{"V_REAL/RV20", "rv20"},
	{"V_REAL/RV30", "rv30"},
	{"V_REAL/RV40", "rv40"},
	{"V_SNOW", "snow"},
	{"V_THEORA", "theora"},
	{"V_UNCOMPRESSED", "rawvideo"},
	{"V_VP8", "vp8"},
	{"V_VP9", "vp9"},
}

// codecFor returns the codec of a CodecID, "" when FFmpeg knows none.
func codecFor(id string) string {
	for _, t := range mkvCodecTags {
		if strings.HasPrefix(id, t.prefix) {
			return t.codec
		}
	}
	return ""
}

// imageMIMEs is ff_mkv_image_mime_tags: attachments of these types become
// attached pictures.
var imageMIMEs = [...]struct{ prefix, codec string }{
	{"image/gif", "gif"},
	{"image/jpeg", "mjpeg"},
	{"image/png", "png"},
	{"image/tiff", "tiff"},
}

// attachmentMIMEs is ff_mkv_mime_tags: the codecs of other attachments
// (FFmpeg 5.1 has no entry for text/plain, nor for font/ttf or font/otf).
var attachmentMIMEs = [...]struct{ prefix, codec string }{
	{"application/x-truetype-font", "ttf"},
	{"application/x-font", "ttf"},
	{"application/vnd.ms-opentype", "otf"},
	{"binary", "bin_data"},
}

// stereoModes are ff_matroska_video_stereo_mode, the stereo_mode tag.
var stereoModes = [...]string{
	"mono", "left_right", "bottom_top", "top_bottom", "checkerboard_rl",
	"checkerboard_lr", "row_interleaved_rl", "row_interleaved_lr",
	"col_interleaved_rl", "col_interleaved_lr", "anaglyph_cyan_red",
	"right_left", "anaglyph_green_magenta", "block_lr", "block_rl",
}
