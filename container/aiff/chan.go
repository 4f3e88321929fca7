package aiff

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// readCHAN reads a CHAN chunk, a CoreAudio AudioChannelLayout as in CAF,
// for the stream's channel layout, as ff_mov_read_chan does
// (codec.CoreAudioChannelMask): a chunk too short for its channel
// descriptions is ignored, and so is a layout FFmpeg cannot map or whose
// channel count differs from the stream's.
func readCHAN(r *reader, off, size int64, st *container.Stream) error {
	if size < 12 {
		return demuxkit.Errorf(name, "CHAN", off, container.ErrMalformed, "CHAN of %d bytes", size)
	}
	var h [12]byte
	if err := r.fill(h[:], off); err != nil {
		return err
	}
	n := int64(binary.BigEndian.Uint32(h[8:]))
	if size < 12+n*20 {
		return nil // mov_chan.c ignores an inconsistent chunk
	}
	b := h[:]
	if n > 0 && binary.BigEndian.Uint32(h[:]) == codec.CoreAudioUseDescriptions {
		// The descriptions the object holds: the size check above bounds
		// them by the chunk, the object by what is left of it.
		have := min(n*20, max(r.src.Size()-off-12, 0))
		desc, err := demuxkit.ReadAt(r.src, off+12, have, name, "CHAN")
		if err != nil {
			return err
		}
		b = append(b, desc...)
	}
	mask := codec.CoreAudioChannelMask(b)
	if mask != 0 && (st.Channels == 0 || codec.LayoutChannels(mask) == st.Channels) {
		st.ChannelLayout = codec.LayoutName(mask)
	}
	return nil
}
