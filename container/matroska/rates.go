package matroska

import (
	"slices"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// frameRates sets the frame rates find_stream_info computes for a video
// stream whose DefaultDuration gave none: avg_frame_rate from the packet
// durations the parser's frame rate gives (ff_compute_frame_duration,
// rounded down to the time base), r_frame_rate from the first timestamps
// (ff_rfps_calculate), else from the codec's rate or the time base.
func frameRates(t *track, st *container.Stream) {
	if st.IsCover() {
		return
	}
	tb := st.TimeBase
	if tb.Num <= 0 || tb.Den <= 0 {
		return
	}
	times := slices.Clone(t.times)
	slices.Sort(times) // the decoding order's timestamps, reordered
	fr := t.codecRate
	var pktDur int64
	if fr.Valid() && fr.Den*1000 > fr.Num && st.CodecName == "h264" {
		// Frame duration 1/fr (two fields of a progressive frame), in the
		// time base, rounded down.
		pktDur = fr.Den * tb.Den / (fr.Num * tb.Num)
	}
	if !st.AvgFrameRate.Valid() && pktDur > 0 && len(times) >= 2 {
		st.AvgFrameRate = rfps.Average(1, pktDur, tb)
	}
	if st.RFrameRate.Valid() {
		return
	}
	var infoDur int64
	if pktDur > 0 {
		infoDur = pktDur * int64(len(times)-1)
	}
	if len(times) > 0 {
		deltas := make([]int64, 0, len(times)-1)
		for i := 1; i < len(times); i++ {
			deltas = append(deltas, times[i]-times[i-1])
		}
		if r, _, ok := rfps.Guess(deltas, times[0], tb, infoDur); ok {
			st.RFrameRate = r
			return
		}
	}
	if fr.Valid() && tb.Num*fr.Num <= tb.Den*fr.Den {
		st.RFrameRate = fr
		return
	}
	st.RFrameRate = container.Rational{Num: tb.Den, Den: tb.Num}
}
