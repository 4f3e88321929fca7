package probe_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
	"github.com/mediaprobe/mediaprobe/probe"
)

// The bounds every probe of a hostile input must keep with the default
// options: the budgets themselves, and the memory the Go runtime saw
// allocated during the probe (TotalAlloc), which also counts what no budget
// is charged with (copies, maps, slices of tags).
const (
	maxAllocated  = probe.DefaultMaxAllocTotal // Stats.BytesAllocated
	maxStructures = probe.DefaultMaxStructures // Stats.Structures
	maxStreams    = probe.DefaultMaxStreams    // len(Info.Streams)
	maxTotalAlloc = 64 << 20                   // runtime TotalAlloc during one probe
)

// outcome is what a probe of a hostile input must give.
type outcome int

const (
	// matchFFprobe: ffprobe answers, and so must we, with the same format,
	// streams, codecs, duration and tags (testdata/hostile/NAME.json).
	matchFFprobe outcome = iota
	// refuse: ffprobe refuses the file; we must fail with the error class
	// given.
	refuse
)

type hostileWant struct {
	outcome outcome
	kind    error // refuse: the class of the error
	// maxRead bounds the bytes read from the object; 0 means twice its size
	// plus a block (an object read once, with the tails read again).
	maxRead int64
	why     string
}

// hostileWants gives, for every case of hostile.Cases, what we must answer
// and why.
var hostileWants = map[string]hostileWant{
	"id3_txxx":           {outcome: matchFFprobe, why: "20,000 frames and tags: 40,000 structures, 1.2 MB"},
	"flac_vorbis_keys":   {outcome: matchFFprobe, why: "100,000 comments: 100,000 tag entries, 2.5 MB"},
	"flac_vorbis_repeat": {outcome: matchFFprobe, why: "200,000 entries of one key, joined into one 400 KB value"},
	"ogg_vorbis_keys":    {outcome: matchFFprobe, why: "100,000 comments over 40 pages"},
	"wav_info_keys":      {outcome: matchFFprobe, why: "100,000 INFO chunks, 1.6 MB"},
	"mp4_freeform":       {outcome: matchFFprobe, why: "40,000 items of 4 boxes: 160,000 boxes, 3.4 MB"},
	"mp4_freeform_100k": {outcome: matchFFprobe,
		why: "100,000 items: one structure each, their mean/name/data children are read from the item's bytes"},
	"ape_text":          {outcome: matchFFprobe, why: "60,000 items, 1.7 MB"},
	"ape_text_over_cap": {outcome: matchFFprobe, why: "FFmpeg ignores a tag of more than 65536 items"},
	"w64_summary":       {outcome: matchFFprobe, why: "100,000 entries, 2.4 MB"},
	"id3_zlib_txxx": {outcome: matchFFprobe,
		why: "16 frames inflate to 512 MiB, past MaxInflate; each is inflated only until its text ends"},
	"id3_zlib_apic":    {outcome: refuse, kind: container.ErrLimit, why: "4,000 pictures: max_streams (or MaxInflate)"},
	"ogg_capture_junk": {outcome: matchFFprobe, why: "FFmpeg resyncs past each false page; so must we, at a bounded cost"},
	"ogg_badcrc_pages": {outcome: matchFFprobe, why: "FFmpeg skips pages whose CRC is wrong: one stream, not 22,401"},
	"ogg_serials":      {outcome: refuse, kind: container.ErrLimit, why: "100,000 BOS pages: max_streams"},
	"mp4_traks_100k":   {outcome: refuse, kind: container.ErrLimit, why: "100,000 traks: max_streams"},
	"mp4_traks_1m":     {outcome: refuse, kind: container.ErrLimit, why: "1,000,000 traks: max_streams"},
	"flac_pictures":    {outcome: refuse, kind: container.ErrLimit, why: "100,000 pictures: max_streams"},
	"id3_apic":         {outcome: refuse, kind: container.ErrLimit, why: "100,000 pictures: max_streams"},
	"ape_binary":       {outcome: matchFFprobe, why: "FFmpeg stops reading the tag at max_streams and keeps 1000 streams"},
	"mp4_chapters":     {outcome: matchFFprobe, why: "1,000 tracks and 4,000,000 chapter references: 16 MB of ids"},
	"mp4_stts_past_end": {outcome: refuse, kind: container.ErrTruncated, maxRead: 1 << 20,
		why: "the table runs past the end of the object (FFmpeg: End of file); nothing of the 60 MiB mdat is needed"},
	"flv_meta_keys": {outcome: matchFFprobe, why: "50,000 onMetaData keys in one 1 MB script tag"},
	"flv_keyframes": {outcome: matchFFprobe,
		why: "keyframes arrays claiming 10^9 entries: nothing allocated per entry, the tag's bytes walked once"},
	"mp4_hdlr_huge": {outcome: matchFFprobe, maxRead: 1 << 20,
		why: "two 31 MiB boxes: the name is read up to its NUL, the second box not at all"},
}

