package hostile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// MaxSeed is the size of the largest file AddFiles takes as a fuzz seed:
// larger seeds slow every mutation down.
const MaxSeed = 16 << 10

// AddFiles adds to f, as seeds, the files matching each glob that are at
// most MaxSeed bytes, leaving out ffprobe's goldens (.json). A glob whose
// folder is absent (the shared corpus on CI) adds nothing.
func AddFiles(f *testing.F, globs ...string) {
	for _, g := range globs {
		names, _ := filepath.Glob(g)
		for _, n := range names {
			if filepath.Ext(n) == ".json" {
				continue
			}
			if b, err := os.ReadFile(n); err == nil && len(b) <= MaxSeed {
				f.Add(b)
			}
		}
	}
}

// IsKind reports whether err wraps one of the kinds a demuxer or parser
// may fail with: ErrTruncated, ErrMalformed, ErrLimit or ErrUnsupported.
func IsKind(err error) bool {
	for _, k := range []error{container.ErrTruncated, container.ErrMalformed, container.ErrLimit, container.ErrUnsupported} {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}
