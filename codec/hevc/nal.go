package hevc

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// NAL unit types (H.265 Table 7-1) that this package reads or that mark
// access unit boundaries.
const (
	NALRASLR      = 9  // the last non-IRAP VCL type FFmpeg decodes
	NALBLAWLP     = 16 // first IRAP type
	NALCRA        = 21 // last IRAP type FFmpeg decodes
	NALVPS        = 32
	NALSPS        = 33
	NALPPS        = 34
	NALAUD        = 35
	NALEOS        = 36
	NALEOB        = 37
	NALSEIPrefix  = 39
	NALSEISuffix  = 40
	nalHeaderSize = 2
)

// The sizes of the parameter set tables and the limits FFmpeg enforces
// (libavcodec/hevc.h), which are the specification's (H.265 7.4.3).
const (
	MaxVPSCount            = 16
	MaxSPSCount            = 16
	MaxPPSCount            = 64
	MaxSubLayers           = 7
	MaxDPBSize             = 16
	MaxShortTermRefPicSets = 64
	MaxLongTermRefPicsSPS  = 32
)

// NALHeader is nal_unit_header() (H.265 7.3.1.2).
type NALHeader struct {
	Type              uint8 // nal_unit_type
	LayerID           uint8 // nuh_layer_id
	TemporalIDPlusOne uint8 // nuh_temporal_id_plus1
}

// ParseNALHeader reads the two-byte header of a NAL unit. It refuses what
// hevc_parse_nal_header (libavcodec/h2645_parse.c) refuses, a set
// forbidden_zero_bit and a nuh_temporal_id_plus1 of 0, with an error
// wrapping container.ErrMalformed; FFmpeg skips such units.
func ParseNALHeader(b []byte) (NALHeader, error) {
	if len(b) < nalHeaderSize {
		return NALHeader{}, demuxkit.Errorf("hevc", "nal unit header", 0, container.ErrTruncated, "%d bytes", len(b))
	}
	h := NALHeader{Type: b[0] >> 1 & 0x3F, LayerID: (b[0]&1)<<5 | b[1]>>3, TemporalIDPlusOne: b[1] & 7}
	switch {
	case b[0]&0x80 != 0:
		return h, demuxkit.Errorf("hevc", "nal unit header", 0, container.ErrMalformed, "forbidden_zero_bit set")
	case h.TemporalIDPlusOne == 0:
		return h, demuxkit.Errorf("hevc", "nal unit header", 0, container.ErrMalformed, "nuh_temporal_id_plus1 is 0")
	}
	return h, nil
}

// unit is a NAL unit ready to be parsed, as ff_h2645_packet_split leaves
// it: its header, its RBSP (emulation prevention bytes removed, header
// included) and the number of bits before its rbsp_stop_one_bit.
type unit struct {
	hdr   NALHeader
	rbsp  []byte
	nbits int
}

// newUnit makes a unit of an RBSP. ok is false for the units
// ff_h2645_packet_split drops: those with no bits and those whose header
// hevc_parse_nal_header refuses.
func newUnit(rbsp []byte) (u unit, ok bool) {
	n := bitLength(rbsp)
	if n <= 0 {
		return u, false
	}
	h, err := ParseNALHeader(rbsp)
	if err != nil {
		return u, false
	}
	return unit{hdr: h, rbsp: rbsp, nbits: n}, true
}

// unitOf makes a unit of the bytes of one NAL unit (header included,
// emulation prevention bytes in), cut at a start code inside it as
// ff_h2645_extract_rbsp cuts it.
func unitOf(nal []byte) (unit, bool) {
	return newUnit(bits.RBSP(nal))
}

// bitLength is get_bit_length (libavcodec/h2645_parse.c) for HEVC: the
// bits of rbsp before its rbsp_stop_one_bit once trailing zero bytes are
// set aside, except that a unit of at most two bytes (its header) keeps
// all 16 bits, and a unit of fewer has none.
func bitLength(rbsp []byte) int {
	size := len(rbsp)
	for size > 0 && rbsp[size-1] == 0 {
		size--
	}
	switch {
	case size == 0:
		return 0
	case size <= nalHeaderSize:
		if len(rbsp) < nalHeaderSize {
			return 0
		}
		return 8 * nalHeaderSize
	}
	return bits.RBSPBitLen(rbsp[:size])
}

// reader returns a reader of the unit's payload, after its header.
func (u unit) reader() *bits.Reader {
	r := bits.NewReaderBits(u.rbsp, u.nbits)
	r.Skip(8 * nalHeaderSize)
	return r
}

// splitPacket cuts b into NAL units as ff_h2645_packet_split does for
// HEVC and calls f with each unit it keeps, in order, until f returns
// false. FFmpeg splits the whole packet before it decodes any unit, so
// that a packet that fails to split has none decoded: a caller that
// decodes runs splitPacket once to check and once to decode. With lengthSize 0, b is an Annex B byte stream: bytes before the
// first start code are passed over, and each unit ends at the next
// 0x000001 or 0x000002. Otherwise each unit is preceded by a big-endian
// length of lengthSize bytes, and a start code inside a unit splits it,
// the rest being searched for start codes up to the unit's end as FFmpeg
// re-synchronises. The error is FFmpeg's: a length past the end of b, or
// an Annex B stream with no start code (ErrMalformed). Work is linear in
// len(b); the RBSPs share one buffer, which grows to the largest unit.
func splitPacket(b []byte, lengthSize int, f func(u unit) bool) error {
	pos, count := 0, 0
	nextAVC := len(b)
	if lengthSize > 0 {
		nextAVC = 0
	}
	var scratch []byte
	for len(b)-pos >= 4 {
		var n int // bytes of the unit to extract
		if pos == nextAVC {
			// get_nalsize: the length field and the unit must both fit.
			if pos >= len(b)-lengthSize {
				return demuxkit.Errorf("hevc", "nal unit length", int64(pos), container.ErrTruncated, "no room for a %d-byte length", lengthSize)
			}
			for i := 0; i < lengthSize; i++ {
				n = n<<8 | int(b[pos+i])
			}
			pos += lengthSize
			if n <= 0 || n > len(b)-pos {
				return demuxkit.Errorf("hevc", "nal unit length", int64(pos-lengthSize), container.ErrMalformed, "length %d, %d bytes left", n, len(b)-pos)
			}
			nextAVC = pos + n
		} else {
			// find_next_start_code, within the current length-prefixed
			// unit (or the whole of an Annex B stream).
			if nextAVC-pos > 3 {
				if i := bits.IndexStartCode(b[pos:nextAVC]); i >= 0 {
					pos += i + 3
				} else {
					pos = nextAVC
				}
			} else {
				pos = nextAVC
			}
			if pos == len(b) {
				if count > 0 {
					return nil
				}
				return demuxkit.Errorf("hevc", "annex b", 0, container.ErrMalformed, "no start code")
			}
			if pos >= nextAVC {
				continue
			}
			n = min(len(b), nextAVC) - pos
		}
		var consumed int
		scratch, consumed = bits.AppendRBSP(scratch[:0], b[pos:pos+n])
		pos += consumed
		u, ok := newUnit(scratch)
		if !ok {
			continue
		}
		count++
		if !f(u) {
			return nil
		}
	}
	return nil
}
