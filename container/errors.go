package container

import (
	"errors"
	"fmt"
)

// The categories of probe failure. Every error a demuxer returns wraps one of
// them, so callers classify with errors.Is.
var (
	// ErrUnknownFormat: no demuxer recognises the object.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrTruncated: a structure runs past the end of the object.
	ErrTruncated = errors.New("truncated")
	// ErrMalformed: a structure contradicts its specification.
	ErrMalformed = errors.New("malformed")
	// ErrLimit: the probe would read or allocate more than its limits allow.
	ErrLimit = errors.New("limit exceeded")
	// ErrUnsupported: the structure is valid but not implemented.
	ErrUnsupported = errors.New("unsupported")
)

// FormatError reports a problem at a byte offset of the object, in the
// manner of debug/elf's FormatError: "mp4: stsz at 0x1f40: malformed: ...".
type FormatError struct {
	Format string // the demuxer or parser: "mp4", "id3v2"
	What   string // the structure: "stsz", "frame header"
	Offset int64  // byte offset of the structure in the object
	Kind   error  // one of the Err* sentinels
	Detail string // what exactly is wrong
}

// Error renders the error as "format: what at 0xOFFSET: kind: detail".
func (e *FormatError) Error() string {
	s := e.Format + ": "
	if e.What != "" {
		s += e.What + " "
	}
	s += fmt.Sprintf("at 0x%x: %v", e.Offset, e.Kind)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the error's category, so errors.Is(err, ErrTruncated) works.
func (e *FormatError) Unwrap() error { return e.Kind }

// errorf builds a FormatError for the model's own checks (the budget);
// demuxers use internal/demuxkit.Errorf.
func errorf(format, what string, off int64, kind error, detail string, args ...any) error {
	return &FormatError{Format: format, What: what, Offset: off, Kind: kind, Detail: fmt.Sprintf(detail, args...)}
}
