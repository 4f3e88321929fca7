package av1

import (
	"errors"

	"github.com/mediaprobe/mediaprobe/container"
)

// TemporalUnit is what a decoder learns from the first temporal unit of a
// stream (one packet of MP4, Matroska or IVF, a temporal unit of a raw OBU
// stream): the sequence header in force and the first frame it outputs.
type TemporalUnit struct {
	// SequenceHeader is the last sequence header of the unit, or the one
	// ParseTemporalUnit was given when the unit has none; nil if neither.
	SequenceHeader *SequenceHeader
	// Frame is the header of the first frame the unit shows (show_frame,
	// or show_existing_frame of a frame read earlier in the unit), nil if
	// it shows none whose size is known.
	Frame *FrameHeader
	// ExtradataSize is the number of bytes FFmpeg's extract_extradata
	// takes from the unit when the container gave the stream no extradata
	// (IVF, raw OBU): every sequence header and metadata OBU, when there is
	// a sequence header among them and every OBU is well formed; else 0.
	// Data that stops inside an OBU is taken for a packet the caller cut
	// short, and the packet as well formed past the cut.
	ExtradataSize int
}

// ParseTemporalUnit reads a temporal unit in the low-overhead bitstream
// format (AV1 5.2; obu_has_size_field set, except perhaps on the last OBU),
// taking seq, if not nil, as the sequence header in force before it. The
// unit ends at the end of b or before a temporal delimiter that is not its
// first OBU, so b may be the start of a raw OBU stream (FFmpeg's obu
// demuxer makes each temporal unit a packet).
//
// It follows what dav1d does with operating point 0, FFmpeg's default:
// OBUs of layers outside the operating point are dropped, and of the frames
// shown only those of the highest spatial layer are output. The data may
// stop short of the unit's end (a caller reads only the first bytes of a
// large packet): the OBUs cut by the end are read as far as they go. The
// error is the first one met (container.ErrTruncated, ErrMalformed) and
// is returned with what was read before it; a TemporalUnit with a Frame is
// all ffprobe needs whatever follows.
func ParseTemporalUnit(b []byte, seq *SequenceHeader) (*TemporalUnit, error) {
	tu := &TemporalUnit{SequenceHeader: seq}
	var (
		refs       [8]*FrameHeader
		firstErr   error
		global     int
		hasSeq     bool
		wellFormed = true
	)
	keep := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	for first := true; len(b) > 0; first = false {
		obu, rest, err := NextOBU(b)
		if err != nil {
			keep(err)
			if !errors.Is(err, container.ErrTruncated) {
				wellFormed = false
			}
			if obu.Payload == nil {
				break
			}
		}
		if obu.OBUType == OBUTemporalDelimiter && !first {
			// The next temporal unit of a raw OBU stream (7.5).
			break
		}
		b = rest
		if obu.OBUType == OBUSequenceHeader || obu.OBUType == OBUMetadata {
			global += len(obu.Raw)
		}
		s := tu.SequenceHeader
		if s != nil && obu.OBUExtensionFlag && obu.OBUType != OBUSequenceHeader && obu.OBUType != OBUTemporalDelimiter {
			// 7.5 and dav1d_parse_obus: drop the layers the chosen
			// operating point does not decode.
			idc := s.OperatingPoints[0].OperatingPointIDC
			if idc != 0 && (idc>>obu.TemporalID&1 == 0 || idc>>(obu.SpatialID+8)&1 == 0) {
				continue
			}
		}
		switch obu.OBUType {
		case OBUSequenceHeader:
			hasSeq = true
			s, err := ParseSequenceHeader(obu.Payload)
			if err != nil {
				keep(err)
				continue
			}
			tu.SequenceHeader = s
		case OBUFrameHeader, OBUFrame:
			if s == nil || tu.Frame != nil {
				continue
			}
			f, err := ParseFrameHeader(s, obu.OBUHeader, obu.Payload)
			if err != nil {
				keep(err)
				continue
			}
			if f.ShowExistingFrame {
				f = refs[f.FrameToShowMapIdx]
				if f == nil {
					continue
				}
			} else {
				for i := range refs {
					if f.RefreshFrameFlags>>i&1 != 0 {
						refs[i] = f
					}
				}
				if !f.ShowFrame {
					continue
				}
			}
			if f.SizeKnown && int(obu.SpatialID) >= highestSpatialLayer(s) {
				tu.Frame = f
			}
		}
	}
	if hasSeq && wellFormed {
		tu.ExtradataSize = global
	}
	return tu, firstErr
}

// highestSpatialLayer returns the highest spatial_id that operating point
// 0 decodes, whose frames dav1d outputs when it is not asked for all
// layers (FFmpeg's default); 0 when the operating point decodes every
// layer (operating_point_idc 0).
func highestSpatialLayer(s *SequenceHeader) int {
	idc := s.OperatingPoints[0].OperatingPointIDC >> 8
	n := 0
	for i := 0; i < 4; i++ {
		if idc>>i&1 != 0 {
			n = i
		}
	}
	return n
}
