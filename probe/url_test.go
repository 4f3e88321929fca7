package probe_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// TestURLMatchesFile serves a testdata file on loopback with range support
// and checks that probing it over HTTP gives what probing the file gives,
// with one ranged GET per counted read.
func TestURLMatchesFile(t *testing.T) {
	file := goldenFiles(t)[0]
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var gets atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets.Add(1)
		}
		http.ServeContent(w, r, "x", time.Time{}, strings.NewReader(string(data)))
	}))
	defer srv.Close()

	want, err := probe.File(context.Background(), file)
	require.NoError(t, err)
	got, err := probe.URL(context.Background(), srv.Client(), srv.URL+"/"+file[strings.LastIndex(file, "/")+1:])
	require.NoError(t, err)
	assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
	assert.Equal(t, got.Stats.Reads, gets.Load())
}

// The files the tests of URL serve: an mp3 with an ID3v2.4 cover, a
// faststart m4a, and a wav longer than one default block. Each takes one
// read at the default block size and several at 1 KiB.
const (
	urlMP3 = "../testdata/mp3_cbr_id3v24_cover.mp3"
	urlM4A = "../testdata/m4a_faststart.m4a"
	urlWAV = "../testdata/wav_f32le_51.wav"
)

// serve starts a loopback server whose GETs go to get and whose HEADs are
// answered with the object's size; it returns the object's URL.
func serve(t *testing.T, file string, get func(w http.ResponseWriter, r *http.Request, data []byte)) string {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.Header().Set("Content-Length", strconv.Itoa(len(data)))
			return
		}
		get(w, r, data)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/" + filepath.Base(file)
}

// serveContent answers as a correct range server does.
func serveContent(w http.ResponseWriter, r *http.Request, data []byte) {
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// requestedRange parses the "bytes=A-B" that URL sends.
func requestedRange(t *testing.T, r *http.Request) (int64, int64) {
	var a, b int64
	_, err := fmt.Sscanf(r.Header.Get("Range"), "bytes=%d-%d", &a, &b)
	assert.NoError(t, err, "Range %q", r.Header.Get("Range"))
	return a, b
}

// partial writes a 206 with the given Content-Range and body.
func partial(w http.ResponseWriter, contentRange string, body []byte) {
	w.Header().Set("Content-Range", contentRange)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusPartialContent)
	w.Write(body)
}

// assertServerError checks what every failure of the server must give: an
// error that names the URL once, at its start, is not a format error (the
// bytes were not the object's, so nothing can be said of the object), and
// no Info.
func assertServerError(t *testing.T, info *container.Info, err error, contains string) {
	t.Helper()
	require.Error(t, err)
	assert.Nil(t, info)
	var pe *probe.Error
	require.ErrorAs(t, err, &pe)
	assert.True(t, strings.HasPrefix(err.Error(), "http://127.0.0.1:"), "%v", err)
	assert.Equal(t, 1, strings.Count(err.Error(), "http://"), "the URL is named once: %v", err)
	assert.NotRegexp(t, `(^|: )probe: `, err.Error(), "no \"probe:\" prefixes inside")
	assert.Contains(t, err.Error(), contains)
	for _, s := range []error{container.ErrUnknownFormat, container.ErrTruncated, container.ErrMalformed,
		container.ErrLimit, container.ErrUnsupported} {
		assert.NotErrorIs(t, err, s)
	}
}

// probeBoth probes file from disk and over HTTP with the same options and
// checks that the two agree.
func probeBoth(t *testing.T, file, url string, opts ...probe.Option) *container.Info {
	t.Helper()
	want, err := probe.File(context.Background(), file, opts...)
	require.NoError(t, err)
	got, err := probe.URL(context.Background(), nil, url, opts...)
	require.NoError(t, err)
	assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
	return got
}

// TestURLServeContent checks a correct range server at the default block
// size and at 1 KiB, where the probe issues several reads.
func TestURLServeContent(t *testing.T) {
	for _, file := range []string{urlMP3, urlM4A, urlWAV} {
		for _, block := range []int64{probe.DefaultBlockSize, 1024} {
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(file), block), func(t *testing.T) {
				probeBoth(t, file, serve(t, file, serveContent), probe.WithBlockSize(block))
			})
		}
	}
}

