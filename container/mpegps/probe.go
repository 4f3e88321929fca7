package mpegps

// Start codes of the program stream.
const (
	packStartCode   = 0x1BA
	systemHeader    = 0x1BB
	programStreamMp = 0x1BC
	privateStream1  = 0x1BD
	paddingStream   = 0x1BE
	privateStream2  = 0x1BF
	audioID         = 0x1C0
	videoID         = 0x1E0
)

// at returns b[i], or 0 past its end, as FFmpeg's zero-padded probe
// buffer reads.
func at(b []byte, i int) byte {
	if i < 0 || i >= len(b) {
		return 0
	}
	return b[i]
}

// checkPES reports whether the bytes after a start code at i look like a
// PES header, MPEG-1 or MPEG-2 (mpeg.c check_pes).
func checkPES(b []byte, i int) bool {
	pes2 := at(b, i+3)&0xC0 == 0x80 && at(b, i+4)&0xC0 != 0x40 &&
		(at(b, i+4)&0xC0 == 0 || (at(b, i+4)&0xC0)>>2 == at(b, i+6)&0xF0)
	p := i + 3
	for p < len(b) && b[p] == 0xFF {
		p++
	}
	if at(b, p)&0xC0 == 0x40 {
		p += 2
	}
	var pes1 bool
	switch at(b, p) & 0xF0 {
	case 0x20:
		pes1 = at(b, p)&at(b, p+2)&at(b, p+4)&1 != 0
	case 0x30:
		pes1 = at(b, p)&at(b, p+2)&at(b, p+4)&at(b, p+5)&at(b, p+7)&at(b, p+9)&1 != 0
	default:
		pes1 = at(b, p) == 0x0F
	}
	return pes1 || pes2
}

// probe is mpegps_probe: it counts pack headers, system headers and
// plausible PES headers, skipping the payload of audio and private
// packets, whose bytes may emulate start codes.
func probe(b []byte) int {
	const ext = 50 // AVPROBE_SCORE_EXTENSION
	code := uint32(0xFFFFFFFF)
	sys, pspack, priv1, vid, audio, invalid, endpes := 0, 0, 0, 0, 0, 0, 0
	for i := 0; i < len(b); i++ {
		code = code<<8 | uint32(b[i])
		if code&0xFFFFFF00 != 0x100 {
			continue
		}
		n := int(at(b, i+1))<<8 | int(at(b, i+2))
		pes := endpes <= i && checkPES(b, i)
		pack := at(b, i+1)&0xC0 == 0x40 || at(b, i+1)&0xF0 == 0x20
		switch {
		case code == systemHeader:
			sys++
		case code == packStartCode && pack:
			pspack++
		// mpeg.h's VIDEO_ID and AUDIO_ID are the low bytes, 0xe0 and 0xc0.
		case code&0xF0 == videoID&0xFF && pes:
			endpes = i + n
			vid++
		case code&0xE0 == audioID&0xFF && pes:
			audio++
			i += n
		case code == privateStream1 && pes:
			priv1++
			i += n
		case code == 0x1FD && pes:
			vid++
		case code&0xF0 == videoID&0xFF && !pes, code&0xE0 == audioID&0xFF && !pes, code == privateStream1 && !pes:
			invalid++
		}
	}
	score := 0
	if vid+audio > invalid+1 {
		score = ext / 2
	}
	switch {
	case sys > invalid && sys*9 <= pspack*10:
		if audio > 12 || vid > 3 || pspack > 2 {
			return ext + 2
		}
		// One more than mp3 when there is more than a pack header.
		if audio+vid+pspack > 1 {
			return ext/2 + 1
		}
		return ext / 2
	case pspack > invalid && (priv1+vid+audio)*10 >= pspack*9:
		if pspack > 2 {
			return ext + 2
		}
		return ext / 2
	case (vid != 0) != (audio != 0) && (audio > 4 || vid > 1) && sys == 0 && pspack == 0 && len(b) > 2048 && vid+audio > invalid:
		if audio > 12 || vid > 6+2*invalid {
			return ext + 2
		}
		return ext / 2
	}
	return score
}
