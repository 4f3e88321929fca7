package hevc

// The names FFmpeg 5.1 gives the colour description code points of ITU-T
// H.273 (libavutil/pixdesc.c: color_primaries_names, color_transfer_names,
// color_space_names, chroma_location_names), which ffprobe prints; an
// empty entry is a code point FFmpeg has no name for (av_color_*_name
// returns NULL).
//
// These tables belong in package codec, beside the other facts every
// video parser shares (H.264, AV1, VP9 and MPEG-2 use the same code
// points); they are here until codec has them, and unexported so that no
// one comes to depend on this copy.
var (
	colorPrimariesNames = [...]string{
		0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg",
		6: "smpte170m", 7: "smpte240m", 8: "film", 9: "bt2020", 10: "smpte428",
		11: "smpte431", 12: "smpte432", 22: "ebu3213",
	}
	colorTransferNames = [...]string{
		0: "reserved", 1: "bt709", 2: "unknown", 3: "reserved", 4: "bt470m", 5: "bt470bg",
		6: "smpte170m", 7: "smpte240m", 8: "linear", 9: "log100", 10: "log316",
		11: "iec61966-2-4", 12: "bt1361e", 13: "iec61966-2-1", 14: "bt2020-10",
		15: "bt2020-12", 16: "smpte2084", 17: "smpte428", 18: "arib-std-b67",
	}
	colorSpaceNames = [...]string{
		0: "gbr", 1: "bt709", 2: "unknown", 3: "reserved", 4: "fcc", 5: "bt470bg",
		6: "smpte170m", 7: "smpte240m", 8: "ycgco", 9: "bt2020nc", 10: "bt2020c",
		11: "smpte2085", 12: "chroma-derived-nc", 13: "chroma-derived-c", 14: "ictcp",
	}
	// chromaLocationNames are indexed by enum AVChromaLocation, which is
	// chroma_sample_loc_type + 1 (0 is "unspecified").
	chromaLocationNames = [...]string{
		0: "unspecified", 1: "left", 2: "center", 3: "topleft", 4: "top", 5: "bottomleft", 6: "bottom",
	}
)

// The code points that mean "unspecified" (AVCOL_*_UNSPECIFIED), and the
// matrix of RGB (AVCOL_SPC_RGB).
const (
	colorUnspecified = 2
	matrixRGB        = 0
)

// name returns names[v], "" when v is out of the table.
func name(names []string, v int) string {
	if v < 0 || v >= len(names) {
		return ""
	}
	return names[v]
}

// printed returns what ffprobe prints for a colour property holding code
// point v (print_primaries and its siblings in fftools/ffprobe.c): its
// name, or "" where ffprobe prints nothing, for the unspecified value and
// for values without a name.
func printed(names []string, v int) string {
	if v == colorUnspecified {
		return ""
	}
	return name(names, v)
}

// pixFmt returns the name of the pixel format hevc_ps.c map_pixel_format
// chooses for a bit depth and chroma_format_idc (0 after
// separate_colour_plane_flag), as decode_vui then changes it: yuvj420p
// for full-range 8-bit 4:2:0, and the planar RGB formats for 4:4:4 with
// the RGB matrix (not at 9 bits, which has no GBR format there). The
// formats above 8 bits are native-endian in FFmpeg; ffprobe prints the
// little-endian names of the machines it runs on. "" for the depths
// FFmpeg refuses.
func pixFmt(bitDepth, chroma int, fullRange, rgb bool) string {
	var fmts [4]string
	switch bitDepth {
	case 8:
		fmts = [4]string{"gray", "yuv420p", "yuv422p", "yuv444p"}
		if fullRange {
			fmts[1] = "yuvj420p"
		}
		if rgb {
			fmts[3] = "gbrp"
		}
	case 9:
		fmts = [4]string{"gray9le", "yuv420p9le", "yuv422p9le", "yuv444p9le"}
	case 10:
		fmts = [4]string{"gray10le", "yuv420p10le", "yuv422p10le", "yuv444p10le"}
		if rgb {
			fmts[3] = "gbrp10le"
		}
	case 12:
		fmts = [4]string{"gray12le", "yuv420p12le", "yuv422p12le", "yuv444p12le"}
		if rgb {
			fmts[3] = "gbrp12le"
		}
	default:
		return ""
	}
	if chroma < 0 || chroma > 3 {
		return ""
	}
	return fmts[chroma]
}
