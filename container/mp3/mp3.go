package mp3

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads MP2/3 (MPEG audio layer 2/3) files.
var Demuxer = container.Demuxer{
	Name:     "mp3",
	LongName: "MP2/3 (MPEG audio layer 2/3)",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
