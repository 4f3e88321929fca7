package es

import "github.com/mediaprobe/mediaprobe/container"

// DescribeStream describes an audio or video stream of an MPEG-TS or
// MPEG-PS file from data, the payload of its first PES packets, as
// avformat_find_stream_info does, and returns the duration FFmpeg's
// compute_frame_duration gives one of its packets, in ticks of 1/90000 s
// (0 when it gives none).
//
// A video stream whose headers give no frame rate gets the inverse of its
// time base as r_frame_rate, as avformat_find_stream_info does; a stream
// the container declared MPEG-2 video stays so (the decoder only ever
// upgrades MPEG-1 to MPEG-2). probed says the demuxer had the codec
// probed from the content before decoding: the decoder is then the one of
// what the content shows (mp2 for a layer II stream declared MPEG audio).
func DescribeStream(st *container.Stream, data []byte, probed bool) int64 {
	switch st.Type {
	case container.Video:
		declared := st.CodecName
		fr := Describe(st, data)
		if declared == "mpeg2video" {
			st.CodecName = declared
		}
		if (st.CodecName == "mpeg1video" || st.CodecName == "mpeg2video") && st.ColorRange == "" {
			// mpeg_decode_init sets the range before any header.
			st.ColorRange = "tv"
		}
		if fr.Valid() {
			st.RFrameRate, st.AvgFrameRate = fr, fr
			return fr.Den * 90000 / fr.Num
		}
		st.RFrameRate = container.Rational{Num: 90000, Den: 1}
		return 1 // one tick: the frame rate is the time base
	case container.Audio:
		var samples int
		if probed && isMPEGAudio(st.CodecName) {
			samples, _ = mpegAudio(st, data, "")
		} else {
			samples, _ = DescribeAudio(st, data)
		}
		if samples > 0 && st.SampleRate > 0 {
			return int64(samples) * 90000 / int64(st.SampleRate)
		}
	}
	return 0
}
