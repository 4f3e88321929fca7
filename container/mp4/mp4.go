package mp4

import "github.com/mediaprobe/mediaprobe/container"

// Demuxer reads QuickTime / MOV files.
var Demuxer = container.Demuxer{
	Name:     "mov,mp4,m4a,3gp,3g2,mj2",
	LongName: "QuickTime / MOV",
	Probe:    probe,
	Read:     read,
}

// TODO: not implemented yet.
func probe(head []byte) int { return 0 }

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
