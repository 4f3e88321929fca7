package mpeg4

// ExtradataSize returns the size of the extradata FFmpeg's
// extract_extradata filter takes from the first packet of an MPEG-4 Part 2
// stream that has none (a raw .m4v stream, MPEG-TS): the bytes before the
// first group_of_vop or VOP start code (0x1B3, 0x1B6), the headers that
// precede the first picture; 0 when no such start code follows the first
// bytes, as the filter then takes nothing.
func ExtradataSize(packet []byte) int {
	state := ^uint32(0)
	for i, c := range packet {
		state = state<<8 | uint32(c)
		if state == 0x100|GroupOfVOPStartCode || state == 0x100|VOPStartCode {
			// The start code begins at i-3; the filter wants at least
			// one byte before it.
			if i-3 > 0 {
				return i - 3
			}
			return 0
		}
	}
	return 0
}
