package rawvideo

import (
	"github.com/mediaprobe/mediaprobe/codec/av1"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// FFmpeg's probe scores (libavformat/avformat.h).
const (
	scoreExtension = 50 // AVPROBE_SCORE_EXTENSION
)

// probePadding is the zero padding after FFmpeg's probe buffer
// (AVPROBE_PADDING_SIZE); probeLookahead is more than the bits any probe
// reads after a start code.
const (
	probePadding   = 32
	probeLookahead = 64
)

// padded returns the byte at i, or 0 past the end: FFmpeg's probe buffers
// are followed by zero padding, which its probes read as data.
func padded(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// probeH264 scores the head as h264dec.c h264_probe does: it walks every
// start code, refuses units whose nal_ref_idc the unit type forbids (or
// with the forbidden bit set), counts SPS, PPS naming a known SPS, and
// slices naming a known PPS, and wants an SPS, a PPS and an IDR slice (or
// four non-IDR ones) with fewer reserved unit types than those.
func probeH264(b []byte) int {
	// ref_zero: 1 the unit must have nal_ref_idc 0, -1 it must not, 2 a
	// reserved or unspecified type.
	refZero := [32]int8{
		2, 0, 0, 0, 0, -1, 1, -1,
		-1, 1, 1, 1, 1, -1, 2, 2,
		2, 2, 2, 0, 2, 2, 2, 2,
		2, 2, 2, 2, 2, 2, 2, 2,
	}
	const maxSPS, maxPPS = 32, 256
	var spsIDs [maxSPS + 1]bool
	var ppsIDs [maxPPS + 1]bool
	sps, pps, idr, res, sli := 0, 0, 0, 0, 0
	code := ^uint32(0)
	for i := 0; i+2 < len(b); i++ {
		code = code<<8 | uint32(b[i])
		if code&0xFFFFFF00 != 0x100 {
			continue
		}
		refIDC, typ := code>>5&3, code&0x1F
		if code&0x80 != 0 {
			return 0
		}
		switch refZero[typ] {
		case 1:
			if refIDC != 0 {
				return 0
			}
		case -1:
			if refIDC == 0 {
				return 0
			}
		case 2:
			// A zero unit followed by zeros is padding, not a unit.
			if !(code == 0x100 && b[i+1] == 0 && b[i+2] == 0) {
				res++
			}
		}
		var tail [probeLookahead + probePadding]byte
		r := bits.NewReader(b[i+1:])
		if len(b)-(i+1) < probeLookahead {
			// Near the end: read the zero padding FFmpeg's buffer has.
			r = bits.NewReader(tail[:copy(tail[:], b[i+1:])+probePadding])
		}
		// An Exp-Golomb code of zeros reads as 2^32-1 in
		// get_ue_golomb_long; anything read after it is garbage too.
		ue := func() uint64 {
			if v := r.UE(); r.Err() == nil {
				return v
			}
			return 1<<32 - 1
		}
		switch typ {
		case 1, 5:
			ue()          // first_mb_in_slice
			if ue() > 9 { // slice_type
				return 0
			}
			id := ue()
			if id > maxPPS {
				return 0
			}
			if !ppsIDs[id] {
				break
			}
			if typ == 1 {
				sli++
			} else {
				idr++
			}
		case 7:
			r.Skip(14) // profile_idc, constraint flags
			if r.Bits(2) != 0 {
				return 0
			}
			r.Skip(8) // level_idc
			id := ue()
			if id > maxSPS {
				return 0
			}
			spsIDs[id] = true
			sps++
		case 8:
			id := ue()
			if id > maxPPS {
				return 0
			}
			sid := ue()
			if sid > maxSPS {
				return 0
			}
			if !spsIDs[sid] {
				break
			}
			ppsIDs[id] = true
			pps++
		}
	}
	if sps > 0 && pps > 0 && (idr > 0 || sli > 3) && res < sps+pps+idr {
		return scoreExtension + 1 // one more than .mpg
	}
	return 0
}

// probeHEVC scores the head as hevcdec.c hevc_probe does: every unit
// header must have its forbidden and reserved bits clear (nuh_layer_id 0),
// and a VPS, an SPS, a PPS and an IRAP picture must be there.
func probeHEVC(b []byte) int {
	vps, sps, pps, irap := 0, 0, 0, 0
	code := ^uint32(0)
	for i := 0; i+1 < len(b); i++ {
		code = code<<8 | uint32(b[i])
		if code&0xFFFFFF00 != 0x100 {
			continue
		}
		if code&0x81 != 0 || b[i+1]&0xF8 != 0 {
			return 0
		}
		switch code & 0x7E >> 1 {
		case 32:
			vps++
		case 33:
			sps++
		case 34:
			pps++
		case 16, 17, 18, 19, 20, 21: // BLA, IDR, CRA
			irap++
		}
	}
	if vps > 0 && sps > 0 && pps > 0 && irap > 0 {
		return scoreExtension + 1
	}
	return 0
}

// probeM4V scores the head as m4vdec.c mpeg4video_probe does. It counts
// video object, video object layer, VOP and visual object start codes,
// and reserved codes; four bytes 00 00 00 xx with xx above 1 count among
// the reserved ones too, as FFmpeg's test lets them through.
func probeM4V(b []byte) int {
	vo, vol, vop, viso, res, resMain := 0, 0, 0, 0, 0, 0
	code := ^uint32(0)
	for _, c := range b {
		code = code<<8 | uint32(c)
		if code&0xFFFFFE00 != 0 || code < 2 {
			continue
		}
		switch {
		case code == 0x1B6:
			vop++
		case code == 0x1B5:
			viso++
		case code >= 0x100 && code < 0x120:
			vo++
		case code >= 0x120 && code < 0x130:
			vol++
		case code == 0x1B7 || code == 0x1B8: // slice, extension: reserved in main
			resMain++
		case !(0x1AF < code && code < 0x1B7) && !(0x1B9 < code && code < 0x1C4):
			res++
		}
	}
	// The codes reserved for the Main profile count when they are few
	// beside the VOPs.
	if resMain > 0 && 2*resMain < vop {
		res += resMain
	}
	structured := vop >= viso && vop >= vol && vo >= vol && vol > 0
	switch {
	case structured && res == 0 && vop+vo > 4:
		return scoreExtension
	case structured && res == 0:
		return scoreExtension / 2
	case structured && vop+vo > 4:
		return scoreExtension / 10
	}
	return 0
}

// probeMPEGVideo scores the head as mpegvideodec.c mpegvideo_probe does:
// sequence headers that are well formed up to the next start code,
// pictures, and slices in increasing order, with no pack header, audio
// PES or MPEG-4 VOP; video PES start codes make it an MPEG-PS stream.
func probeMPEGVideo(b []byte) int {
	pic, seq, slice, sicle, pspack, vpes, apes, res := 0, 0, 0, 0, 0, 0, 0, 0
	var last uint32
	code := ^uint32(0)
	for i, c := range b {
		code = code<<8 | uint32(c)
		if code&0xFFFFFF00 != 0x100 {
			continue
		}
		p := i + 1 // after the start code
		switch code {
		case 0x1B3:
			if seqHeaderWellFormed(b, p) {
				seq++
			}
		case 0x100:
			pic++
		case 0x1BA:
			pspack++
		case 0x1B6:
			res++
		}
		if code >= 0x101 && code <= 0x1AF {
			if last >= 0x101 && last <= 0x1AF {
				if code >= last {
					slice++
				} else {
					sicle++
				}
			} else if code == 0x101 {
				slice++
			} else {
				sicle++
			}
		}
		if code&0x1F0 == 0x1E0 {
			vpes++
		} else if code&0x1E0 == 0x1C0 {
			apes++
		}
		last = code
	}
	if seq > 0 && seq*9 <= pic*10 && pic*9 <= slice*10 && pspack == 0 && apes == 0 && res == 0 && slice > sicle {
		switch {
		case vpes > 0:
			return scoreExtension / 4
		case pic > 1:
			return scoreExtension + 1
		default:
			return scoreExtension / 2
		}
	}
	return 0
}

// seqHeaderWellFormed reports whether the sequence header whose fields
// start at p has its marker bit set and is followed by a start code once
// its optional quantiser matrices (64 bytes each) are passed, as
// mpegvideo_probe checks it (bytes past the end read as zeros).
func seqHeaderWellFormed(b []byte, p int) bool {
	if padded(b, p+6)&0x20 == 0 { // marker_bit after bit_rate_value
		return false
	}
	j := -1
	left := len(b) - p
	if padded(b, p+j+8)&2 != 0 { // load_intra_quantiser_matrix
		j += 64
	}
	if j >= left {
		return false
	}
	if padded(b, p+j+8)&1 != 0 { // load_non_intra_quantiser_matrix
		j += 64
	}
	if j >= left {
		return false
	}
	next := uint32(padded(b, p+j+9))<<16 | uint32(padded(b, p+j+10))<<8 | uint32(padded(b, p+j+11))
	return next&0xFFFFFE == 0
}

// maxOBUHeader is the most bytes an OBU header and its leb128 size take
// (av1dec.c MAX_OBU_HEADER_SIZE).
const maxOBUHeader = 2 + 8

// probeOBU scores the head as av1dec.c obu_probe does: a temporal
// delimiter with an empty payload first, then OBUs with sizes, each with
// a payload, until a frame or frame header OBU, which scores if a sequence
// header came before it; metadata and padding OBUs are passed over, any
// other type ends the probe with 0.
func probeOBU(b []byte) int {
	n, size, typ, ok := obuHeader(b)
	if !ok || typ != av1.OBUTemporalDelimiter || size != 0 {
		return 0
	}
	cnt := int(min(n, int64(len(b))))
	seq := false
	for {
		n, size, typ, ok := obuHeader(b[cnt:])
		if !ok || size <= 0 {
			return 0
		}
		cnt += int(min(n, int64(len(b)-cnt)))
		switch typ {
		case av1.OBUSequenceHeader:
			seq = true
		case av1.OBUFrame, av1.OBUFrameHeader:
			if seq {
				return scoreExtension + 1
			}
			return 0
		case av1.OBUMetadata, av1.OBUPadding:
		default:
			return 0
		}
	}
}

// obuHeader reads an OBU header with its size field (av1dec.c
// read_obu_with_size) from at most maxOBUHeader bytes of b: it returns the
// OBU's total length (header and payload), its payload size and type. ok
// is false for a forbidden bit, an OBU without a size field, a size above
// 2^31-1 or a header cut by the end of b.
func obuHeader(b []byte) (total, size int64, typ int, ok bool) {
	r := bits.NewReader(b[:min(len(b), maxOBUHeader)])
	if r.Flag() { // obu_forbidden_bit
		return 0, 0, 0, false
	}
	typ = int(r.Bits(4))
	ext := r.Flag()
	if !r.Flag() { // obu_has_size_field
		return 0, 0, 0, false
	}
	r.Skip(1)
	if ext {
		r.Skip(8)
	}
	size = int64(r.LEB128())
	if size > 1<<31-1 || r.Err() != nil {
		return 0, 0, 0, false
	}
	total = size + int64(r.BitPos()/8)
	return total, size, typ, total <= 1<<31-1
}
