package flac

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads raw FLAC files.
var Demuxer = container.Demuxer{
	Name:     "flac",
	LongName: "raw FLAC",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
