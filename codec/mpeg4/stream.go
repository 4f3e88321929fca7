package mpeg4

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/h263"
	"github.com/mediaprobe/mediaprobe/container"
)

// profileNames are the names of the high four bits of
// profile_and_level_indication, as FFmpeg's ff_mpeg4_video_profiles
// (libavcodec/profiles.c) gives them, "Code Scalable" included; each was
// checked against ffprobe 5.1.
var profileNames = [16]string{
	"Simple Profile", "Simple Scalable Profile", "Core Profile", "Main Profile", "N-bit Profile",
	"Scalable Texture Profile", "Simple Face Animation Profile", "Basic Animated Texture Profile",
	"Hybrid Profile", "Advanced Real Time Simple Profile", "Code Scalable Profile",
	"Advanced Coding Profile", "Advanced Core Profile", "Advanced Scalable Texture Profile",
	"Simple Studio Profile", "Advanced Simple Profile",
}

// Profile returns the profile name ffprobe prints: that of the visual
// object sequence's profile_and_level_indication (mpeg4_decode_profile_level
// takes its high four bits), or "Simple Studio Profile" when a studio
// layer alone sets it (decode_vol_header); "" when neither is present
// (FF_PROFILE_UNKNOWN, which ffprobe leaves out).
func (c *Config) Profile() string {
	if s := c.VisualObjectSequence; s != nil {
		return profileNames[s.ProfileAndLevelIndication>>4]
	}
	if c.StudioVideoObjectLayer != nil {
		return profileNames[14]
	}
	return ""
}

// Level returns the level ffprobe prints: the low four bits of
// profile_and_level_indication, with Simple Profile's 0x08 read as level 0
// (mpeg4_decode_profile_level: "for Simple profile, level 0"), and
// container.LevelUnknown without a visual object sequence header.
func (c *Config) Level() int {
	s := c.VisualObjectSequence
	if s == nil {
		return container.LevelUnknown
	}
	if s.ProfileAndLevelIndication == 0x08 {
		return 0
	}
	return int(s.ProfileAndLevelIndication & 15)
}

// LowDelay returns the low_delay FFmpeg's decoder ends up with after the
// headers and the first VOP. The VOL sets it from vol_control_parameters
// when present, and otherwise for the Simple and Advanced Simple object
// types only (decode_vol_header). Then decode_vop_header forces it for
// object type 0 without vol_control_parameters unless a DivX user data
// string was seen ("looks like this file was encoded with
// (divx4/(old)xvid/opendivx) -> forcing low_delay flag"); a stream with no
// layer at all counts as such, FFmpeg's context being zeroed. The studio
// syntax takes the layer's low_delay and forces nothing.
func (c *Config) LowDelay() bool {
	if c.Studio || c.StudioVideoObjectLayer != nil {
		s := c.StudioVideoObjectLayer
		return s != nil && !c.VOLRefused && s.LowDelay
	}
	ld := c.volLowDelay()
	if v := c.VideoObjectLayer; (v == nil || v.VideoObjectTypeIndication == 0 && !v.VOLControlParameters) && c.DivXVersion == -1 {
		ld = true
	}
	return ld
}

// volLowDelay is low_delay as the layer alone sets it.
func (c *Config) volLowDelay() bool {
	v := c.VideoObjectLayer
	switch {
	case v == nil:
		return false
	case v.VOLControlParameters:
		return v.LowDelay
	}
	return v.VideoObjectTypeIndication == SimpleObjectType || v.VideoObjectTypeIndication == AdvancedSimpleObjectType
}

// HasBFrames returns the has_b_frames ffprobe prints for a stream that
// FFmpeg decodes without its mpeg4 parser (MP4, AVI: checked on each): 1
// unless LowDelay (ff_h263_decode_frame sets has_b_frames to !low_delay
// after each picture header). A stream whose VOL has no
// vol_control_parameters but that holds B-VOPs prints 1 once FFmpeg has
// met one; the headers alone cannot say so.
func (c *Config) HasBFrames() int {
	if c.LowDelay() {
		return 0
	}
	return 1
}

