package mpegvideo

import "github.com/mediaprobe/mediaprobe/internal/bits"

// Start codes (ISO/IEC 13818-2 table 6-1): the byte after the prefix
// 0x000001.
const (
	PictureStartCode   = 0x00
	SliceStartCodeMin  = 0x01 // slice_start_code 0x01..0xAF
	SliceStartCodeMax  = 0xAF
	UserDataStartCode  = 0xB2
	SequenceHeaderCode = 0xB3
	SequenceErrorCode  = 0xB4
	ExtensionStartCode = 0xB5
	SequenceEndCode    = 0xB7
	GroupStartCode     = 0xB8
)

// extension_start_code_identifier values (ISO/IEC 13818-2 table 6-2).
const (
	SequenceExtensionID        = 1
	SequenceDisplayExtensionID = 2
	QuantMatrixExtensionID     = 3
	PictureCodingExtensionID   = 8
)

// Picture coding types (picture_coding_type, ISO/IEC 13818-2 table 6-12).
const (
	IntraCoded                     = 1
	PredictiveCoded                = 2
	BidirectionallyPredictiveCoded = 3
)

// SequenceHeader is sequence_header() (ISO/IEC 13818-2 6.2.2.1, ISO/IEC
// 11172-2 2.4.2.3), without its start code.
type SequenceHeader struct {
	HorizontalSizeValue       uint16 // 12 bits
	VerticalSizeValue         uint16 // 12 bits
	AspectRatioInformation    uint8  // 4 bits; MPEG-1's pel_aspect_ratio
	FrameRateCode             uint8  // 4 bits
	BitRateValue              uint32 // 18 bits, in units of 400 bit/s
	MarkerBit                 bool
	VBVBufferSizeValue        uint16 // 10 bits, in units of 16 kbit
	ConstrainedParametersFlag bool
	LoadIntraQuantiserMatrix  bool
	// IntraQuantiserMatrix is the matrix as transmitted, in zigzag scan
	// order; all zero unless LoadIntraQuantiserMatrix.
	IntraQuantiserMatrix        [64]uint8
	LoadNonIntraQuantiserMatrix bool
	// NonIntraQuantiserMatrix is the matrix as transmitted, in zigzag scan
	// order; all zero unless LoadNonIntraQuantiserMatrix.
	NonIntraQuantiserMatrix [64]uint8
}

// readSequenceHeader reads a sequence header from the bits after its start
// code. A matrix cut by the end of the data keeps the values read; the
// reader's error says so.
func readSequenceHeader(r *bits.Reader) SequenceHeader {
	var h SequenceHeader
	h.HorizontalSizeValue = uint16(r.Bits(12))
	h.VerticalSizeValue = uint16(r.Bits(12))
	h.AspectRatioInformation = uint8(r.Bits(4))
	h.FrameRateCode = uint8(r.Bits(4))
	h.BitRateValue = uint32(r.Bits(18))
	h.MarkerBit = r.Flag()
	h.VBVBufferSizeValue = uint16(r.Bits(10))
	h.ConstrainedParametersFlag = r.Flag()
	if h.LoadIntraQuantiserMatrix = r.Flag(); h.LoadIntraQuantiserMatrix {
		readMatrix(r, &h.IntraQuantiserMatrix)
	}
	if h.LoadNonIntraQuantiserMatrix = r.Flag(); h.LoadNonIntraQuantiserMatrix {
		readMatrix(r, &h.NonIntraQuantiserMatrix)
	}
	return h
}

// readMatrix reads 64 8-bit quantiser matrix entries; the loop is bounded
// by the array, and a matrix cut by the end reads as zeros (the reader's
// error records the cut).
func readMatrix(r *bits.Reader, m *[64]uint8) {
	for i := range m {
		m[i] = uint8(r.Bits(8))
	}
}

// SequenceExtension is sequence_extension() (ISO/IEC 13818-2 6.2.2.3),
// after its extension_start_code_identifier. Its presence makes a stream
// MPEG-2.
type SequenceExtension struct {
	ProfileAndLevelIndication uint8
	ProgressiveSequence       bool
	// ChromaFormat is chroma_format as coded: 1 4:2:0, 2 4:2:2, 3 4:4:4;
	// 0 is reserved, and FFmpeg decodes it as 4:2:0.
	ChromaFormat            uint8
	HorizontalSizeExtension uint8  // 2 bits
	VerticalSizeExtension   uint8  // 2 bits
	BitRateExtension        uint16 // 12 bits
	MarkerBit               bool
	VBVBufferSizeExtension  uint8
	LowDelay                bool
	FrameRateExtensionN     uint8 // 2 bits
	FrameRateExtensionD     uint8 // 5 bits
}

func readSequenceExtension(r *bits.Reader) SequenceExtension {
	var e SequenceExtension
	e.ProfileAndLevelIndication = r.U8()
	e.ProgressiveSequence = r.Flag()
	e.ChromaFormat = uint8(r.Bits(2))
	e.HorizontalSizeExtension = uint8(r.Bits(2))
	e.VerticalSizeExtension = uint8(r.Bits(2))
	e.BitRateExtension = uint16(r.Bits(12))
	e.MarkerBit = r.Flag()
	e.VBVBufferSizeExtension = r.U8()
	e.LowDelay = r.Flag()
	e.FrameRateExtensionN = uint8(r.Bits(2))
	e.FrameRateExtensionD = uint8(r.Bits(5))
	return e
}

