package mpegvideo

import "github.com/mediaprobe/mediaprobe/internal/bits"

// ExtradataSize returns the size of the extradata FFmpeg's
// extract_extradata filter takes from the first packet of an MPEG-1/2
// video stream that has none (a raw .m2v stream, MPEG-TS, MPEG-PS): from
// the start of the packet to the first start code after a sequence header
// that is not an extension (a GOP, picture, user data or slice start
// code), so the sequence header and its extensions; 0 when the packet has
// no sequence header or nothing follows it.
func ExtradataSize(packet []byte) int {
	seen := false
	for pos := 0; ; {
		i := bits.IndexStartCode(packet[pos:])
		if i < 0 || pos+i+3 >= len(packet) {
			return 0
		}
		start := pos + i
		switch c := packet[start+3]; {
		case c == SequenceHeaderCode:
			seen = true
		case seen && c != ExtensionStartCode:
			return start
		}
		pos = start + 3 // the code byte may begin the next prefix
	}
}
