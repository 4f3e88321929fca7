package amr

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/codec"
	codecamr "github.com/mediaprobe/mediaprobe/codec/amr"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Storage returns the demuxer of the AMR storage format (FFmpeg's "amr").
func Storage() container.Demuxer {
	return container.Demuxer{
		Name:     "amr",
		LongName: "3GPP AMR",
		Probe:    probeStorage,
		Read:     readStorage,
	}
}

// NB returns the demuxer of headerless AMR-NB streams (FFmpeg's "amrnb").
func NB() container.Demuxer {
	return container.Demuxer{
		Name:     "amrnb",
		LongName: "raw AMR-NB",
		Probe:    func(b []byte) int { return probeRaw(b, codecamr.NB) },
		Read: func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
			return readRaw(src, start, "amrnb", "raw AMR-NB", codecamr.NB)
		},
	}
}

// WB returns the demuxer of headerless AMR-WB streams (FFmpeg's "amrwb").
func WB() container.Demuxer {
	return container.Demuxer{
		Name:     "amrwb",
		LongName: "raw AMR-WB",
		Probe:    func(b []byte) int { return probeRaw(b, codecamr.WB) },
		Read: func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
			return readRaw(src, start, "amrwb", "raw AMR-WB", codecamr.WB)
		},
	}
}

// The magic numbers of the storage format (RFC 4867 5.1, 5.3).
var (
	magicNB   = []byte("#!AMR\n")
	magicWB   = []byte("#!AMR-WB\n")
	magicNBMC = []byte("#!AMR_MC1.0\n")
	magicWBMC = []byte("#!AMR-WB_MC1.0\n")
)

// FFmpeg's probe scores (libavformat/avformat.h).
const (
	scoreMax       = 100 // AVPROBE_SCORE_MAX
	scoreExtension = 50  // AVPROBE_SCORE_EXTENSION
)

// probeStorage scores the head as amr_probe does: the first five bytes of
// either magic, which the multichannel magics share too.
func probeStorage(b []byte) int {
	if len(b) >= 5 && string(b[:5]) == "#!AMR" {
		return scoreMax
	}
	return 0
}

// probeRaw scores the head as amrnb_probe and amrwb_probe do. A byte whose
// frame type is a speech or SID type and whose quality bit is set opens a
// frame, valid unless all its bytes repeat the header byte; such a frame
// is skipped whole. Any other byte is invalid and restarts the count of
// valid frames. More than 100 valid frames since the last invalid byte,
// and more than 16 per invalid byte, score 26: enough to win over 25
// ("read more"), little enough to lose to any format's real evidence.
func probeRaw(b []byte, c codecamr.Codec) int {
	valid, invalid := 0, 0
	// at reads the probe buffer and, past it, the zero padding FFmpeg's
	// probe buffers have (AVPROBE_PADDING_SIZE), as the C loop does.
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	for i := 0; i < len(b); {
		h := b[i]
		if codecamr.FrameType(h) >= c.SpeechTypes() || !codecamr.Quality(h) {
			valid = 0
			invalid++
			i++
			continue
		}
		// Compare the frame's other bytes with its header: the first
		// byte that differs ends the comparison and makes the frame
		// valid, unless it is the frame's last byte; a frame of repeated
		// bytes is passed over without counting.
		size := c.FrameSize(h)
		left := size
		for left > 0 {
			left--
			i++
			if at(i) != h {
				break
			}
		}
		if left > 0 {
			valid++
			i += left
		}
	}
	if valid > 100 && valid>>4 > invalid {
		return scoreExtension/2 + 1
	}
	return 0
}

// readStorage mirrors amr_read_header: the magic chooses the codec and the
// codec tag ("samr", "sawb"); the frames start after it.
func readStorage(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	const name = "amr"
	var hdr [len("#!AMR-WB_MC1.0\n")]byte
	n := min(int64(len(hdr)), src.Size()-start)
	if n < int64(len(magicNB)) {
		return nil, demuxkit.Errorf(name, "magic", start, container.ErrTruncated, "%d bytes", max(n, 0))
	}
	if err := demuxkit.ReadFull(src, hdr[:n], start, name, "magic"); err != nil {
		return nil, err
	}
	var c codecamr.Codec
	var magic []byte
	var tag string
	switch h := hdr[:n]; {
	case bytes.HasPrefix(h, magicNB):
		c, magic, tag = codecamr.NB, magicNB, "samr"
	case bytes.HasPrefix(h, magicWB):
		c, magic, tag = codecamr.WB, magicWB, "sawb"
	case bytes.HasPrefix(h, magicNBMC), bytes.HasPrefix(h, magicWBMC):
		return nil, demuxkit.Errorf(name, "magic", start, container.ErrUnsupported, "multichannel AMR")
	default:
		return nil, demuxkit.Errorf(name, "magic", start, container.ErrMalformed, "no AMR magic")
	}
	info, st, err := newInfo(src, name, "3GPP AMR", c)
	if err != nil {
		return nil, err
	}
	st.CodecTag = uint32(tag[0]) | uint32(tag[1])<<8 | uint32(tag[2])<<16 | uint32(tag[3])<<24
	info.Format.DataOffset = start + int64(len(magic))
	st.BitRate, err = bitRate(src, info.Format.DataOffset, c, name)
	return info, err
}

// readRaw mirrors amrnb_read_header and amrwb_read_header: frames from the
// first byte.
func readRaw(src container.Source, start int64, name, longName string, c codecamr.Codec) (*container.Info, error) {
	info, st, err := newInfo(src, name, longName, c)
	if err != nil {
		return nil, err
	}
	info.Format.DataOffset = start
	st.BitRate, err = bitRate(src, start, c, name)
	return info, err
}

// newInfo makes the one mono stream every AMR demuxer declares, in a time
// base of one sample; the decoder's sample format is known once it is
// opened, before any frame. (FFmpeg 5.1's storage-format reader takes
// the channel count from the multichannel magics only.)
func newInfo(src container.Source, name, longName string, c codecamr.Codec) (*container.Info, *container.Stream, error) {
	info := container.NewInfo(name, longName)
	info.Format.Size = src.Size()
	st, err := src.Budget().AddStream(info, container.Audio, name, 0)
	if err != nil {
		return nil, nil, err
	}
	st.CodecName = c.CodecName()
	st.SampleRate = c.SampleRate()
	st.Channels = 1
	st.ChannelLayout = codec.LayoutName(codec.LayoutMono) // the demuxer's AV_CHANNEL_LAYOUT_MONO
	st.SampleFmt = codec.SampleFormat(st.CodecName, 1)
	st.TimeBase = container.Rational{Num: 1, Den: int64(c.SampleRate())}
	return info, st, nil
}
