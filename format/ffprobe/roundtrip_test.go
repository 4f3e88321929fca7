package ffprobe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/bos"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/internal/corpustest"
	"github.com/mediaprobe/mediaprobe/probe"
)

// roundTrip unmarshals doc into a new T with unknown fields disallowed,
// marshals it back (compact, HTML characters as they are, as Marshal
// writes them) and checks that the bytes are doc's.
func roundTrip[T any](t *testing.T, name string, doc []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	v := new(T)
	require.NoError(t, dec.Decode(v), "%s: %s", name, doc)
	assert.Equal(t, string(doc), string(marshal(t, v)), name)
}

// marshal is v's JSON as encoding/json gives it with HTML characters left
// as they are, as Marshal writes them.
func marshal(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// checkRoundTrips marshals info in the three schemas and round-trips each
// through its typed result; ffprobe's document also with its programs.
func checkRoundTrips(t *testing.T, name string, info *container.Info) {
	t.Helper()
	roundTrip[ffprobe.ProbeData](t, name+" (ffprobe)", ffprobe.Marshal(info, ""))
	roundTrip[oss.Meta](t, name+" (oss)", oss.Marshal(info, oss.Options{RequestID: "5F74C6B8-1F7A-4F4B-9C0B"}, ""))
	roundTrip[bos.Body](t, name+" (bos)", bos.Marshal(info, bos.Object{Bucket: "b", Key: filepath.Base(name), ETag: "e"}, ""))
	p := ffprobe.New(info)
	p.Programs = ffprobe.Programs(info)
	roundTrip[ffprobe.ProbeData](t, name+" (ffprobe, programs)", marshal(t, p))
	// The indented forms are the compact ones laid out.
	var want bytes.Buffer
	require.NoError(t, json.Indent(&want, ffprobe.Marshal(info, ""), "", ffprobe.Indent))
	assert.Equal(t, want.String()+"\n", string(ffprobe.Marshal(info, ffprobe.Indent)), name)
}

func walk(t *testing.T, root string, recursive bool) (n int) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && !recursive {
				return filepath.SkipDir
			}
			return nil
		}
		if _, err := os.Stat(p + ".ffprobe.json"); err != nil {
			return nil
		}
		if fi, err := d.Info(); err != nil || fi.Size() > 16<<20 {
			return nil
		}
		info, err := probe.File(context.Background(), p)
		if info == nil || err != nil && len(info.Streams) == 0 {
			return nil // ffprobe failed on it too, or we do: nothing to print
		}
		checkRoundTrips(t, p, info)
		n++
		return nil
	})
	require.NoError(t, err)
	return n
}

// TestTypedRoundTripTestdata: for every testdata file with a golden, the
// OSS, BOS and ffprobe JSON unmarshal into oss.Meta, bos.Body and
// ffprobe.ProbeData with unknown fields disallowed and marshal back byte
// for byte.
func TestTypedRoundTripTestdata(t *testing.T) {
	n := walk(t, "../../testdata", false)
	require.Positive(t, n)
	t.Logf("%d files", n)
}

// TestTypedRoundTripCorpus is the same over the shared corpus, when present.
func TestTypedRoundTripCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	n := walk(t, corpustest.Root(t), true)
	t.Logf("%d files", n)
}

// TestFFprobeGoldensRoundTrip: what ffprobe 5.1 itself printed for the
// testdata files (the goldens beside them) reads into ProbeData with
// unknown fields disallowed and marshals back to the same bytes, compacted.
func TestFFprobeGoldensRoundTrip(t *testing.T) {
	goldens, err := filepath.Glob("../../testdata/*.ffprobe.json")
	require.NoError(t, err)
	n := 0
	for _, g := range goldens {
		raw, err := os.ReadFile(g)
		require.NoError(t, err)
		if bytes.Contains(raw, []byte(`"error"`)) {
			continue
		}
		n++
		checkGolden(t, g, raw)
	}
	require.Positive(t, n)
}

// checkGolden decodes an ffprobe golden strictly and checks that it
// marshals back to its compacted bytes.
func checkGolden(t *testing.T, name string, golden []byte) bool {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(golden))
	dec.DisallowUnknownFields()
	var p ffprobe.ProbeData
	if !assert.NoError(t, dec.Decode(&p), name) {
		return false
	}
	var want bytes.Buffer
	require.NoError(t, json.Compact(&want, golden))
	return assert.Equal(t, want.String(), string(marshal(t, &p)), name)
}

// TestCorpusGoldensByteForByte: what ffprobe 5.1 itself printed for the
// corpus (-show_format -show_streams -show_programs) reads into ProbeData
// with unknown fields disallowed and marshals back to the same bytes,
// compacted.
func TestCorpusGoldensByteForByte(t *testing.T) {
	n, same := 0, 0
	corpustest.Walk(t, func(path string, golden []byte) {
		if bytes.Contains(golden, []byte(`"error"`)) {
			return
		}
		n++
		if checkGolden(t, path, golden) {
			same++
		}
	})
	t.Logf("%d of %d goldens byte for byte", same, n)
}