// hostileGolden is testdata/hostile/NAME.json, written by gen.sh from
// ffprobe's output.
type hostileGolden struct {
	Name        string         `json:"name"`
	Size        int64          `json:"size"`
	SHA256      string         `json:"sha256"`
	Refused     bool           `json:"refused"`
	Error       string         `json:"error"`
	FormatName  string         `json:"format_name"`
	NbStreams   int            `json:"nb_streams"`
	StreamTypes map[string]int `json:"stream_types"`
	Codecs      []string       `json:"codecs"`
	Duration    *string        `json:"duration"`
	FormatTags  any            `json:"format_tags"`
	Stream0Tags any            `json:"stream0_tags"`
}

func readHostileGolden(t testing.TB, name string) hostileGolden {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", name+".json"))
	require.NoError(t, err, "no golden: run testdata/hostile/gen.sh")
	var g hostileGolden
	require.NoError(t, json.Unmarshal(raw, &g))
	return g
}

// countingReaderAt counts the calls and bytes of the caller's reader
// independently of the probe's Stats, which a failed probe does not return.
type countingReaderAt struct {
	r            io.ReaderAt
	reads, bytes atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.reads.Add(1)
	c.bytes.Add(int64(n))
	return n, err
}

func inputHash(t testing.TB, in hostile.Input) string {
	h := sha256.New()
	_, err := io.Copy(h, io.NewSectionReader(in, 0, in.Size))
	require.NoError(t, err)
	return hex.EncodeToString(h.Sum(nil))
}

// probed is one probe and what it cost.
type probed struct {
	info       *container.Info
	err        error
	elapsed    time.Duration
	totalAlloc uint64 // runtime TotalAlloc during the probe
	reads      int64  // calls to the caller's ReaderAt
	bytesRead  int64  // bytes they returned
}

// probeMeasured runs one probe of in, after a GC, measuring the memory the
// runtime allocated during it and the reads it issued.
func probeMeasured(ctx context.Context, in io.ReaderAt, size int64, opts ...probe.Option) probed {
	r := &countingReaderAt{r: in}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	start := time.Now()
	info, err := probe.ReaderAt(ctx, r, size, opts...)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&m1)
	return probed{info, err, elapsed, m1.TotalAlloc - m0.TotalAlloc, r.reads.Load(), r.bytes.Load()}
}

func (p probed) String() string {
	s := fmt.Sprintf("%v, TotalAlloc %.1f MiB, %d reads of %d bytes", p.elapsed.Round(time.Millisecond),
		float64(p.totalAlloc)/(1<<20), p.reads, p.bytesRead)
	if p.info != nil {
		st := p.info.Stats
		s += fmt.Sprintf(", allocated %d, inflated %d, structures %d, streams %d", st.BytesAllocated, st.BytesInflated,
			st.Structures, len(p.info.Streams))
	}
	if p.err != nil {
		s += ", error: " + p.err.Error()
	}
	return s
}

