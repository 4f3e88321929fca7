package hevc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPictureFieldOrder: x265's bottom-field pictures (pic_struct 2 in
// pic_timing SEI) make FFmpeg's parser report AV_PICTURE_STRUCTURE_BOTTOM
// as a field order, which ffprobe prints as "tt"; a stream without
// pic_timing reports none.
func TestPictureFieldOrder(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "raw_hevc_interlaced_bff.hevc"))
	require.NoError(t, err)
	assert.Equal(t, "tt", PictureFieldOrder(b))
	assert.Equal(t, "", PictureFieldOrder(b[:100]))
	assert.Equal(t, "", PictureFieldOrder(nil))
}
