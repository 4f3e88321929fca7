package av1

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

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

// Level returns the level libdav1d.c reports when it decodes a frame: what
// it computes from operating point 0 of dav1d's parsed header,
// ((major_level - 2) << 2) | minor_level. That is seq_level_idx[0] itself,
// except in a reduced still picture header, where dav1d keeps the 3 level
// bits without adding 2, so that the level is seq_level_idx[0] - 8
// (negative below level 4.0). av1_parser.c reports seq_level_idx[0].
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

// Describe fills st with what ffprobe 5.1 prints for an AV1 stream, from
// the extradata the container gives the stream (an av1C payload, bare
// OBUs, or nothing) and the start of its first packet (a temporal unit);
// either may be empty. It returns the first temporal unit, whose
// ExtradataSize a container without extradata reports, and the first
// problem met in either, which ffprobe passes over as Describe does: st is
// filled with what could be read.
//
// ffprobe 5.1 opens AV1 with libdav1d. What it prints depends on whether
// libdav1d found a sequence header in the extradata when it opened
// (libdav1d_parse_extradata): then the decoder context has a pixel format
// and a size at once, avformat_find_stream_info decodes no frame, and
// av1_parser.c alone reads the first packet; otherwise the first frame is
// decoded (libdav1d.c libdav1d_receive_frame). So:
//
//   - Profile, ColorRange, ColorPrimaries, ColorTransfer and ColorSpace
//     follow the sequence header in force in the first packet (its own,
//     else the extradata's), as the parser sets them. The colours replace
//     the container's (an MP4 colr box): the parser writes them as
//     unspecified when the header has no colour description.
//   - Level is that header's seq_level_idx[0], as the parser sets it; when
//     a frame is decoded, dav1d's reading of it (Level).
//   - PixFmt and ChromaLocation (only for chroma_sample_position vertical
//     or colocated, else the container's stays) come from the extradata's
//     header when it has one, else from the packet's.
//   - Width and Height are the extradata header's maximum frame size when
//     it has one; else the first output frame's size, and SampleAspectRatio
//     its render size's aspect (1:1 when they agree); else the
//     container's.
//   - CodedWidth, CodedHeight and FilmGrain are ffprobe's own decoder
//     context's, opened with the extradata (or, for a container with
//     none, with what extract_extradata took from the first packet): the
//     maximum frame size and film_grain_params_present of that sequence
//     header, else Width and Height and no film grain.
//   - HasBFrames is 0 and Refs 1: libdav1d sets neither.
//
// Call it after the container has set its own fields.
func Describe(st *container.Stream, extradata, packet []byte) (*TemporalUnit, error) {
	ext, err := ParseExtradata(extradata)
	tu, tuErr := ParseTemporalUnit(packet, ext)
	if err == nil {
		err = tuErr
	}
	// ffprobe's own decoder context.
	dec := ext
	if len(extradata) == 0 && tu.ExtradataSize > 0 {
		dec = tu.SequenceHeader
	}
	st.FilmGrain = dec != nil && dec.FilmGrainParamsPresent
	st.HasBFrames = 0
	st.Refs = 1
	seq := tu.SequenceHeader
	if seq == nil {
		return tu, err
	}
	c := &seq.ColorConfig
	st.Profile = ProfileName(seq.SeqProfile)
	st.Level = int(seq.OperatingPoints[0].SeqLevelIdx)
	st.ColorRange = codec.ColorRange(c.ColorRange)
	st.ColorPrimaries = codec.ColorPrimaries(int(c.ColorPrimaries))
	st.ColorTransfer = codec.ColorTransfer(int(c.TransferCharacteristics))
	st.ColorSpace = codec.ColorSpace(int(c.MatrixCoefficients))
	layout := seq
	if ext != nil {
		layout = ext
		st.Width = int(ext.MaxFrameWidthMinus1) + 1
		st.Height = int(ext.MaxFrameHeightMinus1) + 1
	} else {
		st.Level = seq.Level()
		if f := tu.Frame; f != nil {
			st.Width, st.Height = f.UpscaledWidth, f.FrameHeight
			st.SampleAspectRatio = f.SampleAspectRatio()
		}
	}
	st.PixFmt = layout.PixFmt()
	if loc := layout.ChromaLocation(); loc != "" {
		st.ChromaLocation = loc
	}
	st.CodedWidth, st.CodedHeight = st.Width, st.Height
	if dec != nil {
		st.CodedWidth = int(dec.MaxFrameWidthMinus1) + 1
		st.CodedHeight = int(dec.MaxFrameHeightMinus1) + 1
	}
	return tu, err
}
