package rawvideo

import (
	"slices"

	"github.com/mediaprobe/mediaprobe/codec/mpeg4"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// fpsAnalyzeFrames is avformat_find_stream_info's fps_analyze_framecount
// for a stream of unreliable time base in the raw formats' fine time base:
// it reads packets until it has that many timestamp differences.
const fpsAnalyzeFrames = 20

// maxReorder bounds how many VOPs decode before one that displays earlier.
const maxReorder = 8

// m4vRates sets the frame rates of a raw MPEG-4 stream whose layer gives
// the codec an unreliable time base (tb_unreliable in
// libavformat/demux.c: a frame rate fr = vop_time_increment_resolution /
// fixed_vop_time_increment of 101 or more, or under 5; ffmpeg's encoder
// writes the resolution of its time base, 30000 for 30000/1001, and no
// fixed rate). avformat_find_stream_info then reads 21 packets, which the
// mpeg4 parser times from their VOP headers (s->time rescaled to the
// stream's 1/1200000), and guesses r_frame_rate from them
// (ff_rfps_calculate). Each packet lasts 1/fr where fr is below 1000
// (compute_frame_duration), and then avg_frame_rate is their average
// rate; otherwise it is r_frame_rate when that matches the packets. A
// stream of reliable time base keeps fr and no average, as read sets.
// Only the VOPs in head count.
func m4vRates(st *container.Stream, head []byte, fr container.Rational) {
	if !fr.Valid() || fr.Num < 101*fr.Den && fr.Num >= 5*fr.Den {
		return
	}
	c, _ := mpeg4.Parse(head)
	if c == nil {
		return
	}
	// A few VOPs more than the packets read: with B-VOPs the first
	// display times are among them.
	times, ok := mpeg4.VOPTimes(head, c.VideoObjectLayer, fpsAnalyzeFrames+1+maxReorder)
	if !ok || len(times) < 2 {
		return
	}
	if st.HasBFrames > 0 {
		// compute_pkt_fields delays the reference frames' timestamps by
		// one: the decode timestamps are the display times in order.
		slices.Sort(times)
	}
	times = times[:min(len(times), fpsAnalyzeFrames+1)]
	res := int64(c.VideoObjectLayer.VOPTimeIncrementResolution)
	// av_rescale_q rounds to nearest, halves away from zero.
	rescale := func(t int64) int64 {
		v := t * timeBase.Den
		if v >= 0 {
			return (v + res/2) / res
		}
		return -((-v + res/2) / res)
	}
	deltas := make([]int64, len(times)-1)
	for i := range deltas {
		deltas[i] = rescale(times[i+1]) - rescale(times[i])
	}
	// Packet durations: 1/fr rounded down in the time base, summed from
	// the third packet on.
	var dur, counted int64
	if fr.Den*1000 > fr.Num {
		dur = timeBase.Den * fr.Den / (fr.Num * timeBase.Num)
		counted = max(0, int64(len(times))-2)
	}
	infoDur := dur * counted
	r, avgFromR, ok := rfps.Guess(deltas, rescale(times[0]), timeBase, infoDur)
	if !ok {
		// avformat_find_stream_info's fallback: the codec's rate where it
		// is no finer than the time base.
		r = fr.Reduce(1<<31 - 1)
		if fr.Num > fr.Den*timeBase.Den {
			r = container.Rational{Num: timeBase.Den, Den: timeBase.Num}
		}
	}
	st.RFrameRate = r
	switch {
	case infoDur > 0:
		st.AvgFrameRate = rfps.Average(counted, infoDur, timeBase)
	case avgFromR:
		st.AvgFrameRate = r
	}
}
