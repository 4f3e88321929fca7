package riff

import "github.com/mediaprobe/mediaprobe/container"

// WAV reads WAV / WAVE (Waveform Audio) files.
var WAV = container.Demuxer{
	Name:     "wav",
	LongName: "WAV / WAVE (Waveform Audio)",
	Probe:    probeWAV,
	Read:     readWAV,
}

// TODO: not implemented yet.
func probeWAV(head []byte) int { return 0 }

func readWAV(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	return nil, container.ErrUnsupported
}
