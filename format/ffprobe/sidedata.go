package ffprobe

import (
	"fmt"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// sideData renders one entry of side_data_list as ffprobe 5.1's
// print_pkt_side_data does: side_data_type, then the fields it prints for
// that kind, numbers as JSON numbers (print_int) and rationals as "num/den"
// strings (print_q). Replay Gain, ICC Profile and Encryption initialization
// data get their type only: 5.1 has no printer for them.
func sideData(st *container.Stream, sd container.SideData) *ordered.Object {
	o := &ordered.Object{}
	o.Set("side_data_type", sd.Kind().String())
	switch x := sd.(type) {
	case container.DisplayMatrix:
		o.Set("displaymatrix", matrixText(x.Matrix))
		o.Set("rotation", x.Rotation())
	case container.Stereo3D:
		o.Set("type", x.Type.String())
		o.Set("inverted", b2i(x.Inverted))
	case container.Spherical:
		o.Set("projection", x.Projection.String())
		switch x.Projection {
		case container.SphericalCubemap:
			o.Set("padding", int64(x.Padding))
		case container.SphericalEquirectangularTile:
			// av_spherical_tile_bounds gives size_t values; print_int
			// takes them as long long.
			l, t, r, b, _ := x.TileBounds(st.Width, st.Height)
			o.Set("bound_left", int64(l))
			o.Set("bound_top", int64(t))
			o.Set("bound_right", int64(r))
			o.Set("bound_bottom", int64(b))
		}
		// print_int of (double) yaw / (1 << 16): truncated toward zero.
		o.Set("yaw", int64(float64(x.Yaw)/(1<<16)))
		o.Set("pitch", int64(float64(x.Pitch)/(1<<16)))
		o.Set("roll", int64(float64(x.Roll)/(1<<16)))
	case container.MasteringDisplay:
		if x.HasPrimaries {
			for i, c := range [3]string{"red", "green", "blue"} {
				o.Set(c+"_x", x.Primaries[i][0].String())
				o.Set(c+"_y", x.Primaries[i][1].String())
			}
			o.Set("white_point_x", x.WhitePoint[0].String())
			o.Set("white_point_y", x.WhitePoint[1].String())
		}
		if x.HasLuminance {
			o.Set("min_luminance", x.MinLuminance.String())
			o.Set("max_luminance", x.MaxLuminance.String())
		}
	case container.ContentLight:
		o.Set("max_content", int64(x.MaxCLL))
		o.Set("max_average", int64(x.MaxFALL))
	case container.DOVIConfig:
		o.Set("dv_version_major", int64(x.VersionMajor))
		o.Set("dv_version_minor", int64(x.VersionMinor))
		o.Set("dv_profile", int64(x.Profile))
		o.Set("dv_level", int64(x.Level))
		o.Set("rpu_present_flag", b2i(x.RPUPresent))
		o.Set("el_present_flag", b2i(x.ELPresent))
		o.Set("bl_present_flag", b2i(x.BLPresent))
		o.Set("dv_bl_signal_compatibility_id", int64(x.BLSignalCompatibilityID))
	case container.AudioServiceType:
		o.Set("service_type", int64(x.Type))
	case container.CPBProperties:
		o.Set("max_bitrate", x.MaxBitrate)
		o.Set("min_bitrate", x.MinBitrate)
		o.Set("avg_bitrate", x.AvgBitrate)
		o.Set("buffer_size", x.BufferSize)
		// A uint64_t through print_int: all ones prints -1.
		o.Set("vbv_delay", int64(x.VBVDelay))
	}
	return o
}

// matrixText renders a display matrix as ffprobe prints "displaymatrix"
// (writer_print_integers with " %11d", 3 columns): a newline, then per row
// its index as "%08x: " and each value as " %11d", and a newline.
func matrixText(m [9]int32) string {
	var b strings.Builder
	b.WriteByte('\n')
	for row := 0; row < 3; row++ {
		fmt.Fprintf(&b, "%08x: ", row)
		for col := 0; col < 3; col++ {
			fmt.Fprintf(&b, " %11d", m[3*row+col])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// decoderOptions prints the decoder's exported options as ffprobe does
// after refs (print_stream: av_opt_get of every AV_OPT_FLAG_EXPORT option,
// in the decoder's option order, as strings).
func decoderOptions(o *ordered.Object, st *container.Stream) {
	switch x := st.DecoderOptions.(type) {
	case container.H264Options:
		o.Set("is_avc", fmt.Sprint(x.IsAVC))
		o.Set("nal_length_size", fmt.Sprint(x.NALLengthSize))
	case container.MPEG4Options:
		o.Set("quarter_sample", fmt.Sprint(x.QuarterSample))
		o.Set("divx_packed", fmt.Sprint(x.DivXPacked))
	}
}
