package wavpack

import (
	"encoding/binary"
	"math/bits"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// DescribeMatroskaFrame sets on st what the wavpack decoder reports after
// decoding the first frame of a Matroska A_WAVPACK4 track: the sample
// format, the bits per raw sample and the channel layout. A Matroska frame
// is the blocks without their "wvpk" headers: the sample count, then for
// each block its flags, its CRC and, in a multichannel frame, its size,
// then its sub-blocks (matroska_parse_wavpack). The layout is mono or
// stereo from the flags for a single-block frame, the channel mask of the
// first block's channel information otherwise (wavpack_decode_block); a
// mask whose count contradicts the channel count fails the decoder, and
// st is left as the container described it.
func DescribeMatroskaFrame(st *container.Stream, frame []byte) {
	if len(frame) < 12 {
		return
	}
	le := binary.LittleEndian
	flags := le.Uint32(frame[4:])
	fmtName, raw := DecoderFormat(flags)
	single := flags&(FlagInitialBlock|FlagFinalBlock) == FlagInitialBlock|FlagFinalBlock
	var mask uint64
	if single {
		mask = codec.LayoutStereo
		if flags&FlagMono != 0 {
			mask = codec.LayoutMono
		}
	} else {
		if len(frame) < 16 {
			return
		}
		sub := frame[16:]
		if n := le.Uint32(frame[12:]); uint64(n) < uint64(len(sub)) {
			sub = sub[:n]
		}
		m, err := ParseMetadata(sub)
		if err != nil {
			return
		}
		if m.ChannelMask != 0 {
			if m.Channels != 0 && bits.OnesCount32(m.ChannelMask) != m.Channels {
				return
			}
			mask = uint64(m.ChannelMask)
		}
	}
	st.SampleFmt, st.BitsPerRawSample = fmtName, raw
	if mask != 0 {
		st.Channels, st.ChannelLayout = codec.LayoutChannels(mask), codec.LayoutName(mask)
	}
}
