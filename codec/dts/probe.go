package dts

import "encoding/binary"

// ProbeCoreHeader reads the core frame header at the start of b, which
// starts with a core sync word in any of the four representations, as the
// raw DTS probe does (dtsdec.c dts_probe): the first CoreHeaderSize bytes
// are converted to big-endian words (avpriv_dca_convert_bitstream) and
// checked as avpriv_dca_parse_core_frame_header checks them, without the
// decoder's further checks. Bytes past the end of b read as zero, as the
// probe buffer's padding does. It allocates nothing.
func ProbeCoreHeader(b []byte) (CoreHeader, bool) {
	var in, out [CoreHeaderSize]byte
	copy(in[:], b)
	n := CoreHeaderSize
	switch binary.BigEndian.Uint32(in[:]) {
	case SyncCoreBE:
		out = in
	case SyncCoreLE:
		for i := 0; i < len(in); i += 2 {
			out[i], out[i+1] = in[i+1], in[i]
		}
	case SyncCore14BE, SyncCore14LE:
		// Nine 14-bit words: 126 bits, 16 bytes once flushed.
		var acc uint64
		bitsIn, k := 0, 0
		for i := 0; i < len(in); i += 2 {
			w := binary.BigEndian.Uint16(in[i:])
			if in[0] == 0xFF { // SyncCore14LE
				w = binary.LittleEndian.Uint16(in[i:])
			}
			acc = acc<<14 | uint64(w&0x3FFF)
			bitsIn += 14
			for bitsIn >= 8 {
				bitsIn -= 8
				out[k] = byte(acc >> uint(bitsIn))
				k++
			}
		}
		if bitsIn > 0 {
			out[k] = byte(acc << uint(8-bitsIn))
			k++
		}
		n = k
	default:
		return CoreHeader{}, false
	}
	h, err := parseCoreFrameHeader(out[:n])
	return h, err == nil
}

// ProbeSubstream checks the extension substream header at the start of b
// (which starts with SyncSubstream) as dts_probe does: header and frame
// sizes that are multiples of 4, a header of at least 16 bytes that the
// frame holds and b holds, and a header CRC (CRC-16-CCITT from 0xFFFF over
// the header after its first 5 bytes) of 0. It returns the frame size.
func ProbeSubstream(b []byte) (frameSize int, ok bool) {
	var hdr [12]byte
	copy(hdr[:], b)
	v := binary.BigEndian.Uint64(hdr[4:]) // bits 32..95
	// Skip 10 bits after the sync word: user data, extension index.
	wide := v>>53&1 == 1
	var hdrSize, size int
	if wide {
		hdrSize = int(v>>41&0xFFF) + 1
		size = int(v>>21&0xFFFFF) + 1
	} else {
		hdrSize = int(v>>45&0xFF) + 1
		size = int(v>>29&0xFFFF) + 1
	}
	if hdrSize&3 != 0 || size&3 != 0 || hdrSize < 16 || size < hdrSize || hdrSize > len(b) {
		return 0, false
	}
	if crc16CCITT(b[5:hdrSize]) != 0 {
		return 0, false
	}
	return size, true
}
