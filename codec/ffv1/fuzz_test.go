package ffv1

import (
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func FuzzDescribe(f *testing.F) {
	f.Add(config(3, 0, 10, true, 1, 0, false), frame(0, 0, 0, true, 1, 1, false))
	f.Add([]byte{}, frame(1, 1, 8, true, 0, 0, true))
	f.Fuzz(func(t *testing.T, extradata, frame []byte) {
		st := &container.Stream{}
		Describe(st, extradata, frame)
		_, _, _ = ParseFrame(frame)
	})
}
