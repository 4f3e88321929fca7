package flac

import (
	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// streamInfoBlock reads STREAMINFO (RFC 9639 8.2). flacdec.c takes the
// sample rate and count from it for the time base and duration; the
// decoder, opened by avformat_find_stream_info with the block as extradata,
// takes the channels and bit depth. Where the decoder refuses the block its
// fields stay unknown, as ffprobe leaves them when the decoder fails to open.
func (r *reader) streamInfoBlock(off, size int64) error {
	if r.streamInfo {
		return demuxkit.Errorf(name, "streaminfo", off, container.ErrMalformed, "a second STREAMINFO")
	}
	if size != flaccodec.StreamInfoSize {
		return demuxkit.Errorf(name, "streaminfo", off, container.ErrMalformed, "%d bytes, not %d", size, flaccodec.StreamInfoSize)
	}
	b, err := demuxkit.ReadAt(r.src, off, size, name, "streaminfo")
	if err != nil {
		return err
	}
	si, err := flaccodec.ParseStreamInfo(b)
	if err != nil {
		return err
	}
	r.streamInfo = true
	r.si = si
	st := r.st
	st.ExtradataSize = flaccodec.StreamInfoSize
	st.StartPTS = 0
	if si.SampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(si.SampleRate)}
		if si.TotalSamples > 0 {
			st.DurationTS = int64(si.TotalSamples)
		}
	}
	_ = si.Describe(st) // a refused block is no error of the demuxer
	return nil
}
