package dts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProbeCoreHeader: the raw DTS file's first core header, in the
// representations the probe converts, and a header it refuses.
func TestProbeCoreHeader(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "raw_dts.dts"))
	require.NoError(t, err)
	h, ok := ProbeCoreHeader(b)
	require.True(t, ok)
	assert.Equal(t, 48000, h.SampleRate())

	le := make([]byte, CoreHeaderSize)
	for i := 0; i < len(le); i += 2 {
		le[i], le[i+1] = b[i+1], b[i]
	}
	hl, ok := ProbeCoreHeader(le)
	require.True(t, ok)
	assert.Equal(t, h, hl)

	// 14-bit words: each 16-bit word carries 14 bits of the stream, the
	// two top bits a sign extension (here 0).
	var words []byte
	var acc uint64
	n := 0
	for _, c := range b[:32] {
		acc = acc<<8 | uint64(c)
		n += 8
		for n >= 14 {
			n -= 14
			w := uint16(acc>>uint(n)) & 0x3FFF
			words = append(words, byte(w>>8), byte(w))
		}
	}
	// The 14-bit sync word is 0x1FFFE800 0x07Fx, not the converted one.
	copy(words, []byte{0x1F, 0xFF, 0xE8, 0x00})
	words[4], words[5] = 0x07, words[5]|0xF0
	_, ok = ProbeCoreHeader(words)
	assert.True(t, ok)

	bad := append([]byte(nil), b[:CoreHeaderSize]...)
	bad[4] &^= 0x7C // deficit samples other than 32
	_, ok = ProbeCoreHeader(bad)
	assert.False(t, ok)
	_, ok = ProbeCoreHeader([]byte{1, 2, 3})
	assert.False(t, ok)
}

// TestProbeSubstream: sizes that are not multiples of 4 or a bad CRC are
// refused.
func TestProbeSubstream(t *testing.T) {
	_, ok := ProbeSubstream([]byte{0x64, 0x58, 0x20, 0x25, 0, 0, 0, 0, 0, 0, 0, 0})
	assert.False(t, ok)
}
