package rawvideo

import (
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// H264 returns the demuxer of raw H.264 Annex B streams (FFmpeg's "h264").
func H264() container.Demuxer {
	return demuxer(format{
		name: "h264", longName: "raw H.264 video", extensions: "h26l,h264,264,avc",
		codec: "h264", probe: probeH264, describe: es.H264,
	})
}

// HEVC returns the demuxer of raw HEVC Annex B streams (FFmpeg's "hevc").
func HEVC() container.Demuxer {
	return demuxer(format{
		name: "hevc", longName: "raw HEVC video", extensions: "hevc,h265,265",
		codec: "hevc", probe: probeHEVC, describe: es.HEVC,
	})
}

// M4V returns the demuxer of raw MPEG-4 Part 2 streams (FFmpeg's "m4v").
func M4V() container.Demuxer {
	return demuxer(format{
		name: "m4v", longName: "raw MPEG-4 video", extensions: "m4v",
		codec: "mpeg4", probe: probeM4V, describe: es.MPEG4,
		// The mpeg4 parser gives the first packet a timestamp of 0 and
		// the stream no average frame rate.
		startsAtZero: true, noAverageRate: true, rates: m4vRates,
	})
}

// MPEGVideo returns the demuxer of raw MPEG-1 and MPEG-2 video streams
// (FFmpeg's "mpegvideo", which has no extensions of its own).
func MPEGVideo() container.Demuxer {
	return demuxer(format{
		name: "mpegvideo", longName: "raw MPEG video",
		codec: "mpeg1video", probe: probeMPEGVideo, describe: es.MPEGVideo,
	})
}

// OBU returns the demuxer of AV1 low-overhead bitstream format streams
// (FFmpeg's "obu").
func OBU() container.Demuxer {
	return demuxer(format{
		name: "obu", longName: "AV1 low overhead OBU", extensions: "obu",
		codec: "av1", probe: probeOBU, describe: es.AV1,
	})
}

// format is what differs between the raw video formats.
type format struct {
	name, longName, extensions string
	codec                      string // the codec FFmpeg's demuxer declares
	probe                      func([]byte) int
	// describe fills st from the head of the stream and returns the frame
	// rate the headers give, 0/0 when they give none.
	describe func(st *container.Stream, head []byte) container.Rational

	startsAtZero  bool // the first packet has a timestamp of 0
	noAverageRate bool // ffprobe prints avg_frame_rate 0/0
	// rates, if set, revises the frame rates from the head of the
	// stream and the frame rate its headers give.
	rates func(st *container.Stream, head []byte, fr container.Rational)
}

// headSize is how much of the stream is read for its headers: parameter
// sets and sequence headers come first, and the first picture's headers
// within a few kilobytes of them (x264 writes about 700 bytes of SEI).
const headSize = 64 << 10

// timeBase is the time base ff_raw_video_read_header gives the stream.
var timeBase = container.Rational{Num: 1, Den: 1200000}

// defaultFrameRate is the demuxer's framerate option (25), which the
// stream keeps when its headers give none.
var defaultFrameRate = container.Rational{Num: 25, Den: 1}

func demuxer(f format) container.Demuxer {
	return container.Demuxer{
		Name:       f.name,
		LongName:   f.longName,
		Extensions: f.extensions,
		Probe:      f.probe,
		Read: func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
			return f.read(src, start)
		},
	}
}

// read mirrors ff_raw_video_read_header, then what
// avformat_find_stream_info learns from the first packets.
func (f format) read(src container.Source, start int64) (*container.Info, error) {
	info := container.NewInfo(f.name, f.longName)
	info.Format.Size = src.Size()
	st, err := src.Budget().AddStream(info, container.Video, f.name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = f.codec
	st.TimeBase = timeBase
	st.RFrameRate = defaultFrameRate
	if f.startsAtZero {
		st.StartPTS = 0
	}
	head, err := demuxkit.ReadUpTo(src, start, headSize, f.name, "stream head")
	if err != nil || len(head) == 0 {
		return info, err
	}
	fr := f.describe(st, head)
	if fr.Valid() {
		st.RFrameRate = fr
	}
	if !f.noAverageRate {
		st.AvgFrameRate = st.RFrameRate
		if int64(len(head)) == src.Size()-start {
			if few, ok := fewPictures(f.codec, head); ok && few {
				st.AvgFrameRate = container.Rational{}
			}
		}
	}
	if f.rates != nil {
		f.rates(st, head, fr)
	}
	return info, nil
}
