package hevc

import (
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// ScanAnnexB finds the parameter sets of an Annex B byte stream (a raw
// .hevc file, or the payload of MPEG-TS or MPEG-PS packets) the way
// avformat_find_stream_info obtains the extradata of such a stream: the
// hevc parser (libavcodec/hevc_parser.c) cuts the stream into access
// units, and extract_extradata_bsf takes from the first access unit that
// holds both a VPS and an SPS all its VPS, SPS and PPS units, each after
// a three-byte start code, in stream order, every unit with the bytes up
// to the next start code (a following four-byte start code's zero byte
// included). ok is false when no access unit in b has both.
//
// The extradata is what ffprobe prints the size of (extradata_size), and
// [ParseExtradata] gives the decoder's view of it. The caller bounds the
// cost by the length of b: the scan is one pass, and allocates only the
// result, which is never longer than b plus three bytes a unit. An access
// unit cut by the end of b counts as it is, as the parser flushes the
// last one at the end of a stream.
func ScanAnnexB(b []byte) (extradata []byte, ok bool) {
	var (
		au         [][2]int // the kept units of the current access unit: start, end in b
		vps, sps   bool
		frameStart bool // a first slice segment of the access unit was seen
		scratch    []byte
	)
	flush := func() bool {
		if !vps || !sps {
			au, vps, sps = au[:0], false, false
			return false
		}
		for _, u := range au {
			extradata = append(extradata, 0, 0, 1)
			extradata = append(extradata, b[u[0]:u[1]]...)
		}
		return true
	}
	pos := 0
	for {
		i := bits.IndexStartCode(b[pos:])
		if i < 0 {
			break
		}
		start := pos + i + 3
		// The unit runs to the next 0x000001 or 0x000002, as
		// ff_h2645_extract_rbsp ends it.
		var n int
		scratch, n = bits.AppendRBSP(scratch[:0], b[start:])
		end := start + n
		pos = end
		if n < 1 {
			continue
		}
		// Access unit boundaries, as hevc_find_frame_end finds them from
		// the first bytes after each start code.
		typ := b[start] >> 1 & 0x3F
		switch {
		case typ >= NALVPS && typ <= NALEOB || typ == NALSEIPrefix || typ >= 41 && typ <= 44 || typ >= 48 && typ <= 55:
			if frameStart {
				if flush() {
					return extradata, true
				}
				frameStart = false
			}
		case typ <= NALRASLR || typ >= NALBLAWLP && typ <= NALCRA:
			if len(b)-start > nalHeaderSize && b[start+nalHeaderSize]&0x80 != 0 { // first_slice_segment_in_pic_flag
				if frameStart && flush() {
					return extradata, true
				}
				frameStart = true
			}
		}
		// The units extract_extradata keeps: those packet splitting keeps,
		// of the three parameter set types.
		if typ < NALVPS || typ > NALPPS {
			continue
		}
		if _, ok := newUnit(scratch); !ok {
			continue
		}
		au = append(au, [2]int{start, end})
		vps = vps || typ == NALVPS
		sps = sps || typ == NALSPS
	}
	if flush() {
		return extradata, true
	}
	return nil, false
}
