package probe

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStreamsThroughBudget: every reader of the object creates its streams
// through Budget.AddStream, which enforces the stream limit; Info.AddStream
// is for building an Info by hand. A demuxer calling it would let an
// object of a million empty structures create a million streams.
func TestStreamsThroughBudget(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../container/*/*.go", "../tags/*.go", "../codec/*/*.go"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	call := regexp.MustCompile(`([\w.()]+)\.AddStream\(`)
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			checked++
			recv := m[1]
			assert.True(t, strings.HasSuffix(recv, "Budget()") || strings.HasSuffix(recv, "budget"),
				"%s: %s.AddStream bypasses the budget's stream limit", f, recv)
		}
	}
	assert.Greater(t, checked, 10)
}
