package mpegvideo

// ExtradataSize returns the size of the extradata FFmpeg's
// extract_extradata filter takes from the first packet of an MPEG-1/2
// video stream that has none (a raw .m2v stream, MPEG-TS, MPEG-PS): from
// the start of the packet to the first start code after a sequence header
// that is not an extension (a GOP, picture, user data or slice start
// code), so the sequence header and its extensions; 0 when the packet has
// no sequence header or nothing follows it.
func ExtradataSize(packet []byte) int {
	state := ^uint32(0)
	seen := false
	for i, c := range packet {
		state = state<<8 | uint32(c)
		switch {
		case state == 0x100|SequenceHeaderCode:
			seen = true
		case seen && state&0xFFFFFF00 == 0x100 && state != 0x100|ExtensionStartCode:
			return i - 3
		}
	}
	return 0
}
