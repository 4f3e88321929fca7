package mpegts

import (
	"io"

	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

var errEOF = io.EOF

// countingSource counts the bytes read from a BytesSource.
type countingSource struct {
	demuxkit.BytesSource
	bytes int64
}

func (s *countingSource) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.BytesSource.ReadAt(p, off)
	s.bytes += int64(n)
	return n, err
}
