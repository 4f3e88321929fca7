// Package pgs reads Presentation Graphic Stream subtitles (Blu-ray "PGS",
// FFmpeg's hdmv_pgs_subtitle) as far as ffprobe reports them: the video
// size of the presentation composition segment, which FFmpeg's decoder
// (libavcodec/pgssubdec.c parse_presentation_segment) sets as the
// stream's width and height.
package pgs

import "encoding/binary"

// Segment types.
const (
	SegmentPalette      = 0x14
	SegmentObject       = 0x15
	SegmentPresentation = 0x16
	SegmentWindow       = 0x17
	SegmentDisplay      = 0x80
)

// VideoSize walks the segments of a packet (each a type byte and a
// 16-bit size, as a Matroska block or a PES payload carries them) and
// returns the width and height of its first presentation composition
// segment; ok is false when there is none or it is cut short.
func VideoSize(packet []byte) (width, height int, ok bool) {
	b := packet
	for len(b) >= 3 {
		typ := b[0]
		size := int(binary.BigEndian.Uint16(b[1:]))
		b = b[3:]
		if size > len(b) {
			return 0, 0, false
		}
		if typ == SegmentPresentation {
			if size < 4 {
				return 0, 0, false
			}
			return int(binary.BigEndian.Uint16(b)), int(binary.BigEndian.Uint16(b[2:])), true
		}
		b = b[size:]
	}
	return 0, 0, false
}
