package ogg

import (
	"encoding/binary"

	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

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
		const siOff = 13 + 4 // "\x7fFLAC", version, header count, "fLaC"; the block header
		if len(b) < siOff+flaccodec.StreamInfoSize || b[5] != 1 {
			return 0, demuxkit.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "%d bytes, major version %d", len(b), at(b, 5))
		}
		// The block header must say: STREAMINFO, not last, 34 bytes.
		if binary.BigEndian.Uint32(b[13:]) != flaccodec.StreamInfoSize {
			return 0, demuxkit.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "STREAMINFO block header %08x", binary.BigEndian.Uint32(b[13:]))
		}
		si, err := flaccodec.ParseStreamInfo(b[siOff : siOff+flaccodec.StreamInfoSize])
		if err != nil {
			return 0, err
		}
		if si.SampleRate == 0 {
			return 0, demuxkit.Errorf(name, "flac header", pkt.page.off, container.ErrMalformed, "sample rate 0")
		}
		st := os.st
		st.Type = container.Audio
		st.CodecName = "flac"
		st.ExtradataSize = flaccodec.StreamInfoSize
		st.TimeBase = container.Rational{Num: 1, Den: int64(si.SampleRate)}
		// What the FLAC decoder reports in avformat_find_stream_info; a
		// block it refuses leaves those fields unknown.
		_ = si.Describe(st)
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
