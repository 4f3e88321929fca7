package dts

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Packet sizes the decoder accepts (MIN_PACKET_SIZE, MAX_PACKET_SIZE in
// dcadec.c).
const (
	minPacketSize = 16
	maxPacketSize = 0x104000
)

// normalize returns the packet b as the decoder reads it
// (dcadec_decode_frame): from its first sync word on, in 16-bit
// big-endian words. A packet that starts with a big-endian core or an
// extension substream is used as it is; otherwise the decoder looks for a
// sync word of any representation at each offset and converts from the
// first it finds (avpriv_dca_convert_bitstream). off is the offset of that
// sync word in b.
func normalize(b []byte) (out []byte, off int, err error) {
	if len(b) < minPacketSize || len(b) > maxPacketSize {
		return nil, 0, demuxkit.Errorf("dts", "packet", 0, container.ErrMalformed, "%d bytes", len(b))
	}
	switch binary.BigEndian.Uint32(b) {
	case SyncCoreBE, SyncSubstream:
		return b, 0, nil
	}
	for i := 0; i <= len(b)-minPacketSize; i++ {
		if c, ok := convert(b[i:]); ok {
			return c, i, nil
		}
	}
	return nil, 0, demuxkit.Errorf("dts", "packet", 0, container.ErrMalformed, "no sync word")
}

// convert converts b, which starts with a sync word, to 16-bit big-endian
// words as avpriv_dca_convert_bitstream does; ok is false when b starts
// with no sync word. The result is never longer than b.
func convert(b []byte) (out []byte, ok bool) {
	if len(b) < 4 {
		return nil, false
	}
	switch sync := binary.BigEndian.Uint32(b); sync {
	case SyncCoreBE, SyncSubstream:
		return b, true
	case SyncCoreLE:
		out = make([]byte, len(b))
		for i := 0; i+1 < len(b); i += 2 {
			out[i], out[i+1] = b[i+1], b[i]
		}
		if len(b)&1 != 0 {
			// The last word's missing byte reads as the padding's zero.
			out[len(b)-1] = 0
		}
		return out, true
	case SyncCore14BE, SyncCore14LE:
		// Each 16-bit word carries 14 bits: 8 bytes give 7.
		out = make([]byte, 0, (len(b)+1)/2*14/8+1)
		var acc uint32
		n := 0
		for i := 0; i < len(b); i += 2 {
			var w uint16
			switch {
			case i+1 >= len(b) && sync == SyncCore14BE:
				w = uint16(b[i]) << 8
			case i+1 >= len(b):
				w = uint16(b[i])
			case sync == SyncCore14BE:
				w = binary.BigEndian.Uint16(b[i:])
			default:
				w = binary.LittleEndian.Uint16(b[i:])
			}
			acc = acc<<14 | uint32(w&0x3FFF)
			n += 14
			for n >= 8 {
				n -= 8
				out = append(out, byte(acc>>uint(n)))
			}
		}
		if n > 0 {
			out = append(out, byte(acc<<uint(8-n)))
		}
		return out, true
	}
	return nil, false
}
