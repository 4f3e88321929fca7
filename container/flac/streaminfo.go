package flac

import (
	"bytes"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mewkiz/flac/meta"
)

// layouts are the channel layouts FLAC defines for 1 to 8 channels
// (RFC 9639 9.1.3), named as FFmpeg's flac_channel_layouts (libavcodec/flac.c).
var layouts = [...]string{"mono", "stereo", "3.0", "quad", "5.0(side)", "5.1(side)", "6.1", "7.1"}

// streamInfoBlock reads STREAMINFO (RFC 9639 8.2). flacdec.c takes the
// sample rate and count from it for the time base and duration; the
// decoder, opened by avformat_find_stream_info with the block as extradata,
// takes the channels and bit depth.
func (r *reader) streamInfoBlock(off, size int64) error {
	if r.streamInfo {
		return container.Errorf(name, "streaminfo", off, container.ErrMalformed, "a second STREAMINFO")
	}
	if size != streamInfoSize {
		return container.Errorf(name, "streaminfo", off, container.ErrMalformed, "%d bytes, not %d", size, streamInfoSize)
	}
	b, err := container.ReadAt(r.src, off, size, name, "streaminfo")
	if err != nil {
		return err
	}
	r.streamInfo = true
	st := r.st
	st.ExtradataSize = streamInfoSize
	// flacdec.c reads these two fields raw: rate (20 bits at byte 10) and
	// total samples (36 bits after the 8 bits of channels and depth).
	rate := int64(b[10])<<12 | int64(b[11])<<4 | int64(b[12])>>4
	samples := int64(b[13]&0x0F)<<32 | int64(b[14])<<24 | int64(b[15])<<16 | int64(b[16])<<8 | int64(b[17])
	st.StartPTS = 0
	if rate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: rate}
		if samples > 0 {
			st.DurationTS = samples
		}
	}

	// The decoder's view, through mewkiz/flac, which wants the block header
	// in front of the body. It refuses what FFmpeg's decoder refuses (block
	// sizes under 16) and a zero sample rate; then the decoder's fields stay
	// unknown, as ffprobe leaves them when the decoder fails to open.
	hdr := []byte{0x80, 0, 0, streamInfoSize} // last block, type 0, length 34
	blk, err := meta.Parse(io.MultiReader(bytes.NewReader(hdr), bytes.NewReader(b)))
	if err != nil {
		return nil
	}
	si, ok := blk.Body.(*meta.StreamInfo)
	if !ok || si.BitsPerSample < 4 {
		return nil
	}
	st.SampleRate = int(si.SampleRate)
	st.Channels = int(si.NChannels)
	if st.Channels >= 1 && st.Channels <= len(layouts) {
		st.ChannelLayout = layouts[st.Channels-1]
	}
	st.BitsPerRawSample = int(si.BitsPerSample)
	// flac_set_bps (libavcodec/flacdec.c): packed 16-bit up to 16 bits.
	if si.BitsPerSample <= 16 {
		st.SampleFmt = "s16"
	} else {
		st.SampleFmt = "s32"
	}
	return nil
}
