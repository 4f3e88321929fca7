package rawvideo

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// minAveragePackets is how many packets avformat_find_stream_info needs
// for an average frame rate: it sums the durations of the packets after
// the second (codec_info_duration), and with none it leaves
// avg_frame_rate at 0/0.
const minAveragePackets = 3

// fewPictures reports whether a whole stream holds fewer than
// minAveragePackets pictures, each a packet of FFmpeg's parser: H.264 and
// HEVC slices that start a picture (first_mb_in_slice 0,
// first_slice_segment_in_pic_flag), MPEG-1/2 picture start codes, AV1
// temporal units. ok is false for a codec it does not count or an AV1
// stream it cannot walk.
func fewPictures(codec string, data []byte) (few, ok bool) {
	n := 0
	switch codec {
	case "h264", "hevc":
		for len(data) > 0 && n < minAveragePackets {
			nal, rest, found := bits.NextNALUnit(data)
			if !found {
				break
			}
			data = rest
			if len(nal) < 2 {
				continue
			}
			if codec == "h264" {
				if t := nal[0] & 0x1F; (t == 1 || t == 5) && nal[1]&0x80 != 0 {
					n++
				}
			} else if len(nal) > 2 && nal[0]>>1&0x3F < 32 && nal[2]&0x80 != 0 {
				n++
			}
		}
	case "mpeg1video":
		n = min(bytes.Count(data, []byte{0, 0, 1, 0}), minAveragePackets)
	case "av1":
		for len(data) > 0 && n < minAveragePackets {
			h := data[0]
			hdr := 1
			if h&4 != 0 {
				hdr++ // obu_extension_header
			}
			if h&2 == 0 || len(data) < hdr {
				return false, false // no obu_size: not walked here
			}
			size, m := leb128(data[hdr:])
			if m == 0 || size > uint64(len(data)-hdr-m) {
				return false, false
			}
			if h>>3&0xF == 2 { // OBU_TEMPORAL_DELIMITER
				n++
			}
			data = data[hdr+m+int(size):]
		}
	default:
		return false, false
	}
	return n < minAveragePackets, true
}

// leb128 reads an unsigned LEB128 number of at most 8 bytes and returns
// it and its length, 0 when it is cut short.
func leb128(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 8 && i < len(b); i++ {
		v |= uint64(b[i]&0x7F) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
