package probe

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
)

// URL probes the object at an http or https URL with range requests: one
// request for the object's size and one per read (Stats counts the reads).
// The server must honour Range; client is used when non-nil, else
// http.DefaultClient.
func URL(ctx context.Context, client *http.Client, url string, opts ...Option) (*container.Info, error) {
	if client == nil {
		client = http.DefaultClient
	}
	r := &httpReaderAt{ctx: ctx, client: client, url: url}
	size, err := r.size()
	if err != nil {
		return nil, err
	}
	name := url
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	return ReaderAt(ctx, r, size, append([]Option{WithFilename(name)}, opts...)...)
}

// httpReaderAt reads ranges of one object over HTTP.
type httpReaderAt struct {
	ctx    context.Context
	client *http.Client
	url    string
}

func (r *httpReaderAt) size() (int64, error) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodHead, r.url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("probe: HEAD %s: %s", r.url, resp.Status)
	}
	if resp.ContentLength < 0 {
		return 0, fmt.Errorf("probe: HEAD %s: no Content-Length", r.url)
	}
	return resp.ContentLength, nil
}

// ReadAt issues one ranged GET.
func (r *httpReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Range", "bytes="+strconv.FormatInt(off, 10)+"-"+strconv.FormatInt(off+int64(len(p))-1, 10))
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusPartialContent:
	case http.StatusRequestedRangeNotSatisfiable:
		return 0, io.EOF
	default:
		return 0, fmt.Errorf("probe: GET %s range at %d: %s", r.url, off, resp.Status)
	}
	n, err := io.ReadFull(resp.Body, p)
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	return n, err
}
