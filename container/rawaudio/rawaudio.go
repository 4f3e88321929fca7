package rawaudio

import (
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// AC3 returns the demuxer of raw AC-3 streams (FFmpeg's "ac3").
func AC3() container.Demuxer {
	return demuxer(format{name: "ac3", longName: "raw AC-3", extensions: "ac3", codec: "ac3", probe: probeAC3})
}

// EAC3 returns the demuxer of raw E-AC-3 streams (FFmpeg's "eac3").
func EAC3() container.Demuxer {
	return demuxer(format{name: "eac3", longName: "raw E-AC-3", extensions: "eac3", codec: "eac3", probe: probeEAC3})
}

// DTS returns the demuxer of raw DTS streams (FFmpeg's "dts").
func DTS() container.Demuxer {
	return demuxer(format{name: "dts", longName: "raw DTS", extensions: "dts", codec: "dts", probe: probeDTS})
}

// format is what differs between the raw audio formats.
type format struct {
	name, longName, extensions string
	codec                      string // the demuxer's raw_codec_id
	probe                      func([]byte) int
}

// headSize is how much of the stream is read for its first frames: a DTS
// frame with its extension substream is at most 16 KiB (FFmpeg's parser
// gives packets of up to DCA_MAX_FRAME_SIZE plus DCA_MAX_EXSS_HEADER_SIZE),
// an AC-3 frame 3840 bytes and an E-AC-3 frame 4096, dependent frames
// following it.
const headSize = 20 << 10

func demuxer(f format) container.Demuxer {
	return container.Demuxer{
		Name:       f.name,
		LongName:   f.longName,
		Extensions: f.extensions,
		Probe:      f.probe,
		Read: func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
			return f.read(src, start)
		},
	}
}

// read mirrors ff_raw_audio_read_header, then what
// avformat_find_stream_info learns from the parser and the decoder on the
// first packets.
func (f format) read(src container.Source, start int64) (*container.Info, error) {
	info := container.NewInfo(f.name, f.longName)
	info.Format.Size = src.Size()
	info.Format.DataOffset = start
	st, err := src.Budget().AddStream(info, container.Audio, f.name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = f.codec
	st.StartPTS = 0
	head, err := demuxkit.ReadUpTo(src, start, headSize, f.name, "stream head")
	if err != nil || len(head) == 0 {
		return info, err
	}
	if _, ok := es.DescribeAudio(st, head); !ok {
		return info, demuxkit.Errorf(f.name, "stream head", start, container.ErrMalformed, "no frame the decoder reads")
	}
	if st.CodecName == "ac3" || st.CodecName == "eac3" {
		serviceDisposition(st, head)
	}
	return info, nil
}

// serviceDisposition gives the stream the disposition of the audio
// service its first frame declares, as avformat_find_stream_info derives
// it from the service type the AC-3 parser reports (ac3_sync).
func serviceDisposition(st *container.Stream, head []byte) {
	for i := 0; i+1 < len(head); i++ {
		if head[i] != 0x0B || head[i+1] != 0x77 {
			continue
		}
		f, err := ac3.ParseSyncFrame(head[i:])
		if err != nil {
			continue
		}
		if d, ok := f.ParserServiceType().Disposition(); ok {
			st.Disposition |= d
		}
		return
	}
}
