package h264

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
)

// The flags ff_h264_get_profile adds to profile_idc
// (FF_PROFILE_H264_CONSTRAINED, FF_PROFILE_H264_INTRA).
const (
	profileConstrained = 1 << 9
	profileIntra       = 1 << 11
)

// FFProfile returns the profile number FFmpeg reports for the SPS
// (ff_h264_get_profile, h264_ps.c): profile_idc, with the "constrained"
// flag for Baseline with constraint_set1_flag and the "intra" flag for
// High 10, High 4:2:2 and High 4:4:4 Predictive with constraint_set3_flag.
func (s *SPS) FFProfile() int {
	p := int(s.ProfileIDC)
	switch s.ProfileIDC {
	case 66:
		if s.ConstraintSet1Flag {
			p |= profileConstrained
		}
	case 110, 122, 244:
		if s.ConstraintSet3Flag {
			p |= profileIntra
		}
	}
	return p
}

// Profile returns the profile ffprobe prints: the name libavcodec's
// ff_h264_profiles (profiles.c) gives [SPS.FFProfile], or the number when
// it has none (SVC, MVC depth and unknown profile_idc values), as
// print_stream falls back to printing par->profile.
func (s *SPS) Profile() string {
	switch p := s.FFProfile(); p {
	case 66:
		return "Baseline"
	case 66 | profileConstrained:
		return "Constrained Baseline"
	case 77:
		return "Main"
	case 88:
		return "Extended"
	case 100:
		return "High"
	case 110:
		return "High 10"
	case 110 | profileIntra:
		return "High 10 Intra"
	case 122:
		return "High 4:2:2"
	case 122 | profileIntra:
		return "High 4:2:2 Intra"
	case 144:
		return "High 4:4:4"
	case 244:
		return "High 4:4:4 Predictive"
	case 244 | profileIntra:
		return "High 4:4:4 Intra"
	case 44:
		return "CAVLC 4:4:4"
	case 118:
		return "Multiview High"
	case 128:
		return "Stereo High"
	default:
		return strconv.Itoa(p)
	}
}

// BitDepth returns the luma bit depth, which FFmpeg requires the chroma
// bit depth to equal.
func (s *SPS) BitDepth() int { return int(s.BitDepthLumaMinus8) + 8 }

// CodedWidth returns the width in luma samples of the decoded picture:
// whole macroblocks, before cropping.
func (s *SPS) CodedWidth() int { return int(s.codedWidth()) }

// CodedHeight returns the height in luma samples of the decoded frame
// (both fields of a field-coded one), before cropping.
func (s *SPS) CodedHeight() int { return int(s.codedHeight()) }

// Width returns the width after the SPS's frame cropping (7.4.2.1.1).
func (s *SPS) Width() int {
	x, _ := s.cropUnits()
	return s.CodedWidth() - int(x*(uint64(s.FrameCropLeftOffset)+uint64(s.FrameCropRightOffset)))
}

// Height returns the height after the SPS's frame cropping.
func (s *SPS) Height() int {
	_, y := s.cropUnits()
	return s.CodedHeight() - int(y*(uint64(s.FrameCropTopOffset)+uint64(s.FrameCropBottomOffset)))
}

// pixelAspect is Table E-1: the sample aspect ratio of each
// aspect_ratio_idc from 0 (unspecified) to 16, as h264_ps.c's pixel_aspect.
var pixelAspect = [17]container.Rational{
	{Num: 0, Den: 1}, {Num: 1, Den: 1}, {Num: 12, Den: 11}, {Num: 10, Den: 11}, {Num: 16, Den: 11},
	{Num: 40, Den: 33}, {Num: 24, Den: 11}, {Num: 20, Den: 11}, {Num: 32, Den: 11}, {Num: 80, Den: 33},
	{Num: 18, Den: 11}, {Num: 15, Den: 11}, {Num: 64, Den: 33}, {Num: 160, Den: 99}, {Num: 4, Den: 3},
	{Num: 3, Den: 2}, {Num: 2, Den: 1},
}

