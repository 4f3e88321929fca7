//go:build !unix

package probe_test

import "time"

// cpuTime is not measured here: cpu-ns/op reports 0.
func cpuTime() time.Duration { return 0 }
