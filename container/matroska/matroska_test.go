package matroska

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// ebml builds an EBML header element with a one-byte size and body.
func ebml(body string) []byte {
	return append([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x80 | byte(len(body))}, body...)
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 100, probe(ebml("\x42\x82\x88matroska")))
	assert.Equal(t, 100, probe(ebml("\x42\x82\x84webm")))
	assert.Equal(t, 50, probe(ebml("\x42\x82\x84abcd")), "EBML of another document type")
	assert.Equal(t, 0, probe(ebml("\x42\x82\x88matroska")[:10]), "header cut by the end of the head")
	// An unknown size (all value bits set) searches the whole head.
	assert.Equal(t, 100, probe(append([]byte{0x1A, 0x45, 0xDF, 0xA3, 0xFF}, "....webm"...)))
	// A size of nine bytes or more is refused.
	assert.Equal(t, 0, probe([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x00, 1, 2, 3, 4, 5, 6, 7, 8}))
	assert.Equal(t, 0, probe([]byte("RIFF")))
}

func FuzzProbe(f *testing.F) {
	f.Add(ebml("\x42\x82\x88matroska"))
	f.Add([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x01, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		if s := probe(b); s != 0 && s != 50 && s != 100 {
			t.Fatalf("score %d", s)
		}
	})
}
