package mpeg4

import "github.com/mediaprobe/mediaprobe/internal/bits"

// Start codes (ISO/IEC 14496-2 table 6-3): the byte after the prefix
// 0x000001.
const (
	VideoObjectStartCodeMin       = 0x00 // video_object_start_code 0x00..0x1F
	VideoObjectStartCodeMax       = 0x1F
	VideoObjectLayerStartCodeMin  = 0x20 // video_object_layer_start_code 0x20..0x2F
	VideoObjectLayerStartCodeMax  = 0x2F
	VisualObjectSequenceStartCode = 0xB0
	VisualObjectSequenceEndCode   = 0xB1
	UserDataStartCode             = 0xB2
	GroupOfVOPStartCode           = 0xB3
	VisualObjectStartCode         = 0xB5
	VOPStartCode                  = 0xB6
)

// visual_object_type values (ISO/IEC 14496-2 table 6-5).
const (
	VisualObjectTypeVideo        = 1
	VisualObjectTypeStillTexture = 2
)

// video_object_type_indication values that change how FFmpeg reads the
// layer (ISO/IEC 14496-2 table 6-10).
const (
	SimpleObjectType         = 1
	SimpleStudioObjectType   = 14
	CoreStudioObjectType     = 15
	AdvancedSimpleObjectType = 17
)

// video_object_layer_shape values (table 6-14).
const (
	ShapeRectangular = 0
	ShapeBinary      = 1
	ShapeBinaryOnly  = 2
	ShapeGrayscale   = 3
)

// sprite_enable values (table 6-15).
const (
	SpriteNotUsed = 0
	SpriteStatic  = 1
	SpriteGMC     = 2
)

// ExtendedPAR is the aspect_ratio_info code that is followed by par_width
// and par_height (table 6-12).
const ExtendedPAR = 15

// VisualObjectSequence is the header of visual_object_sequence()
// (ISO/IEC 14496-2 6.2.2).
type VisualObjectSequence struct {
	// ProfileAndLevelIndication is profile_and_level_indication (annex
	// G): FFmpeg takes the high four bits as the profile and the low
	// four as the level.
	ProfileAndLevelIndication uint8
}

// VisualObject is visual_object() up to its video_signal_type (ISO/IEC
// 14496-2 6.2.2, 6.2.2.1).
type VisualObject struct {
	IsVisualObjectIdentifier bool
	VisualObjectVerID        uint8 // 4 bits, when IsVisualObjectIdentifier
	VisualObjectPriority     uint8 // 3 bits, when IsVisualObjectIdentifier
	VisualObjectType         uint8 // 4 bits
	// VideoSignalType and what it guards are read for video and still
	// texture objects only.
	VideoSignalType   bool
	VideoFormat       uint8 // 3 bits
	VideoRange        bool  // full range (0-255) when set
	ColourDescription bool
	// ColourPrimaries, TransferCharacteristics and MatrixCoefficients
	// are read when ColourDescription is set (tables 6-7 to 6-9, the code
	// points of ITU-T H.273).
	ColourPrimaries         uint8
	TransferCharacteristics uint8
	MatrixCoefficients      uint8
}

func readVisualObject(r *bits.Reader) VisualObject {
	var v VisualObject
	if v.IsVisualObjectIdentifier = r.Flag(); v.IsVisualObjectIdentifier {
		v.VisualObjectVerID = uint8(r.Bits(4))
		v.VisualObjectPriority = uint8(r.Bits(3))
	}
	v.VisualObjectType = uint8(r.Bits(4))
	if v.VisualObjectType != VisualObjectTypeVideo && v.VisualObjectType != VisualObjectTypeStillTexture {
		return v
	}
	if v.VideoSignalType = r.Flag(); v.VideoSignalType {
		v.VideoFormat = uint8(r.Bits(3))
		v.VideoRange = r.Flag()
		if v.ColourDescription = r.Flag(); v.ColourDescription {
			v.ColourPrimaries = r.U8()
			v.TransferCharacteristics = r.U8()
			v.MatrixCoefficients = r.U8()
		}
	}
	return v
}

