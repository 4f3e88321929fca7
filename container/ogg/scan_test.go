package ogg

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func TestCRCShift(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	naiveClmul := func(a, b uint32) uint64 {
		var p uint64
		for i := 0; i < 32; i++ {
			if b>>i&1 != 0 {
				p ^= uint64(a) << i
			}
		}
		return p
	}
	for i := 0; i < 2000; i++ {
		a, b := rng.Uint32(), rng.Uint32()
		require.Equal(t, naiveClmul(a, b), clmul(a, b), "%#x·%#x", a, b)
	}
	zeros := make([]byte, 65535)
	for _, n := range []int{0, 1, 2, 26, 255, 256, 257, 4096, 65025, 65280, 65307, 65535} {
		c := rng.Uint32()
		assert.Equal(t, crcUpdate(c, zeros[:n]), shift(c, n), "n=%d", n)
	}
	for i := 0; i < 200; i++ {
		c, n := rng.Uint32(), rng.IntN(65536)
		require.Equal(t, crcUpdate(c, zeros[:n]), shift(c, n), "n=%d", n)
	}
	// crc(A B) = crc(A)·x^(8|B|) ⊕ crc(B), the identity the scanner uses.
	msg := make([]byte, 3000)
	for i := range msg {
		msg[i] = byte(rng.UintN(256))
	}
	for i := 0; i < 200; i++ {
		k := rng.IntN(len(msg) + 1)
		assert.Equal(t, crcUpdate(0, msg), shift(crcUpdate(0, msg[:k]), len(msg)-k)^crcUpdate(0, msg[k:]))
	}
}

// describe renders a page for comparison: its fields and a checksum of its
// lacing values and payload.
func describe(p *page) string {
	return fmt.Sprintf("%#x v%d f%d g%d s%d q%d crc%08x segs %d/%08x payload %d/%08x",
		p.off, p.version, p.flags, p.granule, p.serial, p.seq, p.crc,
		len(p.segs), crcUpdate(0, p.segs), len(p.payload), crcUpdate(0, p.payload))
}

// pageSequence follows next from start as the demuxer does, page after
// page, and ends with the error.
func pageSequence(next func(off int64) (*page, error), start int64) []string {
	var out []string
	off := start
	for {
		p, err := next(off)
		if err != nil {
			return append(out, "error: "+err.Error())
		}
		out = append(out, describe(p))
		off = p.end()
	}
}

// diffScanner checks that the scanner finds the same pages and the same
// final error as the reference, from start: with a window as large as the
// object allows, with a window barely larger than a page (which moves at
// almost every page), and with the window loaded in one read first, as the
// tail scan does.
func diffScanner(t *testing.T, b []byte, start int64) {
	t.Helper()
	want := pageSequence(func(off int64) (*page, error) { return refNextPage(refSource(b), off) }, start)
	for _, limit := range []int64{0, maxPageSize + 300} {
		s := newScanner(&demuxkit.BytesSource{B: b, Limit: limit})
		require.Equal(t, want, pageSequence(s.next, start), "limit %d, start %#x", limit, start)
	}
	if int64(len(b))-start <= maxPageSize {
		s := newScanner(&demuxkit.BytesSource{B: b})
		require.NoError(t, s.ensure(start, int64(len(b))))
		require.Equal(t, want, pageSequence(s.next, start), "preloaded, start %#x", start)
	}
}

func TestScannerMatchesReference(t *testing.T) {
	good := vorbisLong(300)
	maxPage := oggPage(0, 5, 9, 0, true, repeat('x', 255*255)) // 255 lacing values of 255
	require.Equal(t, maxPageSize, len(maxPage))
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"capture only", []byte("OggS")},
		{"header cut", vorbisFile(1, 1000, 5000)[:20]},
		{"lacing cut", vorbisFile(1, 1000, 5000)[:28]},
		{"payload cut", vorbisFile(1, 1000, 5000)[:40]},
		{"good file", vorbisFile(1, 1000, 5000)},
		{"zeros", make([]byte, 70000)},
		{"largest page", cat(maxPage, maxPage)},
		{"false captures then file", cat(falseCaptures(16<<10), good)},
		{"false captures then short file", cat(falseCaptures(16<<10), vorbisFile(1, 1000, 5000))},
		{"heavy captures then file", cat(heavyCaptures(100<<10), good)},
		{"heavy captures to the end", heavyCaptures(100 << 10)},
		{"period 5", cat(periodicCaptures(16<<10, 5), good)},
		{"period 7", cat(periodicCaptures(8<<10, 7), good)},
		{"period 9", cat(periodicCaptures(8<<10, 9), good)},
		{"gap of a page less one", cat([]byte("OggS"), make([]byte, maxPageSize-5), good)},
		{"gap of a page", cat([]byte("OggS"), make([]byte, maxPageSize-4), good)},
		{"gap of a page and one", cat([]byte("OggS"), make([]byte, maxPageSize-3), good)},
		{"gap at the end", cat(good, make([]byte, maxPageSize+10))},
		{"bad page hides a good one", func() []byte {
			p := oggPage(0, 5, 1, 0, false, cat(repeat('a', 100), vorbisFile(1, 1000, 5000), repeat('b', 100)))
			p[30] ^= 1
			return cat(p, good)
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffScanner(t, tt.b, 0)
			for _, start := range []int64{1, 3, 4, int64(len(tt.b) / 2), int64(len(tt.b)) - 30, int64(len(tt.b))} {
				if start >= 0 && start <= int64(len(tt.b)) {
					diffScanner(t, tt.b, start)
				}
			}
		})
	}
}

func TestScannerMatchesReferenceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		size := 1 + rng.IntN(4000)
		if i%50 == 0 {
			size = 1 + rng.IntN(200000)
		}
		b := randomOgg(rng, size)
		diffScanner(t, b, 0)
		diffScanner(t, b, int64(rng.IntN(len(b)+1)))
	}
}
