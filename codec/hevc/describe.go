package hevc

import (
	"fmt"
	"github.com/mediaprobe/mediaprobe/codec"
	"math"
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
)

// ErrNoSPS is returned by [ParamSets.Describe] when the parameter sets
// hold no SPS: the decoder exports no picture parameters when it opens,
// and FFmpeg finds them only by decoding the stream (for example an hev1
// track whose parameter sets are in its samples). It wraps
// container.ErrTruncated: what is needed is not in these bytes.
var ErrNoSPS = fmt.Errorf("hevc: no sequence parameter set: %w", container.ErrTruncated)

// Describe fills st with what ffprobe 5.1 prints for an hevc stream
// whose decoder opened with these parameter sets: what hevc_decode_init
// exports from the SPS of the lowest id and its VPS
// (export_stream_params in libavcodec/hevcdec.c) and from the SEI state
// (export_stream_params_from_sei). FFmpeg decodes no picture for this
// (avformat_find_stream_info stops once the size and pixel format are
// known), so these are the values ffprobe prints. Field by field:
//
//   - Profile: the name of general_profile_idc (FFmpeg's, see
//     [ProfileInfo.Profile]): "Main", "Main 10", "Main Still Picture",
//     "Rext"; other profiles print as their number ("9").
//   - Level: general_level_idc as coded (93 is level 3.1, 120 level 4).
//   - Width, Height: the coded size less the conformance window
//     ([SPS.OutputWindow]); CodedWidth, CodedHeight: the coded size.
//   - PixFmt: [SPS.PixFmt].
//   - HasBFrames: sps_max_num_reorder_pics of the highest sub-layer.
//   - SampleAspectRatio: the VUI's, reduced, when ff_set_sar accepts it
//     and it is not 0; left alone when st already has one (a container's
//     own, such as MP4 pasp, wins in av_guess_sample_aspect_ratio).
//   - ColorRange: "pc" for video_full_range_flag, else "tv" (also
//     without a VUI).
//   - ColorPrimaries, ColorTransfer, ColorSpace: the VUI's colour
//     description; "" (unknown) without one, for the unspecified value
//     and for values FFmpeg has no name for. A preferred transfer
//     characteristic from an alternative_transfer_characteristics SEI
//     replaces the transfer when FFmpeg names it and it is not
//     unspecified.
//   - ChromaLocation: for 4:2:0 only: the VUI's top-field location, or
//     "left" when the VUI gives none; "" otherwise.
//   - ClosedCaptions: A/53 captions in an SEI; FilmGrain: a film grain
//     characteristics SEI.
//
// FieldOrder, Refs (the decoder sets none: 1), BitsPerRawSample (none
// until a picture is decoded) and DecoderOptions (the hevc decoder
// exports none) are left alone. Without an SPS only the SEI fields are
// set, and the error is [ErrNoSPS].
func (ps *ParamSets) Describe(st *container.Stream) error {
	st.ClosedCaptions = ps.SEI.A53CCCount > 0
	st.FilmGrain = ps.SEI.FilmGrain
	s := ps.ActiveSPS()
	if s == nil {
		if t, ok := ps.alternativeTransfer(); ok {
			st.ColorTransfer = t
		}
		return ErrNoSPS
	}
	ptl := &s.ProfileTierLevel.General
	profile := ptl.Profile()
	if st.Profile = ProfileName(profile); st.Profile == "" {
		st.Profile = strconv.Itoa(profile)
	}
	st.Level = int(ptl.LevelIDC)
	st.CodedWidth, st.CodedHeight = int(s.PicWidthInLumaSamples), int(s.PicHeightInLumaSamples)
	st.Width, st.Height = s.Width(), s.Height()
	st.PixFmt = s.PixFmt()
	st.HasBFrames = int(s.SPSMaxNumReorderPics[s.SPSMaxSubLayersMinus1])

	v := &s.VUI
	if !positive(st.SampleAspectRatio) {
		if sar := v.SAR(); checkSAR(st.Width, st.Height, sar) && sar.Num > 0 {
			st.SampleAspectRatio = sar.Reduce(math.MaxInt32)
		}
	}
	st.ColorRange = "tv"
	if v.VideoSignalTypePresentFlag && v.VideoFullRangeFlag {
		st.ColorRange = "pc"
	}
	st.ColorPrimaries, st.ColorTransfer, st.ColorSpace = "", "", ""
	if v.ColourDescriptionPresentFlag {
		st.ColorPrimaries = codec.ColorPrimaries(int(v.ColourPrimaries))
		st.ColorTransfer = codec.ColorTransfer(int(v.TransferCharacteristics))
		st.ColorSpace = codec.ColorSpace(int(v.MatrixCoeffs))
	}
	if t, ok := ps.alternativeTransfer(); ok {
		st.ColorTransfer = t
	}
	st.ChromaLocation = ""
	if s.ChromaArrayType() == 1 {
		st.ChromaLocation = "left"
		if v.ChromaLocInfoPresentFlag {
			st.ChromaLocation = ""
			if v.ChromaSampleLocTypeTopField <= 5 {
				st.ChromaLocation = codec.ChromaLocation(int(v.ChromaSampleLocTypeTopField))
			}
		}
	}
	return nil
}

