package riff

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
)

// AVI returns the demuxer of AVI files (FFmpeg's "avi"). It recognises
// them, so that an AVI is never taken for the raw stream it carries, but
// does not read them yet: Read returns an error wrapping
// container.ErrUnsupported that names the format, for a caller to fall
// back to another prober.
func AVI() container.Demuxer {
	return container.Demuxer{
		Name:       aviName,
		LongName:   aviLongName,
		Extensions: "avi",
		Probe:      probeAVI,
		Read:       container.ReadUnsupported(aviName, aviLongName),
	}
}

const (
	aviName     = "avi"
	aviLongName = "AVI (Audio Video Interleaved)"
)

// aviHeaders are the first and third four bytes avidec.c avi_probe
// accepts: RIFF AVI, its OpenDML extension AVIX, the AVI\x19 variant,
// On2's ON2 ON2f and RIFF AMV.
var aviHeaders = [...][2]string{
	{"RIFF", "AVI "}, {"RIFF", "AVIX"}, {"RIFF", "AVI\x19"}, {"ON2 ", "ON2f"}, {"RIFF", "AMV "},
}

// probeAVI scores as avi_probe does: certain for a known file header.
func probeAVI(b []byte) int {
	if len(b) < 12 {
		return 0
	}
	for _, h := range aviHeaders {
		if binary.LittleEndian.Uint32(b) == binary.LittleEndian.Uint32([]byte(h[0])) &&
			binary.LittleEndian.Uint32(b[8:]) == binary.LittleEndian.Uint32([]byte(h[1])) {
			return 100
		}
	}
	return 0
}
