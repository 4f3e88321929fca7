package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBMPCodec(t *testing.T) {
	for tag, want := range map[string]string{
		"H264":             "h264",
		"XVID":             "mpeg4",
		"xvid":             "mpeg4", // only through the upper-cased pass
		"mp4v":             "mpeg4",
		"MJPG":             "mjpeg", // first entry; jpegls comes later
		"LJPG":             "mjpeg", // first entry; ljpeg comes later
		"H263":             "h263",  // first entry; h263p comes later
		"DIV3":             "msmpeg4v3",
		"dvsd":             "dvvideo",
		"VP80":             "vp8",
		"\x00\x00\x00\x00": "rawvideo",
		"\x04\x00\x00\x00": "mpeg4",
		"HEVC":             "", // not in FFmpeg 5.1's table
		"ZZZZ":             "",
	} {
		assert.Equal(t, want, BMPCodec(Fourcc(tag)), "%q", tag)
	}
}

func TestBMPTagsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range bmpTags {
		assert.False(t, seen[e.tag], "%q listed twice", e.tag)
		seen[e.tag] = true
		assert.True(t, Known(e.name), "%q: codec %q unknown to ffprobe 5.1", e.tag, e.name)
	}
}
