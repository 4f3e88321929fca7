package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestColorNames: the names ffprobe 5.1 prints (libavutil/pixdesc.c), none
// for unspecified or unnamed codes, "reserved" where FFmpeg names a code so.
func TestColorNames(t *testing.T) {
	assert.Equal(t, "bt709", ColorPrimaries(1))
	assert.Equal(t, "", ColorPrimaries(Unspecified))
	assert.Equal(t, "reserved", ColorPrimaries(0))
	assert.Equal(t, "ebu3213", ColorPrimaries(22))
	assert.Equal(t, "", ColorPrimaries(13))
	assert.Equal(t, "smpte2084", ColorTransfer(16))
	assert.Equal(t, "arib-std-b67", ColorTransfer(18))
	assert.Equal(t, "", ColorTransfer(19))
	assert.Equal(t, "gbr", ColorSpace(0))
	assert.Equal(t, "bt2020nc", ColorSpace(9))
	assert.Equal(t, "ictcp", ColorSpace(14))
	assert.Equal(t, "", ColorSpace(15))
	assert.Equal(t, "left", ChromaLocation(0))
	assert.Equal(t, "bottom", ChromaLocation(5))
	assert.Equal(t, "", ChromaLocation(6))
	assert.Equal(t, "", ChromaLocation(-1))
	assert.Equal(t, "pc", ColorRange(true))
	assert.Equal(t, "tv", ColorRange(false))
	p, tr, m := KnownColorCodes(1, 99, Unspecified)
	assert.Equal(t, []bool{true, false, true}, []bool{p, tr, m})
}

// TestColorNamesExhaustive: every code ffprobe 5.1 was run on (an MPEG-2
// sequence display extension and a ProRes frame header with all three
// code points set to the code).
func TestColorNamesExhaustive(t *testing.T) {
	tests := []struct {
		code              int
		prim, trc, matrix string
	}{
		{0, "reserved", "reserved", "gbr"}, {1, "bt709", "bt709", "bt709"}, {2, "", "", ""},
		{3, "reserved", "reserved", "reserved"}, {4, "bt470m", "bt470m", "fcc"}, {5, "bt470bg", "bt470bg", "bt470bg"},
		{6, "smpte170m", "smpte170m", "smpte170m"}, {7, "smpte240m", "smpte240m", "smpte240m"},
		{8, "film", "linear", "ycgco"}, {9, "bt2020", "log100", "bt2020nc"}, {10, "smpte428", "log316", "bt2020c"},
		{11, "smpte431", "iec61966-2-4", "smpte2085"}, {12, "smpte432", "bt1361e", "chroma-derived-nc"},
		{13, "", "iec61966-2-1", "chroma-derived-c"}, {14, "", "bt2020-10", "ictcp"}, {15, "", "bt2020-12", ""},
		{16, "", "smpte2084", ""}, {17, "", "smpte428", ""}, {18, "", "arib-std-b67", ""}, {19, "", "", ""},
		{21, "", "", ""}, {22, "ebu3213", "", ""}, {23, "", "", ""}, {100, "", "", ""}, {255, "", "", ""},
		{-1, "", "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.prim, ColorPrimaries(tt.code), "primaries %d", tt.code)
		assert.Equal(t, tt.trc, ColorTransfer(tt.code), "transfer %d", tt.code)
		assert.Equal(t, tt.matrix, ColorSpace(tt.code), "matrix %d", tt.code)
	}
}

// TestValidPictureSize: av_image_check_size's bounds, at the edges.
func TestValidPictureSize(t *testing.T) {
	assert.True(t, ValidPictureSize(1, 1))
	assert.True(t, ValidPictureSize(7680, 4320))
	assert.False(t, ValidPictureSize(0, 16))
	assert.False(t, ValidPictureSize(16, -1))
	assert.False(t, ValidPictureSize(1<<28, 1))
	// 8*(w+128)*(h+128) must stay below INT_MAX: w+128 = h+128 = 2^14 is 2^31.
	assert.False(t, ValidPictureSize(16384-128, 16384-128))
	assert.True(t, ValidPictureSize(16384-128, 16384-129))
}
