package mpegvideo

// The names ffprobe prints for the colour description code points
// (colour_primaries, transfer_characteristics, matrix_coefficients: ISO/IEC
// 13818-2 tables 6-7 to 6-9, ISO/IEC 14496-2 tables 6-7 to 6-9, ITU-T
// H.273), which FFmpeg's decoders store unchecked in AVCodecContext and
// ffprobe names with av_color_primaries_name, av_color_transfer_name and
// av_color_space_name (libavutil/pixdesc.c). ffprobe prints nothing for
// "unspecified" (2) and for codes libavutil has no name for; the reserved
// codes 0 and 3 print as "reserved". Every code 0-25, 100 and 255 was
// checked against ffprobe 5.1 on an MPEG-2 sequence_display_extension.
//
// These tables belong in package codec, beside the other facts every
// container and codec shares (H.264, HEVC, AV1 and VP9 carry the same code
// points); they live here until codec has them, and codec/mpeg4 uses them
// from here.

var primariesNames = [...]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428", 11: "smpte431", 12: "smpte432",
	22: "ebu3213",
}

var transferNames = [...]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "linear", 9: "log100", 10: "log316", 11: "iec61966-2-4", 12: "bt1361e",
	13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12", 16: "smpte2084", 17: "smpte428",
	18: "arib-std-b67",
}

var matrixNames = [...]string{
	0: "gbr", 1: "bt709", 3: "reserved", 4: "fcc", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
	8: "ycgco", 9: "bt2020nc", 10: "bt2020c", 11: "smpte2085", 12: "chroma-derived-nc",
	13: "chroma-derived-c", 14: "ictcp",
}

func name(table []string, code int) string {
	if code < 0 || code >= len(table) {
		return ""
	}
	return table[code]
}

// ColourPrimariesName returns the color_primaries ffprobe prints for a
// colour_primaries code point, "" when it prints none.
func ColourPrimariesName(code int) string { return name(primariesNames[:], code) }

// TransferCharacteristicsName returns the color_transfer ffprobe prints
// for a transfer_characteristics code point, "" when it prints none.
func TransferCharacteristicsName(code int) string { return name(transferNames[:], code) }

// MatrixCoefficientsName returns the color_space ffprobe prints for a
// matrix_coefficients code point, "" when it prints none.
func MatrixCoefficientsName(code int) string { return name(matrixNames[:], code) }
