package h264

// NAL unit types (H.264 Table 7-1) that this package reads or skips.
const (
	NALSlice     = 1  // coded slice of a non-IDR picture
	NALIDR       = 5  // coded slice of an IDR picture
	NALSEI       = 6  // supplemental enhancement information
	NALSPS       = 7  // sequence parameter set
	NALPPS       = 8  // picture parameter set
	NALAUD       = 9  // access unit delimiter
	NALSPSExt    = 13 // sequence parameter set extension
	NALSubsetSPS = 15 // subset sequence parameter set (SVC, MVC)
	NALSliceExt  = 20 // coded slice extension (SVC, MVC)
)

// NALHeader is the one-byte nal_unit_header of H.264 7.3.1.
type NALHeader struct {
	ForbiddenZeroBit bool
	NALRefIDC        uint8
	NALUnitType      uint8
}

// ParseNALHeader reads the first byte of a NAL unit; ok is false for an
// empty unit.
func ParseNALHeader(nal []byte) (h NALHeader, ok bool) {
	if len(nal) == 0 {
		return h, false
	}
	c := nal[0]
	return NALHeader{ForbiddenZeroBit: c&0x80 != 0, NALRefIDC: c >> 5 & 3, NALUnitType: c & 0x1f}, true
}

// nalType returns the unit's nal_unit_type as FFmpeg's packet splitter sees
// it: -1 for an empty unit or one whose forbidden_zero_bit is set, which
// h264_parse_nal_header rejects and ff_h2645_packet_split skips.
func nalType(nal []byte) int {
	h, ok := ParseNALHeader(nal)
	if !ok || h.ForbiddenZeroBit {
		return -1
	}
	return int(h.NALUnitType)
}
