package av1

import "github.com/mediaprobe/mediaprobe/container"

// ProfileName returns the name ffprobe prints for an AV1 seq_profile
// (ff_av1_profiles in libavcodec/profiles.c), "" for the reserved ones.
func ProfileName(seqProfile uint8) string {
	switch seqProfile {
	case 0:
		return "Main"
	case 1:
		return "High"
	case 2:
		return "Professional"
	}
	return ""
}

// PixFmt returns the pixel format FFmpeg's AV1 decoders give a sequence:
// gray, 4:2:0, 4:2:2 or 4:4:4 at its bit depth, and the planar GBR formats
// for 4:4:4 with the sRGB colour description (BT.709 primaries, sRGB
// transfer, identity matrix), as libdav1d.c and av1_parser.c both choose.
// The formats above 8 bits are FFmpeg's native-endian ones, whose names end
// in "le" on the little-endian machines ffprobe runs on.
func (s *SequenceHeader) PixFmt() string {
	c := &s.ColorConfig
	depth := ""
	switch c.BitDepth {
	case 10:
		depth = "10le"
	case 12:
		depth = "12le"
	}
	switch {
	case c.MonoChrome:
		if depth == "" {
			return "gray"
		}
		return "gray" + depth
	case !c.SubsamplingX && !c.SubsamplingY && c.MatrixCoefficients == MCIdentity &&
		c.ColorPrimaries == CPBT709 && c.TransferCharacteristics == TCSRGB:
		return "gbrp" + depth
	case c.SubsamplingX && c.SubsamplingY:
		return "yuv420p" + depth
	case c.SubsamplingX:
		return "yuv422p" + depth
	}
	return "yuv444p" + depth
}

// Level returns the level ffprobe prints: what libdav1d.c computes from
// operating point 0 of dav1d's parsed header, ((major_level - 2) << 2) |
// minor_level. That is seq_level_idx[0] itself, except in a reduced still
// picture header, where dav1d keeps the 3 level bits without adding 2, so
// that the level printed is seq_level_idx[0] - 8 (negative below level 4.0).
func (s *SequenceHeader) Level() int {
	idx := int(s.OperatingPoints[0].SeqLevelIdx)
	if s.ReducedStillPictureHeader {
		return idx - 8
	}
	return idx
}

// ChromaLocation returns the chroma_location ffprobe prints for the
// sequence's chroma_sample_position, as libdav1d.c maps it: "left" for
// CSP_VERTICAL, "topleft" for CSP_COLOCATED, "" otherwise (the decoder then
// leaves the container's value).
func (s *SequenceHeader) ChromaLocation() string {
	switch s.ColorConfig.ChromaSamplePosition {
	case CSPVertical:
		return "left"
	case CSPColocated:
		return "topleft"
	}
	return ""
}

// FrameRate returns the frame rate av1_parser.c gives the codec context
// from timing_info (time_scale / num_units_in_display_tick, reduced; the
// ticks per picture are not used), which the raw OBU demuxer's stream then
// reports; 0/0 without timing_info or with a zero field.
func (s *SequenceHeader) FrameRate() container.Rational {
	t := s.TimingInfo
	if !s.TimingInfoPresentFlag || t.NumUnitsInDisplayTick == 0 || t.TimeScale == 0 {
		return container.Rational{}
	}
	return container.Rational{Num: int64(t.TimeScale), Den: int64(t.NumUnitsInDisplayTick)}.Reduce(1<<31 - 1)
}

// FillStream sets the fields of st that ffprobe 5.1 prints for an AV1
// stream, from what the two decoders it opens learn. extradata is the
// sequence header of the stream's extradata (ParseExtradata): for a
// container that has none (IVF, raw OBU), FFmpeg extracts it from the first
// packet, so pass that packet's sequence header when its ExtradataSize is
// not 0. tu is the first temporal unit, parsed with extradata as the
// sequence header in force (ParseTemporalUnit); nil when there is none.
//
// The decoder is libdav1d, which avformat_find_stream_info runs on the
// first packet, after av1_parser.c has parsed it:
//
//   - Profile, Level, PixFmt, ColorRange, ColorPrimaries, ColorTransfer and
//     ColorSpace follow the sequence header in force (the unit's, else the
//     extradata's). The colours replace whatever the container declared
//     (an MP4 colr box): the parser sets them from every sequence header,
//     as unspecified when it has no colour description.
//   - ChromaLocation is set only for chroma_sample_position vertical or
//     colocated; otherwise the container's stays.
//   - Width, Height and SampleAspectRatio are those of the first frame
//     output (its upscaled width, its height, and its render size's
//     aspect), else the sequence's maximum frame size when only the
//     extradata has a header (libdav1d_parse_extradata sets it), else
//     st's own. CodedWidth and CodedHeight equal them: ffprobe prints its
//     own decoder context's, which was opened with that size.
//   - FilmGrain is the extradata header's film_grain_params_present:
//     ffprobe prints its own decoder context's properties, which only
//     libdav1d_parse_extradata set.
//   - HasBFrames is 0 and Refs 1: libdav1d sets neither.
//
// Call it after the container has set its own fields, which it overrides.
func FillStream(st *container.Stream, extradata *SequenceHeader, tu *TemporalUnit) {
	st.FilmGrain = extradata != nil && extradata.FilmGrainParamsPresent
	st.HasBFrames = 0
	st.Refs = 1
	seq := extradata
	if tu != nil && tu.SequenceHeader != nil {
		seq = tu.SequenceHeader
	}
	if seq == nil {
		return
	}
	c := &seq.ColorConfig
	st.Profile = ProfileName(seq.SeqProfile)
	st.Level = seq.Level()
	st.PixFmt = seq.PixFmt()
	st.ColorRange = ColorRangeName(c.ColorRange)
	st.ColorPrimaries = ColorPrimariesName(int(c.ColorPrimaries))
	st.ColorTransfer = TransferName(int(c.TransferCharacteristics))
	st.ColorSpace = MatrixName(int(c.MatrixCoefficients))
	if loc := seq.ChromaLocation(); loc != "" {
		st.ChromaLocation = loc
	}
	switch {
	case tu != nil && tu.Frame != nil:
		st.Width, st.Height = tu.Frame.UpscaledWidth, tu.Frame.FrameHeight
		st.SampleAspectRatio = tu.Frame.SampleAspectRatio()
	case extradata != nil:
		st.Width = int(extradata.MaxFrameWidthMinus1) + 1
		st.Height = int(extradata.MaxFrameHeightMinus1) + 1
	}
	st.CodedWidth, st.CodedHeight = st.Width, st.Height
}
