package av1

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ConfigHeaderSize is the length of an AV1CodecConfigurationRecord before
// its configOBUs.
const ConfigHeaderSize = 4

// Config is the AV1CodecConfigurationRecord (AV1 Codec ISO Media File
// Format Binding 2.3.3), the payload of MP4's av1C box and Matroska's
// CodecPrivate for V_AV1, with the binding's field names. Its header fields
// repeat the sequence header's; FFmpeg reads none of them and takes
// everything from the sequence header OBU in ConfigOBUs.
type Config struct {
	Marker                          bool
	Version                         uint8
	SeqProfile                      uint8
	SeqLevelIdx0                    uint8
	SeqTier0                        uint8
	HighBitdepth                    bool
	TwelveBit                       bool
	Monochrome                      bool
	ChromaSubsamplingX              bool
	ChromaSubsamplingY              bool
	ChromaSamplePosition            uint8
	InitialPresentationDelayPresent bool
	InitialPresentationDelayMinus1  uint8
	// ConfigOBUs are the OBUs that follow the header (a sub-slice of the
	// caller's data), normally one sequence header OBU; possibly none.
	ConfigOBUs []byte
}

// ParseConfig parses an AV1CodecConfigurationRecord. It needs the 4 header
// bytes, with the marker bit set (container.ErrMalformed otherwise) and
// version 1 (container.ErrUnsupported otherwise), which is what
// libdav1d_parse_extradata asks before it looks at the configOBUs.
func ParseConfig(b []byte) (*Config, error) {
	if len(b) < ConfigHeaderSize {
		return nil, demuxkit.Errorf("av1", "av1C", 0, container.ErrTruncated, "%d bytes, need %d", len(b), ConfigHeaderSize)
	}
	c := &Config{
		Marker:                          b[0]&0x80 != 0,
		Version:                         b[0] & 0x7F,
		SeqProfile:                      b[1] >> 5,
		SeqLevelIdx0:                    b[1] & 0x1F,
		SeqTier0:                        b[2] >> 7,
		HighBitdepth:                    b[2]&0x40 != 0,
		TwelveBit:                       b[2]&0x20 != 0,
		Monochrome:                      b[2]&0x10 != 0,
		ChromaSubsamplingX:              b[2]&0x08 != 0,
		ChromaSubsamplingY:              b[2]&0x04 != 0,
		ChromaSamplePosition:            b[2] & 0x03,
		InitialPresentationDelayPresent: b[3]&0x10 != 0,
		ConfigOBUs:                      b[ConfigHeaderSize:],
	}
	if c.InitialPresentationDelayPresent {
		c.InitialPresentationDelayMinus1 = b[3] & 0x0F
	}
	if !c.Marker {
		return c, demuxkit.Errorf("av1", "av1C", 0, container.ErrMalformed, "marker bit clear")
	}
	if c.Version != 1 {
		return c, demuxkit.Errorf("av1", "av1C", 0, container.ErrUnsupported, "version %d", c.Version)
	}
	return c, nil
}

// ParseExtradata finds the sequence header in a stream's extradata as
// FFmpeg's libdav1d decoder does when it opens (libdav1d_parse_extradata):
// extradata whose first byte has the top bit set is an
// AV1CodecConfigurationRecord and its configOBUs are read, any other is a
// run of OBUs (Matroska's older CodecPrivate, or what extract_extradata
// took from the first packet of an IVF or raw OBU stream).
//
// It returns nil and no error when there is no sequence header to read:
// empty extradata, or a record of 4 bytes. Otherwise the errors are
// ParseConfig's and FindSequenceHeader's; with any of them the decoder
// reports nothing from the extradata.
func ParseExtradata(b []byte) (*SequenceHeader, error) {
	if len(b) == 0 {
		return nil, nil
	}
	obus := b
	if b[0]&0x80 != 0 {
		c, err := ParseConfig(b)
		if err != nil {
			return nil, err
		}
		obus = c.ConfigOBUs
	}
	if len(obus) == 0 {
		return nil, nil
	}
	seq, _, err := FindSequenceHeader(obus)
	if err != nil {
		return nil, err
	}
	return seq, nil
}

// FindSequenceHeader reads a run of OBUs, as dav1d_parse_sequence_header
// does: every OBU must be well formed, and the last sequence header among
// them is returned with its OBU. It returns nil, no error, when the run has
// no sequence header. The loop ends at the end of the data: each OBU takes
// at least one byte.
func FindSequenceHeader(b []byte) (*SequenceHeader, OBU, error) {
	var (
		seq   *SequenceHeader
		found OBU
	)
	for len(b) > 0 {
		obu, rest, err := NextOBU(b)
		if err != nil {
			return nil, OBU{}, err
		}
		if obu.OBUType == OBUSequenceHeader {
			s, err := ParseSequenceHeader(obu.Payload)
			if err != nil {
				return nil, OBU{}, err
			}
			seq, found = s, obu
		}
		b = rest
	}
	return seq, found, nil
}
