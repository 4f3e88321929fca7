package mp3

import (
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

const (
	// packetSize is what mp3_read_packet returns per packet (MP3_PACKET_SIZE).
	packetSize = 1024
	// maxTSProbe is avformat_find_stream_info's max_ts_probe: with no
	// timestamps in the stream it reads this many frames before it stops.
	maxTSProbe = 50
	// maxParseBytes bounds the emulation when no frames are found; ffmpeg
	// would go on through its 5 MB probe size.
	maxParseBytes = 1 << 20
)

// parseResult is what the mpegaudio parser leaves in the codec context.
type parseResult struct {
	found      bool
	codec      string
	sampleRate int
	channels   int
	bitRate    int64
}

// parseFirstFrames replays what avformat_find_stream_info does with an mp3
// stream: it reads 1 KiB packets from the data offset and hands them to
// the mpegaudio parser (libavcodec/mpegaudio_parser.c) until the parser has
// returned maxTSProbe frames, finishing the packet in hand. Each header the
// parser accepts sets the sample rate, channels and codec; unless the
// demuxer set a bit rate (from a Xing header), the bit rate is the running
// average of the headers' bit rates in integer arithmetic, which is why
// ffprobe prints 71122 for a VBR file without a Xing header. The parser
// counts a header only after one (two, when the layer differs from the
// demuxer's initial mp3) consistent predecessor, and restarts the count at
// junk and at a change of version, layer or sample rate.
func parseFirstFrames(src container.Source, pos int64, demuxBitRate int64) (parseResult, error) {
	r := parseResult{codec: "mp3", bitRate: demuxBitRate}
	noBitRate := false
	var (
		state, header uint32
		headerCount   int
		frameLeft     int
		frames        int
	)
	size := src.Size()
	limit := min(size, pos+maxParseBytes)
	if pos < 0 || pos >= limit {
		return r, nil
	}
	buf := make([]byte, packetSize)
	for off := pos; off < limit && frames < maxTSProbe; off += packetSize {
		n := int(min(packetSize, size-off))
		if err := demuxkit.ReadFull(src, buf[:n], off, format, "frame"); err != nil {
			return r, err
		}
		b := buf[:n]
		callStart := 0 // each parser call starts its own count of searched bytes
		for i := 0; i < len(b); {
			if frameLeft > 0 {
				inc := min(len(b)-i, frameLeft)
				i += inc
				frameLeft -= inc
				state = 0
				if frameLeft == 0 {
					frames++
					callStart = i
				}
				continue
			}
			for i < len(b) {
				state = state<<8 | uint32(b[i])
				i++
				h, err := mpegaudio.Decode(state)
				if err != nil || h.FrameSize < 4 {
					if i-callStart > 4 {
						headerCount = -2
					}
					continue
				}
				threshold := 0
				if r.codec != h.CodecName() {
					threshold = 1
				}
				if header != 0 && !mpegaudio.SameStream(state, header) {
					headerCount = -3
				}
				header = state
				headerCount++
				frameLeft = h.FrameSize - 4
				if headerCount > threshold {
					r.found = true
					r.sampleRate = h.SampleRate
					r.channels = h.Channels
					r.codec = h.CodecName()
					if noBitRate || r.bitRate == 0 {
						noBitRate = true
						// Go's division truncates toward zero, as C's does.
						r.bitRate += (int64(h.BitRate) - r.bitRate) / int64(headerCount-threshold)
					}
				}
				if frameLeft == 0 {
					frames++
					callStart = i
				}
				break
			}
		}
	}
	return r, nil
}

// countSamples counts the samples of the frames from pos to the end of the
// stream, for Options.AccurateDuration: it follows the chain of frame
// headers and resynchronises on two consecutive frames after junk. The
// source's read budget bounds the cost.
func countSamples(src container.Source, pos int64) (int64, int, error) {
	size := src.Size()
	var samples int64
	sr := 0
	var first uint32
	start := pos
	for pos <= size-4 {
		// The read budget bounds the frames; the context may end first.
		if err := src.Budget().Err(); err != nil {
			return samples, sr, err
		}
		h, ok := frameAt(src, pos)
		if ok && (first == 0 || mpegaudio.SameStream(h.Raw, first)) && int64(h.FrameSize) <= size-pos {
			if first == 0 {
				first, sr = h.Raw, h.SampleRate
			}
			samples += int64(h.SamplesPerFrame())
			pos += int64(h.FrameSize)
			continue
		}
		if first == 0 {
			if pos-start >= junkScan {
				break
			}
			pos++
			continue
		}
		// Junk or a tag: look for the next frame that is followed by one.
		next := int64(-1)
		for p := pos + 1; p <= size-4 && p < pos+junkScan; p++ {
			h, ok := frameAt(src, p)
			if !ok || !mpegaudio.SameStream(h.Raw, first) || int64(h.FrameSize) > size-p {
				continue
			}
			if h2, ok := frameAt(src, p+int64(h.FrameSize)); ok && mpegaudio.SameStream(h2.Raw, first) {
				next = p
				break
			}
		}
		if next < 0 {
			break
		}
		pos = next
	}
	return samples, sr, nil
}
