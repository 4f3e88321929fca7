package ogg

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// theoraState is struct theora_params.
type theoraState struct {
	version uint32
	gpshift uint
	gpmask  uint64
}

// theoraPixFmt maps the identification header's pixel format to the
// decoder's (theora_decode_header in libavcodec/vp3.c).
var theoraPixFmt = [4]string{"yuv420p", "", "yuv422p", "yuv444p"}

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
		// from internal/bits.
		r := bits.NewReader(b)
		r.Skip(7 * 8) // 0x80 "theora"
		th.version = uint32(r.Bits(24))
		if th.version < 0x030100 {
			return 0, container.Errorf(name, "theora header", pkt.page.off, container.ErrUnsupported, "theora version %06x", th.version)
		}
		w := int(r.Bits(16)) << 4
		h := int(r.Bits(16)) << 4
		if th.version >= 0x030400 {
			r.Skip(100)
		}
		if th.version >= 0x030200 {
			pw, ph := int(r.Bits(24)), int(r.Bits(24))
			if pw <= w && pw > w-16 && ph <= h && ph > h-16 {
				w, h = pw, ph
			}
			r.Skip(16) // picture offsets
		}
		den := int64(r.U32())
		num := int64(r.U32())
		if int32(num) <= 0 || int32(den) <= 0 {
			num, den = 1, 25 // "assuming 25 FPS"
		}
		sar := container.Rational{Num: int64(r.Bits(24)), Den: int64(r.Bits(24))}
		var pf uint64
		if th.version >= 0x030200 {
			r.Skip(38) // colour space, bit rate, quality
		}
		th.gpshift = uint(r.Bits(5))
		th.gpmask = 1<<th.gpshift - 1
		pf = r.Bits(2)
		st.Type = container.Video
		st.CodecName = "theora"
		st.Width, st.Height = w, h
		st.CodedWidth, st.CodedHeight = int(uint32(b16(b, 10)))<<4, int(uint32(b16(b, 12)))<<4
		st.TimeBase = container.Rational{Num: num, Den: den}
		st.RFrameRate = container.Rational{Num: den, Den: num}.Reduce(1 << 30)
		st.AvgFrameRate = st.RFrameRate
		if sar.Valid() {
			st.SampleAspectRatio = sar.Reduce(1 << 30)
		}
		st.PixFmt = theoraPixFmt[pf&3]
		st.Level = container.LevelUnknown
		// What the VP3/Theora decoder reports: one reference frame,
		// chroma sited at the centre.
		st.Refs = 1
		st.ChromaLocation = "center"
	case 0x81:
		if len(b) >= 7 {
			_ = d.comment(os, b[7:])
		}
		fallthrough
	case 0x82:
		if th.version == 0 {
			return 0, container.Errorf(name, "theora header", pkt.page.off, container.ErrMalformed, "header %02x before the identification header", t)
		}
	default:
		return 0, container.Errorf(name, "theora header", pkt.page.off, container.ErrMalformed, "unknown header type %02x", t)
	}
	// The extradata is each header with a 16-bit length before it.
	st.ExtradataSize += int(pkt.size) + 2
	return 1, nil
}

func b16(b []byte, i int) uint16 {
	if i+2 > len(b) {
		return 0
	}
	return uint16(b[i])<<8 | uint16(b[i+1])
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