// VideoObjectLayer is VideoObjectLayer() (ISO/IEC 14496-2 6.2.3) for the
// non-studio object types, read as FFmpeg's decode_vol_header reads it:
// for rectangular layers that is the specification's order; the fields
// FFmpeg skips for other shapes (sadct_disable, the grayscale shape
// fields) are skipped too. Fields after an error of Err stay zero.
type VideoObjectLayer struct {
	RandomAccessibleVOL       bool
	VideoObjectTypeIndication uint8
	IsObjectLayerIdentifier   bool
	// VideoObjectLayerVerID is 1 when IsObjectLayerIdentifier is clear,
	// as FFmpeg assumes.
	VideoObjectLayerVerID    uint8
	VideoObjectLayerPriority uint8
	AspectRatioInfo          uint8
	ParWidth, ParHeight      uint8 // when AspectRatioInfo is ExtendedPAR

	VOLControlParameters bool
	// ChromaFormat, LowDelay and VBVParameters are present with
	// VOLControlParameters; chroma_format 1 (4:2:0) is the only one
	// defined.
	ChromaFormat  uint8
	LowDelay      bool
	VBVParameters bool
	// The VBV parameters, each half as coded.
	FirstHalfBitRate        uint16 // 15 bits
	LatterHalfBitRate       uint16 // 15 bits
	FirstHalfVBVBufferSize  uint16 // 15 bits
	LatterHalfVBVBufferSize uint8  // 3 bits
	FirstHalfVBVOccupancy   uint16 // 11 bits
	LatterHalfVBVOccupancy  uint16 // 15 bits

	VideoObjectLayerShape          uint8 // ShapeRectangular, ...
	VideoObjectLayerShapeExtension uint8 // grayscale shape with verid != 1
	VOPTimeIncrementResolution     uint16
	FixedVOPRate                   bool
	// FixedVOPTimeIncrement has the bits needed for
	// VOPTimeIncrementResolution-1 (at least 1).
	FixedVOPTimeIncrement uint16

	// The fields below are read unless the shape is binary only.
	VideoObjectLayerWidth  uint16 // 13 bits, rectangular shape
	VideoObjectLayerHeight uint16 // 13 bits, rectangular shape
	Interlaced             bool
	OBMCDisable            bool
	SpriteEnable           uint8 // 1 bit for verid 1, else 2
	// The sprite fields: width, height and position for static sprites,
	// the warping points for static sprites and GMC.
	SpriteWidth             uint16
	SpriteHeight            uint16
	SpriteLeftCoordinate    uint16 // 13 bits as coded (two's complement)
	SpriteTopCoordinate     uint16
	NoOfSpriteWarpingPoints uint8 // 6 bits; FFmpeg refuses more than 3
	SpriteWarpingAccuracy   uint8
	SpriteBrightnessChange  bool
	LowLatencySpriteEnable  bool
	Not8Bit                 bool
	QuantPrecision          uint8 // 4 bits, when Not8Bit
	BitsPerPixel            uint8 // 4 bits, when Not8Bit
	QuantType               bool
	LoadIntraQuantMat       bool
	// IntraQuantMat and NonIntraQuantMat are the matrices as transmitted,
	// in zigzag order: the values up to a 0 that ends the list early, the
	// rest zero.
	IntraQuantMat               [64]uint8
	LoadNonIntraQuantMat        bool
	NonIntraQuantMat            [64]uint8
	QuarterSample               bool // read for verid != 1
	ComplexityEstimationDisable bool
	// EstimationMethod is that of define_vop_complexity_estimation_header,
	// when ComplexityEstimationDisable is clear; its flags are skipped as
	// FFmpeg skips them.
	EstimationMethod             uint8
	ResyncMarkerDisable          bool
	DataPartitioned              bool
	ReversibleVLC                bool
	NewpredEnable                bool // verid != 1
	RequestedUpstreamMessageType uint8
	NewpredSegmentType           bool
	ReducedResolutionVOPEnable   bool // verid != 1
	Scalability                  bool
	// The scalability fields FFmpeg reads.
	HierarchyType         bool
	RefLayerID            uint8
	RefLayerSamplingDirec bool
	HorSamplingFactorN    uint8
	HorSamplingFactorM    uint8
	VertSamplingFactorN   uint8
	VertSamplingFactorM   uint8
	EnhancementType       bool
}

// TimeIncrementBits returns the number of bits of vop_time_increment and
// fixed_vop_time_increment: those needed for
// vop_time_increment_resolution-1, at least 1 (6.3.3; decode_vol_header
// computes av_log2(resolution - 1) + 1).
func (v *VideoObjectLayer) TimeIncrementBits() int {
	n := 1
	for r := int(v.VOPTimeIncrementResolution) - 1; r > 1; r >>= 1 {
		n++
	}
	return n
}

