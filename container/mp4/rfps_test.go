package mp4

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVideoDelay(t *testing.T) {
	ones := []int64{1, 1, 1, 1, 1, 1}
	// Offsets make presentation times from decoding times 0, 1, 2, ...
	for _, tc := range []struct {
		name    string
		offsets []int64
		want    int
	}{
		{"no reordering", []int64{0, 0, 0, 0, 0, 0}, 0},
		{"I P B B: pts 0 3 1 2", []int64{0, 2, -1, -1}, 1},
		{"I P B b b: pts 0 4 2 1 3", []int64{0, 3, 0, -2, -1}, 2},
	} {
		assert.Equal(t, tc.want, videoDelay(ones, tc.offsets), tc.name)
	}
	// A sample that would move back more than the buffer holds counts as
	// far as the buffer reaches.
	offsets := make([]int64, 40)
	deltas := make([]int64, 40)
	for i := range offsets {
		deltas[i] = 1
		offsets[i] = int64(40 - 2*i)
	}
	assert.Equal(t, maxReorderDelay, videoDelay(deltas, offsets))
	assert.Equal(t, 0, videoDelay(nil, offsets))
}
