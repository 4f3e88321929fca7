package probe_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
