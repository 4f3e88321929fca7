package ogg

import (
	"encoding/binary"
	"math/rand/v2"
)

// Generators of hostile and random Ogg inputs, shared by the differential
// tests, the regression tests of bounded work and the fuzz seeds.

// rawPage builds one page with any version and the given lacing values and
// payload, with a correct CRC (for the version it has).
func rawPage(version, flags byte, granule int64, serial, seq uint32, segs, payload []byte) []byte {
	b := make([]byte, 0, pageHeaderSize+len(segs)+len(payload))
	b = append(b, "OggS"...)
	b = append(b, version, flags)                            // stream_structure_version, header_type_flag
	b = binary.LittleEndian.AppendUint64(b, uint64(granule)) // granule_position
	b = binary.LittleEndian.AppendUint32(b, serial)          // bitstream_serial_number
	b = binary.LittleEndian.AppendUint32(b, seq)             // page_sequence_number
	b = append(b, 0, 0, 0, 0)                                // CRC_checksum, filled in below
	b = append(b, byte(len(segs)))                           // number_page_segments
	b = append(b, segs...)
	b = append(b, payload...)
	binary.LittleEndian.PutUint32(b[crcField:], crcUpdate(0, b))
	return b
}

// falseCaptures is n bytes of "OggS" repeated: every capture pattern has
// version 'O' (0x4f) and claims 103 ('g') lacing values, about 9 KB of
// payload, that the old search read and checksummed for each of them.
func falseCaptures(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = "OggS"[i%4]
	}
	return b
}

// heavyUnit is one capture pattern with version 0 whose header claims 255
// segments of 255 bytes (a 65307-byte page) and a zero CRC, followed
// directly by the next: every candidate page fits in an object that goes
// on for 64 KB, and every one has to be judged by its CRC.
var heavyUnit = func() []byte {
	b := append([]byte("OggS"), 0, 0) // capture, version 0, flags
	b = append(b, make([]byte, 8+4+4+4)...)
	b = append(b, 255) // 255 lacing values
	return append(b, repeat(255, 255)...)
}()

// heavyCaptures is about n bytes of heavyUnit.
func heavyCaptures(n int) []byte {
	var b []byte
	for len(b) < n {
		b = append(b, heavyUnit...)
	}
	return b
}

// periodicCaptures is n bytes of "OggS", version 0 and filler, repeated
// every period bytes: the densest run of candidates that pass the version
// check (period 7 makes byte 26 of each header a 0xFF: 255 lacing values).
func periodicCaptures(n, period int) []byte {
	unit := append([]byte("OggS\x00"), repeat(0xFF, period-5)...)
	b := make([]byte, n)
	for i := range b {
		b[i] = unit[i%period]
	}
	return b
}

// vorbisLong is a Vorbis file of serial 1 with n audio pages of 250 bytes
// after the headers (about 280 bytes each), last granule 1000+128·n.
func vorbisLong(n int) []byte {
	f := vorbisFile(1, 1000, 2000)
	last := oggPage(flagEOS, 2000, 1, 3, false, []byte{0, 1, 2, 3}, []byte{0, 1, 2, 3})
	pages := [][]byte{f[:len(f)-len(last)]}
	audio := repeat(0, 250)
	for i := 0; i < n; i++ {
		flags := byte(0)
		if i == n-1 {
			flags = flagEOS
		}
		pages = append(pages, oggPage(flags, int64(1000+128*(i+1)), 1, uint32(3+i), false, audio))
	}
	return cat(pages...)
}

// randomOgg returns about n bytes of pages with good and bad CRCs, bad
// versions, capture patterns inside payloads (whole pages among them),
// junk, and a random cut, from rng.
func randomOgg(rng *rand.Rand, n int) []byte {
	var b []byte
	randBytes := func(k int) []byte {
		p := make([]byte, k)
		for i := range p {
			p[i] = byte(rng.UintN(256))
		}
		return p
	}
	goodPage := func(version byte) []byte {
		nsegs := rng.IntN(8)
		switch rng.IntN(8) {
		case 0:
			nsegs = 255
		case 1:
			nsegs = rng.IntN(256)
		}
		segs := make([]byte, nsegs)
		total := 0
		for i := range segs {
			v := byte(rng.UintN(256))
			if rng.IntN(3) == 0 {
				v = 255
			}
			if rng.IntN(20) == 0 {
				v = 0
			}
			segs[i] = v
			total += int(v)
		}
		payload := randBytes(total)
		if total > 30 && rng.IntN(3) == 0 {
			// A capture pattern, or a whole small page, inside the payload.
			inner := []byte("OggS")
			if rng.IntN(2) == 0 {
				inner = rawPage(0, byte(rng.UintN(8)), int64(rng.Uint64()), uint32(rng.IntN(4)), 0, []byte{3}, []byte("abc"))
			}
			at := rng.IntN(total)
			copy(payload[at:], inner)
		}
		return rawPage(version, byte(rng.UintN(8)), int64(rng.Uint64()>>rng.UintN(64)), uint32(rng.IntN(4)), uint32(rng.IntN(10)), segs, payload)
	}
	for len(b) < n {
		switch k := rng.IntN(10); {
		case k < 4:
			b = append(b, goodPage(0)...)
		case k < 6:
			p := goodPage(0)
			p[4+rng.IntN(len(p)-4)] ^= byte(1 + rng.UintN(255)) // bad CRC (or version, or lengths)
			b = append(b, p...)
		case k < 7:
			b = append(b, goodPage(byte(1+rng.UintN(255)))...) // good CRC, bad version
		case k < 8:
			b = append(b, randBytes(rng.IntN(300))...)
		case k < 9:
			b = append(b, "OggS"...)
			b = append(b, make([]byte, rng.IntN(30))...)
		default:
			b = append(b, heavyUnit[:rng.IntN(len(heavyUnit)+1)]...)
		}
	}
	if rng.IntN(3) == 0 {
		b = b[:rng.IntN(len(b)+1)]
	}
	return b
}
