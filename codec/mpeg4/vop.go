package mpeg4

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// VOPTimes returns the display times of the first VOPs in data, at most
// max, in units of the layer's vop_time_increment_resolution, as
// decode_vop_header computes s->time: the seconds counted by the
// modulo_time_base bits, times the resolution, plus vop_time_increment.
// A B-VOP's seconds count from those of the reference before the last
// one. FFmpeg's mpeg4 parser makes each packet's timestamp of it, in
// decode order. ok is false when the layer has no resolution or when a
// VOP's increment lacks its marker bit (FFmpeg then guesses the field's
// width): the times are then not these.
func VOPTimes(data []byte, vol *VideoObjectLayer, max int) (times []int64, ok bool) {
	if vol == nil || vol.VOPTimeIncrementResolution == 0 {
		return nil, false
	}
	res := int64(vol.VOPTimeIncrementResolution)
	n := vol.TimeIncrementBits()
	var base, lastBase int64
	start := []byte{0, 0, 1, VOPStartCode}
	for len(times) < max {
		i := bytes.Index(data, start)
		if i < 0 {
			break
		}
		data = data[i+4:]
		r := bits.NewReader(data[:min(len(data), 16)])
		bVOP := r.Bits(2) == 2
		incr := int64(0)
		for r.Err() == nil && r.Flag() {
			incr++
		}
		r.Flag() // marker_bit: check_marker only warns
		if r.Peek(n+1)&1 == 0 {
			return times, false // no marker after vop_time_increment
		}
		inc := int64(r.Bits(n))
		if r.Err() != nil {
			break // cut short at the end of data
		}
		if bVOP {
			times = append(times, (lastBase+incr)*res+inc)
			continue
		}
		lastBase = base
		base += incr
		times = append(times, base*res+inc)
	}
	return times, true
}
