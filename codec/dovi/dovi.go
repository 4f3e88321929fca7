// Package dovi reads the Dolby Vision configuration record that MP4 and
// Matroska carry, for the DOVI configuration side data ffprobe prints.
package dovi

import "github.com/mediaprobe/mediaprobe/container"

// ParseConfig reads a Dolby Vision configuration record (the payload of
// an MP4 dvcC/dvvC box or a Matroska BlockAddIDExtraData of that type), as
// ff_isom_parse_dvcc_dvvc does; ok is false when it is shorter than its
// four mandatory bytes.
func ParseConfig(p []byte) (c container.DOVIConfig, ok bool) {
	if len(p) < 4 {
		return c, false
	}
	c = container.DOVIConfig{
		VersionMajor: p[0],
		VersionMinor: p[1],
		Profile:      p[2] >> 1 & 0x7f,
		Level:        p[2]<<5&0x20 | p[3]>>3&0x1f,
		RPUPresent:   p[3]>>2&1 != 0,
		ELPresent:    p[3]>>1&1 != 0,
		BLPresent:    p[3]&1 != 0,
	}
	if len(p) >= 5 {
		c.BLSignalCompatibilityID = p[4] >> 4
	}
	return c, true
}
