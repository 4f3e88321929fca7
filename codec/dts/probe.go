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

// probeScore is what dts_probe returns for a DTS stream:
// AVPROBE_SCORE_EXTENSION + 1.
const probeScore = 51

// pad returns the byte at i, or 0 past the end, as the zero padding of
// FFmpeg's probe buffers reads.
func pad(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// Probe scores the head as dts_probe does, from its 4097th byte on
// (FFmpeg skips the first 4 KiB, where a WAV header or another format's
// data could hold sync words), on 16-bit boundaries. Four extension
// substream headers in a row, each where the last one's frame size said,
// score 51. Otherwise core sync words whose next word has the expected
// bits and whose header avpriv_dca_parse_core_frame_header accepts count
// per representation and sample rate; the most frequent kind scores 51
// when it has more than 3 sync words, one per 32 KiB at least, three
// quarters of all, and the 16-bit words of the head vary on average by
// more than 200 from one word to the word 4 bytes on (not silence or
// text).
func Probe(b []byte) int {
	var markers [4 * 16]int
	exssMarkers, exssNext := 0, 0
	var diff int64
	state := ^uint32(0)
	size := len(b)
	word := func(i int) uint16 { return uint16(pad(b, i))<<8 | uint16(pad(b, i+1)) }
	for pos := min(4096, size); pos < size-2; pos += 2 {
		state = state<<16 | uint32(word(pos))
		if pos >= 4 {
			cur := int16(binary.LittleEndian.Uint16(b[pos:]))
			prev := int16(binary.LittleEndian.Uint16(b[pos-4:]))
			d := int64(cur) - int64(prev)
			if d < 0 {
				d = -d
			}
			diff += d
		}
		sync := pos - 2 // where the sync word in state starts
		if state == SyncSubstream {
			if pos < exssNext {
				continue
			}
			frameSize, ok := ProbeSubstream(b[sync:])
			if !ok {
				continue
			}
			if pos == exssNext {
				exssMarkers++
			} else {
				exssMarkers = max(1, exssMarkers-1)
			}
			exssNext = pos + frameSize
			continue
		}
		next := word(pos + 2)
		var marker int
		switch {
		case state == SyncCoreBE && next&0xFC00 == 0xFC00:
			marker = 0
		case state == SyncCoreLE && next&0x00FC == 0x00FC:
			marker = 1
		case state == SyncCore14BE && next&0xFFF0 == 0x07F0:
			marker = 2
		case state == SyncCore14LE && next&0xF0FF == 0xF007:
			marker = 3
		default:
			continue
		}
		h, ok := ProbeCoreHeader(b[sync:])
		if !ok {
			continue
		}
		markers[marker+4*int(h.SFreq&15)]++
	}
	if exssMarkers > 3 {
		return probeScore
	}
	sum, best := 0, 0
	for i, m := range markers {
		sum += m
		if markers[best] < m {
			best = i
		}
	}
	if m := markers[best]; m > 3 && size/m < 32*1024 && m*4 > sum*3 && diff/int64(size) > 200 {
		return probeScore
	}
	return 0
}
