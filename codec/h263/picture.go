package h263

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Source formats (H.263 table 5 and the OPPTYPE source format of 5.1.4.1).
const (
	FormatSubQCIF  = 1
	FormatQCIF     = 2
	FormatCIF      = 3
	Format4CIF     = 4
	Format16CIF    = 5
	FormatCustom   = 6 // OPPTYPE only: a CPFMT follows
	FormatExtended = 7 // PTYPE: PLUSPTYPE follows
)

// formatSizes are the picture sizes of the standard source formats,
// FFmpeg's ff_h263_format (0x0 for the forbidden and reserved ones).
var formatSizes = [8][2]int{{0, 0}, {128, 96}, {176, 144}, {352, 288}, {704, 576}, {1408, 1152}, {0, 0}, {0, 0}}

// pixelAspect is the pixel aspect ratio of each PAR code of the custom
// picture format (H.263 table 6), FFmpeg's ff_h263_pixel_aspect: 0/1 for
// the forbidden and reserved codes. Code 15 is the extended PAR.
var pixelAspect = [16]container.Rational{
	{Num: 0, Den: 1}, {Num: 1, Den: 1}, {Num: 12, Den: 11}, {Num: 10, Den: 11}, {Num: 16, Den: 11},
	{Num: 40, Den: 33}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1},
	{Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1}, {Num: 0, Den: 1},
	{Num: 0, Den: 1},
}

// PixelAspectRatio returns the pixel aspect ratio of a PAR code (H.263
// table 6), 0/1 for the forbidden 0, the reserved codes and the extended
// PAR 15, whose ratio follows in the header. MPEG-4 Visual's
// aspect_ratio_info uses the same table (ISO/IEC 14496-2 table 6-12), as
// FFmpeg's mpeg4 decoder uses ff_h263_pixel_aspect; codec/mpeg4 takes it
// from here.
func PixelAspectRatio(code int) container.Rational {
	if code < 0 || code >= len(pixelAspect) {
		return container.Rational{Num: 0, Den: 1}
	}
	return pixelAspect[code]
}

// ExtendedPAR is the PAR code followed by an EPAR (H.263 5.1.5).
const ExtendedPAR = 15

// PictureHeader is the start of an H.263 picture header (ITU-T H.263
// 5.1), up to PQUANT, as FFmpeg reads it. The PLUSPTYPE fields are set
// only when SourceFormat is FormatExtended (or the reserved 6, which
// FFmpeg reads as such).
type PictureHeader struct {
	// Offset is the byte offset of the picture start code in the data.
	Offset int
	// TR is the temporal reference (5.1.2).
	TR uint8

	// PTYPE (5.1.3), after its marker and H.261-distinction bits.
	SplitScreenIndicator     bool
	DocumentCameraIndicator  bool
	FullPictureFreezeRelease bool
	SourceFormat             uint8 // bits 6-8: FormatSubQCIF .. FormatExtended
	// The version 1 PTYPE bits 9-13, for source formats 1 to 5.
	InterCoded                  bool // picture coding type: INTER (P) when set
	UnrestrictedMotionVector    bool // annex D
	SyntaxBasedArithmeticCoding bool // annex E; FFmpeg refuses it
	AdvancedPrediction          bool // annex F
	PBFrames                    bool // annex G

	// PLUSPTYPE (5.1.4).
	UFEP uint8 // update full extended PTYPE: 1 when OPPTYPE follows
	// OPPTYPE (5.1.4.1), present when UFEP is 1.
	ExtendedSourceFormat         uint8 // FormatSubQCIF .. FormatCustom
	CustomPCF                    bool  // a CPCFC follows
	UnrestrictedMotionVectorPlus bool  // annex D with PLUSPTYPE
	SAC                          bool  // annex E
	AP                           bool  // annex F
	AdvancedIntraCoding          bool  // annex I
	DeblockingFilter             bool  // annex J
	SliceStructured              bool  // annex K
	ReferencePictureSelection    bool  // annex N
	IndependentSegmentDecoding   bool  // annex R
	AlternativeInterVLC          bool  // annex S
	ModifiedQuantization         bool  // annex T
	// MPPTYPE (5.1.4.2).
	PictureTypeCode            uint8 // 0 I, 1 P, 2 improved PB, 3 B, 4 EI, 5 EP
	ReferencePictureResampling bool  // annex P
	ReducedResolutionUpdate    bool  // annex Q
	RoundingType               bool
	CPM                        bool // continuous presence multipoint (5.1.4.4)

	// CPFMT (5.1.5), present when UFEP is 1 and ExtendedSourceFormat is
	// FormatCustom: the pixel aspect ratio code, the picture width
	// indication (width/4 - 1) and height indication (height/4).
	PAR uint8
	PWI uint16
	PHI uint16
	// EPAR (5.1.6), present when PAR is ExtendedPAR.
	EPARWidth, EPARHeight uint8
	// CPCFC (5.1.7), present when UFEP is 1 and CustomPCF is set: the
	// clock is 1.8 MHz / (1000 + ClockConversionCode) / ClockDivisor.
	ClockConversionCode bool
	ClockDivisor        uint8

	// PQUANT (5.1.19).
	PQUANT uint8

	// sarSet records that FFmpeg got as far as setting the sample aspect
	// ratio, which it does before it checks the size.
	sarSet bool
	// accepted records that FFmpeg accepted the header.
	accepted bool
}

