package probe_test

import (
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
var knownDiffs = map[string]map[string]string{
	"m4a_ac3_fc_lfe.m4a": {
		"streams[0].side_data_list[0].side_data_type": "side data other than the display matrix is not modelled (README)",
		"streams[0].side_data_list[0].service_type":   "side data other than the display matrix is not modelled (README)",
	},
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
			var ours map[string]any
			require.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &ours))
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
		})
	}
}
