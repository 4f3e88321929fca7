package pes

// The bounds of FFmpeg's estimate_timings_from_pts (libavformat/demux.c),
// which ffprobe uses for MPEG-TS and MPEG-PS: the end of the file is read
// in windows of TailWindow << retry bytes, retried at most TailRetries
// times while an audio or video stream has no duration.
const (
	TailWindow  = 250000 // DURATION_MAX_READ_SIZE
	TailRetries = 6      // DURATION_MAX_RETRY
)

// HeadSize bounds the head MPEG-TS and MPEG-PS read: the tables, the
// first PES packets of every stream and the first timestamps are in the
// first megabyte of any well-formed stream (FFmpeg's probesize, 5 MB, is
// an upper bound it rarely reaches, since avformat_find_stream_info stops
// once every stream is described).
const HeadSize = 1 << 20

// Duration follows one stream's duration through the packets of the tail
// windows, as estimate_timings_from_pts does: each packet with a PTS ends
// at PTS plus one frame, and the stream lasts from its start to the latest
// such end, except that an end more than 60 s away from the previous one
// is taken for a jump and kept only when nothing better is known.
type Duration struct {
	Value int64 // in 90 kHz ticks; NoPTS while unknown
	last  int64 // the previous packet's duration (last_duration)
}

// NewDuration returns a Duration with nothing known.
func NewDuration() Duration { return Duration{Value: NoPTS} }

// Add accounts for a packet of pts with frame ticks of duration, in a
// stream that starts at start (both 90 kHz).
func (d *Duration) Add(pts, frame, start int64) {
	if pts == NoPTS || start == NoPTS {
		return
	}
	dur := pts + frame - start
	if dur <= 0 {
		return
	}
	jump := dur - d.last
	if jump < 0 {
		jump = -jump
	}
	if d.Value == NoPTS || d.last <= 0 || d.Value < dur && jump < 60*90000 {
		d.Value = dur
	}
	d.last = dur
}

// Start is the start time ffprobe gives a stream from the PTS of its
// first PES packets: the lowest, since a reordered video stream reaches
// its first presented frame only after a few packets. NoPTS if none.
func Start(pts []int64) int64 {
	start := NoPTS
	for _, t := range pts {
		if t != NoPTS && (start == NoPTS || t < start) {
			start = t
		}
	}
	return start
}

// Wrap is FFmpeg's handling of the 33-bit clock's wrap
// (update_wrap_reference and wrap_timestamp in libavformat/demux.c): the
// first timestamp fixes a reference 60 s before it; when that timestamp
// is within 60 s of the wrap, timestamps at or above the reference lose
// 2^33 (they become negative), otherwise timestamps below it gain 2^33.
type Wrap struct {
	ref int64
	sub bool
	set bool
}

// Set takes first, the first timestamp of the file (its DTS, else its
// PTS), as the reference if none is set yet.
func (w *Wrap) Set(first int64) {
	if w.set || first == NoPTS {
		return
	}
	first &= 1<<33 - 1
	const minute = 60 * 90000
	w.ref = first - minute
	w.sub = first >= 1<<33-minute
	w.set = true
}

// Unwrap returns ts as FFmpeg sees it after the wrap correction.
func (w *Wrap) Unwrap(ts int64) int64 {
	if !w.set || ts == NoPTS {
		return ts
	}
	switch {
	case !w.sub && ts < w.ref:
		return ts + 1<<33
	case w.sub && ts >= w.ref:
		return ts - 1<<33
	}
	return ts
}

// Tail drives the reads of estimate_timings_from_pts at the end of an
// object of size bytes whose packets start at start: windows of
// TailWindow<<retry bytes from the end, each handed to scan with the bytes
// it may take timestamps from (limit), until every audio and video stream
// has a duration (scan's all), the window reaches start, or, once any
// stream has one (scan's any), one more window has been read.
func Tail(size, start int64, scan func(off, limit int64) (any, all bool, err error)) error {
	found := false
	for retry := 0; retry <= TailRetries; retry++ {
		isEnd := found
		off := max(size-int64(TailWindow)<<retry, start)
		anyDur, all, err := scan(off, int64(TailWindow)<<max(retry-1, 0))
		if err != nil {
			return err
		}
		found = found || anyDur
		if isEnd || all || off == start {
			return nil
		}
	}
	return nil
}
