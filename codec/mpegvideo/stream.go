package mpegvideo

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// vbrBitRate is the bit_rate_value 0x3FFFF (in units of 400 bit/s) that
// marks a variable bit rate MPEG-1 stream (ISO/IEC 11172-2 2.4.3.2), and
// which FFmpeg treats as "no bit rate" in MPEG-2 streams too.
const vbrBitRate = 0x3FFFF * 400

// MPEG2 reports whether the stream is MPEG-2 video: a sequence_extension
// follows the sequence header (ISO/IEC 13818-2 6.1.1.6).
func (h *Headers) MPEG2() bool { return h.SequenceExtension != nil }

// CodecName returns the codec name ffprobe prints, "mpeg1video" or
// "mpeg2video": FFmpeg's decoder sets its codec_id from the bitstream
// (mpeg1_decode_sequence, mpeg_decode_sequence_extension) whatever the
// container declared, and avformat_find_stream_info copies it to the
// stream.
func (h *Headers) CodecName() string {
	if h.MPEG2() {
		return "mpeg2video"
	}
	return "mpeg1video"
}

// Width returns horizontal_size: the value and, in MPEG-2, its extension
// (ISO/IEC 13818-2 6.3.3).
func (h *Headers) Width() int {
	w := int(h.Sequence.HorizontalSizeValue)
	if e := h.SequenceExtension; e != nil {
		w |= int(e.HorizontalSizeExtension) << 12
	}
	return w
}

// Height returns vertical_size: the value and, in MPEG-2, its extension.
func (h *Headers) Height() int {
	v := int(h.Sequence.VerticalSizeValue)
	if e := h.SequenceExtension; e != nil {
		v |= int(e.VerticalSizeExtension) << 12
	}
	return v
}

// BitRate returns bit_rate in bit/s: bit_rate_value and, in MPEG-2,
// bit_rate_extension, in units of 400 bit/s (ISO/IEC 13818-2 6.3.3).
func (h *Headers) BitRate() int64 {
	br := int64(h.Sequence.BitRateValue)
	if e := h.SequenceExtension; e != nil {
		br += int64(e.BitRateExtension) << 18
	}
	return br * 400
}

// VBVBufferSize returns the VBV buffer size in bits:
// vbv_buffer_size_value and, in MPEG-2, its extension, in units of 16384
// bits (ISO/IEC 13818-2 6.3.3), as FFmpeg's rc_buffer_size.
func (h *Headers) VBVBufferSize() int64 {
	v := int64(h.Sequence.VBVBufferSizeValue)
	if e := h.SequenceExtension; e != nil {
		v += int64(e.VBVBufferSizeExtension) << 10
	}
	return v * 16384
}

// Profile returns the profile name ffprobe prints: for MPEG-2 the name of
// bits 6-4 of profile_and_level_indication (the escape bit is ignored, as
// mpeg_decode_sequence_extension skips it, so the 4:2:2 and multi-view
// indications 0x85 and 0x8E read as profile 0, "4:2:2"), the number for
// the two profiles without a name; "" for MPEG-1, which has none.
func (h *Headers) Profile() string {
	if e := h.SequenceExtension; e != nil {
		return profileNames[e.ProfileAndLevelIndication>>4&7]
	}
	return ""
}

// Level returns the level ffprobe prints: the low 4 bits of
// profile_and_level_indication for MPEG-2 (8 is Main level), and
// container.LevelUnknown for MPEG-1.
func (h *Headers) Level() int {
	if e := h.SequenceExtension; e != nil {
		return int(e.ProfileAndLevelIndication & 15)
	}
	return container.LevelUnknown
}

// ChromaFormat returns the chroma format FFmpeg decodes: chroma_format for
// MPEG-2, with the reserved 0 read as 1 (4:2:0) as
// mpeg_decode_sequence_extension does, and 1 for MPEG-1.
func (h *Headers) ChromaFormat() int {
	if e := h.SequenceExtension; e != nil && e.ChromaFormat != 0 {
		return int(e.ChromaFormat)
	}
	return 1
}

// PixFmt returns the pixel format of the chroma format, as
// mpeg_get_pixelformat chooses it: "yuv420p", "yuv422p" or "yuv444p".
func (h *Headers) PixFmt() string {
	switch h.ChromaFormat() {
	case 2:
		return "yuv422p"
	case 3:
		return "yuv444p"
	}
	return "yuv420p"
}

// ChromaLocation returns the chroma_location ffprobe prints, as
// mpeg_decode_postinit sets it: "center" for MPEG-1, "left" for MPEG-2
// 4:2:0 and "topleft" for 4:2:2 and 4:4:4.
func (h *Headers) ChromaLocation() string {
	switch {
	case !h.MPEG2():
		return "center"
	case h.ChromaFormat() == 1:
		return "left"
	}
	return "topleft"
}

// HasBFrames returns the has_b_frames ffprobe prints: 1 unless an MPEG-2
// sequence_extension sets low_delay (mpeg_decode_postinit sets
// has_b_frames to !low_delay, and MPEG-1 has no low_delay). Streams
// without B-pictures still print 1 when low_delay is clear, as ffmpeg's
// own encoder writes them.
func (h *Headers) HasBFrames() int {
	if e := h.SequenceExtension; e != nil && e.LowDelay {
		return 0
	}
	return 1
}

