package codec

import (
	"encoding/binary"
	"errors"
)

// BitmapInfoHeader is Microsoft's BITMAPINFOHEADER, the video format record
// of AVI's strf chunk, ASF's video stream properties and Matroska's
// V_MS/VFW/FOURCC CodecPrivate (read by FFmpeg's ff_get_bmp_header).
type BitmapInfoHeader struct {
	Size        uint32 // biSize: the record's own length, extradata included in some muxers
	Width       int32
	Height      int32 // negative for a top-down bitmap
	Planes      uint16
	BitCount    uint16 // bits_per_coded_sample
	Compression uint32 // the fourcc codec tag, little-endian (see BMPCodec)
	SizeImage   uint32
	// Extradata is what follows the 40-byte record in b: the codec's
	// private data (an AVC/HEVC configuration, an MPEG-4 VOL, a palette).
	// It aliases b.
	Extradata []byte
}

// BitmapInfoHeaderSize is the length of the fixed record.
const BitmapInfoHeaderSize = 40

// ErrShortBitmapInfoHeader reports a record shorter than its 40 bytes.
var ErrShortBitmapInfoHeader = errors.New("BITMAPINFOHEADER shorter than 40 bytes")

// ParseBitmapInfoHeader reads the record at the start of b; everything after
// its 40 bytes is the extradata, as FFmpeg takes it (the container's chunk or
// element length bounds b, not biSize).
func ParseBitmapInfoHeader(b []byte) (BitmapInfoHeader, error) {
	if len(b) < BitmapInfoHeaderSize {
		return BitmapInfoHeader{}, ErrShortBitmapInfoHeader
	}
	le := binary.LittleEndian
	return BitmapInfoHeader{
		Size:        le.Uint32(b[0:]),
		Width:       int32(le.Uint32(b[4:])),
		Height:      int32(le.Uint32(b[8:])),
		Planes:      le.Uint16(b[12:]),
		BitCount:    le.Uint16(b[14:]),
		Compression: le.Uint32(b[16:]),
		SizeImage:   le.Uint32(b[20:]),
		Extradata:   b[BitmapInfoHeaderSize:],
	}, nil
}
