package container

import (
	"context"
	"fmt"
)

// The default limits of a probe. They bound what any object, however
// hostile, can cost, and are far above what a well-formed file needs: the
// headers of a two-hour film (its MP4 sample tables included) take a few
// megabytes and a few thousand structures.
const (
	// DefaultMaxAlloc is the largest single buffer a length in the object
	// may cause.
	DefaultMaxAlloc = 32 << 20
	// DefaultMaxAllocTotal bounds all the bytes a probe takes from the
	// object into memory together: headers, tables, tag values, picture
	// bytes and decompressed data.
	DefaultMaxAllocTotal = 32 << 20
	// DefaultMaxInflate bounds the bytes a probe decompresses (zlib-
	// compressed ID3v2 frames, ...).
	DefaultMaxInflate = 16 << 20
	// DefaultMaxStreams is FFmpeg's max_streams: avformat_new_stream fails
	// past it, so ffprobe never prints more streams.
	DefaultMaxStreams = 1000
	// DefaultMaxStructures bounds the structures a probe visits (boxes,
	// pages, chunks, frames, tag entries, table chunks), so that an object
	// of millions of empty structures stops early.
	DefaultMaxStructures = 250000
)

// Limits are the budgets of one probe. A zero field takes its default.
type Limits struct {
	MaxAlloc      int64 // largest single allocation (DefaultMaxAlloc)
	MaxAllocTotal int64 // all allocations of object data (DefaultMaxAllocTotal)
	MaxInflate    int64 // decompressed bytes (DefaultMaxInflate)
	MaxStreams    int   // streams (DefaultMaxStreams)
	MaxStructures int64 // structures visited (DefaultMaxStructures)
}

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	if l.MaxAlloc <= 0 {
		l.MaxAlloc = DefaultMaxAlloc
	}
	if l.MaxAllocTotal <= 0 {
		l.MaxAllocTotal = DefaultMaxAllocTotal
	}
	if l.MaxInflate <= 0 {
		l.MaxInflate = DefaultMaxInflate
	}
	if l.MaxStreams <= 0 {
		l.MaxStreams = DefaultMaxStreams
	}
	if l.MaxStructures <= 0 {
		l.MaxStructures = DefaultMaxStructures
	}
	return l
}

// Usage is what a probe has spent of its budget.
type Usage struct {
	Allocated  int64 // bytes of object data taken into memory
	Inflated   int64 // bytes decompressed
	Structures int64 // structures visited
}

// Budget accounts for the work of one probe: the memory it takes from the
// object, the bytes it decompresses, the structures it visits and the
// streams it creates, against its Limits; and it carries the probe's
// context, so that every loop whose count comes from the object can stop
// when the context ends.
//
// Every demuxer and tag reader charges the budget of its Source. The first
// limit exceeded, or the end of the context, is sticky: every later call
// returns the same error, so a loop that missed one check stops at the
// next. A Budget belongs to one probe and is not safe for concurrent use.
//
// A nil *Budget accounts for nothing and never fails, for parsers used
// outside a probe; Source.Budget is never nil.
type Budget struct {
	ctx    context.Context
	done   <-chan struct{}
	limits Limits
	used   Usage
	err    error
}

// NewBudget returns a budget with the given limits (zero fields take their
// defaults) that ends with ctx; a nil ctx never ends.
func NewBudget(ctx context.Context, limits Limits) *Budget {
	b := &Budget{ctx: ctx, limits: limits.withDefaults()}
	if ctx != nil {
		b.done = ctx.Done()
	}
	return b
}

// Limits returns the budget's limits.
func (b *Budget) Limits() Limits {
	if b == nil {
		return Limits{}.withDefaults()
	}
	return b.limits
}

// Used returns what has been spent so far.
func (b *Budget) Used() Usage {
	if b == nil {
		return Usage{}
	}
	return b.used
}

// MaxAlloc is the largest single buffer a length in the object may cause.
func (b *Budget) MaxAlloc() int64 { return b.Limits().MaxAlloc }

// Err returns the sticky error: the first limit exceeded or the context's
// error, checked now. It is nil while the probe may go on.
func (b *Budget) Err() error {
	if b == nil {
		return nil
	}
	if b.err == nil && b.done != nil {
		select {
		case <-b.done:
			b.err = b.ctx.Err()
		default:
		}
	}
	return b.err
}

// Visit counts one structure of the object, what it is and where, and
// checks the context. It fails with ErrLimit past MaxStructures.
func (b *Budget) Visit(format, what string, off int64) error {
	if b == nil {
		return nil
	}
	if err := b.Err(); err != nil {
		return err
	}
	b.used.Structures++
	if b.used.Structures > b.limits.MaxStructures {
		return b.fail(format, what, off, "more than %d structures", b.limits.MaxStructures)
	}
	return nil
}

// Alloc charges n bytes taken from the object into memory (a header, a
// table, a tag value, picture bytes) before they are allocated. It fails
// with ErrLimit when n exceeds MaxAlloc or the total exceeds
// MaxAllocTotal.
func (b *Budget) Alloc(format, what string, off, n int64) error {
	if b == nil {
		return nil
	}
	if err := b.Err(); err != nil {
		return err
	}
	if n > b.limits.MaxAlloc {
		// Not sticky: one large structure may be skipped.
		return errorf(format, what, off, ErrLimit, "%d bytes exceed the allocation limit %d", n, b.limits.MaxAlloc)
	}
	if n > b.limits.MaxAllocTotal-b.used.Allocated {
		return b.fail(format, what, off, "%d more bytes exceed the total allocation limit %d", n, b.limits.MaxAllocTotal)
	}
	b.used.Allocated += n
	return nil
}

// Inflate charges n decompressed bytes to MaxInflate before they are
// produced. The memory that keeps any of them is charged with Alloc.
func (b *Budget) Inflate(format, what string, off, n int64) error {
	if b == nil {
		return nil
	}
	if err := b.Err(); err != nil {
		return err
	}
	if n > b.limits.MaxInflate-b.used.Inflated {
		return b.fail(format, what, off, "%d more decompressed bytes exceed the limit %d", n, b.limits.MaxInflate)
	}
	b.used.Inflated += n
	return nil
}

// AddStream appends a stream of type t to info, as avformat_new_stream
// does, unless info already holds MaxStreams streams: then it fails with
// ErrLimit, which is not sticky (some demuxers, as FFmpeg's, go on without
// the stream). format and off name the structure that asked for it.
func (b *Budget) AddStream(info *Info, t MediaType, format string, off int64) (*Stream, error) {
	if err := b.Err(); err != nil {
		return nil, err
	}
	if len(info.Streams) >= b.Limits().MaxStreams {
		return nil, errorf(format, "stream", off, ErrLimit, "more than %d streams (FFmpeg's max_streams)", b.Limits().MaxStreams)
	}
	return info.AddStream(t), nil
}

func (b *Budget) fail(format, what string, off int64, detail string, args ...any) error {
	b.err = &FormatError{Format: format, What: what, Offset: off, Kind: ErrLimit, Detail: fmt.Sprintf(detail, args...)}
	return b.err
}
