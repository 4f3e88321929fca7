package container

import "math"

// Angle returns the counter-clockwise rotation in degrees that the matrix
// applies, in [-180, 180], as av_display_rotation_get computes it
// (libavutil/display.c); NaN when a column of the matrix's upper left 2x2
// part is zero.
func (d DisplayMatrix) Angle() float64 {
	m := &d.Matrix
	conv := func(x int32) float64 { return float64(x) / (1 << 16) } // CONV_FP
	s0 := math.Hypot(conv(m[0]), conv(m[3]))
	s1 := math.Hypot(conv(m[1]), conv(m[4]))
	if s0 == 0 || s1 == 0 {
		return math.NaN()
	}
	r := math.Atan2(conv(m[1])/s1, conv(m[0])/s0) * 180 / math.Pi
	return -r
}

// Rotation returns the rotation as ffprobe prints it: print_int of the
// double av_display_rotation_get returns, so truncated toward zero (a turn
// of 29.99998° prints 29, -90° prints -90), and math.MinInt64 for a
// degenerate matrix, whose NaN x86 converts to the smallest int64 (ffprobe
// 5.1 prints -9223372036854775808).
func (d DisplayMatrix) Rotation() int64 {
	return truncInt64(d.Angle())
}

// truncInt64 converts f to an integer as C's (long long) conversion does on
// x86-64: toward zero, with NaN and out-of-range values giving the
// "integer indefinite" value, the smallest int64.
func truncInt64(f float64) int64 {
	if math.IsNaN(f) || f >= 1<<63 || f < -(1<<63) {
		return math.MinInt64
	}
	return int64(f)
}

// Rotation returns the rotation ffprobe prints in the stream's display
// matrix side data (counter-clockwise degrees, see
// [DisplayMatrix.Rotation]); ok is false when the stream has no display
// matrix. A clockwise turn of 90° is -90.
func (s *Stream) Rotation() (degrees int64, ok bool) {
	dm, ok := SideDataOf[DisplayMatrix](s)
	if !ok {
		return 0, false
	}
	return dm.Rotation(), true
}

// DisplayAspectRatio returns the display aspect ratio ffprobe prints for a
// video stream: width×SAR.num : height×SAR.den reduced with
// av_reduce(…, 1024*1024), as print_stream computes it. It is 0/0 when the
// sample aspect ratio is unknown, where ffprobe prints neither.
func (s *Stream) DisplayAspectRatio() Rational {
	sar := s.SampleAspectRatio
	if sar.Num == 0 || sar.Den == 0 {
		return Rational{}
	}
	// par->width * sar.num is a product of two ints in C: it wraps at 32
	// bits before av_reduce sees it.
	num := int64(int32(s.Width) * int32(sar.Num))
	den := int64(int32(s.Height) * int32(sar.Den))
	return Rational{num, den}.Reduce(1024 * 1024)
}
