package gsm

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// Demuxer returns the demuxer that reads raw GSM.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "gsm",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "gsm"
	longName = "raw GSM"

	// The GSM 06.10 full-rate frame (gsmdec.c GSM_BLOCK_SIZE and friends).
	blockSize    = 33
	blockSamples = 160
	sampleRate   = 8000
)

// probe scores as gsmdec.c gsm_probe: the first byte of every complete
// 33-byte frame in head is looked at, and when frames with the 0xD
// signature outnumber the others 32 to 1 the score is one above what an
// extension is worth, so that an ".mp3" of GSM frames is still GSM.
func probe(head []byte) int {
	valid, invalid := 0, 0
	for i := 0; i+blockSize <= len(head); i += blockSize {
		if head[i]&0xf0 == 0xd0 {
			valid++
		} else {
			invalid++
		}
	}
	if valid>>5 > invalid {
		return 51 // AVPROBE_SCORE_EXTENSION + 1
	}
	return 0
}

// read describes the one stream as gsm_read_header does. Nothing is read
// from src: raw GSM has no header.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "gsm"
	st.SampleRate = sampleRate
	st.Channels = 1
	st.ChannelLayout = codec.LayoutName(codec.LayoutMono)
	st.BitRate = blockSize * 8 * sampleRate / blockSamples
	// avpriv_set_pts_info(st, 64, 160, 8000): one tick per frame.
	st.TimeBase = container.Rational{Num: 1, Den: sampleRate / blockSamples}
	codec.FillDecoded(st)
	// gsm_read_packet stamps each frame with its position over 33 (after
	// a leading ID3v2 tag too), so the first complete frame gives the
	// stream its start; the duration is left to the bit-rate estimate, as
	// FFmpeg leaves it.
	if src.Size()-start >= blockSize {
		st.StartPTS = start / blockSize
	}
	info.Format.DataOffset = start
	return info, nil
}
