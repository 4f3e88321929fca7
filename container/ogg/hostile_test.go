package ogg

import (
	"context"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Regression tests of the issue "Hostile input: bounded work": what a
// hostile object costs is measured where it is spent (bytes the budget was
// charged, structures visited, bytes read through the source), not in
// wall time.

// hostileJunk are the runs of false capture patterns put before a valid
// file, with the size of the run that is also checked against the
// reference search (which examines each candidate page whole, so its cost
// is the run's length times the candidate pages' size).
var hostileJunk = []struct {
	name    string
	gen     func(n int) []byte
	refSize int
}{
	// "OggS" repeated: every 4 bytes a candidate with version 'O' that
	// claims 103 lacing values (about 9 KB of payload).
	{"OggS repeated", falseCaptures, 64 << 10},
	// Version 0, 255 segments of 255 bytes: every 282 bytes a candidate
	// page of 65307 bytes that fits in the object and has a wrong CRC.
	{"255 segments of 255", heavyCaptures, 1 << 20},
	// Version 0 and 255 lacing values every 7 bytes: the densest run of
	// candidates that must be judged by their CRC.
	{"every 7 bytes", func(n int) []byte { return periodicCaptures(n, 7) }, 32 << 10},
}

// TestResyncFalseCapturesLinear: 1 MiB of false capture patterns before a
// Vorbis file. ffprobe skips them (ogg_read_page resumes the search after
// each bad page) and so do we, reading each byte of the object about once,
// with a window charged once: the search no longer reads and checksums a
// page per false capture (4.9 s and 2.5 GB allocated for the first kind).
func TestResyncFalseCapturesLinear(t *testing.T) {
	file := vorbisLong(300) // 84 KB: every candidate page fits in the object
	plain, err := readBytes(t, file)
	require.NoError(t, err)
	for _, tt := range hostileJunk {
		t.Run(tt.name, func(t *testing.T) {
			junk := tt.gen(1 << 20)
			b := cat(junk, file)
			src := &countingSource{BytesSource: demuxkit.BytesSource{B: b}}
			info, err := read(src, 0, container.Options{})
			require.NoError(t, err)
			// ffprobe's answer: the file's, found after the junk.
			require.Len(t, info.Streams, 1)
			assert.Equal(t, plain.Streams, info.Streams)
			assert.Equal(t, plain.Format.DataOffset+int64(len(junk)), info.Format.DataOffset)

			used := src.Budget().Used()
			t.Logf("%d bytes: %d allocated, %d structures, %d bytes read", len(b), used.Allocated, used.Structures, src.bytes)
			assert.Less(t, used.Allocated, int64(4<<20), "bytes allocated")
			assert.LessOrEqual(t, src.bytes, 2*int64(len(b)), "bytes read through the source")
			// Only good pages count: the headers, the first audio page and
			// the pages of the tail; not the 10^4 to 10^5 candidates.
			assert.Less(t, used.Structures, int64(300), "structures visited")

			// The same pages as the reference search, on a run of the same
			// kind that the reference can afford.
			r := cat(tt.gen(tt.refSize), file)
			want := pageSequence(func(off int64) (*page, error) { return refNextPage(refSource(r), off) }, 0)
			require.Len(t, want, 304, "the reference skips the junk and finds every page")
			assert.Equal(t, want, pageSequence(newScanner(&demuxkit.BytesSource{B: r}).next, 0))
		})
	}
}

// TestManySerials: 100,000 BOS pages with distinct serial numbers. FFmpeg
// 5.1 refuses the 1001st stream ("Number of streams exceeds max_streams
// parameter (1000)") and ogg_read_header fails; so do we, after about 1000
// pages, each stream found by its serial in constant time.
func TestManySerials(t *testing.T) {
	b := manySerials(100000)
	src := &demuxkit.BytesSource{B: b}
	info, err := read(src, 0, container.Options{})
	assert.Nil(t, info)
	require.True(t, errors.Is(err, container.ErrLimit), "%v", err)
	used := src.Budget().Used()
	t.Logf("%d bytes: %d allocated, %d structures", len(b), used.Allocated, used.Structures)
	assert.InDelta(t, 1001, used.Structures, 5, "pages visited")
	assert.Less(t, used.Allocated, int64(1<<20), "bytes allocated")
}

// manySerials is n BOS pages of Vorbis identification headers with serial
// numbers 1 to n.
func manySerials(n int) []byte {
	p := oggPage(flagBOS, 0, 0, 0, false, vorbisID)
	b := make([]byte, 0, n*len(p))
	for i := 1; i <= n; i++ {
		binary.LittleEndian.PutUint32(p[14:], uint32(i)) // bitstream_serial_number
		binary.LittleEndian.PutUint32(p[crcField:], 0)
		binary.LittleEndian.PutUint32(p[crcField:], crcUpdate(0, p))
		b = append(b, p...)
	}
	return b
}

// ctxSource is a source whose budget ends with a context, and which calls
// hook after each read with the bytes read so far.
type ctxSource struct {
	demuxkit.BytesSource
	budget *container.Budget
	bytes  int64
	hook   func(read int64)
}

func (s *ctxSource) Budget() *container.Budget { return s.budget }

func (s *ctxSource) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.BytesSource.ReadAt(p, off)
	s.bytes += int64(n)
	if s.hook != nil {
		s.hook(s.bytes)
	}
	return n, err
}

