package amr

import (
	codecamr "github.com/mediaprobe/mediaprobe/codec/amr"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The generic raw demuxer (ff_raw_read_partial_packet) hands the parser
// packets of raw_packet_size bytes (1024) from the data offset on, and
// avformat_find_stream_info reads until the parser has given 50 frames
// (max_ts_probe: the stream never gets a first timestamp).
const (
	rawPacketSize = 1024
	framesNeeded  = 50
)

// headSize bounds what bitRate reads: 50 frames of the largest type
// (61 bytes) end within the first three packets, and a frame that ends
// exactly on a packet's end is only given out at the start of the next.
const headSize = 4 * rawPacketSize

// bitRate returns the bit rate FFmpeg 5.1's AMR parser leaves on the
// stream after avformat_find_stream_info (amr_parse): over every packet
// read, the average size of the frames it counted, truncated to whole
// bytes, times 8 bits and 50 frames a second. Its counting has two quirks
// the result depends on, reproduced here: a frame that ends exactly at the
// end of a packet is held back and counted with a size of 0 when the next
// packet comes (never, at the end of the file), and a frame cut by the end
// of a packet counts only the bytes the next packet holds. 0 means the
// parser counted no frame: ffprobe then prints no bit rate and no
// duration.
func bitRate(src container.Source, off int64, c codecamr.Codec, name string) (int64, error) {
	data, err := demuxkit.ReadUpTo(src, off, headSize, name, "frames")
	if err != nil || len(data) == 0 {
		return 0, err
	}
	var p parser
	frames := 0
	for len(data) > 0 && frames < framesNeeded {
		pkt := data[:min(len(data), rawPacketSize)]
		data = data[len(pkt):]
		frames += p.parsePacket(pkt, c)
	}
	return p.bitRate(), nil
}

// parser is the state of amr_parse for a mono stream.
type parser struct {
	remaining  int // bytes of the current frame still to come; -1 at a frame's start
	cumulated  uint64
	blockCount uint64
	started    bool
}

// parsePacket runs the parser over one packet as parse_packet does, every
// byte of it, and returns the frames it gave out.
func (p *parser) parsePacket(pkt []byte, c codecamr.Codec) (frames int) {
	if !p.started {
		p.remaining, p.started = -1, true
	}
	for pos := 0; pos < len(pkt); {
		left := len(pkt) - pos
		next := p.remaining
		if next < 0 {
			next = c.FrameSize(pkt[pos])
		}
		if next >= left {
			// END_NOT_FOUND: the parser keeps the bytes and asks for more.
			p.remaining = next - left
			return frames
		}
		p.remaining = -1
		p.cumulated += uint64(next)
		p.blockCount++
		frames++
		// A next of 0 gives out the held frame and consumes nothing.
		pos += next
	}
	return frames
}

// bitRate is the rate the parser set last, 0 if it counted nothing.
func (p *parser) bitRate() int64 {
	if p.blockCount == 0 {
		return 0
	}
	return int64(p.cumulated/p.blockCount) * 8 * codecamr.FramesPerSecond
}
