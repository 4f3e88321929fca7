package probe

import (
	"context"
	"fmt"
	"io"

	"github.com/mediaprobe/mediaprobe/container"
)

// Cover returns the image bytes of a cover stream that a probe of r found
// (st.Picture), with one read of r: the Picture's Length bytes at its
// Offset. A picture that no range of the object holds as it is (Offset -1:
// an unsynchronised ID3v2 frame, base64 in a Vorbis comment) is an error
// wrapping container.ErrUnsupported; so is a stream without a Picture. The
// image may be no larger than WithMaxAlloc allows (default
// DefaultMaxAlloc).
func Cover(ctx context.Context, r io.ReaderAt, st *container.Stream, opts ...Option) ([]byte, error) {
	cfg, err := newConfig(opts)
	switch {
	case err != nil:
		return nil, err
	case r == nil:
		return nil, fmt.Errorf("nil reader: %w", ErrInvalidArgument)
	case st == nil || st.Picture == nil:
		return nil, fmt.Errorf("cover: the stream has no picture: %w", container.ErrUnsupported)
	case st.Picture.Offset < 0:
		return nil, fmt.Errorf("cover: the image is not stored as it is in the object (escaped, compressed or base64): %w", container.ErrUnsupported)
	case st.Picture.Length <= 0:
		return nil, fmt.Errorf("cover: empty picture: %w", container.ErrMalformed)
	case st.Picture.Length > cfg.limits.MaxAlloc:
		return nil, fmt.Errorf("cover: %d bytes exceed the allocation cap of %d: %w", st.Picture.Length, cfg.limits.MaxAlloc, container.ErrLimit)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := make([]byte, st.Picture.Length)
	n, err := r.ReadAt(b, st.Picture.Offset)
	if n == len(b) {
		return b, nil
	}
	if err == nil || err == io.EOF {
		err = fmt.Errorf("cover: the object ends %d bytes into the %d-byte image at %d: %w", n, len(b), st.Picture.Offset, container.ErrTruncated)
	}
	return nil, err
}