// volError says why FFmpeg's decode_vol_header refuses a layer.
type volError int

const (
	volOK volError = iota
	volZeroResolution
	volSpriteWarpingPoints
	volMatrixTruncated
	volHeaderTruncated
)

// readVideoObjectLayer reads a layer from the bits after its start code,
// with video_object_type_indication already read. It stops where FFmpeg's
// decode_vol_header returns an error and says which.
func readVideoObjectLayer(r *bits.Reader, random bool, typ uint8) (VideoObjectLayer, volError) {
	v := VideoObjectLayer{RandomAccessibleVOL: random, VideoObjectTypeIndication: typ, VideoObjectLayerVerID: 1}
	if v.IsObjectLayerIdentifier = r.Flag(); v.IsObjectLayerIdentifier {
		v.VideoObjectLayerVerID = uint8(r.Bits(4))
		v.VideoObjectLayerPriority = uint8(r.Bits(3))
	}
	v.AspectRatioInfo = uint8(r.Bits(4))
	if v.AspectRatioInfo == ExtendedPAR {
		v.ParWidth = r.U8()
		v.ParHeight = r.U8()
	}
	if v.VOLControlParameters = r.Flag(); v.VOLControlParameters {
		v.ChromaFormat = uint8(r.Bits(2))
		v.LowDelay = r.Flag()
		if v.VBVParameters = r.Flag(); v.VBVParameters {
			v.FirstHalfBitRate = uint16(r.Bits(15))
			r.Skip(1) // marker_bit
			v.LatterHalfBitRate = uint16(r.Bits(15))
			r.Skip(1)
			v.FirstHalfVBVBufferSize = uint16(r.Bits(15))
			r.Skip(1)
			v.LatterHalfVBVBufferSize = uint8(r.Bits(3))
			v.FirstHalfVBVOccupancy = uint16(r.Bits(11))
			r.Skip(1)
			v.LatterHalfVBVOccupancy = uint16(r.Bits(15))
			r.Skip(1)
		}
	}
	v.VideoObjectLayerShape = uint8(r.Bits(2))
	if v.VideoObjectLayerShape == ShapeGrayscale && v.VideoObjectLayerVerID != 1 {
		v.VideoObjectLayerShapeExtension = uint8(r.Bits(4))
	}
	r.Skip(1) // marker_bit
	v.VOPTimeIncrementResolution = r.U16()
	if v.VOPTimeIncrementResolution == 0 {
		return v, volZeroResolution // decode_vol_header: "framerate==0"
	}
	r.Skip(1) // marker_bit
	if v.FixedVOPRate = r.Flag(); v.FixedVOPRate {
		v.FixedVOPTimeIncrement = uint16(r.Bits(v.TimeIncrementBits()))
	}
	if v.VideoObjectLayerShape == ShapeBinaryOnly {
		return v, volOK
	}
	if v.VideoObjectLayerShape == ShapeRectangular {
		r.Skip(1)
		v.VideoObjectLayerWidth = uint16(r.Bits(13))
		r.Skip(1)
		v.VideoObjectLayerHeight = uint16(r.Bits(13))
		r.Skip(1)
	}
	v.Interlaced = r.Flag()
	v.OBMCDisable = r.Flag()
	if v.VideoObjectLayerVerID == 1 {
		v.SpriteEnable = uint8(r.Bits(1))
	} else {
		v.SpriteEnable = uint8(r.Bits(2))
	}
	if v.SpriteEnable == SpriteStatic || v.SpriteEnable == SpriteGMC {
		if v.SpriteEnable == SpriteStatic {
			v.SpriteWidth = uint16(r.Bits(13))
			r.Skip(1)
			v.SpriteHeight = uint16(r.Bits(13))
			r.Skip(1)
			v.SpriteLeftCoordinate = uint16(r.Bits(13))
			r.Skip(1)
			v.SpriteTopCoordinate = uint16(r.Bits(13))
			r.Skip(1)
		}
		v.NoOfSpriteWarpingPoints = uint8(r.Bits(6))
		if v.NoOfSpriteWarpingPoints > 3 {
			return v, volSpriteWarpingPoints // "%d sprite_warping_points"
		}
		v.SpriteWarpingAccuracy = uint8(r.Bits(2))
		v.SpriteBrightnessChange = r.Flag()
		if v.SpriteEnable == SpriteStatic {
			v.LowLatencySpriteEnable = r.Flag()
		}
	}
	if v.Not8Bit = r.Flag(); v.Not8Bit {
		v.QuantPrecision = uint8(r.Bits(4))
		v.BitsPerPixel = uint8(r.Bits(4))
	}
	if v.QuantType = r.Flag(); v.QuantType {
		if v.LoadIntraQuantMat = r.Flag(); v.LoadIntraQuantMat {
			if !readQuantMat(r, &v.IntraQuantMat) {
				return v, volMatrixTruncated
			}
		}
		if v.LoadNonIntraQuantMat = r.Flag(); v.LoadNonIntraQuantMat {
			if !readQuantMat(r, &v.NonIntraQuantMat) {
				return v, volMatrixTruncated
			}
		}
	}
	if v.VideoObjectLayerVerID != 1 {
		v.QuarterSample = r.Flag()
	}
	if r.Left() < 4 {
		return v, volHeaderTruncated // "VOL Header truncated"
	}
	if v.ComplexityEstimationDisable = r.Flag(); !v.ComplexityEstimationDisable {
		readComplexityEstimation(r, &v)
	}
	v.ResyncMarkerDisable = r.Flag()
	if v.DataPartitioned = r.Flag(); v.DataPartitioned {
		v.ReversibleVLC = r.Flag()
	}
	if v.VideoObjectLayerVerID != 1 {
		if v.NewpredEnable = r.Flag(); v.NewpredEnable {
			v.RequestedUpstreamMessageType = uint8(r.Bits(2))
			v.NewpredSegmentType = r.Flag()
		}
		v.ReducedResolutionVOPEnable = r.Flag()
	}
	if v.Scalability = r.Flag(); v.Scalability {
		saved := *r
		v.HierarchyType = r.Flag()
		v.RefLayerID = uint8(r.Bits(4))
		v.RefLayerSamplingDirec = r.Flag()
		v.HorSamplingFactorN = uint8(r.Bits(5))
		v.HorSamplingFactorM = uint8(r.Bits(5))
		v.VertSamplingFactorN = uint8(r.Bits(5))
		v.VertSamplingFactorM = uint8(r.Bits(5))
		v.EnhancementType = r.Flag()
		if v.HorSamplingFactorN == 0 || v.HorSamplingFactorM == 0 || v.VertSamplingFactorN == 0 || v.VertSamplingFactorM == 0 {
			// "illegal scalability header (VERY broken encoder)": FFmpeg
			// forgets the flag and reads on from before the fields.
			*r = saved
			v.Scalability = false
			v.HierarchyType, v.RefLayerID, v.RefLayerSamplingDirec = false, 0, false
			v.HorSamplingFactorN, v.HorSamplingFactorM, v.VertSamplingFactorN, v.VertSamplingFactorM = 0, 0, 0, 0
			v.EnhancementType = false
		}
	}
	return v, volOK
}

