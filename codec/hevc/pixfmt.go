package hevc

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
