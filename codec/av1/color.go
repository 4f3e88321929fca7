package av1

// The names FFmpeg gives the colour code points of ITU-T H.273, which AV1's
// color_config, VP9's vpcC and the ISO-BMFF colr box carry: ffprobe prints
// color_primaries, color_transfer and color_space with them
// (av_color_primaries_name, av_color_transfer_name and av_color_space_name in
// libavutil/pixdesc.c). These tables belong in package codec, beside the
// other codec facts that every container needs; they are here until they
// move there.
//
// Each name is the one ffprobe 5.1 prints, so the code points H.273 reserves
// inside FFmpeg's tables read "reserved", and code points past them (or in
// the gap before EBU 3213) have no name. "Unspecified" (2) maps to "", as
// ffprobe prints "unknown" for it and the model keeps "" for that.

var primariesNames = [...]string{
	0: "reserved", 1: "bt709", 2: "", 3: "reserved", 4: "bt470m", 5: "bt470bg",
	6: "smpte170m", 7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428",
	11: "smpte431", 12: "smpte432", 22: "ebu3213",
}

var transferNames = [...]string{
	0: "reserved", 1: "bt709", 2: "", 3: "reserved", 4: "bt470m", 5: "bt470bg",
	6: "smpte170m", 7: "smpte240m", 8: "linear", 9: "log100", 10: "log316",
	11: "iec61966-2-4", 12: "bt1361e", 13: "iec61966-2-1", 14: "bt2020-10",
	15: "bt2020-12", 16: "smpte2084", 17: "smpte428", 18: "arib-std-b67",
}

var matrixNames = [...]string{
	0: "gbr", 1: "bt709", 2: "", 3: "reserved", 4: "fcc", 5: "bt470bg",
	6: "smpte170m", 7: "smpte240m", 8: "ycgco", 9: "bt2020nc", 10: "bt2020c",
	11: "smpte2085", 12: "chroma-derived-nc", 13: "chroma-derived-c", 14: "ictcp",
}

// ColorPrimariesName returns the name ffprobe prints as color_primaries for
// an H.273 ColourPrimaries code point, "" when it prints "unknown".
func ColorPrimariesName(code int) string { return name(primariesNames[:], code) }

// TransferName returns the name ffprobe prints as color_transfer for an
// H.273 TransferCharacteristics code point, "" when it prints "unknown".
func TransferName(code int) string { return name(transferNames[:], code) }

// MatrixName returns the name ffprobe prints as color_space for an H.273
// MatrixCoefficients code point, "" when it prints "unknown".
func MatrixName(code int) string { return name(matrixNames[:], code) }

func name(table []string, code int) string {
	if code < 0 || code >= len(table) {
		return ""
	}
	return table[code]
}

// ColorRangeName returns what ffprobe prints as color_range for a
// full-range flag (AV1 color_range, VP9 color_range, vpcC
// videoFullRangeFlag): "pc" (AVCOL_RANGE_JPEG) or "tv" (AVCOL_RANGE_MPEG).
func ColorRangeName(full bool) string {
	if full {
		return "pc"
	}
	return "tv"
}
