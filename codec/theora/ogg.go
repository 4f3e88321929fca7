package theora

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// version34 is the version from which oggparsetheora.c skips 100 bits
// after the frame size, a layout no released Theora has.
const version34 = 0x030400

// DemuxHeader is what FFmpeg's Ogg demuxer takes from the identification
// header (libavformat/oggparsetheora.c theora_header), which is not always
// what the decoder reads from it:
//
//   - it reads Theora 3.4 and later with 100 bits skipped after FMBH;
//   - it takes the picture size only when it is within 16 pixels below the
//     frame size, and the frame size otherwise;
//   - it reads the granule shift and, here, the pixel format from the bits
//     after the 38 of CS, NOMBR and QUAL for Theora 3.2 and later, and from
//     right after PARD before.
type DemuxHeader struct {
	Version       uint32
	Width, Height int // the picture size, or the frame size
	// CodedWidth and CodedHeight are the frame size, 0 when the packet
	// ends before the field.
	CodedWidth, CodedHeight int
	// TimeBase is FRD/FRN, or 1/25 when either is 0 or at least 2^31
	// ("assuming 25 FPS").
	TimeBase container.Rational
	// SampleAspectRatio is PARN:PARD as read, not reduced.
	SampleAspectRatio container.Rational
	GranuleShift      uint   // KFGSHIFT
	PixFmt            string // PixFmt of the two bits after KFGSHIFT
}

// ParseDemuxHeader reads an identification header packet as
// theora_header does: without a length check, the fields past the end of
// a short packet reading as zeros from FFmpeg's padded buffer, as they do
// from internal/bits. The error reports such a short packet (ErrTruncated)
// and may be ignored, as FFmpeg ignores it; the version check ("Too old or
// unsupported Theora") is the demuxer's.
func ParseDemuxHeader(b []byte) (DemuxHeader, error) {
	var h DemuxHeader
	r := bits.NewReader(b)
	r.Skip(7 * 8) // 0x80 "theora"
	h.Version = uint32(r.Bits(24))
	w := int(r.Bits(16)) << 4
	ht := int(r.Bits(16)) << 4
	if h.Version >= version34 {
		r.Skip(100)
	}
	if h.Version >= version32 {
		pw, ph := int(r.Bits(24)), int(r.Bits(24))
		if pw <= w && pw > w-16 && ph <= ht && ph > ht-16 {
			w, ht = pw, ph
		}
		r.Skip(16) // picture offsets
	}
	h.Width, h.Height = w, ht
	den := int64(r.U32())
	num := int64(r.U32())
	if int32(num) <= 0 || int32(den) <= 0 {
		num, den = 1, 25 // "assuming 25 FPS"
	}
	h.TimeBase = container.Rational{Num: num, Den: den}
	h.SampleAspectRatio = container.Rational{Num: int64(r.Bits(24)), Den: int64(r.Bits(24))}
	if h.Version >= version32 {
		r.Skip(38) // colour space, bit rate, quality
	}
	h.GranuleShift = uint(r.Bits(5))
	h.PixFmt = PixFmt(uint8(r.Bits(2)))
	h.CodedWidth, h.CodedHeight = be16(b, 10)<<4, be16(b, 12)<<4
	if r.Err() != nil {
		return h, demuxkit.Errorf("theora", "identification header", int64(len(b)), container.ErrTruncated, "%d bytes", len(b))
	}
	return h, nil
}

// be16 reads a 16-bit field at byte i, 0 when the packet ends first.
func be16(b []byte, i int) int {
	if i+2 > len(b) {
		return 0
	}
	return int(b[i])<<8 | int(b[i+1])
}
