package codec

// The colour description codes of ITU-T H.273 (ISO/IEC 23091-4), which
// H.264/HEVC VUI, AV1, VP9's vpcC, MPEG-2 sequence display extensions and
// the colr box of MP4 all use, with the names FFmpeg 5.1 gives them
// (libavutil/pixdesc.c color_primaries_names, color_transfer_names,
// color_space_names, chroma_location_names). ffprobe prints a name for
// every code that has one except "unknown" (code 2, unspecified), which it
// leaves out; "reserved" codes that have a name are printed as "reserved".

var colorPrimariesNames = map[int]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428", 11: "smpte431", 12: "smpte432",
	22: "ebu3213",
}

var colorTransferNames = map[int]string{
	0: "reserved", 1: "bt709", 3: "reserved", 4: "bt470m", 5: "bt470bg", 6: "smpte170m",
	7: "smpte240m", 8: "linear", 9: "log100", 10: "log316", 11: "iec61966-2-4", 12: "bt1361e",
	13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12", 16: "smpte2084", 17: "smpte428",
	18: "arib-std-b67",
}

var colorSpaceNames = map[int]string{
	0: "gbr", 1: "bt709", 3: "reserved", 4: "fcc", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m",
	8: "ycgco", 9: "bt2020nc", 10: "bt2020c", 11: "smpte2085", 12: "chroma-derived-nc",
	13: "chroma-derived-c", 14: "ictcp",
}

// Unspecified is the H.273 code of an unspecified colour primaries,
// transfer characteristics or matrix (AVCOL_*_UNSPECIFIED).
const Unspecified = 2

// MatrixRGB is the H.273 matrix coefficients code of RGB (AVCOL_SPC_RGB),
// which decoders read as a GBR pixel format.
const MatrixRGB = 0

// ColorPrimaries returns ffprobe's color_primaries for an H.273 code, ""
// where it prints none (unspecified, or a code FFmpeg has no name for).
func ColorPrimaries(code int) string { return colorPrimariesNames[code] }

// ColorTransfer returns ffprobe's color_transfer for an H.273 transfer
// characteristics code, "" where it prints none.
func ColorTransfer(code int) string { return colorTransferNames[code] }

// ColorSpace returns ffprobe's color_space for an H.273 matrix
// coefficients code, "" where it prints none.
func ColorSpace(code int) string { return colorSpaceNames[code] }

// KnownColorCodes reports which of the three codes FFmpeg has a name for;
// a demuxer that keeps a code only when it is named (mov_read_colr)
// replaces the others by Unspecified.
func KnownColorCodes(primaries, transfer, matrix int) (p, t, m bool) {
	_, p = colorPrimariesNames[primaries]
	_, t = colorTransferNames[transfer]
	_, m = colorSpaceNames[matrix]
	return p || primaries == Unspecified, t || transfer == Unspecified, m || matrix == Unspecified
}

// ColorRange returns ffprobe's color_range: "pc" for full range (JPEG),
// "tv" for limited (MPEG).
func ColorRange(full bool) string {
	if full {
		return "pc"
	}
	return "tv"
}

// chromaLocationNames are FFmpeg's names of AVChromaLocation values, which
// are H.273 chroma_sample_loc_type + 1 (0 is unspecified).
var chromaLocationNames = [...]string{"", "left", "center", "topleft", "top", "bottomleft", "bottom"}

// ChromaLocation returns ffprobe's chroma_location for an H.273 / H.264
// chroma_sample_loc_type (0 left, 1 center, 2 topleft, ...), "" for an
// out-of-range type.
func ChromaLocation(sampleLocType int) string {
	if sampleLocType < 0 || sampleLocType+1 >= len(chromaLocationNames) {
		return ""
	}
	return chromaLocationNames[sampleLocType+1]
}
