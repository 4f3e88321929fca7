package probe_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
	"github.com/mediaprobe/mediaprobe/probe"
)

// mutation is one deterministic change of a testdata file.
type mutation struct {
	name  string
	apply func(b []byte) []byte // returns the mutated copy
}

// The values a 32-bit length field is set to: empty, all ones, the
// largest positive, and large values that pass a signed check.
var sweepLengths = []uint32{0, 0xFFFFFFFF, 0x7FFFFFFF, 0x40000000, 0x01000000}

// mutations returns the deterministic mutations of a file of n bytes:
// bit flips and random bytes anywhere (most in the head), a 32-bit length
// value at every 4-byte aligned offset of the first 4 KB (two of the ten
// pairs of a value and a byte order at each offset, each pair at a fifth of
// the offsets), truncations, and a 1 KB block repeated until the file is at
// least 100 KB.
func mutations(seed uint64, n int) []mutation {
	r := hostile.Rand(seed) // fixed, so the mutations never change
	var ms []mutation
	pos := func() int {
		if r.Intn(4) > 0 && n > 0 {
			return r.Intn(min(n, 4096)) // the headers live at the start
		}
		return r.Intn(max(n, 1))
	}
	for i := 0; i < 48; i++ {
		var offs []int
		for k := 0; k < 1+r.Intn(4); k++ {
			offs = append(offs, pos()*8+r.Intn(8))
		}
		ms = append(ms, mutation{fmt.Sprintf("flip bits %v", offs), func(b []byte) []byte {
			for _, o := range offs {
				if o/8 < len(b) {
					b[o/8] ^= 1 << (o % 8)
				}
			}
			return b
		}})
	}
	for i := 0; i < 24; i++ {
		at, k := pos(), 1+r.Intn(16)
		v := make([]byte, k)
		for j := range v {
			v[j] = byte(r.Next())
		}
		ms = append(ms, mutation{fmt.Sprintf("random bytes %x at %d", v, at), func(b []byte) []byte {
			copy(b[min(at, len(b)):], v)
			return b
		}})
	}
	for off, i := 0, 0; off+4 <= min(n, 4096); off, i = off+4, i+1 {
		for _, k := range []int{i, i + len(sweepLengths) + 1} {
			v := sweepLengths[k%len(sweepLengths)]
			be := k%2 == 0
			name := fmt.Sprintf("length 0x%x little-endian at %d", v, off)
			if be {
				name = fmt.Sprintf("length 0x%x big-endian at %d", v, off)
			}
			ms = append(ms, mutation{name, func(b []byte) []byte {
				if be {
					binary.BigEndian.PutUint32(b[off:], v)
				} else {
					binary.LittleEndian.PutUint32(b[off:], v)
				}
				return b
			}})
		}
	}
	for _, cut := range []int{1, 4, 8, 12, 16, 32, 100, 1000, n / 10, n / 4, n / 2, 3 * n / 4, n - 128, n - 1} {
		if cut > 0 && cut < n {
			ms = append(ms, mutation{fmt.Sprintf("truncate to %d", cut), func(b []byte) []byte { return b[:cut] }})
		}
	}
	for _, at := range []int{0, 512, 4096, n / 2, n - 1024} {
		if at < 0 || at+1024 > n {
			continue
		}
		copies := max(1, (100<<10-n)/1024+1)
		ms = append(ms, mutation{fmt.Sprintf("1 KB block at %d repeated %d times", at, copies), func(b []byte) []byte {
			block := bytes.Clone(b[at : at+1024])
			out := append(bytes.Clone(b[:at]), bytes.Repeat(block, copies)...)
			return append(out, b[at:]...)
		}})
	}
	return ms
}

// worst is the largest value of one measure and what caused it.
type worst struct {
	value      int64
	file, what string
}

func (w *worst) see(v int64, file, what string) {
	if v > w.value {
		*w = worst{v, file, what}
	}
}

func (w worst) String() string { return fmt.Sprintf("%d (%s: %s)", w.value, w.file, w.what) }

// TestMutationSweep probes every testdata file under a few hundred
// deterministic mutations each, from memory with the default options. No
// input may panic, fail with an uncategorised error, or cost more than the
// bounds; the worst figures are logged with the file and the mutation that
// caused them.
func TestMutationSweep(t *testing.T) {
	files := goldenFiles(t)
	var allocated, structures, read, totalAlloc, elapsed worst
	probes, uncategorised := 0, 0
	start := time.Now()
	for fi, file := range files {
		orig, err := os.ReadFile(file)
		require.NoError(t, err)
		name := filepath.Base(file)
		for _, m := range mutations(uint64(fi+1), len(orig)) {
			data := m.apply(bytes.Clone(orig))
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			begin := time.Now()
			info, err := probeNoPanic(t, data, name, m.name)
			d := time.Since(begin)
			runtime.ReadMemStats(&m1)
			probes++
			totalAlloc.see(int64(m1.TotalAlloc-m0.TotalAlloc), name, m.name)
			elapsed.see(int64(d), name, m.name)
			if err != nil && !isCategorised(err) {
				if uncategorised++; uncategorised <= 10 {
					t.Errorf("%s, %s: uncategorised error %v", name, m.name, err)
				}
			}
			if info != nil {
				allocated.see(info.Stats.BytesAllocated, name, m.name)
				structures.see(info.Stats.Structures, name, m.name)
				read.see(info.Stats.BytesRead, name, m.name)
				checkInfo(t, info, int64(len(data)))
			}
		}
	}
	t.Logf("%d probes of %d files in %v", probes, len(files), time.Since(start).Round(time.Millisecond))
	t.Logf("worst Stats.BytesAllocated: %v", allocated)
	t.Logf("worst Stats.Structures:     %v", structures)
	t.Logf("worst Stats.BytesRead:      %v", read)
	t.Logf("worst TotalAlloc per probe: %v", totalAlloc)
	t.Logf("slowest probe:              %v (%s: %s)", time.Duration(elapsed.value), elapsed.file, elapsed.what)
	assert.Zero(t, uncategorised, "probes that failed with an uncategorised error")
	assert.LessOrEqual(t, allocated.value, int64(maxAllocated), "worst Stats.BytesAllocated: %v", allocated)
	assert.LessOrEqual(t, structures.value, int64(maxStructures), "worst Stats.Structures: %v", structures)
	assert.LessOrEqual(t, totalAlloc.value, int64(maxTotalAlloc), "worst TotalAlloc: %v", totalAlloc)
	assert.LessOrEqual(t, read.value, int64(probe.DefaultMaxBytesRead), "worst Stats.BytesRead: %v", read)
}

// probeNoPanic probes data, turning a panic into a test failure that names
// the file and the mutation.
func probeNoPanic(t *testing.T, data []byte, file, what string) (info *container.Info, err error) {
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s, %s: panic: %v", file, what, p)
			info, err = nil, nil
		}
	}()
	return probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
}
