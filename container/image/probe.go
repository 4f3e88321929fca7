package image

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec/png"
)

// probePNG is png_probe: the signature.
func probePNG(b []byte) int {
	if png.IsPNG(b) {
		return scoreMax - 1
	}
	return 0
}

// probeBMP is bmp_probe: "BM", an info header of 12 to 255 bytes, and
// zero reserved fields for a confident answer.
func probeBMP(b []byte) int {
	if len(b) < 18 || b[0] != 'B' || b[1] != 'M' {
		return 0
	}
	ih := binary.LittleEndian.Uint32(b[14:])
	if ih < 12 || ih > 255 {
		return 0
	}
	if binary.LittleEndian.Uint32(b[6:]) == 0 {
		return scoreExtension + 1
	}
	return scoreExtension / 4
}

// probeTIFF is tiff_probe: either byte order's magic.
func probeTIFF(b []byte) int {
	if len(b) >= 4 && (string(b[:4]) == "II*\x00" || string(b[:4]) == "MM\x00*") {
		return scoreExtension + 1
	}
	return 0
}

// probeWebP is webp_probe: a RIFF file of form WEBP.
func probeWebP(b []byte) int {
	if len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" {
		return scoreMax - 1
	}
	return 0
}

// JPEG markers jpeg_probe tells apart.
const (
	markSOF0 = 0xC0
	markSOF1 = 0xC1
	markSOF2 = 0xC2
	markSOF3 = 0xC3
	markSOF5 = 0xC5
	markSOF6 = 0xC6
	markSOF7 = 0xC7
	markJPG  = 0xC8
	markSOI  = 0xD8
	markEOI  = 0xD9
	markSOS  = 0xDA
	markDQT  = 0xDB
	markAPP0 = 0xE0
	markAPP1 = 0xE1
	markAPPF = 0xEF
	markCOM  = 0xFE
	markTEM  = 0x01
)

// probeJPEG is jpeg_probe: it walks the markers of the buffer, skipping
// segments by their lengths, and is sure (51) only when it reaches EOI
// after SOI, a frame header and a scan; a scan without the end scores 25,
// 26 with a JFIF or Exif header, so that a JPEG longer than the probe
// buffer is image2's when its name says it is an image. The walk reads as
// FFmpeg's padded buffer does: bytes past the end are zeros.
func probeJPEG(b []byte) int {
	if len(b) < 4 || b[0] != 0xFF || b[1] != markSOI || (b[2] == 0xFF && b[3] == 0xF7) {
		return 0
	}
	at := func(i int) byte {
		if i >= 0 && i < len(b) {
			return b[i]
		}
		return 0
	}
	be16 := func(i int) int { return int(at(i))<<8 | int(at(i+1)) }
	le32 := func(i int) string { return string([]byte{at(i), at(i + 1), at(i + 2), at(i + 3)}) }
	const (
		stSOI = iota
		stSOF
		stSOS
		stEOI
	)
	state, gotHeader := stSOI, 0
	// i counts from b[2], as FFmpeg's loop does, and stops where its
	// does: 3 bytes before the end of the whole buffer.
	for i := 0; i < len(b)-3; i++ {
		p := i + 2
		if at(p) != 0xFF {
			continue
		}
		c := at(p + 1)
		switch {
		case c == markSOI:
			return 0
		case c >= markSOF0 && c <= markSOF3, c >= markSOF5 && c <= markSOF7:
			i += be16(p+2) + 1
			if state != stSOI {
				return 0
			}
			state = stSOF
		case c == markSOS:
			i += be16(p+2) + 1
			if state != stSOF && state != stSOS {
				return 0
			}
			state = stSOS
		case c == markEOI:
			if state != stSOS {
				return 0
			}
			state = stEOI
		case c == markDQT, c >= markAPP0 && c <= markAPPF, c == markCOM:
			// FFmpeg's case labels fall through: DQT and APP0 check for
			// JFIF, DQT, APP0 and APP1 for Exif.
			if c == markDQT || c == markAPP0 {
				if le32(p+4) == "JFIF" {
					gotHeader = 1
				}
			}
			if c == markDQT || c == markAPP0 || c == markAPP1 {
				if le32(p+4) == "Exif" {
					gotHeader = 1
				}
			}
			i += be16(p+2) + 1
		default:
			if (c > markTEM && c < markSOF0) || c == markJPG {
				return 0
			}
		}
	}
	switch state {
	case stEOI:
		return scoreExtension + 1
	case stSOS:
		return scoreExtension/2 + gotHeader
	}
	return scoreExtension/8 + 1
}
