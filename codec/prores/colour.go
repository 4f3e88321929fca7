package prores

// The names FFmpeg 5.1 gives the ITU-T H.273 colour code points
// (libavutil/pixdesc.c: color_primaries_names, color_transfer_names,
// color_space_names, indexed by the AVColorPrimaries,
// AVColorTransferCharacteristic and AVColorSpace values, which are the
// H.273 code points). ffprobe prints a name when av_color_*_name has one
// and the value is not 2 (unspecified); it prints nothing for 2 and for
// the code points FFmpeg has no name for. Code points 0 and 3 are named
// "reserved" (and matrix 0 "gbr"), so a frame that codes them prints them.
//
// These tables are a codec fact that every video codec coding H.273 values
// shares (ProRes, H.264, HEVC, AV1, VP9, MPEG-2); they belong in package
// codec and live here until codec has them.

var primariesNames = [...]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428", 11: "smpte431", 12: "smpte432",
	22: "ebu3213",
}

var transferNames = [...]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "linear", 9: "log100", 10: "log316", 11: "iec61966-2-4",
	12: "bt1361e", 13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12", 16: "smpte2084",
	17: "smpte428", 18: "arib-std-b67",
}

var matrixNames = [...]string{
	0: "gbr", 1: "bt709", 3: "reserved", 4: "fcc", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "ycgco", 9: "bt2020nc", 10: "bt2020c", 11: "smpte2085",
	12: "chroma-derived-nc", 13: "chroma-derived-c", 14: "ictcp",
}

func name(table []string, v uint8) string {
	if int(v) < len(table) {
		return table[v]
	}
	return ""
}

// ColorPrimariesName returns what ffprobe prints as color_primaries for an
// H.273 ColourPrimaries code point, "" where it prints nothing.
func ColorPrimariesName(v uint8) string { return name(primariesNames[:], v) }

// ColorTransferName returns what ffprobe prints as color_transfer for an
// H.273 TransferCharacteristics code point, "" where it prints nothing.
func ColorTransferName(v uint8) string { return name(transferNames[:], v) }

// ColorSpaceName returns what ffprobe prints as color_space for an H.273
// MatrixCoefficients code point, "" where it prints nothing.
func ColorSpaceName(v uint8) string { return name(matrixNames[:], v) }
