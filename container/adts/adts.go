package adts

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads raw ADTS AAC (Advanced Audio Coding) files.
var Demuxer = container.Demuxer{
	Name:     "aac",
	LongName: "raw ADTS AAC (Advanced Audio Coding)",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
