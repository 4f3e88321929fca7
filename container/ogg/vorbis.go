package ogg

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/vorbis"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// vorbisState is struct oggvorbis_private: the sizes of the three headers
// and the packet-duration parser built from the setup header.
type vorbisState struct {
	id     vorbis.Identification
	have   [3]bool
	size   [3]int64
	parser *vorbis.Parser
}

// vorbisHeader mirrors vorbis_header (oggparsevorbis.c).
func vorbisHeader(d *demux, os *ostream, pkt packet) (int, error) {
	if os.vorbis == nil {
		os.vorbis = &vorbisState{}
	}
	v := os.vorbis
	t := pkt.first()
	if t&1 == 0 {
		if v.parser != nil {
			return 0, nil
		}
		return 0, demuxkit.Errorf(name, "vorbis header", pkt.page.off, container.ErrMalformed, "audio packet before the setup header")
	}
	i := t >> 1
	switch {
	case t > 5:
		return 0, demuxkit.Errorf(name, "vorbis header", pkt.page.off, container.ErrMalformed, "packet type %d", t)
	case v.have[i]:
		return 0, demuxkit.Errorf(name, "vorbis header", pkt.page.off, container.ErrMalformed, "repeated header %d", t)
	case t > 1 && !v.have[0] || t > 3 && !v.have[1]:
		return 0, demuxkit.Errorf(name, "vorbis header", pkt.page.off, container.ErrMalformed, "header %d out of order", t)
	}
	v.have[i], v.size[i] = true, pkt.size
	st := os.st
	switch t {
	case 1:
		if err := whole(pkt, "vorbis identification header"); err != nil {
			return 0, err
		}
		id, err := vorbis.ParseIdentification(pkt.data)
		if err != nil {
			return 0, err
		}
		if st.Channels != 0 && st.Channels != int(id.AudioChannels) {
			return 0, demuxkit.Errorf(name, "vorbis header", pkt.page.off, container.ErrUnsupported, "channel change")
		}
		v.id = id
		st.Type = container.Audio
		st.CodecName = "vorbis"
		st.Channels = int(id.AudioChannels)
		st.ChannelLayout = vorbis.ChannelLayout(st.Channels)
		st.SampleFmt = codec.SampleFormat("vorbis", st.Channels)
		// ffmpeg reads the nominal bit rate as an unsigned 32-bit number.
		st.BitRate = int64(uint32(id.BitrateNominal))
		if rate := int32(id.AudioSampleRate); rate > 0 {
			st.SampleRate = int(rate)
			st.TimeBase = container.Rational{Num: 1, Den: int64(rate)}
		}
	case 3:
		// vorbis_update_metadata ignores a comment header of 8 bytes or
		// less; the body lies between the 7-byte signature and the
		// framing byte.
		if pkt.size <= 8 || len(pkt.data) < 8 {
			break
		}
		// "New metadata packet; release old data."
		os.st.Tags = container.Tags{}
		if err := d.comment(os, pkt.data[7:min(int64(len(pkt.data)), pkt.size-1)]); err != nil {
			break
		}
		// ffmpeg then drops the comments from the copy it keeps as
		// extradata: only the vendor string stays.
		if v.size[1] > 10 && len(pkt.data) >= 11 {
			n := uint32(7+4+4+1) + binary.LittleEndian.Uint32(pkt.data[7:])
			if n >= 16 && int64(n) < pkt.size {
				v.size[1] = int64(n)
			}
		}
	case 5:
		// The extradata is the three headers in Xiph lacing
		// (fixup_vorbis_headers).
		st.ExtradataSize = int(1 + lacing(v.size[0]) + lacing(v.size[1]) + v.size[0] + v.size[1] + v.size[2])
		if err := whole(pkt, "vorbis setup header"); err != nil {
			return 0, err
		}
		p, err := vorbis.NewParser(v.id, pkt.data)
		if err != nil {
			return 0, err
		}
		v.parser = p
	}
	return 1, nil
}

// lacing is the length of n in Xiph lacing (av_xiphlacing).
func lacing(n int64) int64 { return n/255 + 1 }

// vorbisFirst mirrors the first-packet branch of vorbis_packet: the start
// time is the page's granule position minus the durations of the packets
// that end on it, but not below 0, and the duration loses the start time.
func vorbisFirst(os *ostream, pkt packet) {
	v := os.vorbis
	pg := pkt.page
	if v == nil || v.parser == nil || pg.flags&flagEOS != 0 || pg.granule < 0 {
		return
	}
	v.parser.Reset()
	dur, _, err := v.parser.Duration(pkt.first())
	if err != nil {
		return
	}
	total := int64(dur)
	pkt.following(func(b []byte) bool {
		d, _, err := v.parser.Duration(firstByte(b))
		if err != nil {
			total = pg.granule
			return false
		}
		total += int64(d)
		return true
	})
	last := pg.granule - total
	if pg.granule == 0 && total != 0 {
		last = noPTS // ffmpeg's hack for broken files (Ticket3710)
	}
	os.start = max(last, 0)
	os.adjust = adjustAlways
}
