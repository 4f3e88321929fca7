package ogg

import (
	"github.com/mediaprobe/mediaprobe/codec/theora"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// theoraState is struct theora_params.
type theoraState struct {
	version uint32
	gpshift uint
	gpmask  uint64
}

// theoraHeader mirrors theora_header (oggparsetheora.c). Theora streams are
// video and outside the audio target; they are listed as ffprobe lists
// them, with the size, time base and frame rate of the header.
func theoraHeader(d *demux, os *ostream, pkt packet) (int, error) {
	b := pkt.data
	t := pkt.first()
	if t&0x80 == 0 {
		return 0, nil
	}
	if os.theora == nil {
		os.theora = &theoraState{}
	}
	th := os.theora
	st := os.st
	switch t {
	case 0x80:
		if err := whole(pkt, "theora header"); err != nil {
			return 0, err
		}
		// theora_header checks no length: the fields past the end of a
		// short packet read as zeros, from FFmpeg's padded buffer as
		// from codec/theora, which says so with an error to ignore.
		h, _ := theora.ParseDemuxHeader(b)
		th.version = h.Version
		if th.version < 0x030100 {
			return 0, demuxkit.Errorf(name, "theora header", pkt.page.off, container.ErrUnsupported, "theora version %06x", th.version)
		}
		th.gpshift = h.GranuleShift
		th.gpmask = 1<<th.gpshift - 1
		st.Type = container.Video
		st.CodecName = "theora"
		st.Width, st.Height = h.Width, h.Height
		st.CodedWidth, st.CodedHeight = h.CodedWidth, h.CodedHeight
		st.TimeBase = h.TimeBase
		st.RFrameRate = container.Rational{Num: h.TimeBase.Den, Den: h.TimeBase.Num}.Reduce(1 << 30)
		st.AvgFrameRate = st.RFrameRate
		if h.SampleAspectRatio.Valid() {
			st.SampleAspectRatio = h.SampleAspectRatio.Reduce(1 << 30)
		}
		st.PixFmt = h.PixFmt
		st.Level = container.LevelUnknown
		// What the VP3/Theora decoder then reports from the same header
		// (picture size, pixel format, colour space, chroma siting) wins,
		// as ffprobe prints the opened decoder's view; a header it would
		// refuse leaves the demuxer's.
		if id, err := theora.ParseIdentification(b); err == nil {
			_ = id.Describe(st)
		}
		st.Refs = 1
		st.ChromaLocation = "center"
	case 0x81:
		if len(b) >= 7 {
			_ = d.comment(os, b[7:])
		}
		fallthrough
	case 0x82:
		if th.version == 0 {
			return 0, demuxkit.Errorf(name, "theora header", pkt.page.off, container.ErrMalformed, "header %02x before the identification header", t)
		}
	default:
		return 0, demuxkit.Errorf(name, "theora header", pkt.page.off, container.ErrMalformed, "unknown header type %02x", t)
	}
	// The extradata is each header with a 16-bit length before it.
	st.ExtradataSize += int(pkt.size) + 2
	return 1, nil
}

// theoraGPToPTS is theora_gptopts: key frame number plus frames since.
func theoraGPToPTS(os *ostream, gp int64) int64 {
	th := os.theora
	if th == nil {
		return noPTS
	}
	iframe := uint64(gp) >> th.gpshift
	pframe := uint64(gp) & th.gpmask
	if th.version < 0x030201 {
		iframe++
	}
	return int64(iframe + pframe)
}

// theoraFirst mirrors the first-packet branch of theora_packet: the start
// is the page's frame number minus the frames that end on it.
func theoraFirst(os *ostream, pkt packet) {
	pg := pkt.page
	if os.theora == nil || pg.flags&flagEOS != 0 {
		return
	}
	n := int64(1)
	for _, s := range pg.segs[pkt.segp:] {
		if s < 255 {
			n++
		}
	}
	if pts := gpToPTS(os, pg.granule); pts != noPTS {
		os.start = pts - n
		os.adjust = adjustPositive
	}
}
