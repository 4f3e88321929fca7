package hevc

import "github.com/mediaprobe/mediaprobe/internal/bits"

// The ITU-T T.35 payloads of dynamic HDR metadata, which FFmpeg parses
// when it meets them in an SEI message and refuses when they are cut
// short or out of range; a refusal ends the SEI unit, so the checks
// decide which messages after one are read. Nothing of them is reported.
const (
	smpte2094_40OrientedCode = 0x0001 // provider_oriented_code of ST 2094-40
	smpte2094_40Application  = 4      // application_identifier of ST 2094-40
	cuvaOrientedCode         = 0x0005 // terminal_provide_oriented_code of HDR Vivid
)

// hdr10PlusValid reports whether FFmpeg accepts the user_data_registered
// payload of SMPTE ST 2094-40 (HDR10+) metadata after its application
// identifier (ff_parse_itu_t_t35_to_dynamic_hdr10_plus in
// libavcodec/dynamic_hdr10_plus.c): one to three windows, 2 to 25 rows
// and columns of each peak luminance table, and every group of fields
// present before it is read.
func hdr10PlusValid(p []byte) bool {
	r := bits.NewReader(p)
	if r.Left() < 10 {
		return false
	}
	r.Skip(8) // application_version
	windows := int(r.Bits(2))
	if windows < 1 || windows > 3 || r.Left() < (19*8+1)*(windows-1) {
		return false
	}
	r.Skip((19*8 + 1) * (windows - 1)) // the geometry of the windows after the first
	if r.Left() < 28 {
		return false
	}
	r.Skip(27) // targeted_system_display_maximum_luminance
	if r.Flag() && !peakLuminanceValid(r) {
		return false
	}
	for w := 0; w < windows; w++ {
		if r.Left() < 3*17+17+4 {
			return false
		}
		r.Skip(3*17 + 17) // maxscl, average_maxrgb
		n := int(r.Bits(4))
		if r.Left() < 24*n {
			return false
		}
		r.Skip(24 * n) // distribution_maxrgb_percentages and _percentiles
		if r.Left() < 10 {
			return false
		}
		r.Skip(10) // fraction_bright_pixels
	}
	if r.Left() < 1 {
		return false
	}
	if r.Flag() && !peakLuminanceValid(r) { // mastering_display_actual_peak_luminance_flag
		return false
	}
	for w := 0; w < windows; w++ {
		if r.Left() < 1 {
			return false
		}
		if r.Flag() { // tone_mapping_flag
			if r.Left() < 28 {
				return false
			}
			r.Skip(24) // knee_point_x, knee_point_y
			n := int(r.Bits(4))
			if r.Left() < 10*n {
				return false
			}
			r.Skip(10 * n) // bezier_curve_anchors
		}
		if r.Left() < 1 {
			return false
		}
		if r.Flag() { // color_saturation_mapping_flag
			if r.Left() < 6 {
				return false
			}
			r.Skip(6)
		}
	}
	return true
}

// peakLuminanceValid checks an actual peak luminance table of ST 2094-40:
// its rows and columns, 2 to 25 each, and its 4-bit entries.
func peakLuminanceValid(r *bits.Reader) bool {
	if r.Left() < 10 {
		return false
	}
	rows, cols := int(r.Bits(5)), int(r.Bits(5))
	if rows < 2 || rows > 25 || cols < 2 || cols > 25 || r.Left() < 4*rows*cols {
		return false
	}
	r.Skip(4 * rows * cols)
	return true
}

// hdrVividValid reports whether FFmpeg accepts HDR Vivid metadata after
// its oriented code (ff_parse_itu_t_t35_to_dynamic_hdr_vivid in
// libavcodec/dynamic_hdr_vivid.c). Its checks are FFmpeg's, including
// those that test a count before reading it (against zero, its initial
// value), which let some fields run past the end unrefused.
func hdrVividValid(p []byte) bool {
	r := bits.NewReader(p)
	if r.Left() < 8 {
		return false
	}
	if r.U8() != 1 { // system_start_code: only version 1 has fields
		return true
	}
	if r.Left() < 12*4 {
		return false
	}
	r.Skip(12 * 4) // minimum, average, variance and maximum maxrgb
	if r.Left() < 2 {
		return false
	}
	if r.Flag() { // tone_mapping_mode_flag
		if r.Left() < 1 {
			return false
		}
		n := int(r.Bit()) + 1 // tone_mapping_param_num
		for i := 0; i < n; i++ {
			if r.Left() < 13 {
				return false
			}
			r.Skip(12)     // targeted_system_display_maximum_luminance
			if !r.Flag() { // base_enable_flag
				continue
			}
			if r.Left() < 14+6+10+10+6+8+10 {
				return false
			}
			r.Skip(14 + 6 + 10 + 10 + 6 + 2 + 2 + 4 + 3 + 7) // base_param_*
			if r.Left() < 1 {
				return false
			}
			if r.Flag() { // three_Spline_enable_flag
				// FFmpeg checks for 1 + three_Spline_num * 43 bits while
				// three_Spline_num is still 0.
				if r.Left() < 1 {
					return false
				}
				splines := int(r.Bit()) + 1
				for j := 0; j < splines; j++ {
					mode := r.Bits(2) // three_Spline_TH_mode
					if mode == 0 || mode == 2 {
						if r.Left() < 8 {
							return false
						}
						r.Skip(8)
					}
					r.Skip(12 + 10 + 10 + 8)
				}
			}
		}
	}
	if r.Flag() { // color_saturation_mapping_flag
		// Likewise checked against color_saturation_num while it is 0.
		if r.Left() < 3 {
			return false
		}
		r.Skip(8 * int(r.Bits(3)))
	}
	return true
}
