package adts

import (
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// maxProbeFrames is FFmpeg's max_ts_probe default: raw ADTS packets carry
// no timestamps, so avformat_find_stream_info keeps reading until a stream
// has seen this many frames (demux.c, the first_dts check).
const maxProbeFrames = 50

// maxAnalyzeMicros is the default max_analyze_duration (5 s):
// avformat_find_stream_info stops once the durations of the packets it has
// counted reach it, which happens before 50 frames at 8000 and 7350 Hz.
const maxAnalyzeMicros = 5000000

// averageBitRate is the bit rate ffprobe prints for an ADTS stream. The
// aac parser (libavcodec/aac_ac3_parser.c ff_aac_ac3_parse) computes each
// frame's rate from its length (adts_header.c: length*8*rate/samples) and
// keeps a running integer average, avg += (rate-avg)/n, over the packets
// avformat_find_stream_info reads. It reads only the 7-byte headers,
// hopping by the frame length.
//
// The 50-frame rule ends the analysis only when every stream has its
// parameters; an attached picture that does not decode keeps it reading
// until the duration limit or the end (allFrames). The ID3v2 tags met
// between frames on the way are returned: adts_aac_read_packet merges them
// into the format tags (handle_id3).
func averageBitRate(src container.Source, off, size int64, allFrames bool) (avg int64, id3At []int64) {
	var hb [aac.ADTSHeaderSize]byte
	// Junk skipped between frames, over the whole scan, is held to the
	// budget of one initial resync, so that a large object of frames far
	// apart costs no more than a small one.
	junk := int64(resyncLimit)
	for n := int64(1); allFrames || n <= maxProbeFrames; n++ {
		h, next, ok := nextFrame(src, &hb, off, size, &id3At, &junk)
		if !ok {
			break
		}
		off = next
		// C division truncates toward zero, as Go's does.
		avg += (h.BitRate() - avg) / n
		// find_stream_info counts packet durations from the third packet
		// on and stops after the packet at which the total reaches the
		// limit (each packet lasts 1024 samples; the first decode fixes
		// the frame size).
		if n >= 3 && durationMicros(n-3, h.SampleRate()) >= maxAnalyzeMicros {
			break
		}
	}
	return avg, id3At
}

// durationMicros is frames*1024 samples at rate, rescaled to microseconds
// with rounding to nearest as av_rescale_q does.
func durationMicros(frames int64, rate int) int64 {
	if rate <= 0 {
		return 0
	}
	num := frames * 1024 * 1000000
	return (num + int64(rate)/2) / int64(rate)
}

// nextFrame reads the frame header at off, skipping ID3v2 tags and junk
// between frames as adts_aac_read_packet does (handle_id3,
// adts_aac_resync). It reports false at
// the end of the stream, on a header the parser would not accept, for
// a final frame cut short (the parser never completes it, so it never
// counts), and when the budget ends (the probe reports that).
func nextFrame(src container.Source, hb *[aac.ADTSHeaderSize]byte, off, size int64, id3At *[]int64, junk *int64) (aac.ADTSHeader, int64, bool) {
	for skips := 0; ; skips++ {
		if size-off < aac.ADTSHeaderSize || skips > maxProbeFrames {
			return aac.ADTSHeader{}, 0, false
		}
		if err := src.Budget().Visit(name, "frame", off); err != nil {
			return aac.ADTSHeader{}, 0, false
		}
		if err := demuxkit.ReadFull(src, hb[:], off, name, "frame header"); err != nil {
			return aac.ADTSHeader{}, 0, false
		}
		if hb[0] != 0xFF || hb[1]&0xF0 != 0xF0 {
			// adts_aac_read_packet reads 3 more bytes: an ID3v2 tag is
			// parsed and skipped, anything else is skipped by a resync
			// that starts after those 10 bytes.
			var tb [10]byte
			if err := demuxkit.ReadFull(src, tb[:], off, name, "id3v2"); err != nil {
				return aac.ADTSHeader{}, 0, false
			}
			if n := id3v2Len(tb); n >= 0 {
				if n > size-off {
					return aac.ADTSHeader{}, 0, false
				}
				*id3At = append(*id3At, off)
				off += n
				continue
			}
			if *junk <= 0 {
				return aac.ADTSHeader{}, 0, false
			}
			next, err := resync(src, off+int64(len(tb)), min(size, off+int64(len(tb))+*junk))
			if err != nil {
				return aac.ADTSHeader{}, 0, false
			}
			*junk -= next - off
			off = next
			continue
		}
		h, err := aac.ParseADTSHeader(hb[:])
		if err != nil || int64(h.FrameLength) > size-off {
			return aac.ADTSHeader{}, 0, false
		}
		return h, off + int64(h.FrameLength), true
	}
}

// id3v2Len returns the total length of the ID3v2 tag whose 10-byte header
// is b (ff_id3v2_match, ff_id3v2_tag_len: header, syncsafe size, footer
// when flagged), or -1 when b is not an ID3v2 header.
func id3v2Len(b [10]byte) int64 {
	if b[0] != 'I' || b[1] != 'D' || b[2] != '3' || b[3] == 0xFF || b[4] == 0xFF || b[6]|b[7]|b[8]|b[9] >= 0x80 {
		return -1
	}
	n := int64(b[6])<<21 | int64(b[7])<<14 | int64(b[8])<<7 | int64(b[9])
	n += 10
	if b[5]&0x10 != 0 {
		n += 10
	}
	return n
}
