package codec

// ValidPictureSize is av_image_check_size (libavutil/imgutils.c) for a
// picture of no known pixel format, the check ff_set_dimensions and the
// decoders' header parsers apply before they accept a size: both
// dimensions positive and a line of 8 bytes a pixel plus 1024, times the
// height plus 128, below INT_MAX. A size it refuses makes the decoder
// refuse the header (or, through ff_set_dimensions, set 0x0).
func ValidPictureSize(w, h int64) bool {
	const intMax = 1<<31 - 1
	if w <= 0 || h <= 0 || w > intMax || h > intMax {
		return false
	}
	stride := 8*w + 1024
	return stride < intMax && stride*(h+128) < intMax
}
