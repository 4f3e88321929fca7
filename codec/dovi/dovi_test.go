package dovi

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestParseConfig(t *testing.T) {
	// Profile 8, level 6, RPU and BL present, compatibility id 1: the
	// dvcC box of an HDR10-compatible Dolby Vision file.
	c, ok := ParseConfig([]byte{1, 0, 0x10, 0x35, 0x10})
	assert.True(t, ok)
	assert.Equal(t, container.DOVIConfig{VersionMajor: 1, Profile: 8, Level: 6, RPUPresent: true, BLPresent: true,
		BLSignalCompatibilityID: 1}, c)
	_, ok = ParseConfig([]byte{1, 0, 0x10})
	assert.False(t, ok)
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte{1, 0, 0x10, 0x35, 0x10})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, ok := ParseConfig(b)
		if ok != (len(b) >= 4) || c.Profile > 127 || c.Level > 63 || c.BLSignalCompatibilityID > 15 {
			t.Fatalf("%x: %+v %v", b, c, ok)
		}
	})
}
