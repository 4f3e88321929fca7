package ogg

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// speexHeaderMin is the shortest Speex header ffmpeg reads (up to
// frames_per_packet).
const speexHeaderMin = 68

// speexState is struct speex_params.
type speexState struct {
	packetSize int64 // samples per packet
	seq        int
}

// speexHeader mirrors speex_header (oggparsespeex.c): the Speex header,
// then the comment header.
func speexHeader(d *demux, os *ostream, pkt packet) (int, error) {
	if os.speex == nil {
		os.speex = &speexState{}
	}
	s := os.speex
	if s.seq > 1 {
		return 0, nil
	}
	if s.seq == 0 {
		if err := whole(pkt, "speex header"); err != nil {
			return 0, err
		}
		b := pkt.data
		if len(b) < speexHeaderMin {
			return 0, demuxkit.Errorf(name, "speex header", pkt.page.off, container.ErrMalformed, "%d bytes", len(b))
		}
		le := binary.LittleEndian
		rate := int32(le.Uint32(b[36:]))
		channels := int32(le.Uint32(b[48:]))
		bitrate := int32(le.Uint32(b[52:]))
		if channels < 1 || channels > 2 {
			return 0, demuxkit.Errorf(name, "speex header", pkt.page.off, container.ErrMalformed, "%d channels", channels)
		}
		s.packetSize = int64(int32(le.Uint32(b[56:])))
		if fpp := int64(int32(le.Uint32(b[64:]))); fpp != 0 {
			s.packetSize *= fpp
		}
		st := os.st
		st.Type = container.Audio
		st.CodecName = "speex"
		st.Channels = int(channels)
		st.ExtradataSize = int(pkt.size)
		// ffmpeg's Speex decoder outputs float and leaves the layout
		// unspecified; it reports the header's bit rate.
		st.SampleFmt = "flt"
		if bitrate > 0 {
			st.BitRate = int64(bitrate)
		}
		if rate > 0 {
			st.SampleRate = int(rate)
			st.TimeBase = container.Rational{Num: 1, Den: int64(rate)}
		}
	} else {
		_ = d.comment(os, pkt.data)
	}
	s.seq++
	return 1, nil
}

// speexFirst mirrors speex_packet on the first packet: its time stamp is
// the page's granule position minus one packet's samples per packet ending
// on the page. speex_packet does not set the stream's start time, so the
// second pass of ogg_get_length subtracts this first time stamp from the
// duration (ogg_restore has just cleared got_start), and
// avformat_find_stream_info takes it as the start time.
func speexFirst(os *ostream, pkt packet) {
	if os.speex == nil || pkt.page.granule <= 0 {
		return
	}
	os.start = pkt.page.granule - os.speex.packetSize*int64(pkt.page.packets())
	os.adjust = adjustAlways
}
