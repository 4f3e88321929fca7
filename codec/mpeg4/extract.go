package mpeg4

import "github.com/mediaprobe/mediaprobe/internal/bits"

// ExtradataSize returns the size of the extradata FFmpeg's
// extract_extradata filter takes from the first packet of an MPEG-4 Part 2
// stream that has none (a raw .m4v stream, MPEG-TS): the bytes before the
// first group_of_vop or VOP start code (0x1B3, 0x1B6), the headers that
// precede the first picture; 0 when no such start code follows the first
// bytes, as the filter then takes nothing.
func ExtradataSize(packet []byte) int {
	for pos := 0; ; {
		i := bits.IndexStartCode(packet[pos:])
		if i < 0 || pos+i+3 >= len(packet) {
			return 0
		}
		start := pos + i
		if c := packet[start+3]; c == GroupOfVOPStartCode || c == VOPStartCode {
			return start // 0 when it opens the packet: the filter wants a byte before it
		}
		pos = start + 3 // the code byte may begin the next prefix
	}
}