// checkBounds asserts the bounds of every probe with the default options.
func checkBounds(t *testing.T, p probed, maxRead int64) {
	t.Helper()
	assert.LessOrEqual(t, p.totalAlloc, uint64(maxTotalAlloc), "runtime TotalAlloc during the probe")
	assert.LessOrEqual(t, p.bytesRead, maxRead, "bytes read from the object")
	if p.info != nil {
		assert.LessOrEqual(t, p.info.Stats.BytesAllocated, int64(maxAllocated), "Stats.BytesAllocated")
		assert.LessOrEqual(t, p.info.Stats.Structures, int64(maxStructures), "Stats.Structures")
		assert.LessOrEqual(t, len(p.info.Streams), maxStreams, "streams")
		assert.Equal(t, p.bytesRead, p.info.Stats.BytesRead, "Stats.BytesRead against the bytes the reader returned")
	}
}

// TestHostile probes every hostile input (hostile.Cases, at the counts of
// the goldens) with the default options: the probe must keep within the
// bounds, and answer as ffprobe does, or refuse where ffprobe refuses.
func TestHostile(t *testing.T) {
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			want, ok := hostileWants[c.Name]
			require.True(t, ok, "no expectation for %s", c.Name)
			golden := readHostileGolden(t, c.Name)
			in := c.Make(c.Count)
			require.Equal(t, golden.SHA256, inputHash(t, in), "the golden was made from another input: run testdata/hostile/gen.sh")

			p := probeMeasured(context.Background(), in, in.Size, probe.WithFilename(c.Name+"."+c.Ext))
			t.Logf("%s (%d bytes, %s): %s", c.Name, in.Size, want.why, p)
			maxRead := want.maxRead
			if maxRead == 0 {
				maxRead = 2*in.Size + probe.DefaultBlockSize
			}
			checkBounds(t, p, maxRead)

			switch want.outcome {
			case refuse:
				require.True(t, golden.Refused, "ffprobe does not refuse %s", c.Name)
				t.Logf("ffprobe: %s", golden.Error)
				assert.Error(t, p.err, "ffprobe refuses it: %s", golden.Error)
				assert.ErrorIs(t, p.err, want.kind)
			case matchFFprobe:
				require.False(t, golden.Refused, "ffprobe refuses %s: %s", c.Name, golden.Error)
				if !assert.NoError(t, p.err, "ffprobe answers") || !assert.NotNil(t, p.info) {
					return
				}
				compareWithGolden(t, c, golden, p.info)
			}
		})
	}
}

// compareWithGolden compares our answer, as our ffprobe serialiser prints
// it, with ffprobe's summarised the way gen.sh summarises it.
func compareWithGolden(t *testing.T, c hostile.Case, g hostileGolden, info *container.Info) {
	t.Helper()
	var doc struct {
		Streams []struct {
			CodecName string          `json:"codec_name"`
			CodecType string          `json:"codec_type"`
			Tags      json.RawMessage `json:"tags"`
		} `json:"streams"`
		Format struct {
			FormatName string          `json:"format_name"`
			NbStreams  int             `json:"nb_streams"`
			Duration   *string         `json:"duration"`
			Tags       json.RawMessage `json:"tags"`
		} `json:"format"`
	}
	require.NoError(t, json.Unmarshal(ffprobe.Marshal(info, ""), &doc))
	assert.Equal(t, g.FormatName, doc.Format.FormatName, "format_name")
	assert.Equal(t, g.NbStreams, doc.Format.NbStreams, "nb_streams")
	types := map[string]int{}
	var codecs []string
	for i, st := range doc.Streams {
		types[st.CodecType]++
		if i < 3 {
			codecs = append(codecs, st.CodecName)
		}
	}
	assert.Equal(t, g.StreamTypes, types, "streams by codec_type")
	assert.Equal(t, g.Codecs, codecs, "codec_name of streams 0..2")
	deref := func(s *string) string {
		if s == nil {
			return "(none)"
		}
		return *s
	}
	assert.Equal(t, deref(g.Duration), deref(doc.Format.Duration), "format duration")

	var stream0 json.RawMessage
	if len(doc.Streams) > 0 {
		stream0 = doc.Streams[0].Tags
	}
	for _, part := range []struct {
		name   string
		golden any
		ours   json.RawMessage
	}{{"format tags", g.FormatTags, doc.Format.Tags}, {"stream 0 tags", g.Stream0Tags, stream0}} {
		ours := summariseTags(t, part.ours, c.Select)
		assert.Equal(t, part.golden, ours, "%s (count, first, last, selected)", part.name)
	}
}

