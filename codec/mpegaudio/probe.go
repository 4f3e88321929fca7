package mpegaudio

// FFmpeg's probe landmarks (libavformat/avformat.h).
const (
	scoreExtension = 50
	probeBufMax    = 1 << 20
)

// Probe scores head as mp3dec.c mp3_read_probe does: it chains frame
// headers by their computed sizes from every position, rejects a chain
// whose frame holds more than two copies of its own header pattern (a
// false sync in a repetitive payload), and scores the chain that starts at
// the first non-zero byte and the longest chain. Seven frames from the
// start score 51 ("keep this in sync with ac3 probe"). The mp3 demuxer
// scores a file's head with it, and MPEG-TS a stream's payload when
// nothing declared its codec (FFmpeg's set_codec_from_probe_data).
func Probe(head []byte) int {
	if len(head) < 4 {
		return 0
	}
	end := len(head) - 4
	buf0 := 0
	for buf0 < end && head[buf0] == 0 {
		buf0++
	}
	rb32 := func(i int) uint32 {
		return uint32(head[i])<<24 | uint32(head[i+1])<<16 | uint32(head[i+2])<<8 | uint32(head[i+3])
	}
	maxFrames, maxSizes, firstFrames := 0, 0, 0
	wholeUsed := false
	for buf := buf0; buf < end; {
		buf2, frames, sizes := buf, 0, 0
		for buf2 < end {
			hdr := rb32(buf2)
			h, err := Decode(hdr)
			if err != nil {
				break
			}
			avail := min(h.FrameSize, end-buf2)
			emu := 0
			for b3 := buf2 + 4; b3 < buf2+avail; b3++ {
				if rb32(b3)&MP3Mask == hdr&MP3Mask {
					emu++
				}
			}
			if emu > 2 {
				break
			}
			sizes += h.FrameSize
			if avail < h.FrameSize {
				frames++
				break
			}
			buf2 += h.FrameSize
			frames++
		}
		maxFrames = max(maxFrames, frames)
		maxSizes = max(maxSizes, sizes)
		if buf == buf0 {
			firstFrames = frames
			wholeUsed = buf2 == end+4
		}
		buf = buf2 + 1
	}
	n := len(head)
	switch {
	case firstFrames >= 7:
		return scoreExtension + 1
	case maxFrames > 200 && n < 2*maxSizes:
		return scoreExtension
	case maxFrames >= 4 && n < 2*maxSizes:
		return scoreExtension / 2
	}
	if l := id3v2Len(head[buf0:]); l > 0 && 2*l >= int64(n) {
		if n < probeBufMax {
			return scoreExtension / 4
		}
		return scoreExtension - 2
	}
	switch {
	case firstFrames > 1 && wholeUsed:
		return 5
	case maxFrames >= 1 && n < 10*maxSizes:
		return 1
	}
	return 0
}

// id3v2Len is ff_id3v2_match and ff_id3v2_tag_len: the length of the
// ID3v2 tag that b starts with, footer included, or 0.
func id3v2Len(b []byte) int64 {
	if len(b) < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3' || b[3] == 0xff || b[4] == 0xff ||
		(b[6]|b[7]|b[8]|b[9])&0x80 != 0 {
		return 0
	}
	n := int64(b[6])<<21 | int64(b[7])<<14 | int64(b[8])<<7 | int64(b[9]) + 10
	if b[5]&0x10 != 0 {
		n += 10
	}
	return n
}
