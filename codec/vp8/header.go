package vp8

import (
	"encoding/binary"
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// startCode is a key frame's start code (RFC 6386 9.1): 9d 01 2a.
const startCode = "\x9d\x01\x2a"

// The sizes of the uncompressed data chunk at the start of a frame (RFC
// 6386 9.1): the frame tag, and for a key frame the start code and the
// dimensions after it.
const (
	TagSize         = 3
	KeyFrameHdrSize = 10
)

// FrameHeader is the uncompressed data chunk at the start of a VP8 frame
// (RFC 6386 9.1 and 19.1), with the RFC's field names. The dimensions are
// present in key frames only.
type FrameHeader struct {
	KeyFrame      bool // frame tag bit 0 clear
	Version       uint8
	ShowFrame     bool
	FirstPartSize uint32

	Width           uint16 // 14 bits
	HorizontalScale uint8  // 2 bits
	Height          uint16 // 14 bits
	VerticalScale   uint8  // 2 bits
}

func headerErr(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("vp8", "frame header", 0, kind, detail, args...)
}

// ParseFrameHeader parses the start of a VP8 frame: the 3-byte frame tag
// and, for a key frame, the start code and the dimensions. It returns nil
// and an error wrapping container.ErrTruncated for data under 3 bytes; for
// a key frame cut before its dimensions (container.ErrTruncated) or without
// the start code (container.ErrMalformed), the frame tag's fields with the
// error.
func ParseFrameHeader(b []byte) (*FrameHeader, error) {
	if len(b) < TagSize {
		return nil, headerErr(container.ErrTruncated, "%d bytes, no frame tag", len(b))
	}
	h := &FrameHeader{}
	tag := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
	h.KeyFrame = tag&1 == 0
	h.Version = uint8(tag >> 1 & 7)
	h.ShowFrame = tag>>4&1 != 0
	h.FirstPartSize = tag >> 5
	if !h.KeyFrame {
		return h, nil
	}
	if len(b) < KeyFrameHdrSize {
		return h, headerErr(container.ErrTruncated, "key frame of %d bytes", len(b))
	}
	if string(b[3:6]) != startCode {
		return h, headerErr(container.ErrMalformed, "start code %x", b[3:6])
	}
	w := binary.LittleEndian.Uint16(b[6:])
	v := binary.LittleEndian.Uint16(b[8:])
	h.Width, h.HorizontalScale = w&0x3FFF, uint8(w>>14)
	h.Height, h.VerticalScale = v&0x3FFF, uint8(v>>14)
	return h, nil
}

// FillStream sets the fields of st that ffprobe 5.1 prints for a VP8
// stream whose first packet starts with h. h may come with an error from
// ParseFrameHeader, as only its frame tag is used, and may be nil (a packet
// under 3 bytes, which the parser skips).
//
// avformat_find_stream_info does not decode VP8: the vp8 decoder's init
// gives the pixel format, and vp8_parser.c, run on the first packet, the
// rest. So:
//
//   - PixFmt is "yuv420p", for any stream;
//   - Profile is the frame tag's version as a number ("0" to "3"; FFmpeg
//     has no VP8 profile names) and FieldOrder "progressive", both set by
//     the parser only for versions up to 3;
//   - HasBFrames is 0 and Refs 1;
//   - Width and Height stay the container's (IVF's header, Matroska's
//     PixelWidth): the frame's dimensions are never decoded, and the
//     scale bits are ignored. CodedWidth and CodedHeight equal them.
//   - No colour range: the key frame's clamping_type is not exported.
func (h *FrameHeader) FillStream(st *container.Stream) {
	st.PixFmt = "yuv420p"
	st.HasBFrames = 0
	st.Refs = 1
	st.CodedWidth, st.CodedHeight = st.Width, st.Height
	if h == nil || h.Version > 3 {
		return
	}
	st.Profile = strconv.Itoa(int(h.Version))
	st.FieldOrder = "progressive"
}
