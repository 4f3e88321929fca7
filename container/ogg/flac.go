package ogg

import (
	"bytes"
	"encoding/binary"

	"github.com/mewkiz/flac/meta"

	"github.com/mediaprobe/mediaprobe/container"
)

// streamInfoSize is the length of a FLAC STREAMINFO block body.
const streamInfoSize = 34

// flacHeader mirrors flac_header (oggparseflac.c): the first packet is
// "\x7fFLAC", version 1.x, the header count, "fLaC" and a STREAMINFO block;
// then come metadata blocks, of which only VORBIS_COMMENT is read (ffmpeg
// ignores PICTURE blocks in Ogg FLAC); an audio frame (0xFF) ends them.
func flacHeader(d *demux, os *ostream, pkt packet) (int, error) {
	b := pkt.data
	t := pkt.first()
	if t == 0xff {
		return 0, nil
	}
	switch t & 0x7f {
	case 0x7f:
		if err := whole(pkt, "flac header"); err != nil {
			return 0, err
		}
		if len(b) < 13+4+streamInfoSize || b[5] != 1 {
			return 0, container.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "%d bytes, major version %d", len(b), at(b, 5))
		}
		// The block header must say: STREAMINFO, not last, 34 bytes.
		if binary.BigEndian.Uint32(b[13:]) != streamInfoSize {
			return 0, container.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "STREAMINFO block header %08x", binary.BigEndian.Uint32(b[13:]))
		}
		rate, channels, bits := streamInfo(b[13 : 13+4+streamInfoSize])
		if rate == 0 {
			return 0, container.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "sample rate 0")
		}
		st := os.st
		st.Type = container.Audio
		st.CodecName = "flac"
		st.ExtradataSize = streamInfoSize
		st.TimeBase = container.Rational{Num: 1, Den: int64(rate)}
		// What the FLAC decoder reports in avformat_find_stream_info.
		st.SampleRate = int(rate)
		st.Channels = channels
		st.ChannelLayout = flacLayout(channels)
		st.BitsPerRawSample = bits
		st.SampleFmt = "s16"
		if bits > 16 {
			st.SampleFmt = "s32"
		}
	case 4:
		if len(b) >= 4 {
			_ = d.comment(os, b[4:])
		}
	}
	return 1, nil
}

func at(b []byte, i int) int {
	if i < len(b) {
		return int(b[i])
	}
	return -1
}

// streamInfo reads the sample rate, channels and bits per sample of a
// STREAMINFO block (header included) with mewkiz/flac. mewkiz refuses
// block sizes under 16 that ffmpeg accepts, so then the three fields are
// taken straight from their bits.
func streamInfo(blk []byte) (rate uint32, channels, bits int) {
	if b, err := meta.Parse(bytes.NewReader(blk)); err == nil {
		if si, ok := b.Body.(*meta.StreamInfo); ok {
			return si.SampleRate, int(si.NChannels), int(si.BitsPerSample)
		}
	}
	si := blk[4:]
	rate = uint32(si[10])<<12 | uint32(si[11])<<4 | uint32(si[12])>>4
	channels = int(si[12]>>1&7) + 1
	bits = int(si[12]&1)<<4 | int(si[13]>>4) + 1
	return rate, channels, bits
}

// flacLayout is the FLAC decoder's layout for a channel count
// (ff_flac_channel_layouts).
func flacLayout(n int) string {
	switch n {
	case 1:
		return "mono"
	case 2:
		return "stereo"
	case 3:
		return "3.0"
	case 4:
		return "quad"
	case 5:
		return "5.0(side)"
	case 6:
		return "5.1(side)"
	case 7:
		return "6.1"
	case 8:
		return "7.1"
	}
	return ""
}
