package ac3

// ParseFrameSize reads the fields at the start of b that size an AC-3 or
// E-AC-3 frame, and checks them as ff_ac3_parse_header does (through
// av_ac3_parse_header, which the raw demuxers' probe calls): the syncword,
// bsid at most 16; for AC-3 fscod not 3 and frmsizecod at most 37; for
// E-AC-3 strmtyp not 3, a frame of at least 7 bytes and fscod2 not 3. It
// reads no more than the header's first 6 bytes, allocates nothing, and
// gives bsid and the frame size in bytes; ok is false when b is shorter
// than headerSize or a check fails.
func ParseFrameSize(b []byte) (bsid uint8, size int, ok bool) {
	if len(b) < headerSize || b[0] != 0x0B || b[1] != 0x77 {
		return 0, 0, false
	}
	bsid = b[5] >> 3
	if bsid > 16 {
		return bsid, 0, false
	}
	if bsid <= 10 {
		fscod, frmsizecod := b[4]>>6, b[4]&0x3F
		if fscod == 3 || frmsizecod > 37 {
			return bsid, 0, false
		}
		return bsid, frameWords(frmsizecod, fscod) * 2, true
	}
	if b[2]>>6 == 3 { // strmtyp reserved
		return bsid, 0, false
	}
	size = (int(b[2]&7)<<8 | int(b[3]) + 1) * 2
	if size < headerSize {
		return bsid, 0, false
	}
	if b[4]>>6 == 3 && b[4]>>4&3 == 3 { // fscod 3 and fscod2 3
		return bsid, 0, false
	}
	return bsid, size, true
}

// FrameCRCValid reports whether the CRC-16 (polynomial 0x8005, initial 0,
// not reflected: FFmpeg's AV_CRC_16_ANSI) of frame after its syncword is
// 0, which holds for a whole frame whose crc2 is right (A/52 7.10.1). With
// swapped set, frame is read with the bytes of each 16-bit word swapped
// (a byte-swapped stream), without copying it.
func FrameCRCValid(frame []byte, swapped bool) bool {
	var crc uint16
	feed := func(c byte) {
		crc ^= uint16(c) << 8
		for i := 0; i < 8; i++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x8005
			} else {
				crc <<= 1
			}
		}
	}
	for i := 2; i < len(frame); i += 2 {
		switch {
		case i+1 >= len(frame):
			feed(frame[i])
		case swapped:
			feed(frame[i+1])
			feed(frame[i])
		default:
			feed(frame[i])
			feed(frame[i+1])
		}
	}
	return crc == 0
}
