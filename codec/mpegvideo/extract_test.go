package mpegvideo

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestExtradataSize: the sequence header and its extensions, up to the
// next start code of another kind (extract_extradata_mpeg12).
func TestExtradataSize(t *testing.T) {
	seq := []byte{0, 0, 1, 0xB3, 1, 2, 3, 4, 5, 6, 7, 8}
	ext := []byte{0, 0, 1, 0xB5, 1, 2, 3, 4, 5, 6}
	gop := []byte{0, 0, 1, 0xB8, 0, 8, 0, 0}
	cat := func(parts ...[]byte) (b []byte) {
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	assert.Equal(t, 22, ExtradataSize(cat(seq, ext, gop)))
	assert.Equal(t, 12, ExtradataSize(cat(seq, []byte{0, 0, 1, 0x00, 1})))
	assert.Equal(t, 0, ExtradataSize(cat(gop, []byte{0, 0, 1, 0x00})), "no sequence header")
	assert.Equal(t, 0, ExtradataSize(cat(seq, ext)), "nothing after the headers")
	assert.Equal(t, 14, ExtradataSize(cat([]byte{9, 9}, seq, gop)), "leading bytes count")
}
