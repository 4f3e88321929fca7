// Package ivf reads IVF files, the simple frame container of On2 and
// libvpx (FFmpeg's "ivf"): a 32-byte header (the "DKIF" signature, the
// codec fourcc, the frame size, the time base and the frame count), then
// frames, each after a 12-byte header of its size and timestamp. It
// carries VP8, VP9 and AV1.
//
// It mirrors libavformat/ivfdec.c (probe, read_header) and what
// avformat_find_stream_info learns from the first frame through the codec
// packages: the header gives the codec, size, time base and duration (the
// frame count, in time base units), the first frame's header the start
// time, and its bitstream the profile, pixel format and colours. Only the
// file header and the start of the first frame are read.
//
// ffprobe prints r_frame_rate as the time base's reciprocal for IVF
// files, whose frames are one tick apart (FFmpeg estimates it from the
// timestamps of the first frames), and avg_frame_rate 0/0 unless the time
// base is one FFmpeg finds unreliable (see averageRate); a file whose
// timestamps are not one tick apart gets the reciprocal here.
//
// Specification: https://wiki.multimedia.cx/index.php/IVF.
package ivf

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/av1"
	"github.com/mediaprobe/mediaprobe/codec/vp8"
	"github.com/mediaprobe/mediaprobe/codec/vp9"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// Demuxer returns the IVF demuxer.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   "On2 IVF",
		Extensions: "ivf",
		Probe:      probe,
		Read:       read,
	}
}

const name = "ivf"

// Sizes of the file header and of each frame header.
const (
	headerSize      = 32
	frameHeaderSize = 12
)

// maxFirstFrame is how much of the first frame is read: the codec headers
// (a VP8/VP9 frame header, AV1's sequence and frame header OBUs) are in
// its first bytes.
const maxFirstFrame = 4 << 10

// probe scores as ivfdec.c probe does: the signature, version 0 and a
// header size of 32.
func probe(b []byte) int {
	if len(b) < 8 || string(b[:4]) != "DKIF" ||
		binary.LittleEndian.Uint16(b[4:]) != 0 || binary.LittleEndian.Uint16(b[6:]) != headerSize {
		return 0
	}
	return 100 - 2 // AVPROBE_SCORE_MAX-2
}

// read mirrors read_header, then describes the first frame.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, "On2 IVF")
	info.Format.Size = src.Size()
	var h [headerSize]byte
	if err := demuxkit.ReadFull(src, h[:], start, name, "file header"); err != nil {
		return nil, err
	}
	st, err := src.Budget().AddStream(info, container.Video, name, start)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	st.CodecTag = le.Uint32(h[8:])
	st.CodecName = codec.BMPCodec(st.CodecTag)
	st.Width, st.Height = int(le.Uint16(h[12:])), int(le.Uint16(h[14:]))
	den, num := int64(le.Uint32(h[16:])), int64(le.Uint32(h[20:]))
	if den == 0 || num == 0 {
		return info, demuxkit.Errorf(name, "file header", start+16, container.ErrMalformed, "invalid frame rate %d/%d", num, den)
	}
	st.TimeBase = container.Rational{Num: num, Den: den}.Reduce(1<<31 - 1)
	st.RFrameRate = container.Rational{Num: st.TimeBase.Den, Den: st.TimeBase.Num}
	st.DurationTS = int64(le.Uint32(h[24:]))
	st.AvgFrameRate = averageRate(st.TimeBase, st.DurationTS)
	info.Format.DataOffset = start + headerSize

	frame, pts, err := firstFrame(src, start+headerSize)
	if err != nil {
		return info, err
	}
	if frame == nil {
		return info, nil
	}
	st.StartPTS = pts
	describe(st, frame)
	return info, nil
}

// averageRate is the avg_frame_rate avformat_find_stream_info gives a
// stream of the given time base and frame count (the header's; 0 when
// unknown). It reads past the first packet only when the time base is
// unreliable (tb_unreliable: 101 ticks a second or more, or fewer than 5),
// and counts the durations of the packets from the third; ivfdec.c gives
// packets none, so compute_pkt_fields makes each last a tick where the
// time base is coarser than a millisecond (ff_compute_frame_duration),
// and none otherwise. So the average is the time base's reciprocal
// (rounded to a standard rate, rfps.Average) or 0/0.
func averageRate(tb container.Rational, frames int64) container.Rational {
	unreliable := tb.Den >= 101*tb.Num || tb.Den < 5*tb.Num
	if !unreliable || tb.Num*1000 <= tb.Den || frames > 0 && frames < 3 {
		return container.Rational{}
	}
	return rfps.Average(1, 1, tb)
}

// firstFrame reads the first frame's header and at most maxFirstFrame
// bytes of the frame; nil when the file ends before a frame.
func firstFrame(src container.Source, off int64) (frame []byte, pts int64, err error) {
	if src.Size()-off < frameHeaderSize {
		return nil, 0, nil
	}
	n := min(src.Size()-off, frameHeaderSize+maxFirstFrame)
	b, err := demuxkit.ReadAt(src, off, n, name, "first frame")
	if err != nil {
		return nil, 0, err
	}
	size := int64(binary.LittleEndian.Uint32(b))
	pts = int64(binary.LittleEndian.Uint64(b[4:]))
	return b[frameHeaderSize:min(n, frameHeaderSize+size)], pts, nil
}

// describe lets the codec fill what its parser and decoder report after
// the first frame.
func describe(st *container.Stream, frame []byte) {
	switch st.CodecName {
	case "vp8":
		h, _ := vp8.ParseFrameHeader(frame)
		h.FillStream(st)
	case "vp9":
		if h, _ := vp9.ParseHeader(frame); h != nil {
			h.FillStream(st)
		}
	case "av1":
		if tu, _ := av1.Describe(st, nil, frame); tu != nil {
			st.ExtradataSize = tu.ExtradataSize
		}
	}
}
