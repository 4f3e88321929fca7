package demuxkit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestReadUpTo(t *testing.T) {
	src := &CountingSource{BytesSource: BytesSource{B: []byte("0123456789")}}
	b, err := ReadUpTo(src, 4, 100, "test", "head")
	require.NoError(t, err)
	assert.Equal(t, "456789", string(b))
	b, err = ReadUpTo(src, 2, 3, "test", "head")
	require.NoError(t, err)
	assert.Equal(t, "234", string(b))
	b, err = ReadUpTo(src, 10, 3, "test", "head")
	assert.NoError(t, err)
	assert.Nil(t, b, "nothing past the end")
	assert.Equal(t, int64(2), src.Reads)
	assert.Equal(t, int64(9), src.Bytes)
}

func TestReadAtChecksLengths(t *testing.T) {
	src := &BytesSource{B: make([]byte, 10), Limit: 4}
	_, err := ReadAt(src, 8, 4, "test", "x")
	assert.ErrorIs(t, err, container.ErrTruncated)
	_, err = ReadAt(src, -1, 1, "test", "x")
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ReadAt(src, 0, 8, "test", "x")
	assert.ErrorIs(t, err, container.ErrLimit)
}
