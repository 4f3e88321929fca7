package ogg

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/opus"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// opusState is struct oggopus_private.
type opusState struct {
	head         opus.Head
	needComments bool
}

// opusHeader mirrors opus_header (oggparseopus.c): OpusHead on the BOS
// page, then OpusTags.
func opusHeader(d *demux, os *ostream, pkt packet) (int, error) {
	st := os.st
	if pkt.page.flags&flagBOS != 0 {
		if err := whole(pkt, "OpusHead"); err != nil {
			return 0, err
		}
		h, err := opus.ParseHead(pkt.data)
		if err != nil {
			return 0, err
		}
		os.opus = &opusState{head: h, needComments: true}
		st.Type = container.Audio
		st.CodecName = "opus"
		st.Channels = int(h.ChannelCount)
		st.SampleRate = opus.SampleRate
		st.TimeBase = container.Rational{Num: 1, Den: opus.SampleRate}
		st.ExtradataSize = int(pkt.size)
		st.ChannelLayout = h.ChannelLayout()
		if st.ChannelLayout != "" || h.ChannelMappingFamily > 1 {
			// The decoder opens, and outputs planar float, unless it
			// refuses the channel mapping.
			st.SampleFmt = codec.SampleFormat("opus", st.Channels)
		}
		return 1, nil
	}
	if os.opus != nil && os.opus.needComments {
		if len(pkt.data) < 8 || string(pkt.data[:8]) != "OpusTags" {
			return 0, demuxkit.Errorf(name, "OpusTags", pkt.page.off, container.ErrMalformed, "missing comment header")
		}
		_ = d.comment(os, pkt.data[8:])
		os.opus.needComments = false
		return 1, nil
	}
	return 0, nil
}

// opusFirst mirrors the first-packet branch of opus_packet: the start time
// is the page's granule position minus the durations of the packets that
// end on it (the pre-skip only shifts packet time stamps).
func opusFirst(os *ostream, pkt packet) {
	pg := pkt.page
	if pg.flags&flagEOS != 0 {
		return
	}
	dur, err := opus.PacketDuration(pkt.data)
	if err != nil {
		return
	}
	total := int64(dur)
	pkt.following(func(b []byte) bool {
		if len(b) > 0 {
			if d, err := opus.PacketDuration(b); err == nil && d > 0 {
				total += int64(d)
			}
		}
		return true
	})
	os.start = pg.granule - total
}
