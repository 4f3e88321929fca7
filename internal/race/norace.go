//go:build !race

// Package race tells tests whether the race detector is built in: it adds
// allocations of its own, so exact allocation counts (testing.AllocsPerRun)
// are asserted only without it.
package race

// Enabled reports whether the race detector is built in.
const Enabled = false
