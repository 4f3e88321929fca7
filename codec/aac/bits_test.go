package aac

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBitReader(t *testing.T) {
	r := &bitReader{b: []byte{0b10110011, 0b01011100, 0xFF, 0x00, 0xAA, 0x55}}
	assert.Equal(t, uint32(0b101), r.read(3))
	assert.Equal(t, uint32(0b10011010), r.peek(8))
	assert.Equal(t, uint32(0b1001101011100), r.read(13))
	assert.Equal(t, uint32(0xFF00AA55), r.read(32))
	assert.Equal(t, 0, r.left())
	assert.False(t, r.overrun)
	assert.Equal(t, uint32(0), r.read(1))
	assert.True(t, r.overrun)

	r = &bitReader{b: []byte{0x01, 0x23, 0x45, 0x67, 0x89}}
	r.read(4)
	assert.Equal(t, uint32(0x12345678), r.read(32)) // a 32-bit field across 5 bytes
	assert.Equal(t, uint32(0x9), r.read(4))
}
