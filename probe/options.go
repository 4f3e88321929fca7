package probe

import (
	"errors"
	"fmt"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// config holds the choices of one probe. Every probe gets its own copy.
type config struct {
	blockSize        int64
	maxBytesRead     int64
	limits           container.Limits
	requestTimeout   time.Duration
	filename         string
	accurateDuration bool
	size             int64 // the object's size for Reader; -1 if unknown
	err              error // the first option out of range
}

// The defaults. A block of 64 KiB holds the headers of nearly every audio
// file in one read; the budgets bound what a hostile object can cost (see
// container.Limits) and are far above what a well-formed file needs.
const (
	DefaultBlockSize      = 64 << 10
	DefaultMaxBytesRead   = 64 << 20
	DefaultMaxAlloc       = container.DefaultMaxAlloc
	DefaultMaxAllocTotal  = container.DefaultMaxAllocTotal
	DefaultMaxInflate     = container.DefaultMaxInflate
	DefaultMaxStreams     = container.DefaultMaxStreams
	DefaultMaxStructures  = container.DefaultMaxStructures
	DefaultRequestTimeout = 30 * time.Second
)

func defaultConfig() config {
	return config{
		blockSize:    DefaultBlockSize,
		maxBytesRead: DefaultMaxBytesRead,
		limits: container.Limits{
			MaxAlloc:      DefaultMaxAlloc,
			MaxAllocTotal: DefaultMaxAllocTotal,
			MaxInflate:    DefaultMaxInflate,
			MaxStreams:    DefaultMaxStreams,
			MaxStructures: DefaultMaxStructures,
		},
		requestTimeout: DefaultRequestTimeout,
		size:           -1,
	}
}

// Option changes one setting of a probe. An option given a value out of
// its range makes the probe fail at once with an error wrapping
// ErrInvalidArgument that names the option.
type Option func(*config)

// ErrInvalidArgument is wrapped by the error of a probe called with a nil
// reader, a negative size or an option out of range.
var ErrInvalidArgument = errors.New("invalid argument")

// invalid records the first option out of range.
func (c *config) invalid(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf(format+": %w", append(args, ErrInvalidArgument)...)
	}
}

// newConfig applies opts to the defaults; the error is the first option
// out of range.
func newConfig(opts []Option) (config, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return cfg, cfg.err
}

// WithBlockSize sets how many bytes each read of the caller's source asks for
// at least (read-ahead). Larger blocks mean fewer round trips and more bytes.
func WithBlockSize(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithBlockSize(%v): the block size must be positive", n)
			return
		}
		c.blockSize = n
	}
}

// WithMaxBytesRead caps the bytes a probe may read from the caller's source
// (default DefaultMaxBytesRead); past it the probe fails with
// container.ErrLimit.
func WithMaxBytesRead(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxBytesRead(%v): the read budget must be positive", n)
			return
		}
		c.maxBytesRead = n
	}
}

// WithMaxAlloc caps a single allocation driven by a length in the object
// (default DefaultMaxAlloc). A structure larger than that is skipped where
// FFmpeg could skip it, or fails the probe with container.ErrLimit.
func WithMaxAlloc(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxAlloc(%v): the allocation cap must be positive", n)
			return
		}
		c.limits.MaxAlloc = n
	}
}

// WithMaxAllocTotal caps all the bytes a probe takes from the object into
// memory together: headers, tables, tag values, picture bytes and
// decompressed data (default DefaultMaxAllocTotal). Past it the probe fails
// with container.ErrLimit.
func WithMaxAllocTotal(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxAllocTotal(%v): the allocation budget must be positive", n)
			return
		}
		c.limits.MaxAllocTotal = n
	}
}

// WithMaxInflate caps the bytes a probe decompresses, such as zlib-
// compressed ID3v2 frames (default DefaultMaxInflate). Past it the probe
// fails with container.ErrLimit.
func WithMaxInflate(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxInflate(%v): the decompression budget must be positive", n)
			return
		}
		c.limits.MaxInflate = n
	}
}

// WithMaxStreams caps the streams of a probe (default DefaultMaxStreams,
// FFmpeg's max_streams). Past it the probe does what ffprobe does past
// max_streams: most formats fail with container.ErrLimit, a few (APEv2
// attachments) go on without the extra streams.
func WithMaxStreams(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxStreams(%v): the stream cap must be positive", n)
			return
		}
		c.limits.MaxStreams = n
	}
}

// WithMaxStructures caps the structures a probe visits: boxes, pages,
// chunks, frames, tag entries and chunks of index tables (default
// DefaultMaxStructures). Past it the probe fails with container.ErrLimit.
func WithMaxStructures(n int64) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("WithMaxStructures(%v): the structure budget must be positive", n)
			return
		}
		c.limits.MaxStructures = n
	}
}

// WithRequestTimeout bounds each HTTP request of URL when the context has
// no deadline (default DefaultRequestTimeout), so that a stalled server
// cannot hang a probe. It has no effect on ReaderAt and File.
func WithRequestTimeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.invalid("WithRequestTimeout(%v): the request timeout must be positive", d)
			return
		}
		c.requestTimeout = d
	}
}

// WithFilename gives the object's name. Its extension is only a weak hint
// for detection, used as ffprobe uses it (when the content alone is not
// conclusive); File sets it from the path.
func WithFilename(name string) Option {
	return func(c *config) { c.filename = name }
}

// WithSize gives the size of the object that Reader reads, when it is known
// (an upload's Content-Length); it has no effect on the other entry points,
// which learn the size from their source.
func WithSize(n int64) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("WithSize(%v): the size must not be negative", n)
			return
		}
		c.size = n
	}
}

// WithAccurateDuration asks for the true duration where ffprobe prints an
// estimate (a VBR mp3 without a Xing header), at the cost of more reads.
// By default the result matches ffprobe.
func WithAccurateDuration() Option {
	return func(c *config) { c.accurateDuration = true }
}
