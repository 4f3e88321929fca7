package h264

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Params are the parameter sets a stream's decoder knows before it decodes
// a picture, and how its NAL units are framed: what FFmpeg 5.1's h264
// decoder takes from the extradata when it opens (h264_decode_init,
// ff_h264_decode_extradata), or what a raw stream's first access unit
// gives it.
type Params struct {
	// IsAVC and NALLengthSize are the decoder's exported options, which
	// ffprobe prints as is_avc and nal_length_size; see
	// container.H264Options.
	IsAVC         bool
	NALLengthSize int

	// Config is the avcC record when the extradata is one (IsAVC); it
	// may be partial when the record is cut short.
	Config *AVCConfig

	// SPS and PPS are the parameter sets that FFmpeg accepted, by id, as
	// h264_ps.c keeps them: a later set with the same id replaces an
	// earlier one.
	SPS [MaxSPSCount]*SPS
	PPS [MaxPPSCount]*PPS

	// firstPPS is the id + 1 of the first PPS accepted, 0 when none (so
	// that the zero Params is empty): it stands for the one the first
	// slice names. lastSPS is the id of the last SPS accepted.
	firstPPS, lastSPS int

	// ExtradataSize is, for Params from [ScanAnnexB], the size of the
	// extradata FFmpeg's extract_extradata filter builds for the stream
	// (avformat_find_stream_info runs it on a raw stream's first packets):
	// each SPS and PPS unit of the access unit scanned, after a three-byte
	// start code, with its bytes up to the next start code prefix
	// (ff_h2645_extract_rbsp's raw_size); 0 when the unit has no SPS, as
	// the filter then takes nothing. It is 0 for Params from
	// ParseExtradata, whose extradata the container gives.
	ExtradataSize int

	// parserRejects marks the SPS ids whose last unit FFmpeg's h264
	// parser would reject although the decoder accepts it (see
	// ScanAnnexB); the parser is what sets the field order.
	parserRejects [MaxSPSCount]bool
}

// ParseExtradata decodes a stream's extradata as ff_h264_decode_extradata
// does. A first byte of 1 makes it an avcC record ([AVCConfig]): IsAVC is
// set, its parameter sets are decoded in order (each entry by its own NAL
// type, whatever array it is in), and NALLengthSize is set to
// lengthSizeMinusOne + 1 once the record's structure has been walked. A
// parameter set that fails to decode is dropped and the walk goes on, as
// in FFmpeg 5.1, but a record shorter than 7 bytes or an entry longer
// than the bytes left ends it with NALLengthSize left at 0, which is what
// ffprobe prints then (and the stream's pictures do not decode). Other
// bytes are an Annex B stream of SPS and PPS units (MPEG-TS, raw H.264,
// AVI and Matroska streams muxed from them): IsAVC is false, NALLengthSize
// 0, and the first parameter set that fails ends the decoding.
//
// The result is never nil. The error, wrapping a container sentinel,
// reports the first failure; the sets decoded are in the result either
// way, as they are in FFmpeg's decoder.
func ParseExtradata(b []byte) (*Params, error) {
	p := &Params{}
	if len(b) == 0 {
		return p, demuxkit.Errorf("h264", "extradata", 0, container.ErrTruncated, "empty")
	}
	if b[0] != 1 {
		return p, p.decodeAnnexB(b)
	}
	p.IsAVC = true
	// The record's structure, for the caller; FFmpeg's own walk below
	// decides what is accepted.
	p.Config, _ = ParseAVCConfig(b)
	if len(b) < 7 {
		return p, demuxkit.Errorf("h264", "avcC", 0, container.ErrTruncated, "avcC of %d bytes too short", len(b))
	}
	var first error
	off := 6
	for _, n := range [2]int{int(b[5] & 0x1f), -1} {
		if n < 0 {
			// numOfPictureParameterSets: FFmpeg reads it even at the
			// end of the record, from its zero padding.
			n = 0
			if off < len(b) {
				n = int(b[off])
			}
			off++
		}
		for i := 0; i < n; i++ {
			size := 2
			if off+2 <= len(b) {
				size += int(binary.BigEndian.Uint16(b[off:]))
			} else if off < len(b) {
				size += int(b[off]) << 8
			}
			if size > len(b)-off {
				return p, demuxkit.Errorf("h264", "avcC", int64(off), container.ErrTruncated, "parameter set of %d bytes, %d left", size-2, len(b)-off-2)
			}
			if err := p.decodeAVCEntry(b[off+2 : off+size]); err != nil && first == nil {
				first = err
			}
			off += size
		}
	}
	p.NALLengthSize = int(b[4]&3) + 1
	return p, first
}

// decodeAVCEntry decodes one parameter set of an avcC record as
// decode_extradata_ps_mp4 does: as it is, and if that fails, once more
// after inserting the emulation prevention bytes that some writers leave
// out. The error reports the first failure; FFmpeg 5.1 goes on either way.
func (p *Params) decodeAVCEntry(nal []byte) error {
	err := p.decodeUnit(nal)
	if err == nil {
		return nil
	}
	if esc := escape(nal); len(esc) != len(nal) {
		if p.decodeUnit(esc) == nil {
			return nil
		}
	}
	return err
}

