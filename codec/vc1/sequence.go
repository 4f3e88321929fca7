package vc1

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The profiles, the values of PROFILE.
const (
	ProfileSimple   = 0
	ProfileMain     = 1
	ProfileComplex  = 2 // WMV3 Complex profile, which FFmpeg decodes only in part
	ProfileAdvanced = 3
)

// SequenceHeader is a VC-1 sequence header: the Simple and Main profile
// STRUCT_C of SMPTE 421M Annex J, or the Advanced profile
// sequence_header() of section 6.1, with the specification's syntax
// element names in Go case. The fields are raw syntax values; the sizes
// they code are the methods' business. Only the fields of the header's own
// profile are set.
type SequenceHeader struct {
	Profile uint8 // PROFILE

	// Simple and Main profile (STRUCT_C, FFmpeg's names for the reserved
	// bits).
	ResY411        bool  // RES_Y411: old interlaced mode, unsupported
	ResSprite      bool  // RES_SPRITE: sprite coding (WMV3IMAGE)
	FrmRtqPostProc uint8 // FRMRTQ_POSTPROC (both forms)
	BitRtqPostProc uint8 // BITRTQ_POSTPROC (both forms)
	LoopFilter     bool  // LOOPFILTER
	ResX8          bool  // RES_X8
	MultiRes       bool  // MULTIRES
	ResFastTx      bool  // RES_FASTTX
	FastUVMC       bool  // FASTUVMC
	ExtendedMV     bool  // EXTENDED_MV
	DQuant         uint8 // DQUANT
	VSTransform    bool  // VSTRANSFORM
	ResTransTab    bool  // RES_TRANSTAB, which must be 0
	Overlap        bool  // OVERLAP
	SyncMarker     bool  // SYNCMARKER
	RangeRed       bool  // RANGERED
	MaxBFrames     uint8 // MAXBFRAMES
	Quantizer      uint8 // QUANTIZER
	FInterpFlag    bool  // FINTERPFLAG (both forms)
	ResRTMFlag     bool  // RES_RTM_FLAG
	// With RES_SPRITE, the sprite size in pixels (11 bits each).
	SpriteWidth, SpriteHeight uint16

	// Advanced profile (6.1.1 to 6.1.14).
	Level              uint8  // LEVEL
	ColorDiffFormat    uint8  // COLORDIFF_FORMAT: 1 is 4:2:0, the only one defined
	PostProcFlag       bool   // POSTPROCFLAG
	MaxCodedWidth      uint16 // MAX_CODED_WIDTH: the width is 2*(MAX_CODED_WIDTH+1)
	MaxCodedHeight     uint16 // MAX_CODED_HEIGHT
	PullDown           bool   // PULLDOWN (FFmpeg's "broadcast")
	Interlace          bool   // INTERLACE
	TFCntrFlag         bool   // TFCNTRFLAG
	PSF                bool   // PSF: progressive segmented frames, unsupported
	DisplayExt         bool   // DISPLAY_EXT
	DispHorizSize      uint16 // DISP_HORIZ_SIZE: the display width is DISP_HORIZ_SIZE+1
	DispVertSize       uint16 // DISP_VERT_SIZE
	AspectRatioFlag    bool   // ASPECT_RATIO_FLAG
	AspectRatio        uint8  // ASPECT_RATIO: 1-13 from table 7, 15 explicit
	AspectHorizSize    uint8  // ASPECT_HORIZ_SIZE: the ratio is (H+1):(V+1)
	AspectVertSize     uint8  // ASPECT_VERT_SIZE
	FrameRateFlag      bool   // FRAMERATE_FLAG
	FrameRateInd       bool   // FRAMERATEIND
	FrameRateExp       uint16 // FRAMERATEEXP: the rate is (FRAMERATEEXP+1)/32
	FrameRateNR        uint8  // FRAMERATENR
	FrameRateDR        uint8  // FRAMERATEDR
	ColorFormatFlag    bool   // COLOR_FORMAT_FLAG
	ColorPrim          uint8  // COLOR_PRIM, an H.273 code point
	TransferChar       uint8  // TRANSFER_CHAR
	MatrixCoef         uint8  // MATRIX_COEF
	HRDParamFlag       bool   // HRD_PARAM_FLAG
	HRDNumLeakyBuckets uint8  // HRD_NUM_LEAKY_BUCKETS
}

