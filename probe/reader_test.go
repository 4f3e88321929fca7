package probe_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// TestReaderMatchesFile: a forward-only reader, with its size given or
// not, one byte per Read or many, gives the file's answer.
func TestReaderMatchesFile(t *testing.T) {
	for _, name := range []string{"flac_s16_cover.flac", "mp3_cbr_id3v24_cover.mp3", "m4a_faststart.m4a", "ogg_opus.opus", "wav_f32le_51.wav"} {
		file := filepath.Join("..", "testdata", name)
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		want, err := probe.File(context.Background(), file)
		require.NoError(t, err)
		for _, tc := range []struct {
			label string
			r     io.Reader
			opts  []probe.Option
		}{
			{"size given", bytes.NewReader(data), []probe.Option{probe.WithSize(int64(len(data)))}},
			{"size unknown", bytes.NewReader(data), nil},
			{"one byte per read", iotest.OneByteReader(bytes.NewReader(data)), []probe.Option{probe.WithSize(int64(len(data)))}},
		} {
			got, err := probe.Reader(context.Background(), tc.r, append(tc.opts, probe.WithFilename(file))...)
			require.NoError(t, err, "%s %s", name, tc.label)
			assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")), "%s %s", name, tc.label)
		}
	}
}

// TestReaderTailBeyondBudget: an object whose headers lie past the read
// budget (an MP4 whose moov follows a megabyte of other boxes) fails with
// ErrLimit that says the reader reads only forward; a stream of unknown
// size longer than the budget says its size is needed.
func TestReaderTailBeyondBudget(t *testing.T) {
	m4a, err := os.ReadFile(filepath.Join("..", "testdata", "m4a_faststart.m4a"))
	require.NoError(t, err)
	ftyp := int(binary.BigEndian.Uint32(m4a))
	free := make([]byte, 1<<20)
	binary.BigEndian.PutUint32(free, uint32(len(free)))
	copy(free[4:], "free")
	data := append(append(append([]byte(nil), m4a[:ftyp]...), free...), m4a[ftyp:]...)
	_, err = probe.Reader(context.Background(), bytes.NewReader(data),
		probe.WithSize(int64(len(data))), probe.WithMaxBytesRead(256<<10))
	require.ErrorIs(t, err, container.ErrLimit)
	assert.Contains(t, err.Error(), "reads only forward")

	_, err = probe.Reader(context.Background(), bytes.NewReader(data), probe.WithMaxBytesRead(256<<10))
	require.ErrorIs(t, err, container.ErrLimit)
	assert.Contains(t, err.Error(), "give it with WithSize")
}

// TestReaderError: the reader's error is the probe's.
func TestReaderError(t *testing.T) {
	boom := errors.New("connection reset")
	r := io.MultiReader(bytes.NewReader([]byte("fLaC")), iotest.ErrReader(boom))
	_, err := probe.Reader(context.Background(), r, probe.WithSize(1000))
	assert.ErrorIs(t, err, boom)
	_, err = probe.Reader(context.Background(), nil)
	assert.ErrorIs(t, err, probe.ErrInvalidArgument)
	_, err = probe.Reader(context.Background(), bytes.NewReader(nil), probe.WithSize(-2))
	assert.ErrorIs(t, err, probe.ErrInvalidArgument)
}