// TestURLRangeFromOffsetZero is the server that answers every range
// from the object's start: the first read looks right, a later one would
// hand the demuxer the head's bytes in place of the bytes asked for. Its
// Content-Range says so, and the probe must fail rather than describe the
// wrong bytes. The probe reads 1 KiB blocks, so that there is a later read.
func TestURLRangeFromOffsetZero(t *testing.T) {
	fromZero := func(w http.ResponseWriter, r *http.Request, data []byte) {
		a, b := requestedRange(t, r)
		n := min(b-a+1, int64(len(data)))
		partial(w, fmt.Sprintf("bytes 0-%d/%d", n-1, len(data)), data[:n])
	}
	for _, file := range []string{urlMP3, urlM4A, urlWAV} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			info, err := probe.URL(context.Background(), nil, serve(t, file, fromZero), probe.WithBlockSize(1024))
			assertServerError(t, info, err, "Content-Range \"bytes 0-")
			assert.Contains(t, err.Error(), "does not start at")
		})
	}
}

// TestURLBadPartialAnswers covers each way a 206 can disagree with the
// request or with itself. The probe reads 1 KiB blocks, so that a range can
// end before the object.
func TestURLBadPartialAnswers(t *testing.T) {
	for _, tc := range []struct {
		name     string
		get      func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte)
		contains string
		is       error // when set, errors.Is must match it
	}{
		{
			name: "no Content-Range",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				w.WriteHeader(http.StatusPartialContent)
				w.Write(data[a : b+1])
			},
			contains: "206 Partial Content without Content-Range",
		},
		{
			name: "malformed Content-Range",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				partial(w, fmt.Sprintf("bytes %d-%d", a, b), data[a:b+1])
			},
			contains: "malformed Content-Range",
		},
		{
			name: "Content-Range past the range asked for",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				b = min(b+10, int64(len(data)-1))
				partial(w, fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)), data[a:b+1])
			},
			contains: "ends past",
		},
		{
			name: "body shorter than its Content-Length",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)))
				w.Header().Set("Content-Length", strconv.FormatInt(b-a+1, 10))
				w.WriteHeader(http.StatusPartialContent)
				w.Write(data[a : a+(b-a)/2])
			},
			contains: "body ends after",
			is:       io.ErrUnexpectedEOF,
		},
		{
			name: "chunked body shorter than Content-Range",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)))
				w.WriteHeader(http.StatusPartialContent)
				w.(http.Flusher).Flush() // no Content-Length: chunked
				w.Write(data[a : a+(b-a)/2])
			},
			contains: "body ends after",
			is:       io.ErrUnexpectedEOF,
		},
		{
			name: "Content-Length differs from Content-Range",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				partial(w, fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)), data[a:a+(b-a)/2])
			},
			contains: "Content-Length",
		},
		{
			name: "Content-Range not from 0",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				partial(w, fmt.Sprintf("bytes %d-%d/%d", a+1, b, len(data)), data[a+1:b+1])
			},
			contains: "does not start at 0",
		},
		{
			name: "200 without Content-Length",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				w.(http.Flusher).Flush() // chunked
				w.Write(data)
			},
			contains: "ignores Range and gives no Content-Length",
		},
		{
			name: "ranges capped at 100 bytes",
			get: func(w http.ResponseWriter, r *http.Request, a, b int64, data []byte) {
				b = min(b, a+99)
				partial(w, fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)), data[a:b+1])
			},
			contains: "answered only 100 bytes",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := serve(t, urlMP3, func(w http.ResponseWriter, r *http.Request, data []byte) {
				a, b := requestedRange(t, r)
				b = min(b, int64(len(data)-1))
				tc.get(w, r, a, b, data)
			})
			info, err := probe.URL(context.Background(), nil, url, probe.WithBlockSize(1024))
			assertServerError(t, info, err, tc.contains)
			assert.Contains(t, err.Error(), "range 0-1023", "the error names the range asked for")
			if tc.is != nil {
				assert.ErrorIs(t, err, tc.is)
			}
		})
	}
}

// TestURLCappedRanges serves ranges of at most 1000 bytes, as servers that
// cap range lengths do: each read is completed with follow-up requests and
// the result is the file's.
func TestURLCappedRanges(t *testing.T) {
	for _, file := range []string{urlMP3, urlM4A, urlWAV} {
		for _, block := range []int64{probe.DefaultBlockSize, 4096} {
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(file), block), func(t *testing.T) {
				var gets atomic.Int64
				url := serve(t, file, func(w http.ResponseWriter, r *http.Request, data []byte) {
					gets.Add(1)
					a, b := requestedRange(t, r)
					r.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", a, min(b, a+999)))
					serveContent(w, r, data)
				})
				info := probeBoth(t, file, url, probe.WithBlockSize(block))
				assert.Greater(t, gets.Load(), info.Stats.Reads, "follow-up requests were needed")
			})
		}
	}
}

