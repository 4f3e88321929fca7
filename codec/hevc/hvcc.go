package hevc

import (
	"encoding/binary"
	"iter"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// HVCC is an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1),
// the payload of an MP4 hvcC box and of a Matroska CodecPrivate: the
// general profile, tier and level, the stream's format and the NAL unit
// arrays (VPS, SPS, PPS, SEI) the decoder needs first.
type HVCC struct {
	ConfigurationVersion             uint8
	GeneralProfileSpace              uint8
	GeneralTierFlag                  bool
	GeneralProfileIDC                uint8
	GeneralProfileCompatibilityFlags uint32
	GeneralConstraintIndicatorFlags  uint64 // 48 bits
	GeneralLevelIDC                  uint8
	MinSpatialSegmentationIDC        uint16 // 12 bits
	ParallelismType                  uint8
	ChromaFormat                     uint8 // chroma_format_idc
	BitDepthLumaMinus8               uint8
	BitDepthChromaMinus8             uint8
	AvgFrameRate                     uint16 // in frames per 256 seconds; 0 unspecified
	ConstantFrameRate                uint8
	NumTemporalLayers                uint8
	TemporalIDNested                 bool
	LengthSizeMinusOne               uint8
	NumOfArrays                      uint8
	// Arrays are the arrays present, at most NumOfArrays.
	Arrays []NALArray
}

// NALArray is one array of NAL units of an [HVCC].
type NALArray struct {
	ArrayCompleteness bool
	NALUnitType       uint8
	NumNalus          uint16 // as declared
	// units holds the units present, each after its 16-bit length.
	units []byte
}

// Units yields the NAL units of the array that are present, each as
// stored (header included, emulation prevention bytes in), as sub-slices
// of the record's bytes.
func (a *NALArray) Units() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for b := a.units; len(b) >= 2; {
			n := 2 + int(binary.BigEndian.Uint16(b))
			if !yield(b[2:n]) {
				return
			}
			b = b[n:]
		}
	}
}

// hvccHeaderSize is the size of the record before its arrays.
const hvccHeaderSize = 23

// ParseHVCC decodes an HEVCDecoderConfigurationRecord. The
// configurationVersion is not checked, as FFmpeg checks none. A record
// cut short in its header or in an array header gives what precedes the
// cut and an error wrapping container.ErrTruncated; a NAL unit whose
// length runs past the end, the one error that makes FFmpeg's decoder
// refuse the record ("Invalid NAL unit size in extradata"), gives the
// units before it and an error wrapping container.ErrMalformed. The
// record's slices share b's memory; nothing is allocated per unit, so the
// cost is bounded by len(b) whatever the counts claim.
func ParseHVCC(b []byte) (*HVCC, error) {
	h, _, err := parseHVCC(b)
	return h, err
}

