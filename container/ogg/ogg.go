package ogg

import (
	"github.com/mediaprobe/mediaprobe/container"
)

const (
	name     = "ogg"
	longName = "Ogg"
)

// Demuxer returns the demuxer that reads Ogg files: Vorbis, Opus, FLAC, Speex and Theora streams,
// several logical streams per file (libavformat/oggdec.c).
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "ogg",
		Probe:      probe,
		Read:       read,
	}
}

// probe gives 100 to a capture pattern, version 0 and header flags no
// higher than 7 at the start, as ogg_probe does.
func probe(head []byte) int {
	if len(head) >= 6 && string(head[:4]) == "OggS" && head[4] == 0 && head[5] <= 7 {
		return 100
	}
	return 0
}

// afterHeaders bounds how far past the end of the headers the demuxer
// looks for the first data packet of every stream (which gives its start
// time); ffmpeg reads packets there during avformat_find_stream_info.
const afterHeaders = 1 << 20

// read mirrors ogg_read_header: header packets of every stream until one
// stream's first data packet, then the first data packet of each stream
// (the start-time rules of the codec mappings' packet functions), then the
// tail of the object for the last granule of each stream (ogg_get_length).
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	d := &demux{
		src:       src,
		info:      container.NewInfo(name, longName),
		scan:      newScanner(src),
		serials:   make(map[uint32]*ostream),
		maxPacket: min(src.Budget().MaxAlloc(), maxPacket),
	}
	off := start
	for !d.headersDone || !d.allFirstSeen() {
		if d.headersDone && off-d.info.Format.DataOffset > afterHeaders {
			break
		}
		pg, err := d.scan.next(off)
		if err != nil {
			if !d.headersDone {
				// ogg_read_header fails, and so does ffprobe.
				return nil, err
			}
			if src.Budget().Err() != nil {
				return d.finish(), err
			}
			break
		}
		off = pg.end()
		os, err := d.streamFor(pg)
		if err != nil {
			return nil, err
		}
		if os == nil {
			break
		}
		if err := d.feed(os, pg); err != nil {
			if !d.headersDone {
				return nil, err
			}
			if src.Budget().Err() != nil {
				return d.finish(), err
			}
			break
		}
	}
	if err := d.length(); err != nil {
		return d.finish(), err
	}
	return d.finish(), nil
}