func errorf(what string, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("vc1", what, 0, kind, detail, args...)
}

// parseSequenceHeader reads a sequence header of either form from r, as
// ff_vc1_decode_sequence_header does, refusing what it refuses. The
// Advanced profile form ends at its HRD parameters; the other reads the
// sprite size when RES_SPRITE is set.
func parseSequenceHeader(r *bits.Reader) (SequenceHeader, error) {
	var s SequenceHeader
	s.Profile = uint8(r.Bits(2))
	if s.Profile == ProfileAdvanced {
		err := s.parseAdvanced(r)
		return s, err
	}
	s.ResY411 = r.Flag()
	s.ResSprite = r.Flag()
	if s.ResY411 {
		return s, errorf("sequence header", container.ErrUnsupported, "old interlaced mode is not supported")
	}
	s.FrmRtqPostProc = uint8(r.Bits(3))
	s.BitRtqPostProc = uint8(r.Bits(5))
	s.LoopFilter = r.Flag()
	s.ResX8 = r.Flag()
	s.MultiRes = r.Flag()
	s.ResFastTx = r.Flag()
	s.FastUVMC = r.Flag()
	if s.Profile == ProfileSimple && !s.FastUVMC {
		return s, errorf("sequence header", container.ErrMalformed, "FASTUVMC unavailable in Simple Profile")
	}
	s.ExtendedMV = r.Flag()
	if s.Profile == ProfileSimple && s.ExtendedMV {
		return s, errorf("sequence header", container.ErrMalformed, "extended MVs unavailable in Simple Profile")
	}
	s.DQuant = uint8(r.Bits(2))
	s.VSTransform = r.Flag()
	s.ResTransTab = r.Flag()
	if s.ResTransTab {
		return s, errorf("sequence header", container.ErrMalformed, "1 for reserved RES_TRANSTAB is forbidden")
	}
	s.Overlap = r.Flag()
	s.SyncMarker = r.Flag()
	s.RangeRed = r.Flag()
	s.MaxBFrames = uint8(r.Bits(3))
	s.Quantizer = uint8(r.Bits(2))
	s.FInterpFlag = r.Flag()
	if s.ResSprite {
		s.SpriteWidth = uint16(r.Bits(11))
		s.SpriteHeight = uint16(r.Bits(11))
		if !codec.ValidPictureSize(int64(s.SpriteWidth), int64(s.SpriteHeight)) {
			return s, errorf("sequence header", container.ErrMalformed, "failed to set dimensions %d %d", s.SpriteWidth, s.SpriteHeight)
		}
		r.Skip(5) // frame rate
		s.ResX8 = r.Flag()
		if r.Flag() {
			return s, errorf("sequence header", container.ErrUnsupported, "unsupported sprite feature")
		}
		r.Skip(3) // slice code
	} else {
		s.ResRTMFlag = r.Flag()
	}
	return s, nil
}