// FrameRate returns the frame rate the decoder sets (avctx->framerate in
// mpeg_decode_postinit): frame_rate_value of frame_rate_code, with FFmpeg's
// non-standard codes 9-13 and code 1 in place of the forbidden and
// reserved ones, and for MPEG-2 multiplied by (frame_rate_extension_n +
// 1) / (frame_rate_extension_d + 1) and reduced to terms below 2^30. It is
// the r_frame_rate of elementary, PS and TS streams; containers with a
// time-to-sample table (MP4) compute theirs.
func (h *Headers) FrameRate() container.Rational {
	code := h.Sequence.FrameRateCode
	if code == 0 || int(code) >= len(frameRates) {
		code = 1 // mpeg1_decode_sequence: "frame_rate_index %d is invalid"
	}
	fr := frameRates[code]
	if e := h.SequenceExtension; e != nil {
		fr = container.Rational{
			Num: fr.Num * int64(e.FrameRateExtensionN+1),
			Den: fr.Den * int64(e.FrameRateExtensionD+1),
		}.Reduce(1 << 30)
	}
	return fr
}

// SampleAspectRatio returns the sample aspect ratio the decoder sets, as
// mpeg_decode_postinit computes it, reduced; 0/1 when it is unknown or
// invalid.
//
// MPEG-1 takes it from pel_aspect_ratio. MPEG-2 codes 2 to 4 give a
// display aspect ratio; FFmpeg divides it by the frame size, or, when a
// sequence_display_extension gives a display size and the display aspect
// ratio computed against that size is exactly 4:3 or 16:9, by the display
// size ("we ignore the spec here and guess a bit as reality does not match
// the spec"). A ratio that av_image_check_sar refuses becomes 0/1.
func (h *Headers) SampleAspectRatio() container.Rational {
	w, ht := int64(h.Width()), int64(h.Height())
	a := h.Sequence.AspectRatioInformation & 15
	var sar container.Rational
	if !h.MPEG2() {
		sar = mpeg1SAR[a]
		if sar.Den == 0 {
			// av_d2q(0) inverted: 1/0, which av_image_check_sar refuses.
			return container.Rational{Num: 0, Den: 1}
		}
	} else {
		aspect := mpeg2Aspect[a]
		if a > 1 {
			var pw, ph int64
			if d := h.SequenceDisplayExtension; d != nil {
				// pan_scan.width and height: 16 * the display size.
				pw, ph = 16*int64(d.DisplayHorizontalSize), 16*int64(d.DisplayVerticalSize)
			}
			dar := mulQ(divQ(aspect, container.Rational{Num: pw, Den: ph}), container.Rational{Num: w, Den: ht})
			if pw == 0 || ph == 0 || (!eqQ(dar, container.Rational{Num: 4, Den: 3}) && !eqQ(dar, container.Rational{Num: 16, Den: 9})) {
				sar = divQ(aspect, container.Rational{Num: w, Den: ht})
			} else {
				sar = divQ(aspect, container.Rational{Num: pw, Den: ph})
			}
		} else {
			sar = aspect
		}
	}
	if !checkSAR(w, ht, sar) {
		return container.Rational{Num: 0, Den: 1}
	}
	return sar
}

// mulQ is av_mul_q: the product reduced to terms below 2^31.
func mulQ(a, b container.Rational) container.Rational {
	return container.Rational{Num: a.Num * b.Num, Den: a.Den * b.Den}.Reduce(1<<31 - 1)
}

// divQ is av_div_q.
func divQ(a, b container.Rational) container.Rational {
	return mulQ(a, container.Rational{Num: b.Den, Den: b.Num})
}

// eqQ reports whether av_cmp_q finds a and b equal.
func eqQ(a, b container.Rational) bool {
	return a.Den != 0 && b.Den != 0 && a.Num*b.Den == b.Num*a.Den
}

// checkSAR is av_image_check_sar (libavutil/imgutils.c): a sample aspect
// ratio is refused when it is negative, has a zero denominator, or scales
// a side of the frame to nothing.
func checkSAR(w, h int64, sar container.Rational) bool {
	if sar.Den <= 0 || sar.Num < 0 {
		return false
	}
	if sar.Num == 0 || sar.Num == sar.Den {
		return true
	}
	var scaled int64
	if sar.Num < sar.Den {
		scaled = w * sar.Num / sar.Den
	} else {
		scaled = h * sar.Den / sar.Num
	}
	return scaled > 0
}

