// Package corpustest walks the shared corpus (../shared/corpus beside the
// checkout) for the tests that compare a parser with ffprobe's goldens. A
// test using it skips when the corpus is absent, as in CI without it.
package corpustest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// maxFile bounds the files handed to a test: the corpus's few large files
// add time, not cases.
const maxFile = 16 << 20

// Root returns the shared corpus directory, or skips t when it is absent.
func Root(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no shared corpus")
	}
	return root
}

// Walk calls fn for each corpus file of at most 16 MiB that has an ffprobe
// golden beside it (FILE.ffprobe.json), with the golden's bytes. It skips
// t when the corpus is absent.
func Walk(t testing.TB, fn func(path string, golden []byte)) {
	root := Root(t)
	_ = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || fi.Size() > maxFile {
			return nil
		}
		g, err := os.ReadFile(p + ".ffprobe.json")
		if err != nil {
			return nil
		}
		fn(p, g)
		return nil
	})
}
