package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// URL probes the object at an http or https URL with range requests: one
// HEAD for the object's size, then a ranged GET for each read of the probe
// (Stats counts the reads). client is used when non-nil, else
// http.DefaultClient.
//
// The server must honour Range, and every answer is checked against the
// request, so that a wrong answer fails the probe instead of yielding an
// Info made from the wrong bytes: a 206 must carry a Content-Range that
// starts at the offset asked for, ends within the range asked for and gives
// the size the HEAD gave, and its body must hold the bytes that range
// announces. A server that answers fewer bytes than asked (some cap the
// length of a range) is asked again for the rest, so one read may cost
// several requests; an answer of fewer than 512 bytes that is neither the
// end of the range nor of the object is an error, because a probe against
// such a server would cost a request per few bytes. A 200 to a ranged GET
// (the server ignores Range) is an error, and a 416 ends the object.
//
// When ctx has no deadline, each request, the reading of its body included,
// is bounded by WithRequestTimeout (default DefaultRequestTimeout), so that
// a stalled server cannot hang the probe; when ctx has a deadline, ctx
// alone governs.
//
// Errors of the server and the network (a status such as 503, a timeout, a
// refused connection, a wrong Content-Range) are returned as such, with the
// method, the URL and the range; errors.Is matches the underlying error
// (context.DeadlineExceeded, syscall.ECONNREFUSED, io.ErrUnexpectedEOF).
// They are never turned into format errors, and no Info comes with them.
func URL(ctx context.Context, client *http.Client, url string, opts ...Option) (*container.Info, error) {
	// The same config ReaderAt builds, for the one setting that is ours.
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if client == nil {
		client = http.DefaultClient
	}
	r := &httpReaderAt{ctx: ctx, client: client, url: url, timeout: cfg.requestTimeout, size: -1}
	size, err := r.head()
	if err != nil {
		return nil, err
	}
	r.size = size
	name := url
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	return ReaderAt(ctx, r, size, append([]Option{WithFilename(name)}, opts...)...)
}

// minRangePiece is the fewest bytes a partial answer may hold when it ends
// before both the range asked for and the object. Servers that cap ranges
// cap them at kilobytes or more; below this the requests per read would
// grow with the bytes, which is the unbounded cost the probe must refuse.
const minRangePiece = 512

// httpReaderAt reads ranges of one object over HTTP. It holds no mutable
// state, so a read that the source abandons (its context ended) may finish
// in its own goroutine while nothing else changes.
type httpReaderAt struct {
	ctx     context.Context
	client  *http.Client
	url     string
	timeout time.Duration // per request, when ctx has no deadline
	size    int64         // from the HEAD; -1 until known
}

// requestContext returns the context of one request: ctx bounded by the
// request timeout when ctx has no deadline of its own.
func (r *httpReaderAt) requestContext() (context.Context, context.CancelFunc) {
	if _, ok := r.ctx.Deadline(); ok || r.timeout <= 0 {
		return context.WithCancel(r.ctx)
	}
	return context.WithTimeout(r.ctx, r.timeout)
}

// cause explains err, an error met while ctx was the request's context:
// when the request timeout (not the caller's context) ended it, it says so,
// and when the context ended, errors.Is matches the context's error even if
// the transport reported something else. net/url's error, which repeats
// the method and URL, is replaced by the error it wraps.
func (r *httpReaderAt) cause(ctx context.Context, err error) error {
	var ue *neturl.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	ctxErr := ctx.Err()
	if ctxErr == nil {
		return err
	}
	if !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", ctxErr, err)
	}
	if r.ctx.Err() == nil && errors.Is(ctxErr, context.DeadlineExceeded) {
		err = fmt.Errorf("no answer within the request timeout of %v: %w", r.timeout, err)
	}
	return err
}