// summariseTags summarises a tags object as gen.sh does: the count, the
// first and last pairs in order, and the selected keys present, each value
// as itself or, past 200 bytes, as its length, SHA-256 and prefix. It goes
// through JSON so that it compares with the golden as decoded.
func summariseTags(t *testing.T, raw json.RawMessage, selected []string) any {
	t.Helper()
	var pairs [][2]string
	if len(raw) > 0 && string(raw) != "null" {
		dec := json.NewDecoder(bytes.NewReader(raw))
		tok, err := dec.Token()
		require.NoError(t, err)
		require.Equal(t, json.Delim('{'), tok)
		for dec.More() {
			k, err := dec.Token()
			require.NoError(t, err)
			var v string
			require.NoError(t, dec.Decode(&v))
			pairs = append(pairs, [2]string{k.(string), v})
		}
	}
	value := func(v string) any {
		if len(v) <= 200 {
			return v
		}
		sum := sha256.Sum256([]byte(v))
		prefix := v
		for i := range v {
			if utf8.RuneCountInString(v[:i]) == 32 {
				prefix = v[:i]
				break
			}
		}
		return map[string]any{"length": len(v), "sha256": hex.EncodeToString(sum[:]), "prefix": prefix}
	}
	s := map[string]any{"count": len(pairs), "first": nil, "last": nil}
	if len(pairs) > 0 {
		s["first"] = []any{pairs[0][0], value(pairs[0][1])}
		s["last"] = []any{pairs[len(pairs)-1][0], value(pairs[len(pairs)-1][1])}
	}
	sel := map[string]any{}
	for _, k := range selected {
		for _, p := range pairs {
			if p[0] == k {
				sel[k] = value(p[1])
			}
		}
	}
	if len(sel) > 0 {
		s["selected"] = sel
	}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// hostileDeadline is the context deadline of TestHostileDeadline; the
// target for the time a probe takes to notice it is 150 ms.
const hostileDeadline = 100 * time.Millisecond

// raisedLimits leave only the context to stop a probe (and the stream
// limit, which is FFmpeg's).
var raisedLimits = []probe.Option{
	probe.WithMaxStructures(1 << 40), probe.WithMaxAllocTotal(1 << 40),
	probe.WithMaxInflate(1 << 40), probe.WithMaxBytesRead(1 << 40),
}

// TestHostileDeadline probes the hostile inputs at their Big counts with
// the limits raised, so that only the context can stop them, and a 100 ms
// deadline: a probe must either finish before the deadline or stop with
// context.DeadlineExceeded soon after it. A probe that has not returned
// after twice hostile.HangBound is reported and abandoned (it goes on in
// the background).
func TestHostileDeadline(t *testing.T) {
	for _, c := range hostile.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			in := c.Make(c.Big)
			ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
			defer cancel()
			type result struct {
				info *container.Info
				err  error
				d    time.Duration
			}
			done := make(chan result, 1)
			go func() {
				start := time.Now()
				info, err := probe.ReaderAt(ctx, in, in.Size, append([]probe.Option{probe.WithFilename(c.Name + "." + c.Ext)}, raisedLimits...)...)
				done <- result{info, err, time.Since(start)}
			}()
			var res result
			select {
			case res = <-done:
			case <-time.After(2 * hostile.HangBound):
				t.Fatalf("%s (%d bytes): no answer %v after a %v deadline", c.Name, in.Size, 2*hostile.HangBound, hostileDeadline)
			}
			t.Logf("%s (%d bytes, count %d): %v, error: %v", c.Name, in.Size, c.Big, res.d.Round(time.Millisecond), res.err)
			// The bound is wall time on a machine that may be busy (other
			// packages' tests, the race detector): generous, so that only a
			// probe that ignores the context fails it; the target, 150 ms,
			// is shown by the log line above on a quiet machine.
			assert.Less(t, res.d, hostile.HangBound, "a generous bound; the target is 150 ms")
			// A probe either stops with the context's error, or ends on its
			// own (an answer, or the refusal ffprobe gives too) before its
			// last check of the context. Whether that last check came just
			// before or just after the deadline is a race of the clock, not
			// of the probe, so it is not asserted.
			if res.err != nil && !errors.Is(res.err, context.DeadlineExceeded) {
				want := hostileWants[c.Name]
				require.Equal(t, refuse, want.outcome, "only the context may stop it: %v", res.err)
				assert.ErrorIs(t, res.err, want.kind)
			}
		})
	}
}

