// Package probe is the entry point of mediaprobe: it detects the container
// of an object from its content, runs the matching demuxer through one
// buffered, counting, limited source, and completes what FFmpeg derives
// generically, so that the resulting [container.Info] matches what ffprobe
// 5.1 prints.
//
// A probe reads the object's head in one read of DefaultBlockSize bytes, and
// one more where an index or a tag lives elsewhere (an MP4 moov at the end,
// an ID3v1 tag at the tail). Each call is independent; probes may run
// concurrently.
package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/tags"
)

// File probes the file at path. The path's extension is used only as the
// weak hint ffprobe makes of it.
func File(ctx context.Context, path string, opts ...Option) (*container.Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &Error{Input: path, Err: fmt.Errorf("not a regular file: %w", ErrInvalidArgument)}
	}
	return ReaderAt(ctx, f, fi.Size(), append([]Option{WithFilename(path)}, opts...)...)
}

// ReaderAt probes the object of the given size that r reads. r may be a
// local file or a range reader over object storage: every call to r.ReadAt
// is counted in the returned Info's Stats.
//
// A probe's cost is bounded by its options (see the README's Limits): the
// bytes it reads, the memory it takes from the object, the bytes it
// decompresses, the structures it visits and the streams it creates. The
// context is checked in every loop whose count comes from the object, and a
// read of r that has not returned when the context ends is abandoned:
// ReaderAt then returns the context's error at once, and the goroutine
// that called r.ReadAt ends when r returns.
//
// Errors wrap container.ErrUnknownFormat, ErrTruncated, ErrMalformed,
// ErrLimit or ErrUnsupported, the context's error, or the error of r itself
// (errors.Is matches it), which is never turned into a format error. Where
// ffprobe would print a partial answer, or a limit stopped a demuxer after
// it had read the headers, ReaderAt returns the Info read so far together
// with the error; otherwise, and always on a context or reader error, it
// returns no Info.
func ReaderAt(ctx context.Context, r io.ReaderAt, size int64, opts ...Option) (*container.Info, error) {
	cfg, err := newConfig(opts)
	info, err := readerAt(ctx, r, size, &cfg, err)
	return info, named(cfg.filename, err)
}

// Error is the error of a probe whose input has a name (a path, a URL, or
// the name given with WithFilename): it names it once, before what went
// wrong. errors.Is and errors.As see through it.
type Error struct {
	Input string // the path or URL (without its query, which may hold credentials)
	Err   error  // what went wrong, wrapping one of the container.Err* kinds
}

// Error renders the error as "INPUT: what went wrong".
func (e *Error) Error() string { return e.Input + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// named wraps err in an Error naming the input, when there is a name.
func named(input string, err error) error {
	if err == nil || input == "" {
		return err
	}
	return &Error{Input: input, Err: err}
}

// readerAt is ReaderAt once the options are applied; cfgErr is the first
// option out of range.
func readerAt(ctx context.Context, r io.ReaderAt, size int64, cfg *config, cfgErr error) (*container.Info, error) {
	switch {
	case cfgErr != nil:
		return nil, cfgErr
	case r == nil:
		return nil, fmt.Errorf("nil reader: %w", ErrInvalidArgument)
	case size < 0:
		return nil, fmt.Errorf("negative size %d: %w", size, ErrInvalidArgument)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	src := newSource(ctx, r, size, cfg)
	info, err := run(src, cfg)
	// What went wrong with the reader or the context comes first: a
	// demuxer that met it saw only missing bytes.
	switch e := src.budget.Err(); {
	case e != nil && !errors.Is(e, container.ErrLimit):
		info, err = nil, e // the context ended
	case src.ioErr != nil:
		info, err = nil, src.ioErr
	case e != nil:
		err = e // a limit: what was read before it is kept
	}
	if info != nil {
		info.Stats = src.stats
		u := src.budget.Used()
		info.Stats.BytesAllocated, info.Stats.BytesInflated, info.Stats.Structures = u.Allocated, u.Inflated, u.Structures
	}
	return info, err
}

func run(src *source, cfg *config) (*container.Info, error) {
	if src.Size() == 0 {
		return nil, &container.FormatError{Format: "probe", Kind: container.ErrUnknownFormat, Detail: "empty object"}
	}
	dm, score, err := detect(src, cfg)
	if err != nil {
		return nil, err
	}
	// Leading ID3v2 tags are read for every format, as avformat_open_input
	// does before the demuxer's read_header.
	id3, id3err := tags.ReadID3v2(src, 0)
	if id3err != nil && isFatal(id3err) {
		return nil, id3err
	}
	start := int64(0)
	if id3 != nil {
		start = id3.End
	}
	info, err := dm.Read(src, start, container.Options{AccurateDuration: cfg.accurateDuration})
	if info == nil {
		if err == nil {
			err = &container.FormatError{Format: dm.Name, Kind: container.ErrMalformed, Detail: "no result"}
		}
		return nil, err
	}
	info.Format.ProbeScore = score
	info.Format.Size = src.Size()
	if info.Format.DataOffset == 0 {
		info.Format.DataOffset = start
	}
	if id3 != nil {
		if info.Format.Tags.Len() == 0 {
			info.Format.Tags = id3.Tags.Clone()
		}
		if dm.Flags&container.ID3v2Pictures != 0 {
			// ff_id3v2_parse_apic and ff_id3v2_parse_priv, after read_header.
			if perr := tags.PictureStreams(info, src, id3.Pictures); perr != nil {
				return nil, perr
			}
			for k, v := range id3.Priv.All() {
				info.Format.Tags.AddIfAbsent(k, v)
			}
		}
	}
	finish(info)
	return info, err
}

// isFatal reports whether an error ends the probe rather than a part of it:
// the context ended, a limit was hit or the reader failed.
func isFatal(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, container.ErrLimit) || !isFormatError(err)
}

// isFormatError reports whether err is about the object's content (a
// FormatError of one of the content categories) rather than its reading.
func isFormatError(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrUnknownFormat)
}
