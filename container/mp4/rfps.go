package mp4

import "math"

// rfpsFrames is how many index entries mov_build_index hands to
// ff_rfps_add_frame (those while nb_index_entries < 100).
const rfpsFrames = 99

// maxDelaySamples bounds the samples whose timestamps videoDelay sorts:
// FFmpeg sorts them all, and real streams settle their reordering within
// the first groups of pictures.
const maxDelaySamples = 1024

// maxReorderDelay is MAX_REORDER_DELAY, the largest delay FFmpeg measures.
const maxReorderDelay = 16

// videoDelay is mov_estimate_video_delay: the most places any sample's
// presentation time moves back when the samples, taken in decoding order,
// are sorted by it in a buffer of maxReorderDelay+1, which is the decoder
// delay an H.264 track with composition offsets needs. deltas are the
// samples' durations (their decoding times follow) and offsets their
// composition offsets.
func videoDelay(deltas, offsets []int64) int {
	var buf [maxReorderDelay + 1]int64
	for i := range buf {
		buf[i] = math.MinInt64
	}
	delay, start := 0, 0
	var dts int64
	for i := 0; i < len(deltas) && i < len(offsets); i++ {
		j := start
		start = (start + 1) % len(buf)
		buf[j] = dts + offsets[i]
		dts += deltas[i]
		swaps := 0
		for j != start {
			r := (j + len(buf) - 1) % len(buf)
			if buf[j] >= buf[r] {
				break
			}
			buf[j], buf[r] = buf[r], buf[j]
			swaps++
			j = r
		}
		delay = max(delay, swaps)
	}
	return delay
}
