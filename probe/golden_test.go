package probe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// knownDiffs lists, per testdata file, the fields where we still differ from
// ffprobe 5.1 and why. Everything else must match exactly. An entry that no
// longer differs fails the test, so the list cannot go stale.
var knownDiffs = map[string]map[string]string{}

// keyOrders returns, for every object in the JSON document raw, its keys in
// the order they appear, by the path flatten gives the object ("" for the
// root, "streams[0]", "streams[0].tags", ...).
func keyOrders(t testing.TB, raw []byte) map[string][]string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	out := map[string][]string{}
	var walk func(path string)
	walk = func(path string) {
		tok, err := dec.Token()
		require.NoError(t, err)
		switch tok {
		case json.Delim('{'):
			keys := []string{}
			for dec.More() {
				k, err := dec.Token()
				require.NoError(t, err)
				key := k.(string)
				keys = append(keys, key)
				walk(strings.TrimPrefix(path+"."+key, "."))
			}
			_, err = dec.Token() // '}'
			require.NoError(t, err)
			out[path] = keys
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i))
			}
			_, err = dec.Token() // ']'
			require.NoError(t, err)
		}
	}
	walk("")
	return out
}

// common returns the keys of a that are also in b, in a's order.
func common(a, b []string) []string {
	in := map[string]bool{}
	for _, k := range b {
		in[k] = true
	}
	var out []string
	for _, k := range a {
		if in[k] {
			out = append(out, k)
		}
	}
	return out
}

// flatten turns an ffprobe JSON document into path -> value.
func flatten(prefix string, v any, out map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flatten(prefix+"."+k, e, out)
		}
	case []any:
		for i, e := range x {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), e, out)
		}
	default:
		out[strings.TrimPrefix(prefix, ".")] = v
	}
}

// goldenFiles returns the testdata media files that have an ffprobe golden.
func goldenFiles(t testing.TB) []string {
	goldens, err := filepath.Glob("../testdata/*.ffprobe.json")
	require.NoError(t, err)
	require.NotEmpty(t, goldens, "testdata has no goldens: run testdata/gen.sh")
	var files []string
	for _, g := range goldens {
		files = append(files, strings.TrimSuffix(g, ".ffprobe.json"))
	}
	return files
}

// TestGoldens compares our ffprobe-schema output with ffprobe's own for
// every testdata file, field by field.
func TestGoldens(t *testing.T) {
	for _, file := range goldenFiles(t) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file + ".ffprobe.json")
			require.NoError(t, err)
			var golden map[string]any
			require.NoError(t, json.Unmarshal(raw, &golden))
			want := map[string]any{}
			flatten("", golden, want)

			info, err := probe.File(context.Background(), file)
			require.NoError(t, err)
			doc := ffprobe.Marshal(info, "")
			var ours map[string]any
			require.NoError(t, json.Unmarshal(doc, &ours))
			got := map[string]any{}
			flatten("", ours, got)

			known := knownDiffs[name]
			keys := make([]string, 0, len(want)+len(got))
			for k := range want {
				keys = append(keys, k)
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				w, inWant := want[k]
				g, inGot := got[k]
				same := inWant == inGot && fmt.Sprint(w) == fmt.Sprint(g)
				if why, ok := known[k]; ok {
					assert.False(t, same, "%s: %s now matches ffprobe; remove it from knownDiffs (%s)", name, k, why)
					continue
				}
				if !inWant {
					assert.Failf(t, "extra field", "%s: we print %s = %v, ffprobe does not", name, k, g)
				} else if !inGot {
					assert.Failf(t, "missing field", "%s: ffprobe prints %s = %v, we do not", name, k, w)
				} else {
					assert.Equal(t, w, g, "%s: %s", name, k)
				}
			}

			// ffprobe's key order, within every object. A key one side
			// lacks is reported above; the keys both print must come in
			// the same order.
			wantOrder, gotOrder := keyOrders(t, raw), keyOrders(t, doc)
			for path, wk := range wantOrder {
				gk, ok := gotOrder[path]
				if !ok {
					continue // a missing object is a missing field above
				}
				assert.Equal(t, common(wk, gk), common(gk, wk), "%s: the order of the keys of %q", name, path)
			}
		})
	}
}
