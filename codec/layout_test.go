package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLayoutName(t *testing.T) {
	for _, tc := range []struct {
		mask uint64
		want string
	}{
		{0x4, "mono"},
		{0x3, "stereo"},
		{0x3F, "5.1"},
		{0x60F, "5.1(side)"},
		{0x63F, "7.1"},
		{0x33, "quad"},
		{0x1 | 0x2 | 0x8, "2.1"},
		{0x1 | 0x8, "2 channels (FL+LFE)"}, // checked with ffprobe 5.1
		{0x4 | 0x8, "2 channels (FC+LFE)"},
		{0x1 | 0x2 | 0x1000, "3 channels (FL+FR+TFL)"},
		{1 << 20, "1 channels (USR20)"},
		{0, ""},
	} {
		assert.Equal(t, tc.want, LayoutName(tc.mask), "mask %#x", tc.mask)
	}
	assert.Equal(t, "", MaskLayout(0x3F, 2), "a mask that disagrees with the channels is ignored")
	assert.Equal(t, "5.1", MaskLayout(0x3F, 6))
	assert.Equal(t, "5.0", DefaultLayout(5))
	assert.Equal(t, "5.1", DefaultLayout(6))
	assert.Equal(t, "", DefaultLayout(9))
}
