package h264

import (
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// sei_pic_struct values (Table D-1) that give a field order.
const (
	picStructTopBottom       = 3
	picStructBottomTop       = 4
	picStructTopBottomTop    = 5
	picStructBottomTopBottom = 6
)

// maxFieldOrderPictures bounds the pictures PictureFieldOrder looks at: a
// field pair decides by its second field, a frame by itself.
const maxFieldOrderPictures = 8

// PictureFieldOrder returns the field order FFmpeg's h264 parser
// (h264_parser.c parse_nal_units) gives the stream from its first
// pictures, which ffprobe prints when the SPS alone does not decide it
// (see [SPS.FieldOrder]): the first that is known of
//
//   - for a frame: from the pic_struct of a picture timing SEI in the same
//     access unit when the SPS has pic_struct_present_flag (top-bottom
//     "tt", bottom-top "bb", any other "progressive"); else from the
//     picture order counts of its two fields ("tt" when the top one is
//     lower, "bb" when it is higher, "progressive" when equal);
//   - for a field: "tt" or "bb" by the first field of a pair, once the
//     second field (same frame_num, other parity) follows it; a lone field
//     is not known.
//
// data holds the stream's first access units: Annex B when nalLengthSize
// is 0, else NAL units each after a big-endian length of that many bytes
// (MP4 samples). Parameter sets in data are decoded into a copy of p, as
// the parser does. It returns "" when no picture in data decides, or its
// parameter sets are not known. At most a few pictures are looked at, and
// the cost is bounded by len(data).
func (p *Params) PictureFieldOrder(data []byte, nalLengthSize int) string {
	q := *p
	var (
		timing      []byte // the RBSP of the access unit's picture timing SEI, if any
		pictures    int
		lastField   = -1 // 0 top, 1 bottom: the previous picture's, if a field
		lastFrameNm uint64
	)
	for len(data) > 0 && pictures < maxFieldOrderPictures {
		var nal []byte
		if nalLengthSize == 0 {
			var ok bool
			if nal, data, ok = bits.NextNALUnit(data); !ok {
				break
			}
		} else {
			if nalLengthSize > 4 || len(data) < nalLengthSize {
				break
			}
			var n uint64
			for _, c := range data[:nalLengthSize] {
				n = n<<8 | uint64(c)
			}
			data = data[nalLengthSize:]
			if n > uint64(len(data)) {
				n = uint64(len(data))
			}
			nal, data = data[:n], data[n:]
		}
		h, ok := ParseNALHeader(nal)
		if !ok || h.ForbiddenZeroBit {
			continue
		}
		switch h.NALUnitType {
		case NALSPS, NALPPS:
			if nalLengthSize == 0 && h.NALUnitType == NALSPS && !parserAcceptsSPS(nal) {
				continue
			}
			_ = q.decodeUnit(nal)
		case NALSEI:
			if t := pictureTiming(bits.RBSP(nal[1:])); t != nil {
				timing = t
			}
		case NALSlice, NALIDR:
			s, ok := q.parseSliceHead(nal, h)
			if !ok {
				continue
			}
			pictures++
			if s.field < 0 {
				if order := s.frameOrder(timing); order != "" {
					return order
				}
			} else {
				if lastField >= 0 && lastField != s.field && lastFrameNm == s.frameNum {
					if lastField == 0 {
						return "tt"
					}
					return "bb"
				}
				lastField, lastFrameNm = s.field, s.frameNum
			}
			timing = nil
		}
	}
	return ""
}

// sliceHead is what the parser reads of a picture's first slice header.
type sliceHead struct {
	sps      *SPS
	frameNum uint64
	field    int   // -1 a frame, 0 the top field, 1 the bottom one
	bottom   int64 // the bottom field's order count less the top's, for a frame
}

// parseSliceHead reads a slice header up to its picture order count
// fields; ok is false for a slice that is not the first of its picture or
// whose parameter sets are not known.
func (p *Params) parseSliceHead(nal []byte, h NALHeader) (s sliceHead, ok bool) {
	head := nal[1:]
	if len(head) > 64 {
		head = head[:64] // the fields read fit well within 64 bytes
	}
	r := bits.NewReader(bits.RBSP(head))
	if r.UE() != 0 { // first_mb_in_slice: not the picture's first slice
		return s, false
	}
	r.UE() // slice_type
	id := r.UE()
	if r.Err() != nil || id >= MaxPPSCount || p.PPS[id] == nil {
		return s, false
	}
	pps := p.PPS[id]
	sps := p.SPS[pps.SeqParameterSetID]
	if sps == nil {
		return s, false
	}
	s.sps = sps
	if sps.SeparateColourPlaneFlag {
		r.Skip(2) // colour_plane_id
	}
	s.frameNum = r.Bits(int(min(sps.Log2MaxFrameNumMinus4, 12)) + 4)
	s.field = -1
	if !sps.FrameMbsOnlyFlag && r.Flag() { // field_pic_flag
		s.field = int(r.Bit()) // bottom_field_flag
	}
	if h.NALUnitType == NALIDR {
		r.UE() // idr_pic_id
	}
	frame := s.field < 0
	switch sps.PicOrderCntType {
	case 0:
		r.Skip(int(min(sps.Log2MaxPicOrderCntLsbMinus4, 12)) + 4) // pic_order_cnt_lsb
		if pps.BottomFieldPicOrderInFramePresentFlag && frame {
			s.bottom = r.SE() // delta_pic_order_cnt_bottom
		}
	case 1:
		if !sps.DeltaPicOrderAlwaysZeroFlag {
			r.SE() // delta_pic_order_cnt[0]
			if pps.BottomFieldPicOrderInFramePresentFlag && frame {
				s.bottom = r.SE() // delta_pic_order_cnt[1]
			}
		}
		s.bottom += int64(sps.OffsetForTopToBottomField)
	}
	return s, r.Err() == nil
}

// frameOrder is the field order of a frame (8.2.1: the bottom field's
// order count is the top's plus s.bottom), or by its picture timing SEI.
func (s sliceHead) frameOrder(timing []byte) string {
	v := &s.sps.VUI
	if s.sps.VUIParametersPresentFlag && v.PicStructPresentFlag && timing != nil {
		r := bits.NewReader(timing)
		// cpb_removal_delay and dpb_output_delay come first when the SPS
		// has HRD parameters (D.1.3).
		hrd := (*HRD)(nil)
		if v.NALHRDParametersPresentFlag {
			hrd = &v.NALHRD
		} else if v.VCLHRDParametersPresentFlag {
			hrd = &v.VCLHRD
		}
		if hrd != nil {
			r.Skip(int(hrd.CPBRemovalDelayLengthMinus1) + 1)
			r.Skip(int(hrd.DPBOutputDelayLengthMinus1) + 1)
		}
		if ps := r.Bits(4); r.Err() == nil {
			switch ps {
			case picStructTopBottom, picStructTopBottomTop:
				return "tt"
			case picStructBottomTop, picStructBottomTopBottom:
				return "bb"
			}
			return "progressive"
		}
	}
	switch {
	case s.bottom > 0:
		return "tt"
	case s.bottom < 0:
		return "bb"
	}
	return "progressive"
}

// pictureTiming returns the payload of the first picture timing message
// (payloadType 1) of an SEI RBSP, or nil.
func pictureTiming(rbsp []byte) []byte {
	for len(rbsp) > 2 {
		typ, size := 0, 0
		for len(rbsp) > 0 && rbsp[0] == 0xFF {
			typ += 255
			rbsp = rbsp[1:]
		}
		if len(rbsp) == 0 {
			return nil
		}
		typ += int(rbsp[0])
		rbsp = rbsp[1:]
		for len(rbsp) > 0 && rbsp[0] == 0xFF {
			size += 255
			rbsp = rbsp[1:]
		}
		if len(rbsp) == 0 {
			return nil
		}
		size += int(rbsp[0])
		rbsp = rbsp[1:]
		if size > len(rbsp) {
			return nil
		}
		if typ == 1 {
			return rbsp[:size]
		}
		rbsp = rbsp[size:]
	}
	return nil
}