// escape returns nal with an emulation prevention byte inserted wherever
// two zero bytes are followed by a byte of 0 to 3, as
// decode_extradata_ps_mp4 escapes a unit; nal itself when none is needed.
func escape(nal []byte) []byte {
	var out []byte
	zeros := 0
	for i, c := range nal {
		if zeros >= 2 && c <= 3 {
			if out == nil {
				out = append(make([]byte, 0, len(nal)+len(nal)/2), nal[:i]...)
			}
			out = append(out, 3)
			zeros = 0
		}
		if out != nil {
			out = append(out, c)
		}
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	if out == nil {
		return nal
	}
	return out
}

// decodeAnnexB decodes the SPS and PPS units of an Annex B byte stream as
// decode_extradata_ps does, stopping at the first that fails. Bytes with
// no start code hold no unit, which FFmpeg accepts as empty extradata.
func (p *Params) decodeAnnexB(b []byte) error {
	for {
		nal, rest, ok := bits.NextNALUnit(b)
		if !ok {
			return nil
		}
		if err := p.decodeUnit(nal); err != nil {
			return err
		}
		b = rest
	}
}

// decodeUnit decodes one NAL unit of extradata: an SPS or a PPS is parsed
// and kept, anything else ignored ("Ignoring NAL type %d in extradata").
func (p *Params) decodeUnit(nal []byte) error {
	switch nalType(nal) {
	case NALSPS:
		s, err := ParseSPS(nal)
		if err != nil {
			return err
		}
		p.SPS[s.SeqParameterSetID] = s
		p.lastSPS = int(s.SeqParameterSetID)
	case NALPPS:
		pps, err := ParsePPS(nal, &p.SPS)
		if err != nil {
			return err
		}
		p.PPS[pps.PicParameterSetID] = pps
		if p.firstPPS == 0 {
			p.firstPPS = int(pps.PicParameterSetID) + 1
		}
	}
	return nil
}

// ScanAnnexB finds the parameter sets at the head of a raw H.264 byte
// stream (the first bytes of a .h264 file, or the payload of an MPEG-TS or
// PS stream): the SPS and PPS units of the first access unit that has any,
// which FFmpeg's extract_extradata filter makes the stream's extradata
// from, and which its decoder decodes again as it meets them in the
// stream. It reads units up to the first coded slice that follows a
// parameter set, or the end of b; units before the first parameter set (a
// stream cut mid-GOP) are passed over. Each SPS and PPS is decoded as the
// decoder's decode_nal_units does: one that fails is dropped and the scan
// goes on. IsAVC is false and NALLengthSize 0, as ffprobe prints for such
// streams.
//
// found reports whether an SPS and a PPS naming it were accepted, without
// which FFmpeg decodes no picture; err reports the first parameter set
// that failed. The cost is bounded by len(b): NextNALUnit walks the bytes
// once without allocating and each unit is parsed once. The caller bounds
// b (a probe reads a few hundred kilobytes at most).
func ScanAnnexB(b []byte) (p *Params, found bool, err error) {
	p = &Params{}
	seen, sps := false, false
	size := 0
	for {
		nal, rest, ok := bits.NextNALUnit(b)
		if !ok {
			break
		}
		// The unit as h264_parser.c cuts it: up to the next start code
		// prefix, trailing zero bytes included.
		span := b[bits.IndexStartCode(b)+3 : len(b)-len(rest)]
		b = rest
		switch t := nalType(nal); t {
		case NALSPS, NALPPS:
			seen = true
			sps = sps || t == NALSPS
			size += 3 + len(span)
			if e := p.decodeUnit(nal); e != nil {
				if err == nil {
					err = e
				}
				continue
			}
			if t == NALSPS {
				p.parserRejects[p.lastSPS] = !parserAcceptsSPS(span)
			}
		case NALSlice, 2, 3, 4, NALIDR:
			if seen {
				return p.withExtradata(sps, size), p.Active() != nil, err
			}
		}
	}
	return p.withExtradata(sps, size), p.Active() != nil, err
}

// withExtradata sets ExtradataSize to size when the units had an SPS.
func (p *Params) withExtradata(sps bool, size int) *Params {
	if sps {
		p.ExtradataSize = size
	}
	return p
}

// parserAcceptsSPS reports whether FFmpeg 5.1's h264 parser accepts an SPS
// unit of an Annex B stream. Unlike the decoder, parse_nal_units reads the
// unit once, with a reader as long as its RBSP including the stop bit and
// any zero bytes before the next start code, and gives up on failure; so a
// VUI cut short that the decoder accepts on its second or third try (or as
// "Truncated VUI") can fail here, and the parser then reports no field
// order.
func parserAcceptsSPS(span []byte) bool {
	rbsp := bits.RBSP(span)
	d := newReader(rbsp, 8*len(rbsp))
	d.r.Skip(8)
	_, err := parseSPS(d, false)
	return err == nil
}

// Active returns the SPS a decoder would activate for the first picture:
// the one the first accepted PPS names (the first slice names its PPS; the
// parameter sets alone cannot say which, and streams with several are
// rare). It is nil without a PPS: FFmpeg then decodes no picture, and
// ffprobe prints none of what the SPS holds.
func (p *Params) Active() *SPS {
	if pps := p.ActivePPS(); pps != nil {
		return p.SPS[pps.SeqParameterSetID]
	}
	return nil
}

// AddUnit decodes a parameter set NAL unit found in the stream itself (an
// avc3 or avc4 sample entry, or an Annex B stream whose extradata lacks
// one), as decode_nal_units does: an SPS or PPS that decodes is kept, one
// that fails is reported and dropped, any other unit is ignored.
func (p *Params) AddUnit(nal []byte) error { return p.decodeUnit(nal) }

// ActivePPS returns the first accepted PPS, the one that names the SPS
// [Params.Active] returns, or nil.
func (p *Params) ActivePPS() *PPS {
	if p.firstPPS > 0 {
		return p.PPS[p.firstPPS-1]
	}
	return nil
}
