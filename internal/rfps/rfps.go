// Package rfps guesses a video stream's r_frame_rate from its first decode
// timestamps, as libavformat/demux.c ff_rfps_add_frame and
// ff_rfps_calculate do: the standard rate whose ticks the timestamps fit
// best. Containers whose timestamps are coarse (MP4 sample tables, FLV's
// milliseconds) share it.
package rfps

import (
	"math"

	"github.com/mediaprobe/mediaprobe/container"
)

// MaxStdTimebases is MAX_STD_TIMEBASES of libavformat/demux.c.
const MaxStdTimebases = 30*12 + 30 + 3 + 6

// StdFramerate is get_std_framerate (libavformat/demux.c): candidate rates times 12*1001.
func StdFramerate(i int) int64 {
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

// Guess guesses r_frame_rate from the decode timestamps of the first samples
// as ff_rfps_add_frame and ff_rfps_calculate do when mov_read_header calls
// them (no packet read yet, so codec_info_duration is 0). deltas are the
// first sample durations from stts; the time base is assumed unreliable,
// as tb_unreliable says for the codecs mp4 carries. ok is false when no
// rate is found.
//
// infoDur is codec_info_duration: 0 when called from mov_read_header, the
// analysed packets' total duration when called from
// avformat_find_stream_info (for fragments, whose samples reach the index
// only as packets).
func Guess(deltas []int64, start int64, tb container.Rational, infoDur int64) (r container.Rational, avgFromR bool, ok bool) {
	if tb.Num <= 0 || tb.Den <= 0 {
		return r, false, false
	}
	var errs [2][2][MaxStdTimebases]float64
	var count, durSum, gcdv int64
	ts := start
	last := ts
	for _, d := range deltas {
		ts += d
		if ts > last {
			dts := float64(ts) * float64(tb.Num) / float64(tb.Den)
			dur := ts - last
			for i := 0; i < MaxStdTimebases; i++ {
				if errs[0][1][i] < 1e10 {
					sdts := dts * float64(StdFramerate(i)) / (1001 * 12)
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
				for i := 0; i < MaxStdTimebases; i++ {
					if errs[0][1][i] < 1e10 {
						a0 := errs[0][0][i] / n
						e0 := errs[0][1][i]/n - a0*a0
						a1 := errs[1][0][i] / n
						e1 := errs[1][1][i]/n - a1*a1
						if e0 > 0.04 && e1 > 0.04 {
							errs[0][1][i] = 2e10
							errs[1][1][i] = 2e10
						}
					}
				}
			}
			if count > 3 {
				gcdv = gcd64(gcdv, dur)
			}
		}
		last = ts
	}
	if count > 15 && gcdv > max(1, tb.Den/(500*tb.Num)) {
		r = container.Rational{Num: tb.Den, Den: tb.Num * gcdv}.Reduce(1<<31 - 1)
		ok = true
	}
	if !ok && count > 1 {
		num := int64(0)
		best := 0.01
		tbf := float64(tb.Num) / float64(tb.Den)
		for j := 0; j < MaxStdTimebases; j++ {
			std := StdFramerate(j)
			if infoDur != 0 && float64(infoDur)*float64(tb.Num)/float64(tb.Den) < (1001*11.5)/float64(std) {
				continue
			}
			if infoDur == 0 && std < 1001*12 {
				continue
			}
			if tbf*float64(durSum)/float64(count) < (1001*12.0*0.8)/float64(std) {
				continue
			}
			for k := 0; k < 2; k++ {
				n := float64(count)
				a := errs[k][0][j] / n
				e := errs[k][1][j]/n - a*a
				if e < best && best > 0.000000001 {
					best = e
					num = std
				}
			}
		}
		ref := float64(tb.Den) / float64(tb.Num)
		if num != 0 && float64(num)/(12*1001) < 1.01*ref {
			r = container.Rational{Num: num, Den: 12 * 1001}.Reduce(1<<31 - 1)
			ok = true
		}
	}
	if ok && durSum > 0 && count > 2 && infoDur <= 0 {
		if math.Abs(1.0/(r.Float()*tb.Float())-float64(durSum)/float64(count)) <= 1.0 {
			avgFromR = true
		}
	}
	return r, avgFromR, ok
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Average is the avg_frame_rate avformat_find_stream_info computes from
// frames packet durations spanning span ticks of tb: their rate, reduced to
// terms of at most 60000, then replaced by the standard rate within 1% of
// it, if one is. It is 0/0 when frames or span is not positive.
func Average(frames, span int64, tb container.Rational) container.Rational {
	if frames <= 0 || span <= 0 || tb.Num <= 0 || tb.Den <= 0 {
		return container.Rational{}
	}
	avg := container.Rational{Num: frames * tb.Den, Den: span * tb.Num}.Reduce(60000)
	best, bestErr := int64(0), 0.01
	for j := 0; j < MaxStdTimebases; j++ {
		std := float64(StdFramerate(j)) / (12 * 1001)
		if e := math.Abs(avg.Float()/std - 1); e < bestErr {
			best, bestErr = StdFramerate(j), e
		}
	}
	if best != 0 {
		return container.Rational{Num: best, Den: 12 * 1001}.Reduce(math.MaxInt32)
	}
	return avg
}
