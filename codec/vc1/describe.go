package vc1

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// profileNames are ffprobe's names of the profiles (libavcodec/profiles.c
// ff_vc1_profiles), indexed by PROFILE.
var profileNames = [4]string{"Simple", "Main", "Complex", "Advanced"}

// pixelAspect is the sample aspect ratio of ASPECT_RATIO 1 to 13 (SMPTE
// 421M table 7, ff_vc1_pixel_aspect).
var pixelAspect = [14]container.Rational{
	{}, {Num: 1, Den: 1}, {Num: 12, Den: 11}, {Num: 10, Den: 11}, {Num: 16, Den: 11}, {Num: 40, Den: 33},
	{Num: 24, Den: 11}, {Num: 20, Den: 11}, {Num: 32, Den: 11}, {Num: 80, Den: 33}, {Num: 18, Den: 11},
	{Num: 15, Den: 11}, {Num: 64, Den: 33}, {Num: 160, Den: 99},
}

// The colour code points vc1_decode_init passes on (the others are
// dropped), with the names ffprobe prints for them.
func colorPrimaries(v uint8) string {
	switch v {
	case 1:
		return "bt709"
	case 5:
		return "bt470bg"
	case 6:
		return "smpte170m"
	}
	return ""
}

func colorTransfer(v uint8) string {
	switch v {
	case 1:
		return "bt709"
	case 7:
		return "smpte240m"
	}
	return ""
}

func colorSpace(v uint8) string {
	switch v {
	case 1:
		return "bt709"
	case 6:
		return "smpte170m"
	case 7:
		return "smpte240m"
	}
	return ""
}

// ProfileName returns the profile name ffprobe prints for PROFILE.
func ProfileName(profile uint8) string { return profileNames[profile&3] }

// Describe sets on st (a video stream whose Width and Height the container
// has set, or 0 for a raw elementary stream) what ffprobe prints once
// FFmpeg's decoder has been opened with the configuration:
//
//   - Profile ([ProfileName]); Level, LEVEL, for the Advanced profile only
//     (the others keep the container's, normally LevelUnknown);
//   - PixFmt "yuv420p" and ChromaLocation "left" (ff_vc1_init_common);
//   - HasBFrames 1 when max_b_frames is not 0: MAXBFRAMES for the Simple
//     and Main profiles, always for the Advanced profile;
//   - Width, Height, CodedWidth, CodedHeight: the entry point's size
//     ([EntryPoint.Size]) for the Advanced profile, the sprite size with
//     RES_SPRITE, the container's otherwise;
//   - SampleAspectRatio from the display extension, unless the container
//     set one (ffprobe prefers it): ASPECT_RATIO 1-13 from table 7, 15 as
//     coded, otherwise the display size against the size the decoder had
//     when it read the sequence header (the container's, or for a raw
//     stream the entry point's, which its parser set first), as
//     decode_sequence_header_adv computes it, and ff_set_sar's checks;
//   - ColorPrimaries, ColorTransfer and ColorSpace from the display
//     extension's colour format, for the code points vc1_decode_init
//     passes on (primaries 1, 5, 6; transfer 1, 7; matrix 1, 6, 7).
//
// The frame rate ([SequenceHeader.FrameRate]) and the field order
// ([SequenceHeader.ParserFieldOrder]) are the container's to use.
func (c Config) Describe(st *container.Stream) {
	s := c.Sequence
	st.Profile = ProfileName(s.Profile)
	if s.Profile == ProfileAdvanced {
		st.Level = int(s.Level)
	}
	st.PixFmt = "yuv420p"
	st.ChromaLocation = "left"
	if s.maxBFrames() > 0 {
		st.HasBFrames = 1
	} else {
		st.HasBFrames = 0
	}
	w, h := st.Width, st.Height
	if c.EntryPoint != nil && w == 0 && h == 0 {
		w, h = c.EntryPoint.Size(s)
	}
	if s.DisplayExt && !st.SampleAspectRatio.Valid() {
		if sar := s.sampleAspectRatio(w, h); sar.Valid() && sarValid(w, h, sar) {
			st.SampleAspectRatio = sar
		}
	}
	switch {
	case c.EntryPoint != nil:
		st.Width, st.Height = c.EntryPoint.Size(s)
	case s.ResSprite:
		st.Width, st.Height = int(s.SpriteWidth), int(s.SpriteHeight)
	}
	st.CodedWidth, st.CodedHeight = st.Width, st.Height
	if s.ColorFormatFlag {
		if v := colorPrimaries(s.ColorPrim); v != "" {
			st.ColorPrimaries = v
		}
		if v := colorTransfer(s.TransferChar); v != "" {
			st.ColorTransfer = v
		}
		if v := colorSpace(s.MatrixCoef); v != "" {
			st.ColorSpace = v
		}
	}
}

