package es

import (
	"github.com/mediaprobe/mediaprobe/codec/mpegvideo"
	"github.com/mediaprobe/mediaprobe/container"
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
		if probed && isMPEGAudio(st.CodecName) {
			samples, _ = mpegAudio(st, data, ends, "")
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
