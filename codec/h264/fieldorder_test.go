package h264

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPictureFieldOrder: an interlaced x264 stream (MBAFF frames with a
// picture timing SEI of pic_struct top-bottom), for which ffprobe 5.1
// prints tt, in Annex B and length-prefixed framing; its SPS alone does
// not decide.
func TestPictureFieldOrder(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "raw_h264_interlaced.h264"))
	require.NoError(t, err)
	p, found, err := ScanAnnexB(b)
	require.NoError(t, err)
	require.True(t, found)
	order, decided := p.Active().FieldOrder(p.ActivePPS())
	assert.Equal(t, "", order)
	assert.False(t, decided)
	assert.Equal(t, "tt", p.PictureFieldOrder(b, 0))

	// The same units, each after a 4-byte length.
	var avc []byte
	for rest := b; ; {
		nal, r, ok := nextUnit(rest)
		if !ok {
			break
		}
		avc = append(avc, byte(len(nal)>>24), byte(len(nal)>>16), byte(len(nal)>>8), byte(len(nal)))
		avc = append(avc, nal...)
		rest = r
	}
	assert.Equal(t, "tt", p.PictureFieldOrder(avc, 4))

	// Cut before the first slice, or framed wrongly: not known.
	assert.Equal(t, "", p.PictureFieldOrder(avc[:40], 4))
	assert.Equal(t, "", p.PictureFieldOrder(avc, 5))
	// The parser decodes the parameter sets it meets, as here; without
	// them, the slices cannot be read.
	assert.Equal(t, "tt", (&Params{}).PictureFieldOrder(b, 0))
	var slices []byte
	for rest := b; ; {
		nal, r, ok := nextUnit(rest)
		if !ok {
			break
		}
		if typ := nal[0] & 0x1F; typ != NALSPS && typ != NALPPS {
			slices = append(append(slices, 0, 0, 1), nal...)
		}
		rest = r
	}
	assert.Equal(t, "", (&Params{}).PictureFieldOrder(slices, 0))
	assert.Equal(t, "tt", p.PictureFieldOrder(slices, 0))
}

// TestPictureTiming: SEI messages are walked by their sizes, with 0xFF
// extension bytes, up to the picture timing one.
func TestPictureTiming(t *testing.T) {
	assert.Equal(t, []byte{0x30}, pictureTiming([]byte{5, 2, 0xAA, 0xBB, 1, 1, 0x30, 0x80}))
	assert.Equal(t, []byte{0x31}, pictureTiming(append(append([]byte{0xFF, 5, 0xFF, 0}, make([]byte, 255)...), 1, 1, 0x31)))
	assert.Nil(t, pictureTiming([]byte{5, 200, 1}), "a size past the end")
	assert.Nil(t, pictureTiming([]byte{0xFF, 0xFF}))
}

func nextUnit(b []byte) (nal, rest []byte, ok bool) {
	for i := 0; i+3 <= len(b); i++ {
		if b[i] == 0 && b[i+1] == 0 && b[i+2] == 1 {
			start := i + 3
			for j := start; j+3 <= len(b); j++ {
				if b[j] == 0 && b[j+1] == 0 && (b[j+2] == 1 || b[j+2] == 0) {
					return b[start:j], b[j:], true
				}
			}
			return b[start:], nil, true
		}
	}
	return nil, nil, false
}
