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

func TestFourCCTablesUnique(t *testing.T) {
	for name, rows := range map[string][]FourCC{"bmp": bmpTags[:], "movvideo": movVideoTags[:], "movaudio": movAudioTags[:]} {
		seen := map[string]bool{}
		for _, e := range rows {
			assert.False(t, seen[e.Tag], "%s: %q listed twice", name, e.Tag)
			seen[e.Tag] = true
			assert.True(t, Known(e.Name), "%s: %q: codec %q unknown to ffprobe 5.1", name, e.Tag, e.Name)
		}
	}
}

func TestMovCodecs(t *testing.T) {
	for tag, want := range map[string]string{
		"avc1": "h264", "hvc1": "hevc", "SVQ1": "svq1", "svq1": "svq1", "apch": "prores",
		"mp4a": "aac", "ipcm": "pcm_s16be", "lpcm": "pcm_s16be", "ac-3": "ac3", "zzzz": "",
	} {
		got := MovVideoCodec(tag)
		if got == "" {
			got = MovAudioCodec(tag)
		}
		assert.Equal(t, want, got, "%q", tag)
	}
}
