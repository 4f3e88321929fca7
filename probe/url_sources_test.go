package probe_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// countingWriter counts the body bytes a handler hands to the connection.
type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(b []byte) (int, error) {
	k, err := w.ResponseWriter.Write(b)
	w.n.Add(int64(k))
	return k, err
}

// server serves data through handle, counting requests and body bytes.
type server struct {
	url             string
	requests, heads atomic.Int64
	bytes           atomic.Int64
}

func newServer(t *testing.T, name string, handle func(w http.ResponseWriter, r *http.Request)) *server {
	s := &server{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		if r.Method == http.MethodHead {
			s.heads.Add(1)
		}
		handle(countingWriter{w, &s.bytes}, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL + "/" + name
	return s
}

// localProbe probes file from disk, for the answer and the bytes it reads.
func localProbe(t *testing.T, file string) *container.Info {
	want, err := probe.File(context.Background(), file)
	require.NoError(t, err)
	return want
}

// TestURLWithoutHEAD: a server that refuses HEAD (as S3 does for a
// presigned GET URL) is probed with GETs alone, within 3 requests and the
// bytes of a local probe plus one block.
func TestURLWithoutHEAD(t *testing.T) {
	for _, file := range []string{urlMP3, urlM4A, urlWAV} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			s := newServer(t, filepath.Base(file), func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodGet {
					http.Error(w, "signature does not match", http.StatusForbidden)
					return
				}
				http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
			})
			want := localProbe(t, file)
			got, err := probe.URL(context.Background(), nil, s.url)
			require.NoError(t, err)
			assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
			assert.Zero(t, s.heads.Load())
			assert.LessOrEqual(t, s.requests.Load(), int64(3))
			assert.LessOrEqual(t, s.bytes.Load(), want.Stats.BytesRead+probe.DefaultBlockSize)
			t.Logf("%d requests, %d bytes (local probe: %d reads, %d bytes)",
				s.requests.Load(), s.bytes.Load(), want.Stats.Reads, want.Stats.BytesRead)
		})
	}
}

// TestURLIgnoresRange: a server that answers every GET with 200 and the
// whole object (python3 -m http.server) gives the file's answer; the probe
// reads the answer as far as it needs, keeps the first block for reads
// that return to it, and asks again only for a read behind the body.
func TestURLIgnoresRange(t *testing.T) {
	for _, file := range []string{urlMP3, urlM4A, urlWAV} {
		for _, block := range []int64{probe.DefaultBlockSize, 1024} {
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(file), block), func(t *testing.T) {
				data, err := os.ReadFile(file)
				require.NoError(t, err)
				s := newServer(t, filepath.Base(file), func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Length", strconv.Itoa(len(data)))
					w.Write(data)
				})
				want, err := probe.File(context.Background(), file, probe.WithBlockSize(block))
				require.NoError(t, err)
				got, err := probe.URL(context.Background(), nil, s.url, probe.WithBlockSize(block))
				require.NoError(t, err)
				assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
				assert.LessOrEqual(t, s.requests.Load(), int64(3))
				t.Logf("%d requests, %d bytes sent for a %d-byte object", s.requests.Load(), s.bytes.Load(), len(data))
			})
		}
	}
}

// TestURLIgnoresRangeBudget: against a server that ignores Range, a tail
// read of a large object would take the whole object through the
// connection; beyond the read budget it fails with ErrLimit instead.
func TestURLIgnoresRangeBudget(t *testing.T) {
	mp3, err := os.ReadFile(urlMP3)
	require.NoError(t, err)
	data := append(mp3, make([]byte, 1<<20)...) // the probe reads the tail for ID3v1 and APE tags
	s := newServer(t, "big.mp3", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.Write(data)
	})
	_, err = probe.URL(context.Background(), nil, s.url, probe.WithBlockSize(1024), probe.WithMaxBytesRead(64<<10))
	require.ErrorIs(t, err, container.ErrLimit)
	assert.Contains(t, err.Error(), "the server ignores Range")
}

// TestURLObjectChanged: an object replaced between two requests of one
// probe makes the probe fail, whether the server honours If-Match (412),
// ignores it but sends the new ETag, or has only Last-Modified (412 to
// If-Unmodified-Since).
func TestURLObjectChanged(t *testing.T) {
	a, err := os.ReadFile(urlMP3)
	require.NoError(t, err)
	b := append([]byte(nil), a...)
	b[len(b)-1] ^= 0xFF
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name     string
		serve    func(w http.ResponseWriter, r *http.Request, n int64)
		contains string
	}{
		{"If-Match", func(w http.ResponseWriter, r *http.Request, n int64) {
			data, etag := a, `"a"`
			if n > 1 {
				data, etag = b, `"b"`
			}
			w.Header().Set("ETag", etag)
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		}, "412 Precondition Failed: the object changed"},
		{"ETag changes", func(w http.ResponseWriter, r *http.Request, n int64) {
			data, etag := a, `"a"`
			if n > 1 {
				data, etag = b, `"b"`
			}
			r.Header.Del("If-Match") // a server that ignores it
			w.Header().Set("ETag", etag)
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		}, `ETag "b", but the first answer had "a"`},
		{"Last-Modified", func(w http.ResponseWriter, r *http.Request, n int64) {
			data, mod := a, t0
			if n > 1 {
				data, mod = b, t0.Add(time.Hour)
			}
			http.ServeContent(w, r, "", mod, bytes.NewReader(data))
		}, "412 Precondition Failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int64
			s := newServer(t, "x.mp3", func(w http.ResponseWriter, r *http.Request) {
				tc.serve(w, r, n.Add(1))
			})
			info, err := probe.URL(context.Background(), nil, s.url, probe.WithBlockSize(1024))
			assertServerError(t, info, err, tc.contains)
		})
	}
}

// TestURLSizeFromHEAD: a first answer of "bytes 0-N/*" leaves only a HEAD
// to give the size; one without Content-Length fails clearly.
func TestURLSizeFromHEAD(t *testing.T) {
	data, err := os.ReadFile(urlMP3)
	require.NoError(t, err)
	for _, withLength := range []bool{true, false} {
		s := newServer(t, "x.mp3", func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodHead {
				if withLength {
					w.Header().Set("Content-Length", strconv.Itoa(len(data)))
				}
				return
			}
			var a, b int64
			fmt.Sscanf(r.Header.Get("Range"), "bytes=%d-%d", &a, &b)
			b = min(b, int64(len(data)-1))
			partial(w, fmt.Sprintf("bytes %d-%d/*", a, b), data[a:b+1])
		})
		info, err := probe.URL(context.Background(), nil, s.url)
		if withLength {
			require.NoError(t, err)
			assert.Equal(t, int64(len(data)), info.Format.Size)
			assert.Equal(t, int64(1), s.heads.Load())
		} else {
			assertServerError(t, info, err, s.url+": HEAD: no Content-Length")
		}
	}
}

// TestURLEmptyObject: a 416 to the first GET is an empty object.
func TestURLEmptyObject(t *testing.T) {
	s := newServer(t, "x.mp3", func(w http.ResponseWriter, r *http.Request) {
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(nil))
	})
	_, err := probe.URL(context.Background(), nil, s.url)
	assert.ErrorIs(t, err, container.ErrUnknownFormat)
}