// SequenceDisplayExtension is sequence_display_extension() (ISO/IEC
// 13818-2 6.2.2.4), after its extension_start_code_identifier.
type SequenceDisplayExtension struct {
	VideoFormat       uint8 // 3 bits
	ColourDescription bool
	// ColourPrimaries, TransferCharacteristics and MatrixCoefficients are
	// read only when ColourDescription is set (ISO/IEC 13818-2 tables
	// 6-7 to 6-9, the code points of ITU-T H.273).
	ColourPrimaries         uint8
	TransferCharacteristics uint8
	MatrixCoefficients      uint8
	DisplayHorizontalSize   uint16 // 14 bits
	MarkerBit               bool
	DisplayVerticalSize     uint16 // 14 bits
}

func readSequenceDisplayExtension(r *bits.Reader) SequenceDisplayExtension {
	var d SequenceDisplayExtension
	d.VideoFormat = uint8(r.Bits(3))
	if d.ColourDescription = r.Flag(); d.ColourDescription {
		d.ColourPrimaries = r.U8()
		d.TransferCharacteristics = r.U8()
		d.MatrixCoefficients = r.U8()
	}
	d.DisplayHorizontalSize = uint16(r.Bits(14))
	d.MarkerBit = r.Flag()
	d.DisplayVerticalSize = uint16(r.Bits(14))
	return d
}

// GroupOfPicturesHeader is group_of_pictures_header() (ISO/IEC 13818-2
// 6.2.2.6).
type GroupOfPicturesHeader struct {
	// TimeCode is time_code: drop_frame_flag, hours (5 bits), minutes
	// (6), marker_bit, seconds (6) and pictures (6), 25 bits in all.
	TimeCode   uint32
	ClosedGOP  bool
	BrokenLink bool
}

func readGroupOfPicturesHeader(r *bits.Reader) GroupOfPicturesHeader {
	var g GroupOfPicturesHeader
	g.TimeCode = uint32(r.Bits(25))
	g.ClosedGOP = r.Flag()
	g.BrokenLink = r.Flag()
	return g
}

// PictureHeader is the start of picture_header() (ISO/IEC 13818-2
// 6.2.3), up to the motion vector codes of MPEG-1.
type PictureHeader struct {
	TemporalReference uint16 // 10 bits
	PictureCodingType uint8  // 3 bits: IntraCoded, PredictiveCoded, ...
	VBVDelay          uint16
	// FullPelForwardVector and ForwardFCode are present for P and B
	// pictures, FullPelBackwardVector and BackwardFCode for B pictures.
	FullPelForwardVector  bool
	ForwardFCode          uint8
	FullPelBackwardVector bool
	BackwardFCode         uint8
}

func readPictureHeader(r *bits.Reader) PictureHeader {
	var p PictureHeader
	p.TemporalReference = uint16(r.Bits(10))
	p.PictureCodingType = uint8(r.Bits(3))
	p.VBVDelay = r.U16()
	if p.PictureCodingType == PredictiveCoded || p.PictureCodingType == BidirectionallyPredictiveCoded {
		p.FullPelForwardVector = r.Flag()
		p.ForwardFCode = uint8(r.Bits(3))
	}
	if p.PictureCodingType == BidirectionallyPredictiveCoded {
		p.FullPelBackwardVector = r.Flag()
		p.BackwardFCode = uint8(r.Bits(3))
	}
	return p
}

// PictureCodingExtension is picture_coding_extension() (ISO/IEC 13818-2
// 6.2.3.1), after its extension_start_code_identifier.
type PictureCodingExtension struct {
	FCode                    [2][2]uint8 // f_code[s][t], 4 bits each
	IntraDCPrecision         uint8       // 2 bits
	PictureStructure         uint8       // 2 bits: 1 top field, 2 bottom field, 3 frame
	TopFieldFirst            bool
	FramePredFrameDCT        bool
	ConcealmentMotionVectors bool
	QScaleType               bool
	IntraVLCFormat           bool
	AlternateScan            bool
	RepeatFirstField         bool
	Chroma420Type            bool
	ProgressiveFrame         bool
	CompositeDisplayFlag     bool
	// VAxis, FieldSequence, SubCarrier, BurstAmplitude and
	// SubCarrierPhase are present when CompositeDisplayFlag is set.
	VAxis           bool
	FieldSequence   uint8
	SubCarrier      bool
	BurstAmplitude  uint8
	SubCarrierPhase uint8
}

func readPictureCodingExtension(r *bits.Reader) PictureCodingExtension {
	var p PictureCodingExtension
	for s := range p.FCode {
		for t := range p.FCode[s] {
			p.FCode[s][t] = uint8(r.Bits(4))
		}
	}
	p.IntraDCPrecision = uint8(r.Bits(2))
	p.PictureStructure = uint8(r.Bits(2))
	p.TopFieldFirst = r.Flag()
	p.FramePredFrameDCT = r.Flag()
	p.ConcealmentMotionVectors = r.Flag()
	p.QScaleType = r.Flag()
	p.IntraVLCFormat = r.Flag()
	p.AlternateScan = r.Flag()
	p.RepeatFirstField = r.Flag()
	p.Chroma420Type = r.Flag()
	p.ProgressiveFrame = r.Flag()
	if p.CompositeDisplayFlag = r.Flag(); p.CompositeDisplayFlag {
		p.VAxis = r.Flag()
		p.FieldSequence = uint8(r.Bits(3))
		p.SubCarrier = r.Flag()
		p.BurstAmplitude = uint8(r.Bits(7))
		p.SubCarrierPhase = r.U8()
	}
	return p
}
