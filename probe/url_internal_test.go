package probe

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestURLParseContentRange(t *testing.T) {
	for _, tc := range []struct {
		in                string
		start, end, total int64
		ok                bool
	}{
		{"bytes 0-65535/1000000", 0, 65535, 1000000, true},
		{"bytes 65536-131071/*", 65536, 131071, -1, true},
		{"BYTES 5-5/6", 5, 5, 6, true}, // units compare case-insensitively
		{"bytes 0-0/1", 0, 0, 1, true},
		{"", 0, 0, 0, false},
		{"bytes", 0, 0, 0, false},
		{"bytes 0-65535", 0, 0, 0, false},                  // no total
		{"bytes=0-65535/100000", 0, 0, 0, false},           // the request's syntax
		{"items 0-1/2", 0, 0, 0, false},                    // another unit
		{"bytes */1000", 0, 0, 0, false},                   // a 416's form
		{"bytes 10-9/100", 0, 0, 0, false},                 // end before start
		{"bytes 0-100/100", 0, 0, 0, false},                // end at the total
		{"bytes +1-2/3", 0, 0, 0, false},                   // a sign
		{"bytes 0--1/3", 0, 0, 0, false},                   // a negative end
		{"bytes  0-1/3", 0, 0, 0, false},                   // two spaces
		{"bytes 0-1/3 ", 0, 0, 0, false},                   // trailing space
		{"bytes 0x10-0x20/100", 0, 0, 0, false},            // not decimal
		{"bytes 0-1/99999999999999999999", 0, 0, 0, false}, // overflows int64
		{"bytes 0-1/", 0, 0, 0, false},
		{"bytes -1/3", 0, 0, 0, false},
	} {
		start, end, total, ok := parseContentRange(tc.in)
		assert.Equal(t, tc.ok, ok, "%q", tc.in)
		if tc.ok {
			assert.Equal(t, []int64{tc.start, tc.end, tc.total}, []int64{start, end, total}, "%q", tc.in)
		}
	}
}

func TestURLParseUnsatisfiedRange(t *testing.T) {
	total, ok := parseUnsatisfiedRange("bytes */1000")
	assert.True(t, ok)
	assert.Equal(t, int64(1000), total)
	for _, in := range []string{"", "bytes */", "bytes 0-1/1000", "bytes */-1", "bytes * /1000"} {
		_, ok := parseUnsatisfiedRange(in)
		assert.False(t, ok, "%q", in)
	}
}

// cappedServer serves data with ranges of at most limit bytes, through
// http.ServeContent (which clips ranges at the end and answers 416 past it).
func cappedServer(t *testing.T, data []byte, limit int64) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a, b int64
		if _, err := fmt.Sscanf(r.Header.Get("Range"), "bytes=%d-%d", &a, &b); err == nil {
			r.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", a, min(b, a+limit-1)))
		}
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestURLReaderAtContract checks io.ReaderAt's contract against a server
// that caps ranges: ReadAt fills p, or returns fewer bytes only with
// io.EOF at the end of the object.
func TestURLReaderAtContract(t *testing.T) {
	data := make([]byte, 10000)
	for i := range data {
		data[i] = byte(i * 7)
	}
	srv := cappedServer(t, data, 1000)
	r := &httpReaderAt{ctx: context.Background(), client: srv.Client(), url: srv.URL,
		timeout: DefaultRequestTimeout, size: -1}
	size, err := r.head()
	require.NoError(t, err)
	require.Equal(t, int64(len(data)), size)
	r.size = size

	for _, tc := range []struct {
		off, n int64
		want   int
		err    error
	}{
		{0, 4500, 4500, nil},
		{123, 999, 999, nil},
		{9000, 1000, 1000, nil},
		{9500, 1000, 500, io.EOF},  // runs past the end
		{8000, 4000, 2000, io.EOF}, // past the end after a follow-up
		{10000, 10, 0, io.EOF},     // at the end: 416
		{20000, 10, 0, io.EOF},
	} {
		p := make([]byte, tc.n)
		n, err := r.ReadAt(p, tc.off)
		assert.Equal(t, tc.want, n, "%d+%d", tc.off, tc.n)
		assert.Equal(t, tc.err, err, "%d+%d", tc.off, tc.n)
		if n > 0 {
			assert.Equal(t, data[tc.off:tc.off+int64(n)], p[:n], "%d+%d", tc.off, tc.n)
		}
	}
}

// TestURLReaderAt416OtherSize: a 416 whose Content-Range gives another
// size than the HEAD's means the object changed; its end is not the end
// the probe was told, so it is an error, not io.EOF.
func TestURLReaderAt416OtherSize(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Range", "bytes */500")
		w.WriteHeader(http.StatusRequestedRangeNotSatisfiable)
	}))
	defer srv.Close()
	r := &httpReaderAt{ctx: context.Background(), client: srv.Client(), url: srv.URL,
		timeout: DefaultRequestTimeout, size: 1000}
	n, err := r.ReadAt(make([]byte, 10), 600)
	assert.Zero(t, n)
	require.Error(t, err)
	assert.NotErrorIs(t, err, io.EOF)
	assert.Contains(t, err.Error(), `range 600-609: 416 Requested Range Not Satisfiable with Content-Range "bytes */500", but the first answer gave size 1000`)

	r.size = 500
	_, err = r.ReadAt(make([]byte, 10), 600)
	assert.Equal(t, io.EOF, err)
}