// readQuantMat reads a quantiser matrix list (6.2.3): up to 64 8-bit
// values, a 0 ending it early. Like FFmpeg it refuses a list with fewer
// than 8 bits left before a value ("insufficient data for custom
// matrix"); the loop is bounded by the array.
func readQuantMat(r *bits.Reader, m *[64]uint8) bool {
	for i := range m {
		if r.Left() < 8 {
			return false
		}
		v := r.U8()
		if v == 0 {
			break
		}
		m[i] = v
	}
	return true
}

// readComplexityEstimation skips define_vop_complexity_estimation_header
// (6.2.3) as decode_vol_header does: methods 0 and 1 have their flag sets
// and two marker bits, and when a marker bit is 0 FFmpeg rewinds to just
// after estimation_method and takes the estimation as disabled. For
// method 1 FFmpeg reads the two version 2 flags without the
// version2_complexity_estimation_disable bit before them; so does this.
func readComplexityEstimation(r *bits.Reader, v *VideoObjectLayer) {
	v.EstimationMethod = uint8(r.Bits(2))
	if v.EstimationMethod >= 2 {
		return // "Invalid Complexity estimation method"
	}
	pos := *r
	if !r.Flag() { // shape_complexity_estimation_disable
		r.Skip(6)
	}
	if !r.Flag() { // texture_complexity_estimation_set_1_disable
		r.Skip(4)
	}
	if !r.Flag() { // marker_bit
		*r = pos
		return
	}
	if !r.Flag() { // texture_complexity_estimation_set_2_disable
		r.Skip(4)
	}
	if !r.Flag() { // motion_compensation_complexity_disable
		r.Skip(6)
	}
	if !r.Flag() { // marker_bit
		*r = pos
		return
	}
	if v.EstimationMethod == 1 {
		r.Skip(2) // sadct, quarterpel
	}
}

