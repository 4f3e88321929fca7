package av1

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The OBU types of AV1 6.2.2 (obu_type).
const (
	OBUSequenceHeader       = 1
	OBUTemporalDelimiter    = 2
	OBUFrameHeader          = 3
	OBUTileGroup            = 4
	OBUMetadata             = 5
	OBUFrame                = 6
	OBURedundantFrameHeader = 7
	OBUTileList             = 8
	OBUPadding              = 15
)

// maxOBUSize is the largest obu_size the specification allows (4.10.5:
// leb128 values are at most 2^32-1), which cbs_av1_read_leb128 and dav1d
// enforce.
const maxOBUSize = 1<<32 - 1

// OBUHeader is an OBU's header (AV1 5.3.2 and 5.3.3), with the
// specification's field names.
type OBUHeader struct {
	OBUType          uint8
	OBUExtensionFlag bool
	OBUHasSizeField  bool
	// TemporalID and SpatialID are 0 unless OBUExtensionFlag is set.
	TemporalID uint8
	SpatialID  uint8
}

// OBU is one open bitstream unit of a low-overhead bitstream (AV1 5.2):
// its header and payload, both sub-slices of the caller's data.
type OBU struct {
	OBUHeader
	// Payload is the OBU's obu_size bytes, or as many of them as the data
	// holds when NextOBU reports it truncated.
	Payload []byte
	// Raw is the whole OBU: header, size field and Payload. It is what
	// FFmpeg's extract_extradata copies into a stream's extradata.
	Raw []byte
}

// NextOBU reads the OBU at the start of b and returns it with the data that
// follows it. An OBU without obu_size runs to the end of b (5.2; dav1d and
// parse_obu_header in libavcodec/av1_parse.h do the same).
//
// Errors wrap container.ErrMalformed for a set forbidden bit, an obu_size
// whose leb128 code does not end within 8 bytes (dav1d refuses it) or
// above 2^32-1, and container.ErrTruncated for a header cut by the end or a
// payload longer than the data; in the last case the OBU is returned too,
// with the part of the payload that is present, and rest is empty.
func NextOBU(b []byte) (obu OBU, rest []byte, err error) {
	if len(b) == 0 {
		return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrTruncated, "no data")
	}
	r := bits.NewReader(b)
	forbidden := r.Flag()
	obu.OBUType = uint8(r.Bits(4))
	obu.OBUExtensionFlag = r.Flag()
	obu.OBUHasSizeField = r.Flag()
	r.Skip(1) // obu_reserved_1bit
	if forbidden {
		return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrMalformed, "forbidden bit set")
	}
	if obu.OBUExtensionFlag {
		obu.TemporalID = uint8(r.Bits(3))
		obu.SpatialID = uint8(r.Bits(2))
		r.Skip(3) // extension_header_reserved_3bits
	}
	if r.Err() != nil {
		return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrTruncated, "%d bytes", len(b))
	}
	hdr := r.BitPos() / 8
	var size uint64
	if obu.OBUHasSizeField {
		size = r.LEB128()
		if r.Err() != nil {
			return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrTruncated, "obu_size cut by the end")
		}
		n := r.BitPos()/8 - hdr
		if n == 8 && b[hdr+7]&0x80 != 0 {
			return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrMalformed, "obu_size longer than 8 bytes")
		}
		if size > maxOBUSize {
			return obu, nil, demuxkit.Errorf("av1", "obu header", 0, container.ErrMalformed, "obu_size %d above 2^32-1", size)
		}
		hdr += n
	} else {
		size = uint64(len(b) - hdr)
	}
	left := uint64(len(b) - hdr)
	if size > left {
		obu.Payload = b[hdr:]
		obu.Raw = b
		return obu, nil, demuxkit.Errorf("av1", "obu", 0, container.ErrTruncated,
			"type %d: obu_size %d, %d bytes left", obu.OBUType, size, left)
	}
	end := hdr + int(size)
	obu.Payload = b[hdr:end]
	obu.Raw = b[:end]
	return obu, b[end:], nil
}
