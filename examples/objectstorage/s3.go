package objectstorage

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// S3API is the part of *s3.Client (aws-sdk-go-v2) that S3ReaderAt uses.
type S3API interface {
	HeadObject(ctx context.Context, in *s3.HeadObjectInput, opts ...func(*s3.Options)) (*s3.HeadObjectOutput, error)
	GetObject(ctx context.Context, in *s3.GetObjectInput, opts ...func(*s3.Options)) (*s3.GetObjectOutput, error)
}

// S3ReaderAt reads one S3 object with a ranged GetObject per ReadAt. The
// object is pinned by the ETag HeadObject gave: a GET of a replaced object
// fails (412) instead of mixing two objects' bytes.
// Nothing in it changes after it is made, so it is safe for concurrent
// use.
type S3ReaderAt struct {
	ctx         context.Context
	client      S3API
	bucket, key string
	size        int64
	etag        *string
}

// NewS3ReaderAt learns the size and ETag of s3://bucket/key with
// HeadObject. ctx is used for that request and every later GetObject.
func NewS3ReaderAt(ctx context.Context, client S3API, bucket, key string) (*S3ReaderAt, error) {
	head, err := client.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return nil, fmt.Errorf("s3://%s/%s: HeadObject: %w", bucket, key, err)
	}
	if head.ContentLength == nil {
		return nil, fmt.Errorf("s3://%s/%s: HeadObject gave no Content-Length", bucket, key)
	}
	return &S3ReaderAt{ctx: ctx, client: client, bucket: bucket, key: key, size: *head.ContentLength, etag: head.ETag}, nil
}

// Size returns the object's size in bytes, the size probe.ReaderAt takes.
func (r *S3ReaderAt) Size() int64 { return r.size }

// ReadAt reads len(p) bytes at off with one GetObject of Range
// "bytes=off-end". It returns fewer bytes only with an error: io.EOF where
// the object ends.
func (r *S3ReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("s3://%s/%s: negative offset %d", r.bucket, r.key, off)
	}
	if off >= r.size {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := min(int64(len(p)), r.size-off)
	rng := fmt.Sprintf("bytes=%d-%d", off, off+n-1)
	out, err := r.client.GetObject(r.ctx, &s3.GetObjectInput{Bucket: &r.bucket, Key: &r.key, Range: &rng, IfMatch: r.etag})
	if err != nil {
		return 0, fmt.Errorf("s3://%s/%s: GetObject %s: %w", r.bucket, r.key, rng, err)
	}
	defer out.Body.Close()
	// A server that ignored Range would send the object from byte 0.
	if cr := aws.ToString(out.ContentRange); !strings.HasPrefix(cr, fmt.Sprintf("bytes %d-", off)) {
		return 0, fmt.Errorf("s3://%s/%s: GetObject %s answered Content-Range %q", r.bucket, r.key, rng, cr)
	}
	k, err := io.ReadFull(out.Body, p[:n])
	if err != nil {
		return k, fmt.Errorf("s3://%s/%s: GetObject %s: body: %w", r.bucket, r.key, rng, unexpectedEOF(err))
	}
	if n < int64(len(p)) {
		return k, io.EOF
	}
	return k, nil
}

// unexpectedEOF turns the io.EOF of a body that ended before its range did
// into io.ErrUnexpectedEOF, which cannot be taken for the object's end.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