// FieldOrder returns the field_order ffprobe prints for an MPEG-2 stream,
// as libavcodec/mpegvideo_parser.c sets it from the first picture: "tt" or
// "bb" for an interlaced frame of an interlaced sequence (by
// top_field_first), "progressive" otherwise. Without a
// picture_coding_extension it is "progressive" for a progressive sequence
// (whose every picture gives that) and "" for an interlaced one; MPEG-1
// has none.
func (h *Headers) FieldOrder() string {
	e := h.SequenceExtension
	if e == nil {
		return ""
	}
	if e.ProgressiveSequence {
		return "progressive"
	}
	p := h.PictureCodingExtension
	switch {
	case p == nil:
		return ""
	case p.ProgressiveFrame:
		return "progressive"
	case p.TopFieldFirst:
		return "tt"
	}
	return "bb"
}

// CPBProperties returns the coded picture buffer properties that FFmpeg's
// decoder exports for an MPEG-2 stream (AV_PKT_DATA_CPB_PROPERTIES, from
// the sequence header and extension): the bit rate as the maximum, 0 when
// it is the VBR value 0x3FFFF, and the VBV buffer size; the minimum and
// average bit rates are 0 and the VBV delay unknown. ok is false for
// MPEG-1, for which ffprobe 5.1 prints no side data.
func (h *Headers) CPBProperties() (cpb container.CPBProperties, ok bool) {
	if !h.MPEG2() {
		return cpb, false
	}
	if br := h.BitRate(); br != vbrBitRate {
		cpb.MaxBitrate = br
	}
	cpb.BufferSize = h.VBVBufferSize()
	cpb.VBVDelay = ^uint64(0)
	return cpb, true
}

// Fill sets the fields of st that ffprobe 5.1 takes from FFmpeg's MPEG-1/2
// video decoder once avformat_find_stream_info has run it over these
// headers. Call it after the container has set its own values: it
// overwrites those the decoder overwrites and leaves the others alone.
//
//   - CodecName and CodecLongName: mpeg1video or mpeg2video, by the
//     bitstream (see CodecName).
//   - Profile and Level (see Profile, Level).
//   - Width and Height: the sequence size. CodedWidth and CodedHeight are
//     0, as ffprobe prints them: mpeg_decode_init clears the coded size
//     ("do not trust dimensions from input") of the decoder ffprobe opens
//     itself, and nothing sets it until a frame is decoded.
//   - PixFmt, ChromaLocation, HasBFrames, FieldOrder (when known; see
//     FieldOrder).
//   - SampleAspectRatio, unless the container has set a valid one
//     (ffprobe's av_guess_sample_aspect_ratio prefers the stream's, such
//     as an MP4 pasp box, to the decoder's); left alone when the decoder's
//     is unknown.
//   - ColorRange: "tv" always (mpeg_decode_init); ColorPrimaries,
//     ColorTransfer and ColorSpace from the sequence_display_extension's
//     colour description.
//   - BitRate, for MPEG-1 only: the decoder replaces the container's bit
//     rate with the sequence header's when it is not 0 (the VBR value
//     included, since mpeg_decode_postinit tests the VBV delay of a
//     picture it has not read yet). The MPEG-2 bit rate goes to the
//     decoder's rc_max_rate, which ffprobe 5.1 does not print.
//   - SideData: the CPB properties of an MPEG-2 stream (see
//     CPBProperties).
//
// RFrameRate is not set: see FrameRate.
func (h *Headers) Fill(st *container.Stream) {
	st.CodecName = h.CodecName()
	st.CodecLongName = codec.LongName(st.CodecName)
	st.Profile = h.Profile()
	st.Level = h.Level()
	st.Width, st.Height = h.Width(), h.Height()
	st.CodedWidth, st.CodedHeight = 0, 0
	st.PixFmt = h.PixFmt()
	if !(st.SampleAspectRatio.Num > 0 && st.SampleAspectRatio.Den > 0) {
		if sar := h.SampleAspectRatio(); sar.Num != 0 {
			st.SampleAspectRatio = sar
		}
	}
	st.HasBFrames = h.HasBFrames()
	st.ColorRange = "tv"
	if d := h.SequenceDisplayExtension; d != nil && d.ColourDescription {
		st.ColorPrimaries = codec.ColorPrimaries(int(d.ColourPrimaries))
		st.ColorTransfer = codec.ColorTransfer(int(d.TransferCharacteristics))
		st.ColorSpace = codec.ColorSpace(int(d.MatrixCoefficients))
	}
	st.ChromaLocation = h.ChromaLocation()
	if fo := h.FieldOrder(); fo != "" {
		st.FieldOrder = fo
	}
	if !h.MPEG2() {
		if br := h.BitRate(); br != 0 {
			st.BitRate = br
		}
	}
	if cpb, ok := h.CPBProperties(); ok {
		st.AddSideData(cpb)
	}
}

// String describes the headers briefly, for logs and test failures:
// "mpeg2video Main@8 720x576 4:2:0".
func (h *Headers) String() string {
	s := h.CodecName()
	if p := h.Profile(); p != "" {
		s += " " + p + "@" + strconv.Itoa(h.Level())
	}
	s += " " + strconv.Itoa(h.Width()) + "x" + strconv.Itoa(h.Height())
	switch h.ChromaFormat() {
	case 2:
		s += " 4:2:2"
	case 3:
		s += " 4:4:4"
	default:
		s += " 4:2:0"
	}
	return s
}
