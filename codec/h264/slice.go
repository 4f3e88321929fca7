package h264

import "github.com/mediaprobe/mediaprobe/internal/bits"

// Slice types (slice_type modulo 5, Table 7-6).
const (
	SliceP  = 0
	SliceB  = 1
	SliceI  = 2
	SliceSP = 3
	SliceSI = 4
)

// SliceType returns the slice_type of a coded slice NAL unit (nal_unit_type
// 1 or 5, header byte included), modulo 5 (SliceP, SliceB, ...), as
// FFmpeg's h264 parser reads it after first_mb_in_slice; ok is false for
// another unit or a value above 9.
//
// It is what a raw stream demuxer needs to refine has_b_frames without a
// VUI bitstream restriction, in part: when the parser meets a B slice,
// libavformat's compute_pkt_fields raises has_b_frames from 0 to 1
// (checked with ffprobe 5.1: an x264 stream with B-frames whose
// max_num_reorder_frames is 0, or whose SPS FFmpeg rejects, prints 1).
// The decoder raises it further as pictures arrive out of order, which
// takes their picture order counts.
func SliceType(nal []byte) (sliceType int, ok bool) {
	if t := nalType(nal); t != NALSlice && t != NALIDR {
		return 0, false
	}
	// Two ue(v) codes fit in the first 9 bytes of the payload.
	head := nal[1:]
	if len(head) > 16 {
		head = head[:16]
	}
	d := newReader(bits.RBSP(head), 8*len(head))
	d.ueLong() // first_mb_in_slice
	st := d.ue31()
	if st > 9 || d.r.Err() != nil {
		return 0, false
	}
	return int(st % 5), true
}