// ParserHasBFrames returns the has_b_frames ffprobe prints when the
// demuxer has FFmpeg's mpeg4 parser split the packets (raw .m4v, Matroska:
// checked on each). avformat_find_stream_info stops decoding once it
// knows the stream's parameters, usually after the first frame, but goes
// on parsing; the parser (libavcodec/mpeg4video_parser.c) sets
// has_b_frames from the low_delay the layer alone gives, without the
// forcing for object type 0, and its value is the last one written. When
// the layer gives no size FFmpeg keeps decoding, and HasBFrames holds.
func (c *Config) ParserHasBFrames() int {
	if w, _ := c.Size(); w == 0 || c.Studio || c.StudioVideoObjectLayer != nil {
		return c.HasBFrames()
	}
	if c.volLowDelay() {
		return 0
	}
	return 1
}

// Size returns the frame size the decoder takes from the layer, 0, 0 when
// it has none: decode_vol_header keeps the width and height of a
// rectangular layer only when both are non-zero.
func (c *Config) Size() (width, height int) {
	if s := c.StudioVideoObjectLayer; s != nil {
		if !c.VOLRefused && s.VideoObjectLayerWidth != 0 && s.VideoObjectLayerHeight != 0 {
			return int(s.VideoObjectLayerWidth), int(s.VideoObjectLayerHeight)
		}
		return 0, 0
	}
	if v := c.VideoObjectLayer; v != nil && v.VideoObjectLayerShape == ShapeRectangular &&
		v.VideoObjectLayerWidth != 0 && v.VideoObjectLayerHeight != 0 {
		return int(v.VideoObjectLayerWidth), int(v.VideoObjectLayerHeight)
	}
	return 0, 0
}

// PixFmt returns the pixel format ffprobe prints: "yuv420p" for every
// non-studio stream (the only chroma format of those profiles; FFmpeg
// ignores chroma_format, "illegal chroma format", and sets the format
// before it knows whether the frame size is usable: ffprobe prints it for
// a layer it refused and for a stream with no layer), and for the studio
// profile "yuv422p10le", "yuv444p10le" or "gbrp10le" from an accepted
// studio layer (decode_studio_vol_header), "" without one.
func (c *Config) PixFmt() string {
	if !c.Studio && c.StudioVideoObjectLayer == nil {
		return "yuv420p"
	}
	s := c.StudioVideoObjectLayer
	switch {
	case s == nil || c.VOLRefused:
		return ""
	case s.RGBComponents:
		return "gbrp10le"
	case s.ChromaFormat == 2:
		return "yuv422p10le"
	}
	return "yuv444p10le"
}

// SampleAspectRatio returns the sample aspect ratio of the layer's
// aspect_ratio_info (the table of H.263, h263.PixelAspectRatio), or its
// par_width:par_height, reduced as ffprobe prints it; 0/0 when there is no layer or the ratio is not valid.
func (c *Config) SampleAspectRatio() container.Rational {
	var a, pw, ph uint8
	switch {
	case c.StudioVideoObjectLayer != nil && !c.VOLRefused:
		s := c.StudioVideoObjectLayer
		a, pw, ph = s.AspectRatioInfo, s.ParWidth, s.ParHeight
	case c.VideoObjectLayer != nil:
		v := c.VideoObjectLayer
		a, pw, ph = v.AspectRatioInfo, v.ParWidth, v.ParHeight
	default:
		return container.Rational{}
	}
	sar := h263.PixelAspectRatio(int(a))
	if a == ExtendedPAR {
		sar = container.Rational{Num: int64(pw), Den: int64(ph)}
	}
	if sar.Num <= 0 || sar.Den <= 0 {
		return container.Rational{}
	}
	return sar.Reduce(1<<31 - 1)
}