// StudioVideoObjectLayer is the studio profile's VideoObjectLayer
// (ISO/IEC 14496-2 Amd 1, FFmpeg's decode_studio_vol_header), for
// video_object_type_indication 14 (Simple Studio) and 15 (Core Studio).
type StudioVideoObjectLayer struct {
	RandomAccessibleVOL            bool
	VideoObjectTypeIndication      uint8
	VideoObjectLayerVerID          uint8
	VideoObjectLayerShape          uint8
	VideoObjectLayerShapeExtension uint8
	ProgressiveSequence            bool
	RGBComponents                  bool
	ChromaFormat                   uint8 // 2 4:2:2, 3 4:4:4
	BitDepth                       uint8
	VideoObjectLayerWidth          uint16 // 14 bits
	VideoObjectLayerHeight         uint16 // 14 bits
	AspectRatioInfo                uint8
	ParWidth, ParHeight            uint8
	FrameRateCode                  uint8
	FirstHalfBitRate               uint16
	LatterHalfBitRate              uint16
	FirstHalfVBVBufferSize         uint16
	LatterHalfVBVBufferSize        uint8
	FirstHalfVBVOccupancy          uint16
	LatterHalfVBVOccupancy         uint16
	LowDelay                       bool
	MPEG2Stream                    bool
}

// readStudioVideoObjectLayer reads a studio layer after its
// video_object_type_indication. ok is false where
// decode_studio_vol_header refuses it: a shape other than rectangular, a
// chroma format it calls illegal, or a bit depth other than 10.
func readStudioVideoObjectLayer(r *bits.Reader, random bool, typ uint8) (s StudioVideoObjectLayer, ok bool) {
	s = StudioVideoObjectLayer{RandomAccessibleVOL: random, VideoObjectTypeIndication: typ}
	s.VideoObjectLayerVerID = uint8(r.Bits(4))
	s.VideoObjectLayerShape = uint8(r.Bits(2))
	s.VideoObjectLayerShapeExtension = uint8(r.Bits(4))
	s.ProgressiveSequence = r.Flag()
	if s.VideoObjectLayerShape != ShapeRectangular {
		return s, false // "MPEG-4 Studio profile non rectangular shape"
	}
	s.RGBComponents = r.Flag()
	s.ChromaFormat = uint8(r.Bits(2))
	if s.ChromaFormat < 2 || s.RGBComponents && s.ChromaFormat == 2 {
		return s, false // "illegal chroma format"
	}
	s.BitDepth = uint8(r.Bits(4))
	if s.BitDepth != 10 {
		return s, false
	}
	r.Skip(1)
	s.VideoObjectLayerWidth = uint16(r.Bits(14))
	r.Skip(1)
	s.VideoObjectLayerHeight = uint16(r.Bits(14))
	r.Skip(1)
	s.AspectRatioInfo = uint8(r.Bits(4))
	if s.AspectRatioInfo == ExtendedPAR {
		s.ParWidth = r.U8()
		s.ParHeight = r.U8()
	}
	s.FrameRateCode = uint8(r.Bits(4))
	s.FirstHalfBitRate = uint16(r.Bits(15))
	r.Skip(1)
	s.LatterHalfBitRate = uint16(r.Bits(15))
	r.Skip(1)
	s.FirstHalfVBVBufferSize = uint16(r.Bits(15))
	r.Skip(1)
	s.LatterHalfVBVBufferSize = uint8(r.Bits(3))
	s.FirstHalfVBVOccupancy = uint16(r.Bits(11))
	r.Skip(1)
	s.LatterHalfVBVOccupancy = uint16(r.Bits(15))
	r.Skip(1)
	s.LowDelay = r.Flag()
	s.MPEG2Stream = r.Flag()
	return s, true
}
