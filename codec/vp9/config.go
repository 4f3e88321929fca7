package vp9

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"

	"github.com/mediaprobe/mediaprobe/container"
)

// ConfigSize is the length of a version 1 vpcC payload without
// codecInitializationData: version and flags (4 bytes), then 8 bytes of
// fields.
const ConfigSize = 12

// Config is the VP Codec Configuration Record (VP Codec ISO Media File
// Format Binding 2.2), the payload of MP4's vpcC box for VP8 and VP9,
// with the binding's field names. Version and Flags are the FullBox
// header that precedes the record.
type Config struct {
	Version                     uint8
	Flags                       uint32
	Profile                     uint8
	Level                       uint8
	BitDepth                    uint8
	ChromaSubsampling           uint8
	VideoFullRangeFlag          bool
	ColourPrimaries             uint8
	TransferCharacteristics     uint8
	MatrixCoefficients          uint8
	CodecInitializationDataSize uint16
	// CodecInitializationData is a sub-slice of the caller's data, as
	// long as the size says or as the data holds.
	CodecInitializationData []byte
}

func configErr(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("vp9", "vpcC", 0, kind, detail, args...)
}

// ParseConfig parses a vpcC box payload, its version and flags included.
//
// mov_read_vpcc (libavformat/mov.c), which ffprobe reads it with, refuses
// the whole file for a payload under 5 bytes ("Empty VP Codec
// Configuration box") and for a non-zero codecInitializationDataSize, and
// ignores the box for a version other than 1. ParseConfig returns the
// fields it could read with an error wrapping container.ErrTruncated for a
// payload under 12 bytes, container.ErrUnsupported for a version other
// than 1 (the fields of version 0 are laid out otherwise and are not
// read), and container.ErrMalformed for codec initialization data, which
// VP8 and VP9 never have (the data, as much as is present, is returned).
func ParseConfig(b []byte) (*Config, error) {
	c := &Config{}
	if len(b) >= 4 {
		c.Version = b[0]
		c.Flags = binary.BigEndian.Uint32(b) & 0xFFFFFF
	}
	if len(b) < 5 {
		return c, configErr(container.ErrTruncated, "%d bytes: an empty record", len(b))
	}
	if c.Version != 1 {
		return c, configErr(container.ErrUnsupported, "version %d", c.Version)
	}
	if len(b) < ConfigSize {
		return c, configErr(container.ErrTruncated, "%d bytes, need %d", len(b), ConfigSize)
	}
	c.Profile = b[4]
	c.Level = b[5]
	c.BitDepth = b[6] >> 4
	c.ChromaSubsampling = b[6] >> 1 & 7
	c.VideoFullRangeFlag = b[6]&1 != 0
	c.ColourPrimaries = b[7]
	c.TransferCharacteristics = b[8]
	c.MatrixCoefficients = b[9]
	c.CodecInitializationDataSize = binary.BigEndian.Uint16(b[10:])
	if n := int(c.CodecInitializationDataSize); n > 0 {
		c.CodecInitializationData = b[ConfigSize:min(len(b), ConfigSize+n)]
		return c, configErr(container.ErrMalformed, "%d bytes of codec initialization data", n)
	}
	return c, nil
}

// FillStream sets what mov_read_vpcc sets on the stream: the colour range
// from videoFullRangeFlag and the three colour code points, each one FFmpeg
// has no name for read as unspecified (""). The decoder later replaces the
// range and the colour space with the first frame's (Header.FillStream);
// the primaries and transfer stay, unless a later colr box replaces them.
// The profile, level, bit depth and subsampling are not used: ffprobe
// prints level -99 for VP9 in MP4.
func (c *Config) FillStream(st *container.Stream) {
	st.ColorRange = codec.ColorRange(c.VideoFullRangeFlag)
	st.ColorPrimaries = codec.ColorPrimaries(int(c.ColourPrimaries))
	st.ColorTransfer = codec.ColorTransfer(int(c.TransferCharacteristics))
	st.ColorSpace = codec.ColorSpace(int(c.MatrixCoefficients))
}
