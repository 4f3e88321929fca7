package mp4

import (
	"encoding/binary"
	"fmt"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// QuickTime timecode tracks: a tmcd sample entry gives the frame rate and
// flags, the track's first sample the frame number of its first frame,
// and a tref/tmcd box ties a video track to its timecode track. FFmpeg 5.1
// prints the frame rate as the timecode stream's avg_frame_rate and the
// timecode as a "timecode" tag on that stream and on the tracks that name
// it (mov_parse_stsd_data, mov_read_tmcd, mov_read_timecode_track and the
// end of mov_read_header).

// Timecode flags of the tmcd entry (QuickTime File Format, "Timecode
// sample description").
const (
	tmcdDropFrame     = 0x0001
	tmcd24HoursMax    = 0x0002
	tmcdAllowNegative = 0x0004
)

// tmcdEntry reads the rest of a tmcd sample entry (after its 16-byte
// SampleEntry header), as mov_parse_stsd_data does: the flags, the frame
// rate as time scale over frame duration, unreduced, and the reel name of
// a name box.
func tmcdEntry(t *track, x []byte) {
	st := t.st
	st.ExtradataSize = len(x)
	if len(x) <= 16 {
		return
	}
	t.tmcdFlags = binary.BigEndian.Uint32(x[4:])
	st.AvgFrameRate = container.Rational{
		Num: int64(int32(binary.BigEndian.Uint32(x[8:]))),
		Den: int64(int32(binary.BigEndian.Uint32(x[12:]))),
	}
	if len(x) <= 30 {
		return
	}
	n := int64(binary.BigEndian.Uint32(x[18:]))
	if string(x[22:26]) != "name" || int64(len(x)) < n+18 {
		return
	}
	size := int(binary.BigEndian.Uint16(x[26:]))
	if size > 0 && len(x) >= size+30 && x[30] != 0 {
		st.Tags.Set("reel_name", string(x[30:30+size]))
	}
}

// readTmcdRef reads a tmcd box (mov_read_tmcd): the id of the timecode
// track of the last stream created.
func (d *demuxer) readTmcdRef(b box) error {
	if len(d.tracks) == 0 || b.payLen() < 4 {
		return nil
	}
	c, err := d.boxHead(b, 4)
	if err != nil {
		return err
	}
	d.tracks[len(d.tracks)-1].timecodeTrack = int64(int32(c.u32()))
	return nil
}

// timecodes sets the timecode tags: each tmcd track's from its first
// sample, then a copy on each track that names a timecode track.
func (d *demuxer) timecodes() {
	for _, t := range d.tracks {
		if codec.TagString(t.st.CodecTag) != "tmcd" || !t.hasSamples {
			continue
		}
		// avio reads past the end of the object as zeros.
		var v uint32
		if b, err := demuxkit.ReadAt(d.src, t.firstChunk, 4, fmtName, "tmcd sample"); err == nil {
			v = binary.BigEndian.Uint32(b)
		}
		if s, ok := timecodeString(t.st.AvgFrameRate, t.tmcdFlags, int32(v)); ok {
			t.st.Tags.Set("timecode", s)
		}
	}
	var last map[int64]*container.Stream // the last stream with each id
	for _, t := range d.tracks {
		if t.timecodeTrack <= 0 {
			continue
		}
		if last == nil {
			last = map[int64]*container.Stream{}
			for _, o := range d.info.Streams {
				if o.HasID {
					last[o.ID] = o
				}
			}
		}
		src := last[t.timecodeTrack]
		if src == nil || src == t.st {
			continue
		}
		if v, ok := src.Tags.Get("timecode"); ok {
			t.st.Tags.Set("timecode", v)
		}
	}
}

// timecodeString is av_timecode_init and av_timecode_make_string (FFmpeg
// 5.1 libavutil/timecode.c) for a frame number in the "frame number"
// format mov_read_timecode_track assumes: ok is false where
// av_timecode_init refuses the rate.
func timecodeString(rate container.Rational, tmcdFlags uint32, frame int32) (string, bool) {
	num, den := int32(rate.Num), int32(rate.Den)
	if num == 0 || den == 0 {
		return "", false
	}
	fps := (num + den/2) / den
	drop := tmcdFlags&tmcdDropFrame != 0
	if fps <= 0 || drop && fps%30 != 0 {
		return "", false
	}
	n := int64(frame)
	if drop {
		n = int64(adjustNTSCFrame(frame, fps))
	}
	neg := false
	if n < 0 {
		n = -n
		neg = tmcdFlags&tmcdAllowNegative != 0
	}
	f := int64(fps)
	ff := n % f
	ss := n / f % 60
	mm := n / (f * 60) % 60
	hh := n / (f * 3600)
	if tmcdFlags&tmcd24HoursMax != 0 {
		hh %= 24
	}
	ffLen := 1
	switch {
	case fps > 10000:
		ffLen = 5
	case fps > 1000:
		ffLen = 4
	case fps > 100:
		ffLen = 3
	case fps > 10:
		ffLen = 2
	}
	sign, sep := "", ':'
	if neg {
		sign = "-"
	}
	if drop {
		sep = ';'
	}
	return fmt.Sprintf("%s%02d:%02d:%02d%c%0*d", sign, int32(hh), mm, ss, sep, ffLen, ff), true
}

// adjustNTSCFrame is av_timecode_adjust_ntsc_framenum2: the frame number
// counted with the frame numbers drop-frame timecode skips.
func adjustNTSCFrame(n, fps int32) int32 {
	if fps == 0 || fps%30 != 0 {
		return n
	}
	drop := fps / 30 * 2
	per10 := fps / 30 * 17982
	d := n / per10
	m := n % per10
	return int32(uint32(n) + 9*uint32(drop)*uint32(d) + uint32(drop*max(0, (m-drop)/(per10/10))))
}
