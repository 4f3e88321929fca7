package ogg

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// noGranule is OGG_NOGRANULE_VALUE: no start granule from a skeleton.
const noGranule = -1

// skeletonHeader mirrors skeleton_header (oggparseskeleton.c). An Ogg
// Skeleton stream (https://wiki.xiph.org/Ogg_Skeleton_4) is a data stream
// whose packets are all headers: fishead gives the presentation start,
// each fisbone the start granule of another stream, which then fixes that
// stream's start time (ogg_read_header).
func skeletonHeader(d *demux, os *ostream, pkt packet) (int, error) {
	st := os.st
	st.Type = container.Data
	if pkt.page.flags&flagEOS != 0 && pkt.size == 0 {
		return 1, nil
	}
	if err := whole(pkt, "skeleton"); err != nil {
		return 0, err
	}
	b := pkt.data
	le := binary.LittleEndian
	switch {
	case len(b) < 8:
	case string(b[:8]) == "fishead\x00":
		if len(b) < 64 {
			break
		}
		if major := le.Uint16(b[8:]); major != 3 && major != 4 {
			return 0, demuxkit.Errorf(name, "fishead", pkt.page.off, container.ErrUnsupported, "skeleton version %d", major)
		}
		num, den := int64(le.Uint64(b[12:])), int64(le.Uint64(b[20:]))
		if den > 0 && num > 0 {
			st.TimeBase = container.Rational{Num: den, Den: num}.Reduce(1<<31 - 1)
			os.start = 0
		}
		return 1, nil
	case string(b[:8]) == "fisbone\x00":
		if len(b) < 52 {
			break
		}
		target := d.bySerial(le.Uint32(b[12:]))
		if g := int64(le.Uint64(b[36:])); target != nil && !target.hasStartGranule && g != noGranule {
			target.startGranule, target.hasStartGranule = g, true
		}
		return 1, nil
	default:
		return 1, nil
	}
	// ffmpeg returns -1 (EPERM) for a packet too short for its kind.
	return 0, demuxkit.Errorf(name, "skeleton", pkt.page.off, container.ErrMalformed, "%d-byte packet", len(b))
}
