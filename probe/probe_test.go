package probe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// isCategorised reports whether err is one the package promises: a
// container sentinel or the context's error.
func isCategorised(err error) bool {
	for _, s := range []error{container.ErrUnknownFormat, container.ErrTruncated, container.ErrMalformed,
		container.ErrLimit, container.ErrUnsupported, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// checkInfo asserts what must hold of any result: pictures inside the object.
func checkInfo(t testing.TB, info *container.Info, size int64) {
	if info == nil {
		return
	}
	for _, st := range info.Streams {
		if p := st.Picture; p != nil && p.Offset >= 0 {
			assert.True(t, p.Length >= 0 && p.Offset <= size && p.Length <= size-p.Offset,
				"picture at %d+%d lies outside the object of %d bytes", p.Offset, p.Length, size)
		}
	}
}

func TestParallelProbesAgree(t *testing.T) {
	files := goldenFiles(t)
	want := map[string][]byte{}
	for _, f := range files {
		info, err := probe.File(context.Background(), f)
		require.NoError(t, err, f)
		want[f] = ffprobe.Marshal(info, "")
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		for _, f := range files {
			wg.Add(1)
			go func(f string) {
				defer wg.Done()
				info, err := probe.File(context.Background(), f)
				if assert.NoError(t, err, f) {
					assert.Equal(t, string(want[f]), string(ffprobe.Marshal(info, "")), f)
				}
			}(f)
		}
	}
	wg.Wait()
}

func TestReadsPerProbe(t *testing.T) {
	for _, f := range goldenFiles(t) {
		info, err := probe.File(context.Background(), f)
		require.NoError(t, err, f)
		fi, err := os.Stat(f)
		require.NoError(t, err)
		limit := int64(1)
		if fi.Size() > probe.DefaultBlockSize {
			limit = 2 // the head, and the tail or the index
		}
		assert.LessOrEqual(t, info.Stats.Reads, limit, "%s: %d reads", filepath.Base(f), info.Stats.Reads)
		assert.LessOrEqual(t, info.Stats.BytesRead, fi.Size())
	}
}

func TestUnknownFormat(t *testing.T) {
	data := bytes.Repeat([]byte("not media "), 300)
	_, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
	assert.ErrorIs(t, err, container.ErrUnknownFormat)
	_, err = probe.ReaderAt(context.Background(), bytes.NewReader(nil), 0)
	assert.ErrorIs(t, err, container.ErrUnknownFormat)
}

// TestHugeID3v2Claim: a 1 KiB object that declares a 256 MiB ID3v2 tag costs
// one read and fails cleanly.
func TestHugeID3v2Claim(t *testing.T) {
	data := make([]byte, 1024)
	copy(data, []byte{'I', 'D', '3', 4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f})
	info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
	require.Error(t, err)
	assert.True(t, isCategorised(err), "%v", err)
	if info != nil {
		assert.LessOrEqual(t, info.Stats.Reads, int64(1))
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := probe.File(ctx, goldenFiles(t)[0])
	assert.ErrorIs(t, err, context.Canceled)
}

// TestCorpusRobust runs every file of the shared corpus, when it is there:
// each probe ends promptly, within the read budget, with a result or a
// categorised error, and with pictures inside the object.
func TestCorpusRobust(t *testing.T) {
	root := "../../shared/corpus"
	if _, err := os.Stat(root); err != nil {
		t.Skip("shared corpus not present")
	}
	err := filepath.Walk(root, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".md") {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		info, perr := probe.File(ctx, path)
		assert.Less(t, time.Since(start), 5*time.Second, path)
		if perr != nil {
			assert.True(t, isCategorised(perr), "%s: uncategorised error %v", path, perr)
		}
		checkInfo(t, info, fi.Size())
		if info != nil {
			assert.LessOrEqual(t, info.Stats.BytesRead, int64(probe.DefaultMaxBytesRead))
			var v any
			assert.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &v), path)
		}
		return nil
	})
	require.NoError(t, err)
}

// TestImageByName: a JPEG longer than the first probe buffer is image2's
// when its name has an image extension (img_read_probe scores 50, the
// JPEG probe 26 while it has not seen the end marker), and jpeg_pipe's
// when it has no name: at the end of the object the probe takes any score.
func TestImageByName(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "image_large.jpg"))
	if err != nil {
		t.Skip(err)
	}
	require.Greater(t, len(b), 2048, "the image must outgrow the first probe buffer")
	ctx := context.Background()
	named, err := probe.ReaderAt(ctx, bytes.NewReader(b), int64(len(b)), probe.WithFilename("photos/cat.JPG"))
	require.NoError(t, err)
	assert.Equal(t, "image2", named.Format.Name)
	assert.Equal(t, int64(40000), named.Format.Duration, "one frame at 25/s")
	anonymous, err := probe.ReaderAt(ctx, bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	assert.Equal(t, "jpeg_pipe", anonymous.Format.Name)
	assert.Equal(t, container.NoPTS, anonymous.Format.Duration)
}

// TestInvalidArguments: a nil reader, a negative size and options out of
// range are errors wrapping ErrInvalidArgument that say which, never a
// panic; an error of a named input names it once.
func TestInvalidArguments(t *testing.T) {
	ctx := context.Background()
	r := bytes.NewReader([]byte("x"))
	for _, tc := range []struct {
		name     string
		probe    func() (*container.Info, error)
		contains string
	}{
		{"nil reader", func() (*container.Info, error) { return probe.ReaderAt(ctx, nil, 100) }, "nil reader"},
		{"negative size", func() (*container.Info, error) { return probe.ReaderAt(ctx, r, -1) }, "negative size -1"},
		{"block size 0", func() (*container.Info, error) { return probe.ReaderAt(ctx, r, 1, probe.WithBlockSize(0)) }, "WithBlockSize(0)"},
		{"read budget", func() (*container.Info, error) { return probe.ReaderAt(ctx, r, 1, probe.WithMaxBytesRead(-5)) }, "WithMaxBytesRead(-5)"},
		{"streams", func() (*container.Info, error) { return probe.ReaderAt(ctx, r, 1, probe.WithMaxStreams(0)) }, "WithMaxStreams(0)"},
		{"timeout", func() (*container.Info, error) {
			return probe.URL(ctx, nil, "http://127.0.0.1:1/x.mp3?X-Amz-Signature=secret", probe.WithRequestTimeout(-time.Second))
		}, "http://127.0.0.1:1/x.mp3: WithRequestTimeout(-1s)"},
		{"directory", func() (*container.Info, error) { return probe.File(ctx, "..") }, "..: not a regular file"},
	} {
		info, err := tc.probe()
		assert.Nil(t, info, tc.name)
		assert.ErrorIs(t, err, probe.ErrInvalidArgument, tc.name)
		if err != nil {
			assert.Contains(t, err.Error(), tc.contains, tc.name)
			assert.NotContains(t, err.Error(), "secret", "a URL's query is not repeated")
		}
	}
	_, err := probe.File(ctx, filepath.Join("..", "testdata", "image_rgba.png"), probe.WithMaxBytesRead(10))
	require.ErrorIs(t, err, container.ErrLimit)
	assert.True(t, strings.HasPrefix(err.Error(), filepath.Join("..", "testdata", "image_rgba.png")+": "), err.Error())
	assert.Equal(t, 1, strings.Count(err.Error(), "image_rgba.png"), err.Error())
}