// FrameRate returns the frame rate the decoder sets from the layer
// (decode_vol_header: vop_time_increment_resolution over
// fixed_vop_time_increment, or over 1 without a fixed VOP rate), 0/0
// without a layer. Containers with their own timing (MP4, AVI) print
// theirs; raw .m4v streams are timed from this.
func (c *Config) FrameRate() container.Rational {
	v := c.VideoObjectLayer
	if v == nil || v.VOPTimeIncrementResolution == 0 {
		return container.Rational{}
	}
	fr := container.Rational{Num: int64(v.VOPTimeIncrementResolution), Den: 1}
	if v.FixedVOPRate {
		fr.Den = int64(v.FixedVOPTimeIncrement)
	}
	return fr
}

// Options returns the decoder options as the layer and user data set them:
// the VOL's quarter_sample and DivX packed B-frames. ffprobe 5.1 prints
// these only when it has decoded frames itself (with -show_frames or
// -count_frames); see Fill for what it prints otherwise.
func (c *Config) Options() container.MPEG4Options {
	var o container.MPEG4Options
	if v := c.VideoObjectLayer; v != nil {
		o.QuarterSample = v.QuarterSample
	}
	o.DivXPacked = c.DivXPacked
	return o
}

// Fill sets the fields of st that ffprobe 5.1 takes from FFmpeg's mpeg4
// decoder once avformat_find_stream_info has run it over these headers
// and the first frames. Call it after the container has set its own
// values: it overwrites those the decoder overwrites and leaves the
// others alone.
//
//   - Profile and Level, from the visual object sequence header (see
//     Profile, Level); left alone without one.
//   - Width, Height, CodedWidth and CodedHeight, from the layer (see
//     Size); left alone when it gives none. ffprobe's coded size is the
//     size, as avcodec_open2 sets it.
//   - PixFmt (see PixFmt), when known.
//   - HasBFrames (see HasBFrames; a demuxer that runs FFmpeg's parser
//     sets ParserHasBFrames after Fill).
//   - SampleAspectRatio, unless the container has set a valid one
//     (ffprobe's av_guess_sample_aspect_ratio prefers the stream's to the
//     decoder's).
//   - ChromaLocation: "left" always (the mpeg4 decode_init).
//   - ColorRange, and ColorPrimaries, ColorTransfer and ColorSpace, from
//     the visual object's video_signal_type (mpeg4_decode_visual_object).
//   - BitsPerRawSample: 10 for the studio profile.
//   - DecoderOptions: container.MPEG4Options with both flags clear. That
//     is what ffprobe 5.1 -show_streams prints for every mpeg4 stream,
//     quarter-pel and packed ones included (checked on ffmpeg -flags
//     +qpel and libxvid -bf 2 output): it prints the private options of
//     its own decoder instance, which has decoded nothing, and FFmpeg
//     5.1's mpeg4 decoder reads no headers when it opens. Options gives
//     the values the headers set.
//
// RFrameRate is not set: see FrameRate.
func (c *Config) Fill(st *container.Stream) {
	if p := c.Profile(); p != "" {
		st.Profile = p
	}
	if c.VisualObjectSequence != nil {
		st.Level = c.Level()
	}
	if w, h := c.Size(); w != 0 {
		st.Width, st.Height = w, h
		st.CodedWidth, st.CodedHeight = w, h
	}
	if pf := c.PixFmt(); pf != "" {
		st.PixFmt = pf
	}
	st.HasBFrames = c.HasBFrames()
	if !(st.SampleAspectRatio.Num > 0 && st.SampleAspectRatio.Den > 0) {
		if sar := c.SampleAspectRatio(); sar.Num != 0 {
			st.SampleAspectRatio = sar
		}
	}
	st.ChromaLocation = "left"
	if v := c.VisualObject; v != nil && v.VideoSignalType {
		st.ColorRange = codec.ColorRange(v.VideoRange)
		if v.ColourDescription {
			st.ColorPrimaries = codec.ColorPrimaries(int(v.ColourPrimaries))
			st.ColorTransfer = codec.ColorTransfer(int(v.TransferCharacteristics))
			st.ColorSpace = codec.ColorSpace(int(v.MatrixCoefficients))
		}
	}
	if c.StudioVideoObjectLayer != nil && !c.VOLRefused {
		st.BitsPerRawSample = int(c.StudioVideoObjectLayer.BitDepth)
	}
	st.DecoderOptions = container.MPEG4Options{}
}
