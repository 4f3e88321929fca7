package rawaudio

import (
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/dts"
)

// FFmpeg's probe scores (libavformat/avformat.h).
const scoreExtension = 50 // AVPROBE_SCORE_EXTENSION

// probePadding is the zero padding after FFmpeg's probe buffer
// (AVPROBE_PADDING_SIZE), which its probes may read as data.
const probePadding = 32

func probeAC3(b []byte) int  { return probeAC3Family(b, false) }
func probeEAC3(b []byte) int { return probeAC3Family(b, true) }

// probeAC3Family scores the head as ac3_eac3_probe does. From the start
// and from every syncword (in either byte order) it counts the frames
// that follow each other whole, each with a header av_ac3_parse_header
// accepts and a right CRC; 16 bytes starting 01 10 before a frame are
// skipped. Any frame with a bsid above 10 makes the head E-AC-3, which
// only the other format scores. Seven frames from the first byte score
// 51, as the mp3 probe's seven frames do ("keep this in sync"), more than
// 200 anywhere 50, four 25 and one 1.
func probeAC3Family(b []byte, eac3 bool) int {
	maxFrames, firstFrames := 0, 0
	isEAC3 := false
	end := len(b)
	for start := 0; start < end; start++ {
		swapped := padded(b, start) == 0x77 && padded(b, start+1) == 0x0B
		if start > 0 && !swapped && !(b[start] == 0x0B && padded(b, start+1) == 0x77) {
			continue
		}
		frames := 0
		for p := start; p < end; frames++ {
			if padded(b, p) == 0x01 && padded(b, p+1) == 0x10 {
				if p+16 > end {
					break
				}
				p += 16
			}
			var hdr [8]byte
			n := copy(hdr[:], b[min(p, end):])
			if swapped {
				// The swapped probe reads the first 8 bytes swapped;
				// past the buffer they are its zero padding.
				for i := 0; i < 8; i += 2 {
					hdr[i], hdr[i+1] = padded(b, p+i+1), padded(b, p+i)
				}
				n = 8
			} else if end-p < 8 {
				// av_ac3_parse_header reads the padding after the
				// buffer; a frame is 7 bytes at the least, so a header
				// cut by the end never fits anyway.
				n = len(hdr)
			}
			bsid, size, ok := ac3.ParseFrameSize(hdr[:n])
			if !ok || p+size > end {
				break
			}
			if !ac3.FrameCRCValid(b[p:p+size], swapped) {
				break
			}
			if bsid > 10 {
				isEAC3 = true
			}
			p += size
		}
		maxFrames = max(maxFrames, frames)
		if start == 0 {
			firstFrames = frames
		}
	}
	if isEAC3 != eac3 {
		return 0
	}
	switch {
	case firstFrames >= 7:
		return scoreExtension + 1
	case maxFrames > 200:
		return scoreExtension
	case maxFrames >= 4:
		return scoreExtension / 2
	case maxFrames >= 1:
		return 1
	}
	return 0
}

// padded returns the byte at i, or 0 past the end: FFmpeg's probe buffers
// are followed by zero padding.
func padded(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// probeDTS scores the head as dts_probe does (dts.Probe).
func probeDTS(b []byte) int { return dts.Probe(b) }
