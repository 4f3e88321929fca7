package h264

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// AVCConfig is an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1),
// the payload of an MP4 avcC box, of Matroska's CodecPrivate for
// V_MPEG4/ISO/AVC and of an FLV AVC sequence header. The parameter set NAL
// units are sub-slices of the parsed bytes, not copies.
type AVCConfig struct {
	ConfigurationVersion  uint8
	AVCProfileIndication  uint8
	ProfileCompatibility  uint8
	AVCLevelIndication    uint8
	LengthSizeMinusOne    uint8
	SequenceParameterSets [][]byte
	PictureParameterSets  [][]byte

	// HasExt is set when the record carries the fields that follow the
	// parameter sets for AVCProfileIndication 100, 110, 122 and 144;
	// many writers (FFmpeg's before 2023 among them) leave them out.
	HasExt                          bool
	ChromaFormat                    uint8
	BitDepthLumaMinus8              uint8
	BitDepthChromaMinus8            uint8
	SequenceParameterSetExtNALUnits [][]byte
}

// ParseAVCConfig reads an AVCDecoderConfigurationRecord. It reads the
// record's structure only; [ParseExtradata] decodes the parameter sets as
// FFmpeg does. A record cut short returns what was read with an error
// wrapping container.ErrTruncated; a configurationVersion other than 1, an
// error wrapping container.ErrMalformed (FFmpeg then reads the bytes as an
// Annex B stream, as ParseExtradata does).
//
// The counts in the record are claims: each parameter set is read only if
// its length field and its bytes are present, so a record claiming 31
// sequence and 255 picture parameter sets in a few bytes costs what those
// bytes hold.
func ParseAVCConfig(b []byte) (*AVCConfig, error) {
	c := &AVCConfig{}
	if len(b) < 6 {
		return c, demuxkit.Errorf("h264", "avcC", 0, container.ErrTruncated, "%d bytes, the header needs 6", len(b))
	}
	c.ConfigurationVersion = b[0]
	c.AVCProfileIndication = b[1]
	c.ProfileCompatibility = b[2]
	c.AVCLevelIndication = b[3]
	c.LengthSizeMinusOne = b[4] & 3
	if c.ConfigurationVersion != 1 {
		return c, demuxkit.Errorf("h264", "avcC", 0, container.ErrMalformed, "configurationVersion %d", c.ConfigurationVersion)
	}
	var err error
	off := 6
	c.SequenceParameterSets, off, err = readNALArray(b, off, int(b[5]&0x1f), "sequence parameter set")
	if err != nil {
		return c, err
	}
	if off >= len(b) {
		return c, demuxkit.Errorf("h264", "avcC", int64(off), container.ErrTruncated, "no numOfPictureParameterSets")
	}
	n := int(b[off])
	c.PictureParameterSets, off, err = readNALArray(b, off+1, n, "picture parameter set")
	if err != nil {
		return c, err
	}
	switch c.AVCProfileIndication {
	case 100, 110, 122, 144:
	default:
		return c, nil
	}
	if len(b)-off < 4 {
		// The extension is absent (or cut): the record is complete
		// without it, as FFmpeg and most writers take it.
		return c, nil
	}
	c.HasExt = true
	c.ChromaFormat = b[off] & 3
	c.BitDepthLumaMinus8 = b[off+1] & 7
	c.BitDepthChromaMinus8 = b[off+2] & 7
	c.SequenceParameterSetExtNALUnits, _, err = readNALArray(b, off+4, int(b[off+3]), "sequence parameter set extension")
	return c, err
}

// readNALArray reads n units, each a 16-bit length and its bytes, from
// b[off:]. It stops at the first that the bytes do not hold.
func readNALArray(b []byte, off, n int, what string) ([][]byte, int, error) {
	var units [][]byte
	for i := 0; i < n; i++ {
		if len(b)-off < 2 {
			return units, off, demuxkit.Errorf("h264", "avcC", int64(off), container.ErrTruncated, "%s %d of %d: no length", what, i+1, n)
		}
		size := int(binary.BigEndian.Uint16(b[off:]))
		if len(b)-off-2 < size {
			return units, off, demuxkit.Errorf("h264", "avcC", int64(off), container.ErrTruncated, "%s %d of %d: %d bytes, %d left", what, i+1, n, size, len(b)-off-2)
		}
		units = append(units, b[off+2:off+2+size:off+2+size])
		off += 2 + size
	}
	return units, off, nil
}
