// Package wma holds what FFmpeg's Windows Media Audio decoders learn from
// their extradata when they are opened: the sample format and channel
// layout ffprobe prints for wmapro, wmalossless and wmavoice streams (the
// WAVEFORMATEX itself is read by codec/wav).
package wma

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// Describe sets on st what the decoder of st.CodecName sets from the
// extradata of its WAVEFORMATEX: for wmapro (decode_init) and wmalossless
// the channel mask at byte 2 of at least 18 bytes becomes the layout, and
// for wmalossless the bit depth at byte 0 chooses s16p or s32p (with 24
// raw bits); wmavoice is mono. Other codecs are left alone.
func Describe(st *container.Stream, extradata []byte) {
	switch st.CodecName {
	case "wmavoice":
		st.Channels, st.ChannelLayout = 1, codec.LayoutName(codec.LayoutMono)
	case "wmapro", "wmalossless":
		if len(extradata) < 18 {
			return
		}
		if st.CodecName == "wmalossless" {
			switch binary.LittleEndian.Uint16(extradata) {
			case 16:
				st.SampleFmt = "s16p"
			case 24:
				st.SampleFmt = "s32p"
				st.BitsPerRawSample = 24
			}
		}
		if mask := uint64(binary.LittleEndian.Uint32(extradata[2:])); mask != 0 {
			// av_channel_layout_from_mask: the mask's channels replace the
			// header's count.
			st.Channels, st.ChannelLayout = codec.LayoutChannels(mask), codec.LayoutName(mask)
		}
	}
}