const format = "h263"

// ParsePictureHeader finds the first picture start code in b (a 22-bit
// PSC, 0000 0000 0000 0000 1000 00, at a byte position, as
// ff_h263_decode_picture_header looks for it) and reads the header after
// it. It returns the header with an error where FFmpeg refuses the
// picture, the fields read so far kept: an error wrapping
// container.ErrMalformed for a PTYPE marker or distinction bit out of
// place, a forbidden or reserved source format, an unknown picture type, a
// UFEP of 2 or more (or of 0: the header is taken as the stream's first,
// which has no earlier size to keep), a custom picture format whose height
// is 0 or a custom clock whose divisor is 0; container.ErrUnsupported for the
// syntax-based arithmetic coding of version 1; container.ErrTruncated when
// the header runs past the end of b. Without a start code the header is
// nil.
func ParsePictureHeader(b []byte) (*PictureHeader, error) {
	psc := -1
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0 && b[i+1] == 0 && b[i+2]&0xFC == 0x80 {
			psc = i
			break
		}
	}
	if psc < 0 {
		return nil, demuxkit.Errorf(format, "picture header", 0, container.ErrMalformed, "no picture start code")
	}
	h := &PictureHeader{Offset: psc}
	r := bits.NewReader(b[psc:])
	r.Skip(22)
	err := h.read(r)
	h.accepted = err == nil
	if err == nil && r.Err() != nil {
		return h, demuxkit.Errorf(format, "picture header", int64(psc), container.ErrTruncated, "cut after %d bytes", len(b)-psc)
	}
	if err != nil {
		kind, detail := err.kind, err.detail
		if r.Err() != nil {
			kind, detail = container.ErrTruncated, "cut after "+strconv.Itoa(len(b)-psc)+" bytes"
		}
		return h, demuxkit.Errorf(format, "picture header", int64(psc), kind, "%s", detail)
	}
	return h, nil
}

// refusal says why FFmpeg refuses a header.
type refusal struct {
	kind   error
	detail string
}

func malformed(detail string) *refusal { return &refusal{container.ErrMalformed, detail} }

