package objectstorage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/baidubce/bce-sdk-go/services/bos"
)

// BOSReaderAt reads one Baidu Cloud BOS object (bce-sdk-go) with a ranged
// GetObject per ReadAt. An answer whose ETag differs from the one
// GetObjectMeta gave (the object was replaced) is an error, so that a
// probe never mixes two objects' bytes.
// Nothing in it changes after it is made, so it is safe for concurrent
// use.
type BOSReaderAt struct {
	ctx         context.Context
	client      *bos.Client
	bucket, key string
	size        int64
	etag        string
}

// NewBOSReaderAt learns the size and ETag of bos://bucket/key with
// GetObjectMeta (a HEAD). ctx is used for that request and every later
// GetObject.
func NewBOSReaderAt(ctx context.Context, client *bos.Client, bucket, key string) (*BOSReaderAt, error) {
	meta, err := client.GetObjectMetaWithContext(ctx, bucket, key)
	if err != nil {
		return nil, fmt.Errorf("bos://%s/%s: GetObjectMeta: %w", bucket, key, withContextErr(ctx, err))
	}
	if meta.ContentLength < 0 {
		return nil, fmt.Errorf("bos://%s/%s: GetObjectMeta gave Content-Length %d", bucket, key, meta.ContentLength)
	}
	return &BOSReaderAt{ctx: ctx, client: client, bucket: bucket, key: key, size: meta.ContentLength, etag: meta.ETag}, nil
}

// Size returns the object's size in bytes, the size probe.ReaderAt takes.
func (r *BOSReaderAt) Size() int64 { return r.size }

// ReadAt reads len(p) bytes at off with one GetObject of the range
// off..end (both inclusive). It returns fewer bytes only with an error:
// io.EOF where the object ends.
func (r *BOSReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("bos://%s/%s: negative offset %d", r.bucket, r.key, off)
	}
	if off >= r.size {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := min(int64(len(p)), r.size-off)
	res, err := r.client.GetObjectWithContext(r.ctx, r.bucket, r.key, nil, off, off+n-1)
	if err != nil {
		return 0, fmt.Errorf("bos://%s/%s: GetObject range %d-%d: %w", r.bucket, r.key, off, off+n-1, withContextErr(r.ctx, err))
	}
	defer res.Body.Close()
	switch {
	case !strings.HasPrefix(res.ContentRange, fmt.Sprintf("bytes %d-", off)):
		return 0, fmt.Errorf("bos://%s/%s: GetObject range %d-%d answered Content-Range %q", r.bucket, r.key, off, off+n-1, res.ContentRange)
	case r.etag != "" && res.ETag != r.etag:
		return 0, fmt.Errorf("bos://%s/%s: the object changed: ETag %s, was %s", r.bucket, r.key, res.ETag, r.etag)
	}
	k, err := io.ReadFull(res.Body, p[:n])
	if err != nil {
		return k, fmt.Errorf("bos://%s/%s: GetObject range %d-%d: body: %w", r.bucket, r.key, off, off+n-1, unexpectedEOF(err))
	}
	if n < int64(len(p)) {
		return k, io.EOF
	}
	return k, nil
}

// withContextErr adds ctx's error to err when ctx has ended: bce-sdk-go
// turns a canceled request into a *bce.BceClientError holding only the
// message, which errors.Is(err, context.Canceled) would not see.
func withContextErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%w)", cerr, err)
	}
	return err
}
