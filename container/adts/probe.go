package adts

// probe scores the head as aacdec.c adts_aac_probe does: it follows chains
// of frames (syncword with layer 0, length of at least 7) from every
// position, resuming after each chain, and scores the chain at the start
// and the longest chain anywhere. A chain that does not start at the head
// ends with a non-header counts for nothing (a likely false positive).
func probe(head []byte) int {
	// FFmpeg stops 7 bytes before the end of the (zero-padded) buffer.
	end := len(head) - 7
	maxFrames, firstFrames := 0, 0
	for pos := 0; pos < end; {
		p := pos
		frames := 0
		for p < end {
			if head[p] != 0xFF || head[p+1]&0xF6 != 0xF0 {
				if pos != 0 {
					frames = 0
				}
				break
			}
			fsize := int(head[p+3]&0x03)<<11 | int(head[p+4])<<3 | int(head[p+5])>>5
			if fsize < 7 {
				break
			}
			fsize = min(fsize, end-p)
			p += fsize
			frames++
		}
		maxFrames = max(maxFrames, frames)
		if pos == 0 {
			firstFrames = frames
		}
		pos = p + 1
	}
	const extension = 50 // AVPROBE_SCORE_EXTENSION
	switch {
	case firstFrames >= 3:
		return extension + 1
	case maxFrames > 100:
		return extension
	case maxFrames >= 3:
		return extension / 2
	case firstFrames >= 1:
		return 1
	}
	return 0
}
