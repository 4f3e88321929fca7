package objectstorage

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/aliyun/aliyun-oss-go-sdk/oss"
)

// OSSReaderAt reads one Alibaba Cloud OSS object (aliyun-oss-go-sdk) with
// a ranged GetObject per ReadAt. The object is pinned by the ETag its
// metadata gave: a GET of a replaced object fails (412).
// Nothing in it changes after it is made, so it is safe for concurrent
// use.
type OSSReaderAt struct {
	ctx    context.Context
	bucket *oss.Bucket
	key    string
	size   int64
	etag   string
}

// NewOSSReaderAt learns the size and ETag of oss://BUCKET/key with
// GetObjectDetailedMeta (a HEAD). ctx is used for that request and every
// later GetObject.
func NewOSSReaderAt(ctx context.Context, bucket *oss.Bucket, key string) (*OSSReaderAt, error) {
	h, err := bucket.GetObjectDetailedMeta(key, oss.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("oss://%s/%s: GetObjectDetailedMeta: %w", bucket.BucketName, key, err)
	}
	size, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("oss://%s/%s: GetObjectDetailedMeta gave Content-Length %q", bucket.BucketName, key, h.Get("Content-Length"))
	}
	return &OSSReaderAt{ctx: ctx, bucket: bucket, key: key, size: size, etag: h.Get("ETag")}, nil
}

// Size returns the object's size in bytes, the size probe.ReaderAt takes.
func (r *OSSReaderAt) Size() int64 { return r.size }

// ReadAt reads len(p) bytes at off with one GetObject with oss.Range. It
// returns fewer bytes only with an error: io.EOF where the object ends.
func (r *OSSReaderAt) ReadAt(p []byte, off int64) (int, error) {
	name := "oss://" + r.bucket.BucketName + "/" + r.key
	if off < 0 {
		return 0, fmt.Errorf("%s: negative offset %d", name, off)
	}
	if off >= r.size {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := min(int64(len(p)), r.size-off)
	opts := []oss.Option{oss.Range(off, off+n-1), oss.WithContext(r.ctx)}
	if r.etag != "" {
		opts = append(opts, oss.IfMatch(r.etag))
	}
	var h http.Header
	body, err := r.bucket.GetObject(r.key, append(opts, oss.GetResponseHeader(&h))...)
	if err != nil {
		return 0, fmt.Errorf("%s: GetObject range %d-%d: %w", name, off, off+n-1, err)
	}
	defer body.Close()
	// OSS ignores a range it cannot satisfy and sends the whole object.
	if cr := h.Get("Content-Range"); !strings.HasPrefix(cr, fmt.Sprintf("bytes %d-", off)) {
		return 0, fmt.Errorf("%s: GetObject range %d-%d answered Content-Range %q", name, off, off+n-1, cr)
	}
	k, err := io.ReadFull(body, p[:n])
	if err != nil {
		return k, fmt.Errorf("%s: GetObject range %d-%d: body: %w", name, off, off+n-1, unexpectedEOF(err))
	}
	if n < int64(len(p)) {
		return k, io.EOF
	}
	return k, nil
}
