package probe

// config holds the choices of one probe. Every probe gets its own copy.
type config struct {
	blockSize        int64
	maxBytesRead     int64
	maxAlloc         int64
	filename         string
	accurateDuration bool
}

// The defaults. A block of 64 KiB holds the headers of nearly every audio
// file in one read; the budgets bound what a hostile object can cost.
const (
	DefaultBlockSize    = 64 << 10
	DefaultMaxBytesRead = 64 << 20
	DefaultMaxAlloc     = 32 << 20
)

func defaultConfig() config {
	return config{blockSize: DefaultBlockSize, maxBytesRead: DefaultMaxBytesRead, maxAlloc: DefaultMaxAlloc}
}

// Option changes one setting of a probe.
type Option func(*config)

// WithBlockSize sets how many bytes each read of the caller's source asks for
// at least (read-ahead). Larger blocks mean fewer round trips and more bytes.
func WithBlockSize(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.blockSize = n
		}
	}
}

// WithMaxBytesRead caps the bytes a probe may read from the caller's source;
// past it the probe fails with container.ErrLimit.
func WithMaxBytesRead(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBytesRead = n
		}
	}
}

// WithMaxAlloc caps a single allocation driven by a length in the object.
func WithMaxAlloc(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxAlloc = n
		}
	}
}

// WithFilename gives the object's name. Its extension is only a weak hint
// for detection, used as ffprobe uses it (when the content alone is not
// conclusive); File sets it from the path.
func WithFilename(name string) Option {
	return func(c *config) { c.filename = name }
}

// WithAccurateDuration asks for the true duration where ffprobe prints an
// estimate (a VBR mp3 without a Xing header), at the cost of more reads.
// By default the result matches ffprobe.
func WithAccurateDuration() Option {
	return func(c *config) { c.accurateDuration = true }
}