// sampleAspectRatio is the display extension's aspect ratio as
// decode_sequence_header_adv sets it, for a decoder whose size is w x h,
// in lowest terms; 0/0 when it sets none.
func (s SequenceHeader) sampleAspectRatio(w, h int) container.Rational {
	var sar container.Rational
	switch ar := s.AspectRatio; {
	case ar > 0 && ar < 14:
		sar = pixelAspect[ar]
	case ar == 15:
		sar = container.Rational{Num: int64(s.AspectHorizSize) + 1, Den: int64(s.AspectVertSize) + 1}
	default:
		// No ratio, or 14 (reserved): the display size against the
		// decoder's, unless that exceeds the maximum ("Huge resolution").
		if w > s.MaxWidth() || h > s.MaxHeight() {
			return container.Rational{}
		}
		sar = container.Rational{Num: int64(h) * (int64(s.DispHorizSize) + 1), Den: int64(w) * (int64(s.DispVertSize) + 1)}
	}
	if !sar.Valid() {
		return container.Rational{}
	}
	return sar.Reduce(1 << 30)
}

// sarValid is av_image_check_sar (libavutil/imgutils.c), which ff_set_sar
// applies, for a ratio with positive terms: 1:1 always, otherwise the size
// scaled by the ratio must not round to 0.
func sarValid(w, h int, sar container.Rational) bool {
	if sar.Num == sar.Den {
		return true
	}
	if sar.Num < sar.Den {
		return int64(w)*sar.Num/sar.Den > 0
	}
	return int64(h)*sar.Den/sar.Num > 0
}

// ParserFieldOrder returns the field order FFmpeg's VC-1 parser
// (libavcodec/vc1_parser.c vc1_extract_header) sets from an Advanced
// profile frame header, frame being the bytes after its 0x0000010D start
// code: "tt" or "bb" from TFF when PULLDOWN and INTERLACE are set,
// "progressive" otherwise. ffprobe prints it for the containers whose
// demuxer runs the parser on vc1 streams (raw VC-1, MPEG-TS); others print
// none. It returns "" for the other profiles, which the parser does not
// handle.
func (s SequenceHeader) ParserFieldOrder(frame []byte) string {
	if s.Profile != ProfileAdvanced {
		return ""
	}
	if !s.PullDown || !s.Interlace || s.PSF {
		return "progressive"
	}
	// ff_vc1_parse_frame_header_adv up to TFF: FCM, the picture type,
	// TFCNTR.
	r := bits.NewReader(unescape(nil, frame[:min(len(frame), 16)]))
	fcm := 0
	if r.Flag() { // FCM: 0 progressive, 10 frame interlace, 11 field interlace
		fcm = 1 + int(r.Bit())
	}
	if fcm == 2 {
		r.Skip(3) // FPTYPE
	} else {
		for i := 0; i < 4 && r.Flag(); i++ { // PTYPE, a unary code of at most 4 bits
		}
	}
	if s.TFCntrFlag {
		r.Skip(8) // TFCNTR
	}
	if r.Flag() {
		return "tt"
	}
	return "bb"
}