// read reads the header after the PSC, stopping where
// ff_h263_decode_picture_header returns an error.
func (h *PictureHeader) read(r *bits.Reader) *refusal {
	h.TR = r.U8()
	if !r.Flag() {
		return malformed("PTYPE marker bit is 0") // "Bad marker"
	}
	if r.Flag() {
		return malformed("PTYPE H.261 distinction bit is 1") // "Bad H263 id"
	}
	h.SplitScreenIndicator = r.Flag()
	h.DocumentCameraIndicator = r.Flag()
	h.FullPictureFreezeRelease = r.Flag()
	h.SourceFormat = uint8(r.Bits(3))
	if h.SourceFormat != FormatExtended && h.SourceFormat != FormatCustom {
		h.InterCoded = r.Flag()
		h.UnrestrictedMotionVector = r.Flag()
		if h.SyntaxBasedArithmeticCoding = r.Flag(); h.SyntaxBasedArithmeticCoding {
			return &refusal{container.ErrUnsupported, "syntax-based arithmetic coding"} // "H263 SAC not supported"
		}
		h.AdvancedPrediction = r.Flag()
		h.PBFrames = r.Flag()
		h.PQUANT = uint8(r.Bits(5))
		h.CPM = r.Flag()
		h.sarSet = true
		if w, ht := h.Size(); !codec.ValidPictureSize(int64(w), int64(ht)) {
			// ff_h263_decode_picture_header's av_image_check_size: the
			// forbidden format 0 has no size.
			return malformed("forbidden source format")
		}
		return nil
	}

	h.UFEP = uint8(r.Bits(3))
	switch h.UFEP {
	case 0:
	case 1:
		h.ExtendedSourceFormat = uint8(r.Bits(3))
		h.CustomPCF = r.Flag()
		h.UnrestrictedMotionVectorPlus = r.Flag()
		h.SAC = r.Flag() // FFmpeg logs "not supported" and reads on
		h.AP = r.Flag()
		h.AdvancedIntraCoding = r.Flag()
		h.DeblockingFilter = r.Flag()
		h.SliceStructured = r.Flag()
		h.ReferencePictureSelection = r.Flag()
		h.IndependentSegmentDecoding = r.Flag()
		h.AlternativeInterVLC = r.Flag()
		h.ModifiedQuantization = r.Flag()
		r.Skip(1) // 1, against start code emulation
		r.Skip(3) // reserved
	default:
		return malformed("UFEP " + strconv.Itoa(int(h.UFEP))) // "Bad UFEP type"
	}
	h.PictureTypeCode = uint8(r.Bits(3))
	switch h.PictureTypeCode {
	case 0, 1, 2, 3, 7: // 7: FFmpeg reads it as I ("ZYGO")
	default:
		return malformed("picture type code " + strconv.Itoa(int(h.PictureTypeCode)))
	}
	h.ReferencePictureResampling = r.Flag()
	h.ReducedResolutionUpdate = r.Flag()
	h.RoundingType = r.Flag()
	r.Skip(3) // reserved 00, 1
	h.CPM = r.Flag()
	if h.UFEP == 1 {
		if h.ExtendedSourceFormat == FormatCustom {
			h.PAR = uint8(r.Bits(4))
			h.PWI = uint16(r.Bits(9))
			r.Skip(1)
			h.PHI = uint16(r.Bits(9))
			if h.PAR == ExtendedPAR {
				h.EPARWidth = r.U8()
				h.EPARHeight = r.U8()
			}
		}
		h.sarSet = true
		if w, ht := h.Size(); w == 0 || ht == 0 {
			return malformed("picture size " + strconv.Itoa(w) + "x" + strconv.Itoa(ht))
		}
		if h.CustomPCF {
			h.ClockConversionCode = r.Flag()
			h.ClockDivisor = uint8(r.Bits(7))
			if h.ClockDivisor == 0 {
				return malformed("clock divisor 0") // "zero framerate"
			}
		}
	}
	if h.CustomPCF {
		r.Skip(2) // ETR
	}
	if h.UFEP == 1 {
		if h.UnrestrictedMotionVectorPlus && !r.Flag() { // UUI
			r.Skip(1)
		}
		if h.SliceStructured {
			r.Skip(2) // SSS
		}
	}
	h.PQUANT = uint8(r.Bits(5))
	if h.UFEP == 0 {
		// The size is that of an earlier picture; for the first one
		// there is none, and av_image_check_size refuses 0x0.
		return malformed("UFEP 0 in the first picture: no picture size")
	}
	return nil
}

// Size returns the picture size the header gives, 0, 0 when it gives none:
// a picture with PLUSPTYPE and UFEP 0 keeps the size of the pictures
// before it.
func (h *PictureHeader) Size() (width, height int) {
	if h.SourceFormat != FormatExtended && h.SourceFormat != FormatCustom {
		s := formatSizes[h.SourceFormat]
		return s[0], s[1]
	}
	if h.UFEP != 1 {
		return 0, 0
	}
	if h.ExtendedSourceFormat == FormatCustom {
		return (int(h.PWI) + 1) * 4, int(h.PHI) * 4
	}
	s := formatSizes[h.ExtendedSourceFormat]
	return s[0], s[1]
}

