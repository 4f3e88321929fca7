package codec

// MovVideoCodec returns the codec of a QuickTime/ISO video sample entry
// fourcc as ff_codec_movvideo_tags (libavformat/isom.c) maps it, reduced
// to what common files carry; "" for a fourcc it does not know, or knows
// without a codec FFmpeg 5.1 has. MP4 sample entries and Matroska's
// V_QUICKTIME tracks use it.
// VfW demuxers (avidec.c, matroskadec.c) fall back on it for a
// BITMAPINFOHEADER fourcc that ff_codec_bmp_tags does not know
// (MovVideoCodecTag). As ff_codec_get_id, a fourcc matching no entry exactly matches one
// that differs only in letter case ("svq1" for "SVQ1").
func MovVideoCodec(fourcc string) string {
	if c, ok := movVideoTags[fourcc]; ok {
		return c
	}
	if len(fourcc) != 4 {
		return ""
	}
	// No two entries differ only in case, so the map's order does not
	// matter (TestMovVideoCodec checks).
	up := toUpper4(fourcc)
	for k, c := range movVideoTags {
		if toUpper4(k) == up {
			return c
		}
	}
	return ""
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
	"sgi ": "sgi",
}

// MovVideoCodecTag is MovVideoCodec of a little-endian codec tag.
func MovVideoCodecTag(tag uint32) string { return MovVideoCodec(tagBytes(tag)) }
