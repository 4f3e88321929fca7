package aiff

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// readCHAN reads a CHAN chunk, a CoreAudio AudioChannelLayout as in CAF,
// for the stream's channel layout, as ff_mov_read_chan does: a layout tag,
// a bitmap, or a list of channel descriptions, mapped to a mask by the
// tables of mov_chan.c in package codec. Layouts FFmpeg cannot map leave the
// layout unspecified.
func readCHAN(r *reader, off, size int64, st *container.Stream) error {
	if size < 12 {
		return container.Errorf(name, "CHAN", off, container.ErrMalformed, "CHAN of %d bytes", size)
	}
	var b [12]byte
	if err := r.fill(b[:], off); err != nil {
		return err
	}
	tag := binary.BigEndian.Uint32(b[:])
	bitmap := binary.BigEndian.Uint32(b[4:])
	count := int64(binary.BigEndian.Uint32(b[8:]))
	if size < 12+count*20 {
		return nil // mov_chan.c ignores an inconsistent chunk
	}
	var mask uint64
	switch tag {
	case codec.CoreAudioUseDescriptions:
		for i := int64(0); i < count; i++ {
			if err := r.src.Budget().Visit(name, "CHAN description", off+12+20*i); err != nil {
				return err
			}
			var d [4]byte
			if err := r.fill(d[:], off+12+20*i); err != nil {
				return err
			}
			m := codec.CoreAudioLabel(binary.BigEndian.Uint32(d[:]))
			if m == 0 {
				mask = 0
				break
			}
			mask |= m
		}
	case codec.CoreAudioUseBitmap:
		mask = uint64(bitmap)
	default:
		mask = codec.CoreAudioLayout(tag)
	}
	if mask != 0 {
		st.ChannelLayout = codec.LayoutName(mask)
	}
	return nil
}
