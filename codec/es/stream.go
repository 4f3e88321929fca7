package es

import (
	"github.com/mediaprobe/mediaprobe/codec/mpegvideo"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// DescribeStream describes an audio or video stream of an MPEG-TS or
// MPEG-PS file from data, the payload of its first PES packets, as
// avformat_find_stream_info does, and returns the duration FFmpeg's
// compute_frame_duration gives one of its packets, in ticks of 1/90000 s
// (0 when it gives none). ends are the ends of the PES packets in data
// (nil when unknown), where FFmpeg's parsers start a new buffer.
//
// A video stream whose headers give no frame rate gets the inverse of its
// time base as r_frame_rate, as avformat_find_stream_info does; a stream
// the container declared MPEG-2 video stays so (the decoder only ever
// upgrades MPEG-1 to MPEG-2). probed says the demuxer had the codec
// probed from the content before decoding: the decoder is then the one of
// what the content shows (mp2 for a layer II stream declared MPEG audio).
func DescribeStream(st *container.Stream, data []byte, ends []int, probed bool) int64 {
	switch st.Type {
	case container.Video:
		declared := st.CodecName
		fr := Describe(st, data)
		if declared == "mpeg2video" {
			st.CodecName = declared
		}
		if st.CodecName == "mpeg1video" || st.CodecName == "mpeg2video" {
			if st.ColorRange == "" {
				// mpeg_decode_init sets the range before any header.
				st.ColorRange = "tv"
			}
			parserBitRate(st, data)
		}
		if fr.Valid() {
			st.RFrameRate, st.AvgFrameRate = fr, fr
			return fr.Den * 90000 / fr.Num
		}
		st.RFrameRate = container.Rational{Num: 90000, Den: 1}
		return 1 // one tick: the frame rate is the time base
	case container.Audio:
		var samples int
		first := data
		if len(ends) > 0 {
			first = data[:ends[0]]
		}
		if st.CodecName == "pcm_bluray" || st.CodecName == "s302m" {
			// A header at the start of each packet: the first one's.
			if st.CodecName == "pcm_bluray" {
				samples, _ = pcmBluray(st, first)
			} else {
				samples, _ = s302m(st, first)
			}
		} else if isMPEGAudio(st.CodecName) {
			// The parser's average bit rate over the frames analysed.
			if probed {
				samples, _ = mpegAudioUpTo(st, data, ends, "", averageFiveS)
			} else {
				samples, _ = mpegAudioUpTo(st, data, nil, st.CodecName, averageFiveS)
			}
		} else {
			samples, _ = DescribeAudio(st, data)
		}
		if samples > 0 && st.SampleRate > 0 {
			return int64(samples) * 90000 / int64(st.SampleRate)
		}
	}
	return 0
}

// parserBitRate applies the mpegvideo parser's bit rate, which MPEG-TS
// and MPEG-PS streams go through: the sequence header's, for MPEG-1
// unless it is the VBR value, and for either codec when the first
// picture's vbv_delay is not 0xFFFF (a constant bit rate stream).
func parserBitRate(st *container.Stream, data []byte) {
	h, _ := mpegvideo.Parse(data)
	if h == nil {
		return
	}
	br := h.BitRate()
	if br == 0 {
		return
	}
	mpeg1 := h.SequenceExtension == nil
	if mpeg1 && br != 0x3FFFF*400 || h.Picture != nil && h.Picture.VBVDelay != 0xFFFF {
		st.BitRate = br
	}
}

// FPSFrames is how many decode timestamps of a video stream
// avformat_find_stream_info gathers at least for its frame-rate guess
// (fps_analyze_framecount deltas, plus the first).
const FPSFrames = 21

// GuessRate corrects the frame rate DescribeStream gave a video stream
// when its codec's rate is one FFmpeg cannot use: compute_frame_duration
// gives packets no duration from a codec frame rate of 1000 fps or more
// (an H.264 VUI with a bogus time_scale) or from none, so
// avg_frame_rate stays 0/0 unless the timestamps are evenly a frame apart,
// and the codecs whose time base
// tb_unreliable distrusts (H.264, HEVC, MPEG-2 video) take r_frame_rate
// from ff_rfps_calculate over the decode timestamps dts (90 kHz) of the
// first packets. It returns the ticks of one frame the tail pass then
// gives packets, or frame unchanged when nothing is corrected.
func GuessRate(st *container.Stream, dts []int64, frame int64) int64 {
	if st.Type != container.Video {
		return frame
	}
	r := st.RFrameRate
	if r.Den > 0 && r.Num < 1000*r.Den {
		return frame
	}
	switch st.CodecName {
	case "h264", "hevc", "mpeg2video":
	default:
		return frame
	}
	if len(dts) < 2 {
		return frame
	}
	deltas := make([]int64, 0, len(dts)-1)
	for i := 1; i < len(dts); i++ {
		deltas = append(deltas, dts[i]-dts[i-1])
	}
	g, avgFromR, ok := rfps.Guess(deltas, dts[0], container.Rational{Num: 1, Den: 90000}, 0)
	if !ok || g.Num <= 0 {
		return frame
	}
	st.RFrameRate, st.AvgFrameRate = g, container.Rational{}
	if avgFromR {
		// ff_rfps_calculate: with no packet durations, timestamps a frame
		// apart on average make the guess the average rate too.
		st.AvgFrameRate = g
	}
	return max(g.Den*90000/g.Num, 1)
}

// FewFrames clears the avg_frame_rate of a video stream that has fewer
// than three frames: avformat_find_stream_info adds a packet's duration
// to codec_info_duration only from the third packet of a stream on, and
// leaves avg_frame_rate 0/0 without one. Frames are counted as picture
// start codes in data for MPEG-1/2 video (a picture may span several PES
// packets), else as packets, the demuxer's count; complete says data
// holds the whole head of the stream (it was not cut at a bound).
func FewFrames(st *container.Stream, data []byte, packets int, complete bool) {
	if st.Type != container.Video || !complete {
		return
	}
	n := packets
	if st.CodecName == "mpeg1video" || st.CodecName == "mpeg2video" {
		n = 0
		for i := 0; i+4 <= len(data) && n < 3; i++ {
			if data[i] == 0 && data[i+1] == 0 && data[i+2] == 1 && data[i+3] == 0 {
				n++
				i += 3
			}
		}
	}
	if n < 3 {
		st.AvgFrameRate = container.Rational{}
	}
}
