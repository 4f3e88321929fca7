package hevc

import "github.com/mediaprobe/mediaprobe/internal/bits"

// maxFieldOrderPictures bounds the pictures PictureFieldOrder looks at.
const maxFieldOrderPictures = 16

// PictureFieldOrder returns the field order FFmpeg's HEVC parser reports
// for an Annex B stream, where a demuxer has the parser split it (raw
// .hevc, MPEG-TS): hevc_parser.c sets its field_order from the picture
// structure of the last pic_timing SEI at each slice, an
// AV_PICTURE_STRUCTURE value stored as an AVFieldOrder, and
// av_parser_parse2 hands the first positive one to the codec context. So
// a top field prints "progressive" and a bottom field "tt", as ffprobe
// 5.1 does; frame doubling and tripling (7, 8) are no field order ffprobe
// names, and nothing is printed. It returns "" when no picture in the
// first few decides.
func PictureFieldOrder(data []byte) string {
	var ps ParamSets
	for pictures := 0; len(data) > 0 && pictures < maxFieldOrderPictures; {
		nal, rest, ok := bits.NextNALUnit(data)
		if !ok {
			break
		}
		data = rest
		h, err := ParseNALHeader(nal)
		if err != nil {
			continue
		}
		if h.Type >= 32 {
			_ = ps.DecodeNAL(nal)
			continue
		}
		pictures++
		switch ps.SEI.PictureStruct {
		case PictureStructTop:
			return "progressive"
		case PictureStructBottom:
			return "tt"
		case PictureStructDoubling, PictureStructTripling:
			return ""
		}
	}
	return ""
}
