package mp4

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// sparseSource is an object made of a head, a hole of zeros and a tail,
// that counts the bytes read from each part.
type sparseSource struct {
	head, tail []byte
	hole       int64
	holeRead   int64
	total      int64
}

func (s *sparseSource) Size() int64 { return int64(len(s.head)) + s.hole + int64(len(s.tail)) }
func (s *sparseSource) Budget() *container.Budget {
	return container.NewBudget(nil, container.Limits{MaxAlloc: 1 << 20})
}

func (s *sparseSource) ReadAt(p []byte, off int64) (int, error) {
	if off >= s.Size() {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && off < s.Size() {
		switch {
		case off < int64(len(s.head)):
			p[n] = s.head[off]
		case off < int64(len(s.head))+s.hole:
			p[n] = 0
			s.holeRead++
		default:
			p[n] = s.tail[off-int64(len(s.head))-s.hole]
		}
		n++
		off++
	}
	s.total += int64(n)
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// TestMdatNeverRead: with a 1 GB mdat before the moov, only the mdat
// header is read, and the whole probe reads about the size of the moov.
func TestMdatNeverRead(t *testing.T) {
	const mdatSize = 1 << 30
	full := m4a(5, ilstItem("\xa9nam", 1, []byte("t")))
	mdatAt := len(full) - (8 + 500)
	moov := full[len(ftypM4A()):mdatAt]
	src := &sparseSource{
		head: cat(ftypM4A(), u32(mdatSize), []byte("mdat")),
		hole: mdatSize - 8,
		tail: moov,
	}
	info, err := Demuxer().Read(src, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, int64(0), src.holeRead, "mdat payload bytes read")
	assert.Less(t, src.total, int64(4*len(moov)+256))
}