// alternativeTransfer returns the transfer an
// alternative_transfer_characteristics SEI imposes, as
// export_stream_params_from_sei takes it: a named value other than
// unspecified.
func (ps *ParamSets) alternativeTransfer() (string, bool) {
	if !ps.SEI.AlternativeTransferPresent {
		return "", false
	}
	t := codec.ColorTransfer(int(ps.SEI.PreferredTransferCharacteristics))
	return t, t != ""
}

// positive reports whether r is a ratio av_guess_sample_aspect_ratio
// takes: both terms above zero.
func positive(r container.Rational) bool { return r.Num > 0 && r.Den > 0 }

// checkSAR is av_image_check_sar (libavutil/imgutils.c), which ff_set_sar
// applies: a ratio is refused when its denominator is not positive, its
// numerator negative, or it would scale a dimension of the picture to
// nothing. A zero numerator passes (it means unknown).
func checkSAR(w, h int, sar container.Rational) bool {
	if sar.Den <= 0 || sar.Num < 0 {
		return false
	}
	if sar.Num == 0 || sar.Num == sar.Den {
		return true
	}
	if sar.Num < sar.Den {
		return int64(w)*sar.Num/sar.Den > 0
	}
	return int64(h)*sar.Den/sar.Num > 0
}

// FrameRate returns the frame rate the decoder reports for the SPS of the
// lowest id (export_stream_params): the VPS timing information when the
// VPS has some, else the VUI's, as time_scale / num_units_in_tick reduced
// with terms of at most 2^30; 0/0 when neither gives both numbers.
// ffprobe prints it nowhere, but avformat_find_stream_info uses it for a
// raw stream's frame rate.
func (ps *ParamSets) FrameRate() container.Rational {
	s := ps.ActiveSPS()
	if s == nil {
		return container.Rational{}
	}
	var num, den uint32
	if v := ps.VPS[s.SPSVideoParameterSetID]; v != nil && v.VPSTimingInfoPresentFlag {
		num, den = v.VPSNumUnitsInTick, v.VPSTimeScale
	} else if s.VUI.VUITimingInfoPresentFlag {
		num, den = s.VUI.VUINumUnitsInTick, s.VUI.VUITimeScale
	}
	if num == 0 || den == 0 {
		return container.Rational{}
	}
	// av_reduce(&framerate.den, &framerate.num, num, den, 1 << 30).
	r := container.Rational{Num: int64(num), Den: int64(den)}.Reduce(1 << 30)
	return container.Rational{Num: r.Den, Den: r.Num}
}
