package h264

// The names FFmpeg 5.1 gives the colour properties (libavutil/pixdesc.c),
// indexed by their code points, which H.264 E.2.1, HEVC, AV1 and MPEG-2
// share (ITU-T H.273). An empty entry has no name: av_color_*_name returns
// NULL and ffprobe prints nothing.
//
// These tables belong in package codec, where every video parser could
// share them; they are here until they move (see the package doc).
var (
	colorPrimariesNames = [...]string{
		0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg",
		6: "smpte170m", 7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428", 11: "smpte431",
		12: "smpte432", 22: "ebu3213",
	}
	colorTransferNames = [...]string{
		0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg",
		6: "smpte170m", 7: "smpte240m", 8: "linear", 9: "log100", 10: "log316",
		11: "iec61966-2-4", 12: "bt1361e", 13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12",
		16: "smpte2084", 17: "smpte428", 18: "arib-std-b67",
	}
	colorSpaceNames = [...]string{
		0: "gbr", 1: "bt709", 2: "unknown", 3: "reserved", 4: "fcc", 5: "bt470bg", 6: "smpte170m",
		7: "smpte240m", 8: "ycgco", 9: "bt2020nc", 10: "bt2020c", 11: "smpte2085",
		12: "chroma-derived-nc", 13: "chroma-derived-c", 14: "ictcp",
	}
	// chromaLocationNames is indexed by AVChromaLocation, which is
	// chroma_sample_loc_type + 1.
	chromaLocationNames = [...]string{
		1: "left", 2: "center", 3: "topleft", 4: "top", 5: "bottomleft", 6: "bottom",
	}
)

// Code points whose value FFmpeg's decision depends on.
const (
	colorUnspecified = 2 // AVCOL_PRI/TRC/SPC_UNSPECIFIED
	colorSpaceRGB    = 0 // AVCOL_SPC_RGB
)

// colorName returns what ffprobe prints for a colour property code point:
// "" for unspecified and for code points with no name, which ffprobe
// prints as "unknown" or not at all.
func colorName(names []string, v uint8) string {
	if v == colorUnspecified || int(v) >= len(names) {
		return ""
	}
	return names[v]
}
