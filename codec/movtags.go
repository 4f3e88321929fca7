package codec

// MovVideoCodec returns the codec of a QuickTime/ISO video sample entry
// fourcc as ff_codec_get_id(ff_codec_movvideo_tags, tag) finds it: the
// first entry whose tag equals it, else the first that equals it once
// both are upper-cased (avpriv_toupper4: "svq1" is SVQ1); "" for a fourcc
// the table does not have. MP4 sample entries, Matroska's V_QUICKTIME
// tracks and, as avidec.c and matroskadec.c fall back on it, VfW fourccs
// that ff_codec_bmp_tags does not know (MovVideoCodecTag) use it.
func MovVideoCodec(fourcc string) string {
	for _, t := range movVideoTags {
		if t.tag == fourcc {
			return t.name
		}
	}
	if len(fourcc) != 4 {
		return ""
	}
	up := toUpper4(fourcc)
	for _, t := range movVideoTags {
		if toUpper4(t.tag) == up {
			return t.name
		}
	}
	return ""
}

// MovVideoCodecTag is MovVideoCodec of a little-endian codec tag.
func MovVideoCodecTag(tag uint32) string { return MovVideoCodec(tagBytes(tag)) }
