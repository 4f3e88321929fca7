package riff

import "github.com/mediaprobe/mediaprobe/container"

// W64 reads Sony Wave64 files.
var W64 = container.Demuxer{
	Name:     "w64",
	LongName: "Sony Wave64",
	Probe:    probeW64,
	Read:     readW64,
}

// TODO: not implemented yet.
func probeW64(head []byte) int { return 0 }

func readW64(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