// SampleAspectRatio returns the sample aspect ratio the decoder reports
// for the SPS, as ffprobe prints it when the container gives none: the VUI
// ratio reduced (av_guess_sample_aspect_ratio), 0/0 when there is none or
// when ff_set_sar rejects it (a ratio that scales the picture to nothing,
// av_image_check_sar). A sar_height of 0 counts as 1, as h264_ps.c sets it.
func (s *SPS) SampleAspectRatio() container.Rational {
	v := &s.VUI
	if !s.VUIParametersPresentFlag || !v.AspectRatioInfoPresentFlag {
		return container.Rational{}
	}
	var sar container.Rational
	if v.AspectRatioIDC == extendedSAR {
		sar = container.Rational{Num: int64(v.SARWidth), Den: int64(v.SARHeight)}
	} else if int(v.AspectRatioIDC) < len(pixelAspect) {
		sar = pixelAspect[v.AspectRatioIDC]
	}
	if sar.Den == 0 {
		sar.Den = 1
	}
	if sar.Num == 0 || !checkSAR(int64(s.Width()), int64(s.Height()), sar) {
		return container.Rational{}
	}
	return sar.Reduce(intMax)
}

// checkSAR is av_image_check_sar for a positive ratio: the picture scaled
// by it must keep at least one sample in each direction.
func checkSAR(w, h int64, sar container.Rational) bool {
	switch {
	case sar.Num == sar.Den:
		return true
	case sar.Num < sar.Den:
		return w*sar.Num/sar.Den > 0
	default:
		return h*sar.Den/sar.Num > 0
	}
}

// FrameRate returns the frame rate the VUI's timing gives, as the h264
// decoder and parser set the codec context's framerate: time_scale /
// (2 * num_units_in_tick), reduced (av_reduce, at most 2^30), since a tick
// is a field period. ok is false without timing information, or with a
// zero tick or time scale, which FFmpeg ignores. (FFmpeg doubles the time
// scale for streams that x264 builds before 44 wrote, which only their SEI
// tells; such streams are from 2007.)
func (s *SPS) FrameRate() (r container.Rational, ok bool) {
	v := &s.VUI
	if !s.VUIParametersPresentFlag || !v.TimingInfoPresentFlag || v.NumUnitsInTick == 0 || v.TimeScale == 0 {
		return container.Rational{}, false
	}
	return container.Rational{Num: int64(v.TimeScale), Den: 2 * int64(v.NumUnitsInTick)}.Reduce(1 << 30), true
}

// HasBFrames returns the decoder's reorder depth that the SPS decides,
// which ffprobe prints as has_b_frames: the VUI's max_num_reorder_frames
// when bitstream_restriction_flag is set (h264_select_output_frame raises
// has_b_frames to it). ok is false without a bitstream restriction: FFmpeg
// then starts from the container's value (an MP4 track's ctts, see
// mov_estimate_video_delay) and raises it only as it sees pictures arrive
// out of order ("Increasing reorder buffer"), which takes the slices'
// picture order counts.
func (s *SPS) HasBFrames() (n int, ok bool) {
	if !s.VUIParametersPresentFlag || !s.VUI.BitstreamRestrictionFlag {
		return 0, false
	}
	return int(s.VUI.MaxNumReorderFrames), true
}

// FieldOrder returns the field order ffprobe prints for a stream whose
// first picture uses this SPS and PPS (pps may be nil), and whether the
// parameter sets decide it. FFmpeg's h264 parser takes it from each
// picture: from the pic_struct of its picture timing SEI when the SPS
// signals pic_struct_present_flag, else from its two fields' picture order
// counts (tt when the top field comes first, bb when the bottom does,
// progressive when they are equal). So:
//
//   - frame_mbs_only_flag set: "progressive"; decided unless a picture
//     timing SEI may say otherwise (pic_struct_present_flag) or the fields
//     of a frame may have different order counts
//     (bottom_field_pic_order_in_frame_present_flag in the PPS, or
//     offset_for_top_to_bottom_field with pic_order_cnt_type 1);
//   - otherwise: "" and not decided; interlaced x264 streams print tt or
//     bb, which only the first access unit's SEI and slices can tell.
func (s *SPS) FieldOrder(pps *PPS) (order string, decided bool) {
	if !s.FrameMbsOnlyFlag {
		return "", false
	}
	decided = pps != nil && !pps.BottomFieldPicOrderInFramePresentFlag &&
		!(s.VUIParametersPresentFlag && s.VUI.PicStructPresentFlag) &&
		(s.PicOrderCntType != 1 || s.OffsetForTopToBottomField == 0)
	return "progressive", decided
}

