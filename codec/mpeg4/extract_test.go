package mpeg4

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestExtradataSize: the bytes before the first GOV or VOP start code
// (extract_extradata_mpeg4).
func TestExtradataSize(t *testing.T) {
	vos := []byte{0, 0, 1, 0xB0, 1, 0, 0, 1, 0xB5, 9}
	vop := []byte{0, 0, 1, 0xB6, 0x10}
	assert.Equal(t, 10, ExtradataSize(append(append([]byte(nil), vos...), vop...)))
	assert.Equal(t, 10, ExtradataSize(append(append([]byte(nil), vos...), 0, 0, 1, 0xB3, 0, 0, 1, 0xB6)))
	assert.Equal(t, 0, ExtradataSize(vop), "a VOP first")
	assert.Equal(t, 0, ExtradataSize(vos), "no VOP")
}
