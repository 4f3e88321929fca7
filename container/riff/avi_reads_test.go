package riff_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/probe"
)

// growMovi returns an AVI whose movi list holds n more bytes (a JUNK chunk
// after the last packet, which no index entry names).
func growMovi(t *testing.T, b []byte, n int) []byte {
	i := bytes.Index(b, []byte("movi"))
	require.Greater(t, i, 8)
	le := binary.LittleEndian
	listSize := int(le.Uint32(b[i-4:]))
	end := i + listSize
	junk := append([]byte("JUNK"), le.AppendUint32(nil, uint32(n))...)
	junk = append(junk, make([]byte, n)...)
	out := append(append(append([]byte(nil), b[:end]...), junk...), b[end:]...)
	le.PutUint32(out[i-4:], uint32(listSize+len(junk)))
	le.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

// TestAVIReads: a well-formed AVI costs the probe at most two reads of the
// caller's object, the head (hdrl and the first packets) and the tail (the
// idx1 index), however long the movi list between them.
func TestAVIReads(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "..", "testdata", "avi_*.avi"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, n := range names {
		small, err := os.ReadFile(n)
		require.NoError(t, err)
		for _, b := range [][]byte{small, growMovi(t, small, 10<<20)} {
			info, err := probe.ReaderAt(context.Background(), bytes.NewReader(b), int64(len(b)))
			require.NoError(t, err, n)
			assert.LessOrEqual(t, info.Stats.Reads, int64(2), n)
			assert.LessOrEqual(t, info.Stats.BytesRead, int64(256<<10), n)
		}
	}
}