// parseHVCC is ParseHVCC, reporting too whether the error is the one
// FFmpeg's decoder refuses (fatal).
func parseHVCC(b []byte) (h *HVCC, fatal bool, err error) {
	h = &HVCC{}
	// FFmpeg reads zeros past the end of a short header.
	var hdr [hvccHeaderSize]byte
	copy(hdr[:], b)
	h.ConfigurationVersion = hdr[0]
	h.GeneralProfileSpace = hdr[1] >> 6
	h.GeneralTierFlag = hdr[1]>>5&1 == 1
	h.GeneralProfileIDC = hdr[1] & 0x1F
	h.GeneralProfileCompatibilityFlags = binary.BigEndian.Uint32(hdr[2:])
	h.GeneralConstraintIndicatorFlags = uint64(binary.BigEndian.Uint16(hdr[6:]))<<32 | uint64(binary.BigEndian.Uint32(hdr[8:]))
	h.GeneralLevelIDC = hdr[12]
	h.MinSpatialSegmentationIDC = binary.BigEndian.Uint16(hdr[13:]) & 0x0FFF
	h.ParallelismType = hdr[15] & 3
	h.ChromaFormat = hdr[16] & 3
	h.BitDepthLumaMinus8 = hdr[17] & 7
	h.BitDepthChromaMinus8 = hdr[18] & 7
	h.AvgFrameRate = binary.BigEndian.Uint16(hdr[19:])
	h.ConstantFrameRate = hdr[21] >> 6
	h.NumTemporalLayers = hdr[21] >> 3 & 7
	h.TemporalIDNested = hdr[21]>>2&1 == 1
	h.LengthSizeMinusOne = hdr[21] & 3
	h.NumOfArrays = hdr[22]
	if len(b) < hvccHeaderSize {
		return h, false, demuxkit.Errorf("hevc", "hvcC", 0, container.ErrTruncated, "%d bytes, header needs %d", len(b), hvccHeaderSize)
	}
	pos := hvccHeaderSize
	// Each array takes at least three bytes: the slice grows with the
	// arrays that are there, never with the count.
	h.Arrays = make([]NALArray, 0, min(int(h.NumOfArrays), (len(b)-pos)/3))
	for j := 0; j < int(h.NumOfArrays); j++ {
		if len(b)-pos < 3 {
			return h, false, demuxkit.Errorf("hevc", "hvcC array", int64(pos), container.ErrTruncated, "array %d of %d missing", j, h.NumOfArrays)
		}
		a := NALArray{
			ArrayCompleteness: b[pos]&0x80 != 0,
			NALUnitType:       b[pos] & 0x3F,
			NumNalus:          binary.BigEndian.Uint16(b[pos+1:]),
		}
		pos += 3
		start := pos
		for i := 0; i < int(a.NumNalus); i++ {
			if len(b)-pos < 2 || len(b)-pos < 2+int(binary.BigEndian.Uint16(b[pos:])) {
				a.units = b[start:pos]
				h.Arrays = append(h.Arrays, a)
				return h, true, demuxkit.Errorf("hevc", "hvcC nal unit", int64(pos), container.ErrMalformed,
					"unit %d of array %d runs past the end of the record", i, j)
			}
			pos += 2 + int(binary.BigEndian.Uint16(b[pos:]))
		}
		a.units = b[start:pos]
		h.Arrays = append(h.Arrays, a)
	}
	return h, false, nil
}

// IsHVCC reports whether extradata is an hvcC record rather than an
// Annex B byte stream, by FFmpeg's test (ff_hevc_decode_extradata): more
// than three bytes that do not begin 00 00 00 or 00 00 01.
func IsHVCC(extradata []byte) bool {
	b := extradata
	return len(b) > 3 && (b[0] != 0 || b[1] != 0 || b[2] > 1)
}

// Extradata is what FFmpeg's HEVC decoder learns from a stream's
// extradata when it opens: the parameter sets and SEI state, and for an
// hvcC record the record itself and the size of the length fields of the
// samples.
type Extradata struct {
	ParamSets
	// HVCC is the record, nil when the extradata is Annex B.
	HVCC *HVCC
	// NALLengthSize is the size in bytes of the NAL unit length fields
	// of the samples of a stream with an hvcC record
	// (lengthSizeMinusOne + 1); 0 for Annex B.
	NALLengthSize int
}

// ParseExtradata decodes a stream's extradata as ff_hevc_decode_extradata
// (libavcodec/hevc_parse.c) does when the decoder opens: an hvcC record
// (see [IsHVCC]) has each NAL unit of each array decoded on its own, and
// Annex B extradata is decoded as one packet. The units FFmpeg refuses are
// in Errors, and otherwise ignored, as FFmpeg logs them.
//
// The error is the one that makes FFmpeg's decoder fail to open, which
// makes ffprobe 5.1 exit without printing anything (open_input_file in
// fftools/ffprobe.c): an hvcC NAL unit that runs past the end of the
// record. The Extradata holds what was decoded before it.
func ParseExtradata(b []byte) (*Extradata, error) {
	x := &Extradata{}
	if !IsHVCC(b) {
		x.DecodeNALUnits(b, 0)
		return x, nil
	}
	h, fatal, err := parseHVCC(b)
	x.HVCC = h
	x.NALLengthSize = int(h.LengthSizeMinusOne) + 1
	var unit []byte
	for i := range h.Arrays {
		for nal := range h.Arrays[i].Units() {
			// Each unit is a packet of its own, with its 16-bit length.
			unit = binary.BigEndian.AppendUint16(unit[:0], uint16(len(nal)))
			unit = append(unit, nal...)
			x.DecodeNALUnits(unit, 2)
		}
	}
	if fatal {
		return x, x.record(err)
	}
	// A record cut short in a header FFmpeg reads as zeros: no more
	// arrays, no error.
	x.record(err)
	return x, nil
}