// head asks for the object's size.
func (r *httpReaderAt) head() (int64, error) {
	ctx, cancel := r.requestContext()
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, r.url, nil)
	if err != nil {
		return 0, fmt.Errorf("probe: HEAD %s: %w", r.url, err)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("probe: HEAD %s: %w", r.url, r.cause(ctx, err))
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

// ReadAt fills p from off with ranged GETs: one, or more where the server
// answers a shorter range than asked. It returns fewer bytes than len(p)
// only with an error, io.EOF where the object ends.
func (r *httpReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("probe: GET %s: negative offset %d", r.url, off)
	}
	n := 0
	for n < len(p) {
		k, err := r.get(p[n:], off+int64(n))
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// get issues one ranged GET for p at off and copies what it answers into
// p. It returns fewer bytes than len(p) with a nil error when the server
// capped the range and the rest of p is still to be asked for, and with
// io.EOF when the object ends.
func (r *httpReaderAt) get(p []byte, off int64) (int, error) {
	end := off + int64(len(p)) - 1 // the last byte asked for
	rng := strconv.FormatInt(off, 10) + "-" + strconv.FormatInt(end, 10)
	fail := func(format string, args ...any) error {
		return fmt.Errorf("probe: GET %s range %s: "+format, append([]any{r.url, rng}, args...)...)
	}
	ctx, cancel := r.requestContext()
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return 0, fail("%w", err)
	}
	req.Header.Set("Range", "bytes="+rng)
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, fail("%w", r.cause(ctx, err))
	}
	defer resp.Body.Close()
	cr := resp.Header.Get("Content-Range")
	switch resp.StatusCode {
	case http.StatusPartialContent:
	case http.StatusRequestedRangeNotSatisfiable:
		// The range starts at or past the end. A Content-Range
		// "bytes */TOTAL" that disagrees with the HEAD means the object
		// changed, and its end here is not the end the probe was told.
		if total, ok := parseUnsatisfiedRange(cr); ok && r.size >= 0 && total != r.size {
			return 0, fail("%s with Content-Range %q, but HEAD gave size %d", resp.Status, cr, r.size)
		}
		return 0, io.EOF
	case http.StatusOK:
		return 0, fail("server ignored Range and answered %s", resp.Status)
	default:
		return 0, fail("%s", resp.Status)
	}

	start, last, total, ok := parseContentRange(cr)
	switch {
	case cr == "":
		return 0, fail("%s without Content-Range", resp.Status)
	case !ok:
		return 0, fail("malformed Content-Range %q", cr)
	case start != off:
		return 0, fail("Content-Range %q does not start at %d", cr, off)
	case last > end:
		return 0, fail("Content-Range %q ends past %d", cr, end)
	case total >= 0 && r.size >= 0 && total != r.size:
		return 0, fail("Content-Range %q gives size %d, but HEAD gave %d", cr, total, r.size)
	}
	want := last - start + 1
	if resp.ContentLength >= 0 && resp.ContentLength != want {
		return 0, fail("Content-Length %d for Content-Range %q", resp.ContentLength, cr)
	}
	k, err := io.ReadFull(resp.Body, p[:want])
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			// An empty body ends with io.EOF, which must not read as the
			// end of the object.
			return k, fail("body ends after %d of the %d bytes of Content-Range %q: %w",
				k, want, cr, io.ErrUnexpectedEOF)
		}
		return k, fail("reading body after %d bytes: %w", k, r.cause(ctx, err))
	}
	if last == end {
		return k, nil
	}
	objectEnd := total
	if objectEnd < 0 {
		objectEnd = r.size
	}
	if objectEnd >= 0 && last+1 >= objectEnd {
		return k, io.EOF
	}
	if want < minRangePiece {
		return k, fail("server answered only %d bytes (Content-Range %q); at that rate a read costs a request per few bytes",
			want, cr)
	}
	return k, nil
}

// parseContentRange parses the Content-Range of a 206, "bytes START-END/TOTAL"
// or "bytes START-END/*" (RFC 9110, section 14.4); total is -1 for "*". It
// accepts only what the grammar allows: decimal digits, START <= END, and
// END < TOTAL.
func parseContentRange(s string) (start, end, total int64, ok bool) {
	rest, ok := cutUnit(s)
	if !ok {
		return 0, 0, 0, false
	}
	rng, tot, ok := strings.Cut(rest, "/")
	if !ok {
		return 0, 0, 0, false
	}
	first, last, ok := strings.Cut(rng, "-")
	if !ok {
		return 0, 0, 0, false
	}
	if start, ok = parseDigits(first); !ok {
		return 0, 0, 0, false
	}
	if end, ok = parseDigits(last); !ok || end < start {
		return 0, 0, 0, false
	}
	total = -1
	if tot != "*" {
		if total, ok = parseDigits(tot); !ok || end >= total {
			return 0, 0, 0, false
		}
	}
	return start, end, total, true
}

// parseUnsatisfiedRange parses the Content-Range of a 416, "bytes */TOTAL".
func parseUnsatisfiedRange(s string) (total int64, ok bool) {
	rest, ok := cutUnit(s)
	if !ok {
		return 0, false
	}
	tot, ok := strings.CutPrefix(rest, "*/")
	if !ok {
		return 0, false
	}
	return parseDigits(tot)
}

// cutUnit removes the range unit "bytes " (compared case-insensitively, as
// RFC 9110 section 14.1 says units are).
func cutUnit(s string) (string, bool) {
	const unit = "bytes "
	if len(s) < len(unit) || !strings.EqualFold(s[:len(unit)], unit) {
		return "", false
	}
	return s[len(unit):], true
}

// parseDigits parses a non-empty run of decimal digits that fits an int64.
// strconv.ParseInt alone would also take a sign.
func parseDigits(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}