// BenchmarkHostile probes each hostile input once per op with the default
// options, reporting what the budget saw besides time and memory:
//
//	go test -run '^$' -bench Hostile -benchmem ./probe
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostile.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := c.Make(c.Count)
			b.ReportAllocs()
			b.ResetTimer()
			var st *container.Stats
			var read int64
			cpu := cpuTime()
			defer func() { b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op") }()
			for i := 0; i < b.N; i++ {
				r := &countingReaderAt{r: in}
				info, _ := probe.ReaderAt(context.Background(), r, in.Size, probe.WithFilename(c.Name+"."+c.Ext))
				if info != nil {
					st = &info.Stats
				}
				read = r.bytes.Load()
			}
			// A probe that fails returns no Info, and so no Stats: then only
			// the bytes read, which the reader counted, are reported.
			if st != nil {
				b.ReportMetric(float64(st.Structures), "structures/op")
				b.ReportMetric(float64(st.BytesAllocated), "bytes-alloc/op")
			}
			b.ReportMetric(float64(read), "bytes-read/op")
		})
	}
}

// ---- h. a source that fails ----

// errSource is the error of a failing source: the probe must report it,
// never a format error made of the missing bytes.
var errSource = errors.New("hostile source: connection reset")

// failingReader fails its failAt-th call (counting from 1) and every later
// one; with partial, the failing call returns half the bytes first.
type failingReader struct {
	r       io.ReaderAt
	failAt  int64
	partial bool
	calls   atomic.Int64
}

func (f *failingReader) ReadAt(p []byte, off int64) (int, error) {
	if f.calls.Add(1) < f.failAt {
		return f.r.ReadAt(p, off)
	}
	if f.partial {
		n, _ := f.r.ReadAt(p[:len(p)/2], off)
		return n, errSource
	}
	return 0, errSource
}

// sourceInputs are the testdata files and the hostile inputs at a small
// count, in memory.
func sourceInputs(t *testing.T) map[string]hostile.Input {
	ins := map[string]hostile.Input{}
	for _, f := range goldenFiles(t) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		ins[filepath.Base(f)] = hostile.InMemory(b)
	}
	for _, c := range hostile.Cases() {
		if c.Class != "f" && c.Class != "g" { // the sparse ones are 60 MiB at any count
			ins[c.Name+"."+c.Ext] = c.Make(min(c.Count, 2000))
		}
	}
	return ins
}

// TestHostileSourceFails: whichever read of the caller's source fails
// (from the second on), the probe returns that error (errors.Is) and no
// Info, never a format error such as "moov atom not found".
func TestHostileSourceFails(t *testing.T) {
	for name, in := range sourceInputs(t) {
		t.Run(name, func(t *testing.T) {
			opts := []probe.Option{probe.WithFilename(name), probe.WithBlockSize(4096)}
			normal := &countingReaderAt{r: in}
			_, _ = probe.ReaderAt(context.Background(), normal, in.Size, opts...)
			calls := normal.reads.Load()
			if calls < 2 {
				t.Logf("%s: one read; the second never happens", name)
				return
			}
			for failAt := int64(2); failAt <= min(calls, 12); failAt++ {
				for _, partial := range []bool{false, true} {
					r := &failingReader{r: in, failAt: failAt, partial: partial}
					info, err := probe.ReaderAt(context.Background(), r, in.Size, opts...)
					if !assert.ErrorIs(t, err, errSource, "read %d of %d fails (partial %v)", failAt, calls, partial) {
						continue
					}
					assert.Nil(t, info, "an Info built without the bytes of read %d", failAt)
					for _, kind := range []error{container.ErrUnknownFormat, container.ErrTruncated, container.ErrMalformed} {
						assert.NotErrorIs(t, err, kind, "a format error made of a failed read: %v", err)
					}
				}
			}
		})
	}
}

