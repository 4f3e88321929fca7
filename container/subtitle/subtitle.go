package subtitle

import (
	"github.com/mediaprobe/mediaprobe/container"
)

// WebVTT returns the demuxer of WebVTT files (webvttdec.c).
func WebVTT() container.Demuxer {
	return container.Demuxer{
		Name:       "webvtt",
		LongName:   "WebVTT subtitle",
		Extensions: "vtt",
		Probe:      probeWebVTT,
		Read:       readWebVTT,
	}
}

// SRT returns the demuxer of SubRip files (srtdec.c), which FFmpeg gives
// no extensions.
func SRT() container.Demuxer {
	return container.Demuxer{
		Name:     "srt",
		LongName: "SubRip subtitle",
		Probe:    probeSRT,
		Read:     readSRT,
	}
}

// ASS returns the demuxer of SubStation Alpha files (assdec.c), which
// FFmpeg gives no extensions.
func ASS() container.Demuxer {
	return container.Demuxer{
		Name:     "ass",
		LongName: "SSA (SubStation Alpha) subtitle",
		Probe:    probeASS,
		Read:     readASS,
	}
}

// newInfo returns the Info of a subtitle file: its one stream, of codec
// codecName with the time base 1/den (avpriv_set_pts_info(st, 64, 1, den)),
// and nothing else the cues could give (see the package comment).
func newInfo(src container.Source, name, longName, codecName string, den int64, start int64) (*container.Info, *container.Stream, error) {
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Subtitle, name, start)
	if err != nil {
		return nil, nil, err
	}
	st.CodecName = codecName
	st.TimeBase = container.Rational{Num: 1, Den: den}
	// read_header leaves the whole object read.
	info.Format.DataOffset = src.Size()
	return info, st, nil
}
