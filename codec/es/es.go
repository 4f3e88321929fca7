// Package es describes a video stream from the first bytes of its
// elementary stream (Annex B H.264/HEVC, MPEG-4 Part 2, MPEG-1/2 video, AV1
// OBUs), as avformat_find_stream_info learns it from the first packets when
// a container carries no codec configuration: raw streams, MPEG-TS and
// MPEG-PS payloads, AVI and FLV frames.
package es

import (
	"github.com/mediaprobe/mediaprobe/codec/av1"
	"github.com/mediaprobe/mediaprobe/codec/h264"
	"github.com/mediaprobe/mediaprobe/codec/hevc"
	"github.com/mediaprobe/mediaprobe/codec/mpeg4"
	"github.com/mediaprobe/mediaprobe/codec/mpegvideo"
	"github.com/mediaprobe/mediaprobe/container"
)

// Describe fills st from data, the start of the stream of codec
// st.CodecName, and returns the frame rate its headers give (0/0 when they
// give none or the codec is not one of the above). For MPEG-1/2 video it
// may change st.CodecName to mpeg2video, as FFmpeg's decoder does on a
// sequence extension.
func Describe(st *container.Stream, data []byte) container.Rational {
	switch st.CodecName {
	case "h264":
		return H264(st, data)
	case "hevc":
		return HEVC(st, data)
	case "mpeg4":
		return MPEG4(st, data)
	case "mpeg1video", "mpeg2video":
		return MPEGVideo(st, data)
	case "av1":
		return AV1(st, data)
	}
	return container.Rational{}
}

// H264 decodes the parameter sets of the first access unit.
func H264(st *container.Stream, data []byte) container.Rational {
	p, _, _ := h264.ScanAnnexB(data)
	p.Fill(st)
	if order := p.PictureFieldOrder(data, 0); order != "" {
		st.FieldOrder = order
	}
	st.ExtradataSize = p.ExtradataSize
	if s := p.Active(); s != nil {
		if fr, ok := s.FrameRate(); ok {
			return fr
		}
	}
	return container.Rational{}
}

// Record describes st from the decoder configuration record a stream
// copied from MP4 or Matroska keeps as its extradata in a container that
// has no codec configuration of its own (AVI, ASF): an H.264 avcC (see
// H264AVCC), an HEVC hvcC, an AV1 av1C (with its first frame's temporal
// unit); it returns the frame rate the headers give, and ok false when
// the extradata is no such record, for Describe to read it as Annex B or
// OBUs.
func Record(st *container.Stream, extradata, frame []byte) (rate container.Rational, ok bool) {
	switch st.CodecName {
	case "h264":
		return H264AVCC(st, extradata, frame)
	case "hevc":
		if !hevc.IsHVCC(extradata) {
			return rate, false
		}
		x, _ := hevc.ParseExtradata(extradata)
		if x == nil {
			return rate, false
		}
		_ = x.Describe(st)
		return x.FrameRate(), true
	case "av1":
		if len(extradata) < 4 || extradata[0] != 0x81 {
			return rate, false
		}
		tu, _ := av1.Describe(st, extradata, frame)
		if tu != nil && tu.SequenceHeader != nil {
			rate = tu.SequenceHeader.FrameRate()
		}
		return rate, true
	}
	return rate, false
}

// H264AVCC describes st from an avcC record (an H.264 stream copied from
// MP4 or Matroska into a container that keeps the record as extradata,
// where ffprobe reports is_avc and the NAL length size) and the first
// frame's length-prefixed NAL units, and returns the frame rate the SPS
// gives. ok is false when the extradata is not an avcC record.
func H264AVCC(st *container.Stream, extradata, frame []byte) (rate container.Rational, ok bool) {
	if len(extradata) == 0 || extradata[0] != 1 {
		return rate, false
	}
	p, _ := h264.ParseExtradata(extradata)
	if p == nil {
		return rate, false
	}
	p.Fill(st)
	if order := p.PictureFieldOrder(frame, p.NALLengthSize); order != "" {
		st.FieldOrder = order
	}
	if sps := p.Active(); sps != nil {
		rate, _ = sps.FrameRate()
	}
	return rate, true
}

// HEVC decodes the parameter sets of the first access unit that has a VPS
// and an SPS, as the extradata FFmpeg extracts from it, and the field
// order the parser reports.
func HEVC(st *container.Stream, data []byte) container.Rational {
	extradata, ok := hevc.ScanAnnexB(data)
	if !ok {
		return container.Rational{}
	}
	if order := hevc.PictureFieldOrder(data); order != "" {
		st.FieldOrder = order
	}
	st.ExtradataSize = len(extradata)
	x, _ := hevc.ParseExtradata(extradata)
	if x == nil {
		return container.Rational{}
	}
	_ = x.Describe(st)
	return x.FrameRate()
}

// MPEG4 decodes the headers before the first VOP.
func MPEG4(st *container.Stream, data []byte) container.Rational {
	st.ExtradataSize = mpeg4.ExtradataSize(data)
	c, _ := mpeg4.Parse(data)
	if c == nil {
		return container.Rational{}
	}
	c.Fill(st)
	st.HasBFrames = c.ParserHasBFrames()
	return c.FrameRate()
}

// MPEGVideo decodes the sequence header and what follows it up to the
// first slice; the codec becomes mpeg2video with a sequence extension.
func MPEGVideo(st *container.Stream, data []byte) container.Rational {
	st.ExtradataSize = mpegvideo.ExtradataSize(data)
	h, _ := mpegvideo.Parse(data)
	if h == nil {
		return container.Rational{}
	}
	h.Fill(st)
	st.CodecName = h.CodecName()
	return h.FrameRate()
}

// AV1 decodes the first temporal unit; its sequence header is the
// extradata FFmpeg extracts.
func AV1(st *container.Stream, data []byte) container.Rational {
	tu, _ := av1.Describe(st, nil, data)
	if tu == nil {
		return container.Rational{}
	}
	st.ExtradataSize = tu.ExtradataSize
	if tu.SequenceHeader == nil {
		return container.Rational{}
	}
	return tu.SequenceHeader.FrameRate()
}
