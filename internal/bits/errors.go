package bits

import (
	"fmt"

	"github.com/mediaprobe/mediaprobe/container"
)

// The errors a reader records. Each wraps one of container's categories, so
// a parser may wrap the reader's error in a container.FormatError as its
// Kind and errors.Is still finds the category.
var (
	// ErrOverrun: a read ran past the end of the data (a truncated
	// structure).
	ErrOverrun = fmt.Errorf("bits: read past the end of the data: %w", container.ErrTruncated)
	// ErrWidth: a field width was negative or above 64, or a skip was
	// negative. Widths often come from the data itself (a length in bits
	// read earlier), so this is malformed data more often than a bug.
	ErrWidth = fmt.Errorf("bits: field width out of range: %w", container.ErrMalformed)
	// ErrExpGolomb: an Exp-Golomb code with more than 32 leading zero bits,
	// longer than any ue(v) the H.264 and HEVC specifications allow
	// (values up to 2^32-2 need 31).
	ErrExpGolomb = fmt.Errorf("bits: exp-golomb code longer than 32 leading zeros: %w", container.ErrMalformed)
)
