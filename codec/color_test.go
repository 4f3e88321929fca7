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