// SampleAspectRatio returns the sample aspect ratio FFmpeg sets: 12:11 for
// the standard formats (version 1 and PLUSPTYPE alike), that of the PAR
// code or the EPAR for a custom format, reduced; 0/0 when it is unknown or
// not valid, or the header stopped before FFmpeg sets it. FFmpeg sets it
// before it checks the picture size, so a custom format of height 0 still
// has one (ffprobe 5.1 prints it for such a stream).
func (h *PictureHeader) SampleAspectRatio() container.Rational {
	if !h.sarSet {
		return container.Rational{}
	}
	sar := container.Rational{Num: 12, Den: 11}
	if h.UFEP == 1 && h.ExtendedSourceFormat == FormatCustom {
		sar = pixelAspect[h.PAR]
		if h.PAR == ExtendedPAR {
			sar = container.Rational{Num: int64(h.EPARWidth), Den: int64(h.EPARHeight)}
		}
	}
	if sar.Num <= 0 || sar.Den <= 0 {
		return container.Rational{}
	}
	return sar.Reduce(1<<31 - 1)
}

// Accepted reports whether FFmpeg's decoder accepts the header, and so
// decodes the picture and reports a size and pixel format.
func (h *PictureHeader) Accepted() bool { return h.accepted }

// FrameRate returns the frame rate FFmpeg's decoder sets: 30000/1001,
// H.263's picture clock, or with a custom clock (CPCFC) 1800000 /
// ((1000 + clock conversion code) * clock divisor) in lowest terms. It is
// the r_frame_rate of a raw .h263 stream; containers time their own.
func (h *PictureHeader) FrameRate() container.Rational {
	if h.UFEP == 1 && h.CustomPCF && h.ClockDivisor != 0 {
		den := int64(1000)
		if h.ClockConversionCode {
			den = 1001
		}
		return container.Rational{Num: 1800000, Den: den * int64(h.ClockDivisor)}.Reduce(1 << 62)
	}
	return container.Rational{Num: 30000, Den: 1001}
}

// Fill sets the fields of st that ffprobe 5.1 takes from FFmpeg's h263
// decoder once avformat_find_stream_info has run it over this header.
// Call it after the container has set its own values: it overwrites
// those the decoder overwrites and leaves the others alone.
//
//   - Width, Height, CodedWidth and CodedHeight: the picture size, when
//     FFmpeg accepts the header and it gives one (ffprobe's coded size is
//     the size, as avcodec_open2 sets it).
//   - PixFmt: "yuv420p", the only format of H.263 (h263_get_format), when
//     FFmpeg accepts the header; ffprobe prints none for a stream whose
//     headers it refuses.
//   - SampleAspectRatio (see SampleAspectRatio), unless the container has
//     set a valid one: ffprobe's av_guess_sample_aspect_ratio prefers the
//     stream's (the pasp box ffmpeg writes in 3GP and MOV, the AVI vprp
//     header) to the decoder's.
//   - ChromaLocation: "center" (ff_h263_decode_init, for the h263 and
//     h263p codec ids).
//   - HasBFrames: 0; the decoder sets low_delay, PB-frames and B
//     pictures included.
//
// There is no profile, and Level stays container.LevelUnknown.
// RFrameRate is not set: see FrameRate.
func (h *PictureHeader) Fill(st *container.Stream) {
	if w, ht := h.Size(); h.accepted && w != 0 && ht != 0 {
		st.Width, st.Height = w, ht
		st.CodedWidth, st.CodedHeight = w, ht
		st.PixFmt = "yuv420p"
	}
	if !(st.SampleAspectRatio.Num > 0 && st.SampleAspectRatio.Den > 0) {
		if sar := h.SampleAspectRatio(); sar.Num != 0 {
			st.SampleAspectRatio = sar
		}
	}
	st.ChromaLocation = "center"
	st.HasBFrames = 0
}
