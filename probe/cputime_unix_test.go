//go:build unix

package probe_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system, for the
// benchmarks' cpu-ns/op: the garbage collector's work on other threads is
// part of what a probe costs, and wall time hides it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