// ---- i. a source that blocks, and one that returns a byte at a time ----

// blockingReader serves the first `serve` calls, then blocks until release
// is closed.
type blockingReader struct {
	r       io.ReaderAt
	serve   int64
	calls   atomic.Int64
	release chan struct{}
}

func (b *blockingReader) ReadAt(p []byte, off int64) (int, error) {
	if b.calls.Add(1) <= b.serve {
		return b.r.ReadAt(p, off)
	}
	<-b.release
	return 0, errors.New("released")
}

// TestHostileSourceBlocks: a read that never returns is abandoned when the
// context ends: the probe returns context.DeadlineExceeded within about
// 150 ms of a 100 ms deadline (asserted: 1 s).
func TestHostileSourceBlocks(t *testing.T) {
	b, err := os.ReadFile("../testdata/m4a_aac_cover.m4a")
	require.NoError(t, err)
	for _, serve := range []int64{0, 1, 3} {
		t.Run(fmt.Sprintf("after_%d_reads", serve), func(t *testing.T) {
			r := &blockingReader{r: bytes.NewReader(b), serve: serve, release: make(chan struct{})}
			t.Cleanup(func() { close(r.release) })
			ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
			defer cancel()
			start := time.Now()
			info, err := probe.ReaderAt(ctx, r, int64(len(b)), probe.WithBlockSize(512))
			elapsed := time.Since(start)
			t.Logf("blocked after %d reads: returned after %v: %v", serve, elapsed.Round(time.Millisecond), err)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Nil(t, info)
			assert.Less(t, elapsed, 3*time.Second, "a generous bound (a busy machine); the target is 150 ms")
		})
	}
}

// oneByteReader returns at most one byte per call, with a nil error, which
// io.ReaderAt forbids but a careless range reader does.
type oneByteReader struct{ r io.ReaderAt }

func (o oneByteReader) ReadAt(p []byte, off int64) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := o.r.ReadAt(p[:1], off)
	if err == io.EOF && n == 1 {
		err = nil
	}
	return n, err
}

// TestHostileSourceOneByte: a reader that returns one byte per call gives
// the same answer as a normal one, reading the same bytes, with one call
// per byte: the source retries short reads without starting over.
func TestHostileSourceOneByte(t *testing.T) {
	for _, f := range goldenFiles(t) {
		name := filepath.Base(f)
		// The default block reads most files at once; 1 KB blocks make
		// every probe issue several reads, tails included.
		for _, block := range []int64{probe.DefaultBlockSize, 1024} {
			t.Run(fmt.Sprintf("%s/block_%d", name, block), func(t *testing.T) {
				b, err := os.ReadFile(f)
				require.NoError(t, err)
				opts := []probe.Option{probe.WithFilename(name), probe.WithBlockSize(block)}
				want, err := probe.ReaderAt(context.Background(), bytes.NewReader(b), int64(len(b)), opts...)
				require.NoError(t, err)
				got, err := probe.ReaderAt(context.Background(), oneByteReader{bytes.NewReader(b)}, int64(len(b)), opts...)
				require.NoError(t, err)
				assert.Equal(t, string(ffprobe.Marshal(want, "")), string(ffprobe.Marshal(got, "")))
				assert.Equal(t, want.Stats.BytesRead, got.Stats.BytesRead, "the same bytes")
				// One call per byte, and at most a few calls that return
				// nothing per read of a normal reader.
				assert.GreaterOrEqual(t, got.Stats.Reads, got.Stats.BytesRead)
				assert.LessOrEqual(t, got.Stats.Reads, got.Stats.BytesRead+4*want.Stats.Reads,
					"reads %d for %d bytes", got.Stats.Reads, got.Stats.BytesRead)
				t.Logf("%s: %d reads of %d bytes (normal reader: %d reads)", name, got.Stats.Reads, got.Stats.BytesRead, want.Stats.Reads)
			})
		}
	}
}