// PixFmt returns the pixel format FFmpeg 5.1's h264 decoder outputs
// (get_pixel_format, h264_slice.c) for the SPS, given the colour range and
// matrix the decoder context holds by then: "" for a bit depth it does not
// decode (11 and 13). Monochrome (4:0:0) decodes as 4:2:0 with grey
// chroma; 4:4:4 with the RGB matrix (matrix_coefficients 0) as planar GBR;
// 8-bit full range as the yuvj formats. Formats above 8 bits are
// native-endian in FFmpeg, which ffprobe prints as the "le" names on the
// machines it runs on.
func (s *SPS) PixFmt(fullRange, rgb bool) string {
	depth := s.BitDepth()
	var sub string
	switch s.ChromaFormatIDC {
	case 3:
		if rgb {
			sub = "gbrp"
		} else {
			sub = "yuv444p"
		}
	case 2:
		sub = "yuv422p"
	default:
		sub = "yuv420p"
	}
	switch depth {
	case 8:
		if fullRange && sub != "gbrp" {
			return "yuvj" + sub[3:]
		}
		return sub
	case 9, 10, 12, 14:
		return sub + strconv.Itoa(depth) + "le"
	}
	return ""
}

// ChromaLocation returns the chroma location ffprobe prints:
// chroma_sample_loc_type_top_field + 1 as an AVChromaLocation ("" for a
// value with no name) when the VUI has one, "left" when it has a VUI
// without one (decode_vui_parameters), and "" (unspecified) without a VUI.
// The decoder sets it whatever the container says: a Matroska track's
// chroma siting is overwritten, checked with ffprobe 5.1.
func (s *SPS) ChromaLocation() string {
	if !s.VUIParametersPresentFlag {
		return ""
	}
	if !s.VUI.ChromaLocInfoPresentFlag {
		return "left"
	}
	if t := s.VUI.ChromaSampleLocTypeTopField; t <= 5 {
		return codec.ChromaLocation(int(t))
	}
	return ""
}

