package mpeg4

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// vop builds a VOP header: start code, vop_coding_type, modulo_time_base
// (secs ones then a zero), marker, vop_time_increment in n bits, marker.
func vop(codingType uint64, secs int, inc uint64, n int) []byte {
	var v uint64
	var nb int
	put := func(x uint64, w int) { v = v<<w | x; nb += w }
	put(codingType, 2)
	for i := 0; i < secs; i++ {
		put(1, 1)
	}
	put(0, 1)
	put(1, 1) // marker_bit
	put(inc, n)
	put(1, 1) // marker_bit
	for nb%8 != 0 {
		put(0, 1)
	}
	b := []byte{0, 0, 1, VOPStartCode}
	for i := nb - 8; i >= 0; i -= 8 {
		b = append(b, byte(v>>i))
	}
	return append(b, 0xAA, 0xAA) // stands for the macroblocks
}

func TestVOPTimes(t *testing.T) {
	vol := &VideoObjectLayer{VOPTimeIncrementResolution: 30000} // 15 bits
	var data []byte
	// I P B in decode order at 30000/1001: times 0, 2002, 1001; then a P
	// one second on (modulo_time_base 1), increment 3003.
	data = append(data, vop(0, 0, 0, 15)...)
	data = append(data, vop(1, 0, 2002, 15)...)
	data = append(data, vop(2, 0, 1001, 15)...)
	data = append(data, vop(1, 1, 3003, 15)...)
	times, ok := VOPTimes(data, vol, 10)
	assert.True(t, ok)
	assert.Equal(t, []int64{0, 2002, 1001, 30000 + 3003}, times)

	times, ok = VOPTimes(data, vol, 2)
	assert.True(t, ok)
	assert.Equal(t, []int64{0, 2002}, times)

	// No marker bit after vop_time_increment: FFmpeg guesses its width.
	bad := vop(0, 0, 5, 14)
	_, ok = VOPTimes(bad[:len(bad)-2], vol, 10)
	assert.False(t, ok)

	_, ok = VOPTimes(data, &VideoObjectLayer{}, 10)
	assert.False(t, ok)
}
