package vc1

import "github.com/mediaprobe/mediaprobe/internal/bits"

// EntryPoint is an Advanced profile entry-point header (SMPTE 421M 6.2),
// with the specification's syntax element names in Go case.
type EntryPoint struct {
	BrokenLink    bool  // BROKEN_LINK
	ClosedEntry   bool  // CLOSED_ENTRY
	PanScanFlag   bool  // PANSCAN_FLAG
	RefDistFlag   bool  // REFDIST_FLAG
	LoopFilter    bool  // LOOPFILTER
	FastUVMC      bool  // FASTUVMC
	ExtendedMV    bool  // EXTENDED_MV
	DQuant        uint8 // DQUANT
	VSTransform   bool  // VSTRANSFORM
	Overlap       bool  // OVERLAP
	Quantizer     uint8 // QUANTIZER
	CodedSizeFlag bool  // CODED_SIZE_FLAG
	// CodedWidth and CodedHeight code 2*(CODED_WIDTH+1) by
	// 2*(CODED_HEIGHT+1) pixels; without CODED_SIZE_FLAG the size is the
	// sequence header's maximum.
	CodedWidth     uint16 // CODED_WIDTH
	CodedHeight    uint16 // CODED_HEIGHT
	ExtendedDMV    bool   // EXTENDED_DMV
	RangeMapYFlag  bool   // RANGE_MAPY_FLAG
	RangeMapY      uint8  // RANGE_MAPY
	RangeMapUVFlag bool   // RANGE_MAPUV_FLAG
	RangeMapUV     uint8  // RANGE_MAPUV
}

// parseEntryPoint reads an entry-point header as ff_vc1_decode_entry_point
// does; it needs the sequence header for its HRD bucket count, and fails
// never (the size it codes is always one ff_set_dimensions accepts).
func parseEntryPoint(r *bits.Reader, s *SequenceHeader) EntryPoint {
	var e EntryPoint
	e.BrokenLink = r.Flag()
	e.ClosedEntry = r.Flag()
	e.PanScanFlag = r.Flag()
	e.RefDistFlag = r.Flag()
	e.LoopFilter = r.Flag()
	e.FastUVMC = r.Flag()
	e.ExtendedMV = r.Flag()
	e.DQuant = uint8(r.Bits(2))
	e.VSTransform = r.Flag()
	e.Overlap = r.Flag()
	e.Quantizer = uint8(r.Bits(2))
	if s.HRDParamFlag {
		r.Skip(8 * int(s.HRDNumLeakyBuckets)) // HRD_FULLNESS
	}
	e.CodedSizeFlag = r.Flag()
	if e.CodedSizeFlag {
		e.CodedWidth = uint16(r.Bits(12))
		e.CodedHeight = uint16(r.Bits(12))
	}
	if e.ExtendedMV {
		e.ExtendedDMV = r.Flag()
	}
	e.RangeMapYFlag = r.Flag()
	if e.RangeMapYFlag {
		e.RangeMapY = uint8(r.Bits(3))
	}
	e.RangeMapUVFlag = r.Flag()
	if e.RangeMapUVFlag {
		e.RangeMapUV = uint8(r.Bits(3))
	}
	return e
}

// Size returns the coded size the entry point sets: its own when
// CODED_SIZE_FLAG is set, else the sequence header's maximum.
func (e EntryPoint) Size(s SequenceHeader) (w, h int) {
	if e.CodedSizeFlag {
		return (int(e.CodedWidth) + 1) << 1, (int(e.CodedHeight) + 1) << 1
	}
	return s.MaxWidth(), s.MaxHeight()
}