// Fill sets in st what ffprobe 5.1 prints for an h264 stream whose decoder
// was opened with these parameter sets, field by field:
//
//   - DecoderOptions: container.H264Options{IsAVC, NALLengthSize}, which
//     ffprobe prints as is_avc and nal_length_size for every h264 stream
//     (false and 0 for Annex B); set even when no SPS was accepted.
//
// The rest comes from the active SPS ([Params.Active]) and is left alone
// when there is none, or when an avcC record failed (NALLengthSize 0), as
// no picture decodes then and ffprobe prints what the container said:
//
//   - Profile, Level: [SPS.Profile] and level_idc as it is (level 1b is
//     11 with constraint_set3_flag in Baseline and Main, and 9 in the High
//     profiles; ffprobe prints 11 and 9).
//   - Width, Height: the cropped size. A container size that
//     init_dimensions accepts as a further crop wins: one no larger than
//     the SPS's, in the same number of macroblocks, when the SPS crops
//     neither the top nor the left (an MP4 sample entry of 1920x1080 over
//     an SPS of 1920x1088 without cropping).
//   - CodedWidth, CodedHeight: equal to Width and Height. ffprobe 5.1
//     prints the coded size of its own decoder context, which
//     avcodec_open2 sets from the stream's size and which decodes nothing
//     (so 1920x1080, not the 1920x1088 of the macroblocks).
//   - ColorRange, ColorSpace, ColorTransfer, ColorPrimaries: the VUI's,
//     when it has video_signal_type (range) and colour_description (the
//     other three, even when unspecified, which clears the container's);
//     otherwise st keeps the container's values, as the decoder context
//     does.
//   - PixFmt, BitsPerRawSample: [SPS.PixFmt] from the range and matrix so
//     decided, and the bit depth.
//   - ChromaLocation: [SPS.ChromaLocation], whatever the container said.
//   - SampleAspectRatio: [SPS.SampleAspectRatio] unless st already has one:
//     a container's ratio (MP4 pasp, Matroska display size) is the
//     stream's, which av_guess_sample_aspect_ratio prefers.
//   - HasBFrames: raised to [SPS.HasBFrames] when the SPS decides it, so a
//     container's estimate already in st (MP4 ctts) is kept if larger.
//     Without a bitstream restriction it stays as st has it; a demuxer
//     with a parser (raw, MPEG-TS) can raise it to 1 on a B slice, see
//     [SliceType].
//   - FieldOrder: "progressive" when frame_mbs_only_flag is set (see
//     [SPS.FieldOrder] for when a stream's SEI may still say otherwise);
//     otherwise st keeps what it has. FFmpeg's h264 parser sets it, and
//     for an SPS found by ScanAnnexB that the parser rejects (a VUI cut
//     short) ffprobe prints none, so neither is one set.
//
// Refs, ClosedCaptions and FilmGrain are left alone: ffprobe prints its own
// decoder context's refs (1, the default, as nothing is decoded, whatever
// max_num_ref_frames says) and properties (0: closed captions and film
// grain are found in decoded frames' SEI). Nor is side data added: the
// h264 decoder exports no CPB properties, even for a stream with HRD
// parameters.
func (p *Params) Fill(st *container.Stream) {
	st.DecoderOptions = container.H264Options{IsAVC: p.IsAVC, NALLengthSize: p.NALLengthSize}
	s := p.Active()
	if s == nil || (p.IsAVC && p.NALLengthSize == 0) {
		return
	}
	st.Profile = s.Profile()
	st.Level = int(s.LevelIDC)

	w, h := s.Width(), s.Height()
	if cw, ch := st.Width, st.Height; cw > 0 && ch > 0 && s.FrameCropTopOffset == 0 && s.FrameCropLeftOffset == 0 &&
		align16(cw) == align16(w) && align16(ch) == align16(h) && cw <= w && ch <= h {
		w, h = cw, ch
	}
	st.Width, st.Height = w, h
	st.CodedWidth, st.CodedHeight = w, h

	v := &s.VUI
	if s.VUIParametersPresentFlag && v.VideoSignalTypePresentFlag {
		st.ColorRange = "tv"
		if v.VideoFullRangeFlag {
			st.ColorRange = "pc"
		}
		if v.ColourDescriptionPresentFlag {
			st.ColorPrimaries = codec.ColorPrimaries(int(v.ColourPrimaries))
			st.ColorTransfer = codec.ColorTransfer(int(v.TransferCharacteristics))
			st.ColorSpace = codec.ColorSpace(int(v.MatrixCoefficients))
		}
	}
	st.PixFmt = s.PixFmt(st.ColorRange == "pc", st.ColorSpace == codec.ColorSpace(codec.MatrixRGB))
	st.BitsPerRawSample = 0
	if st.PixFmt != "" {
		st.BitsPerRawSample = s.BitDepth()
	}
	st.ChromaLocation = s.ChromaLocation()
	if !st.SampleAspectRatio.Valid() {
		st.SampleAspectRatio = s.SampleAspectRatio()
	}
	if n, ok := s.HasBFrames(); ok && n > st.HasBFrames {
		st.HasBFrames = n
	}
	if order, _ := s.FieldOrder(p.ActivePPS()); order != "" && !p.parserRejects[s.SeqParameterSetID] {
		st.FieldOrder = order
	}
}

func align16(n int) int { return (n + 15) &^ 15 }
