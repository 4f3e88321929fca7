package matroska

import (
	"math"
	"slices"

	"github.com/mediaprobe/mediaprobe/container"
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
		avg := container.Rational{Num: tb.Den, Den: pktDur * tb.Num}.Reduce(60000)
		st.AvgFrameRate = snapStd(avg)
	}
	if st.RFrameRate.Valid() {
		return
	}
	var infoDur int64
	if pktDur > 0 {
		infoDur = pktDur * int64(len(times)-1)
	}
	if r, ok := rfps(times, tb, infoDur); ok {
		st.RFrameRate = r
		return
	}
	if fr.Valid() && tb.Num*fr.Num <= tb.Den*fr.Den {
		st.RFrameRate = fr
		return
	}
	st.RFrameRate = container.Rational{Num: tb.Den, Den: tb.Num}
}

// snapStd rounds a guessed average rate to a standard rate within 1%, as
// find_stream_info does.
func snapStd(r container.Rational) container.Rational {
	best, bestErr := int64(0), 0.01
	for j := 0; j < maxStdTimebases; j++ {
		std := stdFramerate(j)
		e := math.Abs(r.Float()/(float64(std)/(12*1001)) - 1)
		if e < bestErr {
			bestErr, best = e, std
		}
	}
	if best != 0 {
		return container.Rational{Num: best, Den: 12 * 1001}.Reduce(math.MaxInt32)
	}
	return r
}

// maxStdTimebases is MAX_STD_TIMEBASES of libavformat/demux.c.
const maxStdTimebases = 30*12 + 30 + 3 + 6

// stdFramerate is get_std_framerate: candidate rates times 12*1001.
func stdFramerate(i int) int64 {
	if i < 30*12 {
		return int64(i+1) * 1001
	}
	i -= 30 * 12
	if i < 30 {
		return int64(i+31) * 1001 * 12
	}
	i -= 30
	if i < 3 {
		return [3]int64{80, 120, 240}[i] * 1001 * 12
	}
	i -= 3
	return [6]int64{24, 30, 60, 12, 15, 48}[i] * 1000 * 12
}

// rfps guesses r_frame_rate from increasing timestamps as
// ff_rfps_add_frame and ff_rfps_calculate do: the timestamps' common
// divisor when it is coarse enough, else the standard rate whose grid
// they fit best. infoDur is codec_info_duration.
func rfps(times []int64, tb container.Rational, infoDur int64) (container.Rational, bool) {
	var errs [2][2][maxStdTimebases]float64
	var count, durSum, g int64
	if len(times) == 0 {
		return container.Rational{}, false
	}
	last := times[0]
	for _, ts := range times[1:] {
		if ts <= last {
			continue
		}
		dts := float64(ts) * tb.Float()
		dur := ts - last
		for i := 0; i < maxStdTimebases; i++ {
			if errs[0][1][i] < 1e10 {
				sdts := dts * float64(stdFramerate(i)) / (1001 * 12)
				for j := 0; j < 2; j++ {
					ticks := math.RoundToEven(sdts + float64(j)*0.5)
					e := sdts - ticks + float64(j)*0.5
					errs[j][0][i] += e
					errs[j][1][i] += e * e
				}
			}
		}
		count++
		durSum += dur
		if count%10 == 0 {
			n := float64(count)
			for i := 0; i < maxStdTimebases; i++ {
				if errs[0][1][i] < 1e10 {
					a0 := errs[0][0][i] / n
					e0 := errs[0][1][i]/n - a0*a0
					a1 := errs[1][0][i] / n
					e1 := errs[1][1][i]/n - a1*a1
					if e0 > 0.04 && e1 > 0.04 {
						errs[0][1][i], errs[1][1][i] = 2e10, 2e10
					}
				}
			}
		}
		if count > 3 {
			g = gcd(g, dur)
		}
		last = ts
	}
	if count > 15 && g > max(1, tb.Den/(500*tb.Num)) {
		return container.Rational{Num: tb.Den, Den: tb.Num * g}.Reduce(math.MaxInt32), true
	}
	if count <= 1 {
		return container.Rational{}, false
	}
	var num int64
	best := 0.01
	for j := 0; j < maxStdTimebases; j++ {
		std := stdFramerate(j)
		if infoDur != 0 && float64(infoDur)*tb.Float() < (1001*11.5)/float64(std) {
			continue
		}
		if infoDur == 0 && std < 1001*12 {
			continue
		}
		if tb.Float()*float64(durSum)/float64(count) < (1001*12.0*0.8)/float64(std) {
			continue
		}
		for k := 0; k < 2; k++ {
			n := float64(count)
			a := errs[k][0][j] / n
			e := errs[k][1][j]/n - a*a
			if e < best && best > 0.000000001 {
				best, num = e, std
			}
		}
	}
	if num != 0 && float64(num)/(12*1001) < 1.01/tb.Float() {
		return container.Rational{Num: num, Den: 12 * 1001}.Reduce(math.MaxInt32), true
	}
	return container.Rational{}, false
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
