package caf

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// readChan reads a 'chan' chunk, a Core Audio AudioChannelLayout, as
// ff_mov_read_chan does: a chunk under 12 bytes fails the header, one too
// short for its channel descriptions is ignored, and a layout whose count
// differs from the stream's is ignored. The descriptions are read only as
// far as the object holds them: FFmpeg fails when its loop meets the
// end-of-file flag that an earlier read set.
func readChan(r *reader, off, size int64, st *container.Stream) error {
	if size < 12 {
		return demuxkit.Errorf(name, "chan", off, container.ErrMalformed, "chan of %d bytes", size)
	}
	var h [12]byte
	if err := r.fill(h[:], off); err != nil {
		return err
	}
	tag := binary.BigEndian.Uint32(h[:])
	n := int64(binary.BigEndian.Uint32(h[8:]))
	if size < 12+n*20 {
		return nil
	}
	b := h[:]
	if n > 0 {
		have := min(n*20, r.avail(off+12))
		desc, err := demuxkit.ReadAt(r.src, off+12, have, name, "chan")
		if err != nil {
			return err
		}
		b = append(b, desc...)
		var labels uint64
		for i := int64(0); i < n; i++ {
			if r.eof {
				return demuxkit.Errorf(name, "chan", off+12+20*i, container.ErrTruncated, "end of the object in the channel descriptions")
			}
			if 20*(i+1) > have {
				// This description crosses the end: zeros, and the flag.
				b = append(b, make([]byte, 12+20*(i+1)-int64(len(b)))...)
				r.eof = true
			}
			if tag == codec.CoreAudioUseDescriptions {
				m := codec.CoreAudioLabel(binary.BigEndian.Uint32(b[12+20*i:]))
				if m == 0 || m <= labels {
					break
				}
				labels |= m
			}
		}
	}
	mask := codec.CoreAudioChannelMask(b)
	if mask != 0 && (st.Channels == 0 || codec.LayoutChannels(mask) == st.Channels) {
		st.Channels = codec.LayoutChannels(mask)
		st.ChannelLayout = codec.LayoutName(mask)
	}
	return nil
}