// parseAdvanced reads the rest of an Advanced profile sequence header
// (decode_sequence_header_adv).
func (s *SequenceHeader) parseAdvanced(r *bits.Reader) error {
	s.Level = uint8(r.Bits(3))
	s.ColorDiffFormat = uint8(r.Bits(2))
	if s.ColorDiffFormat != 1 {
		return errorf("sequence header", container.ErrUnsupported, "only 4:2:0 chroma format supported, not %d", s.ColorDiffFormat)
	}
	s.FrmRtqPostProc = uint8(r.Bits(3))
	s.BitRtqPostProc = uint8(r.Bits(5))
	s.PostProcFlag = r.Flag()
	s.MaxCodedWidth = uint16(r.Bits(12))
	s.MaxCodedHeight = uint16(r.Bits(12))
	s.PullDown = r.Flag()
	s.Interlace = r.Flag()
	s.TFCntrFlag = r.Flag()
	s.FInterpFlag = r.Flag()
	r.Skip(1) // reserved
	s.PSF = r.Flag()
	if s.PSF {
		return errorf("sequence header", container.ErrUnsupported, "progressive segmented frame mode")
	}
	s.DisplayExt = r.Flag()
	if s.DisplayExt {
		s.DispHorizSize = uint16(r.Bits(14))
		s.DispVertSize = uint16(r.Bits(14))
		s.AspectRatioFlag = r.Flag()
		if s.AspectRatioFlag {
			s.AspectRatio = uint8(r.Bits(4))
			if s.AspectRatio == 15 {
				s.AspectHorizSize = r.U8()
				s.AspectVertSize = r.U8()
			}
		}
		s.FrameRateFlag = r.Flag()
		if s.FrameRateFlag {
			s.FrameRateInd = r.Flag()
			if s.FrameRateInd {
				s.FrameRateExp = r.U16()
			} else {
				s.FrameRateNR = r.U8()
				s.FrameRateDR = uint8(r.Bits(4))
			}
		}
		s.ColorFormatFlag = r.Flag()
		if s.ColorFormatFlag {
			s.ColorPrim = r.U8()
			s.TransferChar = r.U8()
			s.MatrixCoef = r.U8()
		}
	}
	s.HRDParamFlag = r.Flag()
	if s.HRDParamFlag {
		s.HRDNumLeakyBuckets = uint8(r.Bits(5))
		r.Skip(4 + 4) // BIT_RATE_EXPONENT, BUFFER_SIZE_EXPONENT
		for i := 0; i < int(s.HRDNumLeakyBuckets) && r.Left() > 0; i++ {
			r.Skip(16 + 16) // HRD_RATE, HRD_BUFFER
		}
	}
	return nil
}

// maxBFrames returns the max_b_frames the decoder sets: MAXBFRAMES
// for the Simple and Main profiles, 7 for the Advanced profile.
func (s SequenceHeader) maxBFrames() int {
	if s.Profile == ProfileAdvanced {
		return 7
	}
	return int(s.MaxBFrames)
}

// MaxWidth and MaxHeight return the Advanced profile's largest coded size
// in pixels, 2*(MAX_CODED_WIDTH+1) by 2*(MAX_CODED_HEIGHT+1).
func (s SequenceHeader) MaxWidth() int  { return (int(s.MaxCodedWidth) + 1) << 1 }
func (s SequenceHeader) MaxHeight() int { return (int(s.MaxCodedHeight) + 1) << 1 }

// fpsNR and fpsDR are FRAMERATENR 1-7 and FRAMERATEDR 1-2 (SMPTE 421M
// tables 8 and 9; ff_vc1_fps_nr, ff_vc1_fps_dr).
var (
	fpsNR = [7]int64{24, 25, 30, 50, 60, 48, 72}
	fpsDR = [2]int64{1000, 1001}
)

// FrameRate returns the frame rate the display extension codes, which the
// decoder sets as avctx->framerate (and a raw stream's demuxer uses):
// (FRAMERATEEXP+1)/32, or FRAMERATENR*1000/FRAMERATEDR for NR 1-7 and DR
// 1-2; 0/0 when there is none.
func (s SequenceHeader) FrameRate() container.Rational {
	switch {
	case !s.FrameRateFlag:
		return container.Rational{}
	case s.FrameRateInd:
		return container.Rational{Num: int64(s.FrameRateExp) + 1, Den: 32}.Reduce(1 << 30)
	case s.FrameRateNR > 0 && s.FrameRateNR < 8 && s.FrameRateDR > 0 && s.FrameRateDR < 3:
		return container.Rational{Num: fpsNR[s.FrameRateNR-1] * 1000, Den: fpsDR[s.FrameRateDR-1]}.Reduce(1 << 30)
	}
	return container.Rational{}
}
