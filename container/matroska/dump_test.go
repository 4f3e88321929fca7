package matroska

import (
	"fmt"
	"os"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestDump(t *testing.T) {
	for _, p := range []string{os.Getenv("MKV")} {
		b, _ := os.ReadFile(p)
		src := &container.BytesSource{B: b}
		d := &demuxer{src: src, info: container.NewInfo(name, longName), timeScale: 1000000}
		pos, _ := d.readEBMLHeader(0)
		d.findSegment(pos)
		d.readSegment()
		d.executeSeekHead()
		d.buildStreams()
		d.readFirstBlocks()
		fmt.Printf("timescale %d dur %v cluster %d\n", d.timeScale, d.duration, d.clusterPos)
		for _, tr := range d.tracks {
			fmt.Printf("track %d type %d codec %s dd %d fr %v first %d delay %d seen %v\n", tr.num, tr.typ, tr.codecID, tr.defaultDuration, tr.video.frameRate, tr.firstPTS, tr.codecDelay, tr.seen)
		}
	}
}
