package aiff

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads Audio IFF files.
var Demuxer = container.Demuxer{
	Name:     "aiff",
	LongName: "Audio IFF",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