// TestResyncStopsWhenContextEnds: the search through a run of false
// capture patterns, which visits no structure, still looks at the context
// every checkEvery candidates, so a probe whose context ends stops within
// a few hundred KB, not at the end of the run.
func TestResyncStopsWhenContextEnds(t *testing.T) {
	const cancelAt = 256 << 10
	for _, tt := range hostileJunk {
		t.Run(tt.name, func(t *testing.T) {
			b := cat(tt.gen(4<<20), vorbisLong(300))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			src := &ctxSource{BytesSource: demuxkit.BytesSource{B: b}, budget: container.NewBudget(ctx, container.Limits{})}
			src.hook = func(read int64) {
				if read >= cancelAt {
					cancel()
				}
			}
			info, err := read(src, 0, container.Options{})
			assert.Nil(t, info)
			require.ErrorIs(t, err, context.Canceled)
			// The candidates between two looks span at most checkEvery
			// times the distance between them, plus a window.
			assert.Less(t, src.bytes, int64(cancelAt+checkEvery*len(heavyUnit)+2*maxPageSize))
		})
	}
	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		src := &ctxSource{BytesSource: demuxkit.BytesSource{B: cat(falseCaptures(4<<20), vorbisLong(300))}, budget: container.NewBudget(ctx, container.Limits{})}
		_, err := read(src, 0, container.Options{})
		require.ErrorIs(t, err, context.Canceled)
		assert.Less(t, src.bytes, int64(64<<10))
	})
}

// TestStructureLimitStopsTailScan: the pages of the tail count as
// structures, and the scan stops on the budget's sticky error and returns
// it with what was read.
func TestStructureLimitStopsTailScan(t *testing.T) {
	src := &demuxkit.BytesSource{B: vorbisLong(300), Limits: container.Limits{MaxStructures: 10}}
	info, err := read(src, 0, container.Options{})
	require.ErrorIs(t, err, container.ErrLimit)
	require.NotNil(t, info, "the headers were read")
	assert.Equal(t, "vorbis", info.Streams[0].CodecName)
	assert.Equal(t, int64(11), src.Budget().Used().Structures, "the page past the limit is the last examined")
}

// TestPacketGrowthCharged: a header packet spread over many pages is
// charged to the budget as its buffer grows, so that a total allocation
// limit stops it.
func TestPacketGrowthCharged(t *testing.T) {
	body := cat([]byte("\x03vorbis"), vorbisComment("v", "BIG="+string(repeat('a', 600000))), []byte{1})
	pages := [][]byte{oggPage(flagBOS, 0, 1, 0, false, vorbisID)}
	flags := byte(0)
	for seq := uint32(1); len(body) > 0; seq++ {
		n := min(len(body), 255*200)
		last := n == len(body)
		if last {
			pages = append(pages, oggPage(flags, 0, 1, seq, false, body, vorbisSetup))
		} else {
			pages = append(pages, oggPage(flags, -1, 1, seq, true, body[:n]))
		}
		body, flags = body[n:], flagContinued
	}
	pages = append(pages, oggPage(flagEOS, 4000, 1, uint32(len(pages)), false, []byte{0}))
	file := cat(pages...)

	src := &demuxkit.BytesSource{B: file, Limit: 1 << 20}
	_, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, src.Budget().Used().Allocated, int64(600000), "the packet's buffer is charged")

	src = &demuxkit.BytesSource{B: file, Limit: 1 << 20, Limits: container.Limits{MaxAllocTotal: 400000}}
	_, err = read(src, 0, container.Options{})
	require.ErrorIs(t, err, container.ErrLimit)
}