// TestURLServerStatus fails a request with 503 and checks that the status
// is what the probe returns: the first GET, or the second (after the first
// was read fine; the probe reads 1 KiB blocks).
func TestURLServerStatus(t *testing.T) {
	for _, tc := range []struct {
		name     string
		failHead bool
		failGET  int64 // which GET fails, from 1
	}{{"first GET", false, 1}, {"second GET", false, 2}} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(urlMP3)
			require.NoError(t, err)
			var gets atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodGet && gets.Add(1) == tc.failGET || r.Method == http.MethodHead && tc.failHead {
					http.Error(w, "try later", http.StatusServiceUnavailable)
					return
				}
				serveContent(w, r, data)
			}))
			defer srv.Close()
			info, err := probe.URL(context.Background(), nil, srv.URL+"/x.mp3", probe.WithBlockSize(1024))
			assertServerError(t, info, err, "503 Service Unavailable")
			assert.NotErrorIs(t, err, context.DeadlineExceeded)
			if !tc.failHead {
				assert.Equal(t, tc.failGET, gets.Load(), "no request after the failing one")
			}
		})
	}
}

// TestURLConnectionRefused checks that a network error is returned as such.
func TestURLConnectionRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/x.mp3"
	srv.Close()
	info, err := probe.URL(context.Background(), nil, url)
	assertServerError(t, info, err, url+": GET range 0-")
	assert.ErrorIs(t, err, syscall.ECONNREFUSED)
}

// TestURLStalledServer checks that a server that stops answering cannot
// hang a probe whose context has no deadline: the request timeout ends each
// request, whether the server stalls before a GET's answer or in the middle
// of its body.
func TestURLStalledServer(t *testing.T) {
	data, err := os.ReadFile(urlMP3)
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		stall    func(w http.ResponseWriter, r *http.Request, stop <-chan struct{})
		contains string
	}{
		{"GET", func(w http.ResponseWriter, r *http.Request, stop <-chan struct{}) {
			wait(r, stop)
		}, ": GET range 0-"},
		{"GET body", func(w http.ResponseWriter, r *http.Request, stop <-chan struct{}) {
			a, b := requestedRange(t, r)
			b = min(b, int64(len(data)-1))
			w.Header().Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", a, b, len(data)))
			w.Header().Set("Content-Length", strconv.FormatInt(b-a+1, 10))
			w.WriteHeader(http.StatusPartialContent)
			w.Write(data[a : a+10])
			w.(http.Flusher).Flush()
			wait(r, stop)
		}, "reading body after 10 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stop := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				tc.stall(w, r, stop)
			}))
			defer srv.Close()
			defer close(stop) // before Close, which waits for the handlers

			start := time.Now()
			info, err := probe.URL(context.Background(), nil, srv.URL+"/x.mp3",
				probe.WithRequestTimeout(200*time.Millisecond))
			assert.Less(t, time.Since(start), 10*time.Second, "a sanity bound, far above the timeout")
			assertServerError(t, info, err, tc.contains)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Contains(t, err.Error(), "request timeout of 200ms")
		})
	}
}

// wait blocks until the test ends or the client goes away.
func wait(r *http.Request, stop <-chan struct{}) {
	select {
	case <-stop:
	case <-r.Context().Done():
	}
}

// TestURLContextDeadlineGoverns checks that the request timeout does not
// apply when the context has a deadline: a server slower than the request
// timeout but well within the deadline gives the file's result, and a
// stalled one ends at the context's deadline.
func TestURLContextDeadlineGoverns(t *testing.T) {
	data, err := os.ReadFile(urlMP3)
	require.NoError(t, err)
	slow := func(delay time.Duration, stop <-chan struct{}) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(delay):
			case <-stop:
				return
			case <-r.Context().Done():
				return
			}
			serveContent(w, r, data)
		}
	}

	t.Run("slow", func(t *testing.T) {
		stop := make(chan struct{})
		srv := httptest.NewServer(slow(300*time.Millisecond, stop))
		defer srv.Close()
		defer close(stop)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		want, err := probe.File(ctx, urlMP3)
		require.NoError(t, err)
		got, err := probe.URL(ctx, nil, srv.URL+"/x.mp3", probe.WithRequestTimeout(time.Millisecond))
		require.NoError(t, err)
		assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
	})

	t.Run("stalled", func(t *testing.T) {
		stop := make(chan struct{})
		srv := httptest.NewServer(slow(time.Hour, stop))
		defer srv.Close()
		defer close(stop)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		info, err := probe.URL(ctx, nil, srv.URL+"/x.mp3", probe.WithRequestTimeout(time.Hour))
		assert.Less(t, time.Since(start), 10*time.Second, "a sanity bound, far above the deadline")
		require.Error(t, err)
		assert.Nil(t, info)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.NotContains(t, err.Error(), "request timeout", "the caller's deadline ended it")
	})
}
