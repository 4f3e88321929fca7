package prores

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// MinFrameSize is the shortest frame FFmpeg's decoder looks at
// (decode_frame refuses fewer bytes): the 8 bytes of frame_size and
// frame_identifier and the 20 bytes of frame header fields before the
// quantization matrices.
const MinFrameSize = 28

// The values of chroma_format (RDD 36 table 6).
const (
	Chroma422 = 2
	Chroma444 = 3
)

// The values of interlace_mode (RDD 36 table 7).
const (
	Progressive      = 0
	TopFieldFirst    = 1
	BottomFieldFirst = 2
)

// FrameHeader is the start of a ProRes frame: frame() and frame_header() of
// RDD 36 section 5.1 and 5.2, up to the quantization matrix flags. Fields
// take the specification's syntax element names.
type FrameHeader struct {
	FrameSize       uint32 // frame_size: the frame's length in bytes as it says
	FrameHeaderSize uint16 // frame_header_size, in bytes
	// BitstreamVersion is 0 or 1. FFmpeg reads it as 16 bits together
	// with the reserved byte before it, so a non-zero reserved byte reads
	// as an unsupported version, as here.
	BitstreamVersion       uint16
	EncoderIdentifier      [4]byte // "apl0", "Lavc", ...
	HorizontalSize         uint16  // in luma samples
	VerticalSize           uint16  // of the frame, in luma lines
	ChromaFormat           uint8   // Chroma422 or Chroma444
	InterlaceMode          uint8   // Progressive, TopFieldFirst or BottomFieldFirst
	AspectRatioInformation uint8
	FrameRateCode          uint8
	ColorPrimaries         uint8 // ITU-T H.273 code points
	TransferCharacteristic uint8
	MatrixCoefficients     uint8
	// AlphaChannelType is 0 (none), 1 (8-bit) or 2 (16-bit); FFmpeg
	// refuses the others.
	AlphaChannelType             uint8
	LoadLumaQuantizationMatrix   bool
	LoadChromaQuantizationMatrix bool
}

func errorf(off int64, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("prores", "frame header", off, kind, detail, args...)
}

// ParseFrameHeader reads the frame header at the start of a ProRes frame:
// b holds the frame's first bytes (frame_size and the 'icpf' identifier
// first, as a MOV sample does) and frameSize is the whole frame's length,
// which may exceed len(b) when the caller has read only the start of a
// large sample (0 means len(b)).
//
// It applies the checks FFmpeg's decode_frame and decode_frame_header make
// before they set anything: at least MinFrameSize bytes and the 'icpf'
// identifier (ErrMalformed otherwise), a frame_header_size within the frame
// (ErrMalformed: "wrong header size"), a bitstream_version of 0 or 1
// (ErrUnsupported) and an alpha_channel_type of 0 to 2 (ErrMalformed). On
// such an error the fields read so far are returned with it.
//
// A frame_header_size below the 20 bytes of fields (0, say) is not refused:
// FFmpeg reads the fields from their fixed places whatever the size says,
// sets the stream's parameters from them, and only then fails on the
// picture header it looks for at the wrong place. ffprobe prints those
// parameters, so the header is returned without error.
func ParseFrameHeader(b []byte, frameSize int) (FrameHeader, error) {
	var h FrameHeader
	if frameSize <= 0 {
		frameSize = len(b)
	}
	if frameSize < len(b) {
		b = b[:frameSize]
	}
	switch {
	case frameSize < MinFrameSize:
		return h, errorf(0, container.ErrMalformed, "invalid frame header: a %d-byte frame", frameSize)
	case len(b) < MinFrameSize:
		return h, errorf(0, container.ErrTruncated, "%d of the %d bytes of the frame header", len(b), MinFrameSize)
	}
	be := binary.BigEndian
	h.FrameSize = be.Uint32(b)
	if string(b[4:8]) != "icpf" {
		return h, errorf(4, container.ErrMalformed, "invalid frame header: identifier %q", b[4:8])
	}
	f := b[8:] // frame_header(), as decode_frame_header sees it
	h.FrameHeaderSize = be.Uint16(f)
	if int(h.FrameHeaderSize) > frameSize-8 {
		return h, errorf(8, container.ErrMalformed, "wrong header size: %d bytes in a %d-byte frame", h.FrameHeaderSize, frameSize)
	}
	h.BitstreamVersion = be.Uint16(f[2:])
	if h.BitstreamVersion > 1 {
		return h, errorf(10, container.ErrUnsupported, "bitstream version %d", h.BitstreamVersion)
	}
	copy(h.EncoderIdentifier[:], f[4:8])
	h.HorizontalSize = be.Uint16(f[8:])
	h.VerticalSize = be.Uint16(f[10:])
	h.ChromaFormat = f[12] >> 6
	h.InterlaceMode = f[12] >> 2 & 3
	h.AspectRatioInformation = f[13] >> 4
	h.FrameRateCode = f[13] & 15
	h.ColorPrimaries = f[14]
	h.TransferCharacteristic = f[15]
	h.MatrixCoefficients = f[16]
	h.AlphaChannelType = f[17] & 15
	h.LoadLumaQuantizationMatrix = f[19]&2 != 0
	h.LoadChromaQuantizationMatrix = f[19]&1 != 0
	if h.AlphaChannelType > 2 {
		return h, errorf(25, container.ErrMalformed, "invalid alpha mode %d", h.AlphaChannelType)
	}
	return h, nil
}
