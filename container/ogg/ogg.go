package ogg

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads Ogg files.
var Demuxer = container.Demuxer{
	Name:     "ogg",
	LongName: "Ogg",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
