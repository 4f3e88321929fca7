package riff

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	wavcodec "github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// readFmt reads a format chunk body of size bytes at off and parses it as
// ff_get_wav_header does. Only the bytes the parse can look at are read.
func readFmt(src container.Source, off, size int64, bigEndian bool, format string) (*wavcodec.Header, error) {
	if size < 0 {
		return nil, demuxkit.Errorf(format, "fmt", off, container.ErrMalformed, "format chunk of %d bytes", size)
	}
	b, err := readUpTo(src, off, min(size, wavcodec.MaxHeaderLen), format, "fmt")
	if err != nil {
		return nil, err
	}
	return wavcodec.ParseHeader(b, size, bigEndian, off)
}

// setAudio fills st from the WAVEFORMATEX (wav.Header.Fill), with the
// time base avpriv_set_pts_info gives it: one tick per sample.
func setAudio(st *container.Stream, h *wavcodec.Header) {
	h.Fill(st)
	if h.SampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(h.SampleRate)}
	}
}

// decodeMPEGAudio applies what the MPEG audio parser and decoder learn from
// the first frame at off, when off holds a valid frame header: the frame's
// channels, layout and rate replace the WAVEFORMATEX values, as
// avformat_find_stream_info copies them back from the decoder. The bit rate
// stays the header's; only when that is 0 does the parser set one, the
// average over the frames it parsed, which the first frame's approximates
// (exact for CBR). Four bytes of the data are read.
func decodeMPEGAudio(src container.Source, st *container.Stream, off int64) {
	var b [4]byte
	if off < 0 || off > src.Size()-4 {
		return
	}
	if n, _ := src.ReadAt(b[:], off); n < 4 {
		return
	}
	h, err := mpegaudio.DecodeBytes(b[:])
	if err != nil {
		return
	}
	st.Channels = h.Channels
	st.ChannelLayout = codec.LayoutName(codec.DecoderLayout(st.CodecName, h.Channels))
	st.SampleRate = h.SampleRate
	if st.BitRate == 0 {
		st.BitRate = int64(h.BitRate)
	}
	st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
}
