package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestLayoutsMatchLibavutil compares the name table with what libavutil
// 5.1 (libavutil.so.57.28.100, Debian 12) returns: av_channel_layout_standard
// walked in order, each mask described by av_channel_layout_describe.
func TestLayoutsMatchLibavutil(t *testing.T) {
	want := []struct {
		mask uint64
		name string
	}{
		{0x4, "mono"}, {0x3, "stereo"}, {0xb, "2.1"}, {0x7, "3.0"}, {0x103, "3.0(back)"},
		{0x107, "4.0"}, {0x33, "quad"}, {0x603, "quad(side)"}, {0xf, "3.1"}, {0x37, "5.0"},
		{0x607, "5.0(side)"}, {0x10f, "4.1"}, {0x3f, "5.1"}, {0x60f, "5.1(side)"}, {0x707, "6.0"},
		{0x6c3, "6.0(front)"}, {0x137, "hexagonal"}, {0x70f, "6.1"}, {0x13f, "6.1(back)"},
		{0x6cb, "6.1(front)"}, {0x637, "7.0"}, {0x6c7, "7.0(front)"}, {0x63f, "7.1"},
		{0xff, "7.1(wide)"}, {0x6cf, "7.1(wide-side)"}, {0x737, "octagonal"},
		{0x18003f737, "hexadecagonal"}, {0x60000000, "downmix"}, {0x1f80003ffff, "22.2"},
	}
	require.Len(t, layouts, len(want))
	for i, w := range want {
		assert.Equal(t, w.mask, layouts[i].mask, w.name)
		assert.Equal(t, w.name, layouts[i].name)
		assert.Equal(t, w.name, LayoutName(w.mask))
	}
	// av_channel_layout_from_mask(1 << i) described: the channel names.
	for i, name := range map[int]string{
		0: "1 channels (FL)", 3: "1 channels (LFE)", 17: "1 channels (TBR)", 18: "1 channels (USR18)",
		28: "1 channels (USR28)", 29: "1 channels (DL)", 33: "1 channels (SDL)", 35: "1 channels (LFE2)",
		40: "1 channels (BFR)", 41: "1 channels (USR41)", 63: "1 channels (USR63)",
	} {
		assert.Equal(t, name, LayoutName(1<<i), "bit %d", i)
	}
}

// TestDefaultLayoutMatchesLibavutil compares DefaultLayout with
// av_channel_layout_default for 0 to 25 channels.
func TestDefaultLayoutMatchesLibavutil(t *testing.T) {
	want := map[int]string{1: "mono", 2: "stereo", 3: "2.1", 4: "4.0", 5: "5.0", 6: "5.1", 7: "6.1",
		8: "7.1", 16: "hexadecagonal", 24: "22.2"}
	for n := 0; n <= 25; n++ {
		assert.Equal(t, want[n], DefaultLayout(n), "%d channels", n)
	}
}

func TestAC3Layout(t *testing.T) {
	for _, tc := range []struct {
		acmod uint
		lfe   bool
		want  string
	}{
		{0, false, "stereo"},             // 1+1 dual mono
		{1, true, "2 channels (FC+LFE)"}, // testdata m4a_ac3_fc_lfe.m4a
		{2, false, "stereo"},
		{3, false, "3.0"},
		{4, false, "3.0(back)"},
		{5, true, "4.1"},
		{6, false, "quad(side)"},
		{7, false, "5.0(side)"},
		{7, true, "5.1(side)"},
	} {
		assert.Equal(t, tc.want, LayoutName(AC3Layout(tc.acmod, tc.lfe)), "acmod %d lfe %v", tc.acmod, tc.lfe)
	}
}
