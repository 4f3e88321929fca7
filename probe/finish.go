package probe

import (
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// finish completes what FFmpeg derives after the demuxer's read_header,
// generically for every format: codec long names and bits per sample from
// the codec table, and the timings of libavformat/demux.c estimate_timings.
func finish(info *container.Info) {
	for _, st := range info.Streams {
		if st.CodecLongName == "" && st.CodecName != "" {
			st.CodecLongName = codec.LongName(st.CodecName)
		}
		if st.Type == container.Audio {
			// ffprobe prints av_get_bits_per_sample(codec_id): a property of
			// the codec, not of the stream.
			st.BitsPerSample = codec.BitsPerSample(st.CodecName)
		}
		if st.Type == container.Video && st.CodedWidth == 0 && st.CodedHeight == 0 && codec.OpenSetsCodedSize(st.CodecName) {
			st.CodedWidth, st.CodedHeight = st.Width, st.Height
		}
		if st.TimeBase.Den == 0 {
			// avformat_new_stream's default (33-bit, 1/90000).
			st.TimeBase = container.Rational{Num: 1, Den: 90000}
		}
		if st.IsCover() && !st.RFrameRate.Valid() {
			// The one packet of an attached picture gives ffprobe a frame
			// rate of one tick per frame.
			st.RFrameRate = container.Rational{Num: st.TimeBase.Den, Den: st.TimeBase.Num}
		}
	}
	estimateTimings(info)
}

// hasDuration reports whether any stream or the format has a duration
// (demux.c has_duration).
func hasDuration(info *container.Info) bool {
	for _, st := range info.Streams {
		if st.DurationTS != container.NoPTS {
			return true
		}
	}
	return info.Format.Duration != container.NoPTS
}

// estimateTimings mirrors demux.c estimate_timings for formats whose
// durations do not come from PTS scans (mpeg and mpegts do; their demuxers
// fill the streams' durations themselves).
func estimateTimings(info *container.Info) {
	if hasDuration(info) {
		fillAllStreamTimings(info)
	} else {
		estimateFromBitRate(info)
		info.Format.DurationFromBitRate = true
	}
	updateStreamTimings(info)
}

func isText(st *container.Stream) bool {
	return st.Type == container.Subtitle || st.Type == container.Data
}

// updateStreamTimings derives the format's start time, duration and bit
// rate from its streams (demux.c update_stream_timings).
func updateStreamTimings(info *container.Info) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	start, startText := int64(maxI), int64(maxI)
	end, endText := int64(minI), int64(minI)
	duration, durationText := int64(minI), int64(minI)
	tbq := container.TimeBaseMicro
	for _, st := range info.Streams {
		text := isText(st)
		if st.StartPTS != container.NoPTS && st.TimeBase.Den != 0 {
			start1 := container.RescaleQ(st.StartPTS, st.TimeBase, tbq)
			if text {
				startText = min(startText, start1)
			} else {
				start = min(start, start1)
			}
			end1 := container.RescaleQ(st.DurationTS, st.TimeBase, tbq) // NoPTS passes through
			if end1 != container.NoPTS && (end1 > 0 && start1 <= maxI-end1 || end1 <= 0 && start1 >= minI-end1) {
				end1 += start1
				if text {
					endText = max(endText, end1)
				} else {
					end = max(end, end1)
				}
			}
		}
		if st.DurationTS != container.NoPTS && st.TimeBase.Den != 0 {
			d1 := container.RescaleQ(st.DurationTS, st.TimeBase, tbq)
			if text {
				durationText = max(durationText, d1)
			} else {
				duration = max(duration, d1)
			}
		}
	}
	const second = 1000000
	if start == maxI || (start > startText && uint64(start)-uint64(startText) < second) {
		start = startText
	}
	if end == minI || (end < endText && uint64(endText)-uint64(end) < second) {
		end = endText
	}
	if duration == minI || (duration < durationText && durationText-duration < second) {
		duration = durationText
	}
	f := &info.Format
	if start != maxI {
		f.StartTime = start
		if end != minI && len(info.Programs) > 1 {
			// With several programs, the file lasts as long as its
			// longest program, each from its own start to its own end.
			for _, prg := range info.Programs {
				if ps, pe, ok := programSpan(info, prg); ok && pe > ps && uint64(pe)-uint64(ps) <= maxI {
					duration = max(duration, pe-ps)
				}
			}
		} else if end != minI && end >= start && uint64(end)-uint64(start) <= maxI {
			duration = max(duration, end-start)
		}
	}
	if duration != minI && duration > 0 && f.Duration == container.NoPTS {
		f.Duration = duration
	}
	if f.Size > 0 && f.Duration != container.NoPTS && f.Duration > 0 {
		bitrate := float64(f.Size) * 8.0 * 1000000 / float64(f.Duration)
		if bitrate >= 0 && bitrate <= math.MaxInt64 {
			f.BitRate = int64(bitrate)
		}
	}
}

// fillAllStreamTimings gives the streams that have no start time the
// format's start and duration (demux.c fill_all_stream_timings).
func fillAllStreamTimings(info *container.Info) {
	updateStreamTimings(info)
	f := &info.Format
	for _, st := range info.Streams {
		if st.StartPTS == container.NoPTS {
			if f.StartTime != container.NoPTS {
				st.StartPTS = container.RescaleQ(f.StartTime, container.TimeBaseMicro, st.TimeBase)
			}
			if f.Duration != container.NoPTS {
				st.DurationTS = container.RescaleQ(f.Duration, container.TimeBaseMicro, st.TimeBase)
			}
		}
	}
}

// estimateFromBitRate derives durations from the size and the sum of the
// streams' bit rates (demux.c estimate_timings_from_bit_rate).
func estimateFromBitRate(info *container.Info) {
	f := &info.Format
	if f.BitRate <= 0 {
		var sum int64
		for _, st := range info.Streams {
			if st.BitRate > 0 {
				if math.MaxInt64-st.BitRate < sum {
					sum = 0
					break
				}
				sum += st.BitRate
			}
		}
		f.BitRate = sum
	}
	if f.Duration == container.NoPTS && f.BitRate != 0 {
		size := f.Size
		if size > f.DataOffset {
			size -= f.DataOffset
			for _, st := range info.Streams {
				if st.TimeBase.Num <= math.MaxInt64/f.BitRate && st.DurationTS == container.NoPTS {
					st.DurationTS = container.Rescale(size, 8*st.TimeBase.Den, f.BitRate*st.TimeBase.Num)
				}
			}
		}
	}
}

// programSpan is the start and end of a program's streams in
// microseconds, as update_stream_timings tracks them per program (text
// streams included); ok is false when none of them has a start.
func programSpan(info *container.Info, prg container.Program) (start, end int64, ok bool) {
	start, end = math.MaxInt64, math.MinInt64
	tbq := container.TimeBaseMicro
	for _, i := range prg.Streams {
		if i < 0 || i >= len(info.Streams) {
			continue
		}
		st := info.Streams[i]
		if st.StartPTS == container.NoPTS || st.TimeBase.Den == 0 {
			continue
		}
		s1 := container.RescaleQ(st.StartPTS, st.TimeBase, tbq)
		start = min(start, s1)
		if d := container.RescaleQ(st.DurationTS, st.TimeBase, tbq); d != container.NoPTS && d > 0 && s1 <= math.MaxInt64-d {
			end = max(end, s1+d)
		}
		ok = true
	}
	return start, end, ok && end != math.MinInt64
}
