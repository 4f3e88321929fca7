package hevc

import (
	"bytes"
	"errors"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ParamSets is what FFmpeg's HEVC decoder keeps from the NAL units it has
// read before any picture (HEVCParamSets and HEVCSEI): the parameter sets
// by id, and the SEI state. The zero value is empty and ready to use.
//
// The rules are FFmpeg 5.1's (libavcodec/hevc_ps.c, hevc_parse.c): an SPS
// needs its VPS, and a PPS its SPS, to be kept; a parameter set that
// repeats the one of its id (the same RBSP) leaves it alone, while a
// different one replaces it and drops what depended on it (the SPSs of a
// replaced VPS, the PPSs of a replaced SPS); a VPS that runs past the end
// of its unit is kept when it is the first of its id; only units of the
// base layer (nuh_layer_id 0) count.
type ParamSets struct {
	VPS [MaxVPSCount]*VPS
	SPS [MaxSPSCount]*SPS
	PPS [MaxPPSCount]*PPS
	SEI SEI
	// Errors holds, in order, the errors of the units that were refused,
	// which FFmpeg logs and otherwise ignores.
	Errors []error

	// raw holds the RBSP each kept VPS and SPS was decoded from, to tell
	// a repetition from a replacement.
	rawVPS [MaxVPSCount][]byte
	rawSPS [MaxSPSCount][]byte
}

// maxErrors bounds Errors; later errors are not kept. This is policy, not
// a bound the data needs: every error costs the input a byte or more.
const maxErrors = 64

// DecodeNAL decodes one NAL unit (header included, emulation prevention
// bytes in, ending at a start code inside it) into ps as the decoder
// does: VPS, SPS, PPS and SEI units are read, others ignored. The error
// is the unit's, also recorded in Errors.
func (ps *ParamSets) DecodeNAL(nal []byte) error {
	u, ok := unitOf(nal)
	if !ok {
		return nil
	}
	return ps.record(ps.decodeUnit(u))
}

// DecodeNALUnits decodes the NAL units of one packet as
// hevc_decode_nal_units (libavcodec/hevc_parse.c) does: b is an Annex B
// byte stream (nalLengthSize 0) or units with nalLengthSize-byte length
// fields (1 to 4). A packet that cannot be split (a length past its end, no start
// code) has none of its units decoded, and the first unit refused ends
// the packet: both give the error, which FFmpeg ignores unless told to
// be strict.
func (ps *ParamSets) DecodeNALUnits(b []byte, nalLengthSize int) error {
	if nalLengthSize < 0 || nalLengthSize > 4 {
		return ps.record(demuxkit.Errorf("hevc", "nal unit length", 0, container.ErrMalformed, "%d-byte lengths", nalLengthSize))
	}
	if err := splitPacket(b, nalLengthSize, func(unit) bool { return true }); err != nil {
		return ps.record(err)
	}
	var err error
	splitPacket(b, nalLengthSize, func(u unit) bool {
		err = ps.decodeUnit(u)
		return err == nil
	})
	return ps.record(err)
}

// record appends err, if any, to Errors, and returns it.
func (ps *ParamSets) record(err error) error {
	if err != nil && len(ps.Errors) < maxErrors {
		ps.Errors = append(ps.Errors, err)
	}
	return err
}

// decodeUnit is the switch of hevc_decode_nal_units. u.rbsp may be
// reused by the caller after it returns.
func (ps *ParamSets) decodeUnit(u unit) error {
	if u.hdr.LayerID > 0 {
		return nil
	}
	switch u.hdr.Type {
	case NALVPS:
		v, err := parseVPS(u)
		id := v.VPSVideoParameterSetID
		if err != nil {
			// A VPS cut short is refused only when it would replace one.
			if !readerError(err) || ps.VPS[id] != nil {
				return err
			}
			ps.record(err)
		}
		raw := u.rbsp[:(u.nbits+7)/8]
		if ps.VPS[id] != nil && bytes.Equal(ps.rawVPS[id], raw) {
			return nil
		}
		ps.removeVPS(int(id))
		ps.VPS[id], ps.rawVPS[id] = v, bytes.Clone(raw)
	case NALSPS:
		s, err := parseSPS(u)
		if err == nil && ps.VPS[s.SPSVideoParameterSetID] == nil {
			err = demuxkit.Errorf("hevc", "sps", 0, container.ErrMalformed, "vps %d does not exist", s.SPSVideoParameterSetID)
		}
		if err != nil {
			return err
		}
		id := s.SPSSeqParameterSetID
		raw := u.rbsp[:(u.nbits+7)/8]
		if ps.SPS[id] != nil && bytes.Equal(ps.rawSPS[id], raw) {
			return nil
		}
		ps.removeSPS(int(id))
		ps.SPS[id], ps.rawSPS[id] = s, bytes.Clone(raw)
	case NALPPS:
		p, err := parsePPS(u, ps)
		if err != nil {
			return err
		}
		ps.PPS[p.PPSPicParameterSetID] = p
	case NALSEIPrefix, NALSEISuffix:
		return ps.decodeSEI(u)
	}
	return nil
}

// readerError reports whether err is the reader's: a parameter set that
// ran past the end of its unit, not one that broke a rule.
func readerError(err error) bool {
	return errors.Is(err, bits.ErrOverrun)
}

// removeVPS drops the VPS of id and the SPSs that use it.
func (ps *ParamSets) removeVPS(id int) {
	for i, s := range ps.SPS {
		if s != nil && int(s.SPSVideoParameterSetID) == id {
			ps.removeSPS(i)
		}
	}
	ps.VPS[id], ps.rawVPS[id] = nil, nil
}

// removeSPS drops the SPS of id and the PPSs that use it.
func (ps *ParamSets) removeSPS(id int) {
	for i, p := range ps.PPS {
		if p != nil && int(p.PPSSeqParameterSetID) == id {
			ps.PPS[i] = nil
		}
	}
	ps.SPS[id], ps.rawSPS[id] = nil, nil
}

// ActiveSPS returns the SPS whose parameters the decoder exports when it
// opens: the one of the lowest id (hevc_decode_extradata), or nil.
func (ps *ParamSets) ActiveSPS() *SPS {
	for _, s := range ps.SPS {
		if s != nil {
			return s
		}
	}
	return nil
}
