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
	"sync"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// URL probes the object at an http or https URL with range requests: the
// first ranged GET asks for the first block and learns the object's size
// from its Content-Range (a HEAD is sent only when that says "*"), and each
// later read of the probe is one more ranged GET (Stats counts the reads).
// client is used when non-nil, else http.DefaultClient. A presigned GET
// URL works as it is: no request but GETs is needed.
//
// Every answer is checked against the request, so that a wrong answer fails
// the probe instead of yielding an Info made from the wrong bytes: a 206
// must carry a Content-Range that starts at the offset asked for, ends
// within the range asked for and gives the size the first answer gave, and
// its body must hold the bytes that range announces. A server that answers
// fewer bytes than asked (some cap the length of a range) is asked again
// for the rest, so one read may cost several requests; an answer of fewer
// than 512 bytes that is neither the end of the range nor of the object is
// an error, because a probe against such a server would cost a request per
// few bytes. A 416 ends the object.
//
// The object is pinned by the first answer's strong ETag (If-Match on every
// later request), or else its Last-Modified (If-Unmodified-Since): an
// object replaced during the probe makes the probe fail (412 Precondition
// Failed, or a changed ETag or size) rather than describe a mix of two
// objects.
//
// A server that ignores Range answers the first GET with 200 and the whole
// object. The probe then reads that one answer forward, as far as it needs
// and no further, keeping the first block for the reads that go back to
// it; a read behind what has gone by asks for the object again. The bytes
// transferred are bounded by WithMaxBytesRead: a probe that would need more
// (a tail read of a large object) fails with an error wrapping
// container.ErrLimit. Such a server must give the object's Content-Length.
//
// When ctx has no deadline, each request, the reading of its body included,
// is bounded by WithRequestTimeout (default DefaultRequestTimeout), so that
// a stalled server cannot hang the probe; when ctx has a deadline, ctx
// alone governs. Against a server that ignores Range, the one answer must
// be read within that timeout.
//
// Errors of the server and the network (a status such as 503, a timeout, a
// refused connection, a wrong Content-Range) are returned as such, with the
// method, the URL, the range and the HTTP status; errors.Is matches the
// underlying error (context.DeadlineExceeded, syscall.ECONNREFUSED,
// io.ErrUnexpectedEOF). They are never turned into format errors, and no
// Info comes with them.
func URL(ctx context.Context, client *http.Client, url string, opts ...Option) (*container.Info, error) {
	name := redact(url)
	// The same config ReaderAt builds, for the settings that are ours.
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, &Error{Input: name, Err: err}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if client == nil {
		client = http.DefaultClient
	}
	r := &httpReaderAt{ctx: ctx, client: client, url: url, timeout: cfg.requestTimeout, size: -1,
		maxTransfer: cfg.maxBytesRead}
	defer r.close()
	if err := r.open(cfg.blockSize); err != nil {
		return nil, &Error{Input: name, Err: err}
	}
	return ReaderAt(ctx, r, r.size, append([]Option{WithFilename(name)}, opts...)...)
}

// redact returns the URL without its query, fragment and user information,
// which may hold credentials (a presigned URL's signature): the name that
// errors and the detection's extension hint use.
func redact(rawURL string) string {
	u, err := neturl.Parse(rawURL)
	if err != nil {
		if i := strings.IndexAny(rawURL, "?#"); i >= 0 {
			return rawURL[:i]
		}
		return rawURL
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return u.String()
}

// minRangePiece is the fewest bytes a partial answer may hold when it ends
// before both the range asked for and the object. Servers that cap ranges
// cap them at kilobytes or more; below this the requests per read would
// grow with the bytes, which is the unbounded cost the probe must refuse.
const minRangePiece = 512

// httpReaderAt reads one object over HTTP. What the first answer sets
// (size, validators, the first block) does not change afterwards, so a
// ranged read that the source abandons (its context ended) may finish in
// its own goroutine; the forward reading of a server that ignores Range
// keeps its own state under a lock.
type httpReaderAt struct {
	ctx         context.Context
	client      *http.Client
	url         string
	timeout     time.Duration // per request, when ctx has no deadline
	size        int64         // from the first answer; -1 until known
	maxTransfer int64         // bytes a server that ignores Range may send us

	// The first answer's validators, sent with every later request.
	etag         string // a strong ETag, "" for none or a weak one
	lastModified string

	first  []byte      // the bytes of the first 206, served without a request
	stream *bodyStream // the 200 of a server that ignores Range
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

// failer returns the error constructor of one request: its errors name the
// method and the range asked for (URL names the URL once, around them).
func (r *httpReaderAt) failer(method, rng string) func(format string, args ...any) error {
	return func(format string, args ...any) error {
		what := method
		if rng != "" {
			what += " range " + rng
		}
		return fmt.Errorf(what+": "+format, args...)
	}
}

// newRequest makes a GET of the object with the validators of the first
// answer and, when rng is not empty, a Range.
func (r *httpReaderAt) newRequest(ctx context.Context, rng string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.url, nil)
	if err != nil {
		return nil, err
	}
	if rng != "" {
		req.Header.Set("Range", "bytes="+rng)
	}
	if r.etag != "" {
		req.Header.Set("If-Match", r.etag)
	} else if r.lastModified != "" {
		req.Header.Set("If-Unmodified-Since", r.lastModified)
	}
	return req, nil
}

// do sends a GET of rng ("" for the whole object) with the first answer's
// validators. The caller closes the body and calls cancel when done with
// it; on an error both are done.
func (r *httpReaderAt) do(rng string, fail func(string, ...any) error) (*http.Response, context.Context, context.CancelFunc, error) {
	ctx, cancel := r.requestContext()
	req, err := r.newRequest(ctx, rng)
	if err != nil {
		cancel()
		return nil, nil, nil, fail("%w", err)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		err = r.cause(ctx, err)
		cancel()
		return nil, nil, nil, fail("%w", err)
	}
	return resp, ctx, cancel, nil
}

// checkSame fails an answer whose ETag differs from the first answer's
// (a server that ignores If-Match).
func (r *httpReaderAt) checkSame(resp *http.Response, fail func(string, ...any) error) error {
	if r.etag == "" {
		return nil
	}
	if e := resp.Header.Get("ETag"); e != "" && e != r.etag {
		return fail("the object changed during the probe: ETag %s, but the first answer had %s", e, r.etag)
	}
	return nil
}

// open sends the first request, a GET of the first block, and keeps what
// it answers: the object's size, its validators, and either the block
// (206) or the whole answer to read forward (200).
func (r *httpReaderAt) open(block int64) error {
	rng := "0-" + strconv.FormatInt(block-1, 10)
	fail := r.failer(http.MethodGet, rng)
	resp, ctx, cancel, err := r.do(rng, fail)
	if err != nil {
		return err
	}
	if e := resp.Header.Get("ETag"); e != "" && !strings.HasPrefix(e, "W/") {
		r.etag = e // If-Match compares strongly: a weak ETag never matches
	}
	r.lastModified = resp.Header.Get("Last-Modified")
	if resp.StatusCode == http.StatusOK {
		// The server ignores Range: the answer is the object, read
		// forward as far as the probe needs; the request lives as long.
		if resp.ContentLength < 0 {
			resp.Body.Close()
			cancel()
			return fail("the server ignores Range and gives no Content-Length: the object's size is unknown")
		}
		r.size = resp.ContentLength
		r.stream = &bodyStream{body: resp.Body, cancel: cancel, keep: block}
		return nil
	}
	defer cancel()
	defer resp.Body.Close()
	cr := resp.Header.Get("Content-Range")
	switch resp.StatusCode {
	case http.StatusPartialContent:
	case http.StatusRequestedRangeNotSatisfiable:
		// Even the first byte is past the end: the object is empty.
		r.size = 0
		return nil
	default:
		return fail("%s", resp.Status)
	}
	start, last, total, ok := parseContentRange(cr)
	switch {
	case cr == "":
		return fail("%s without Content-Range", resp.Status)
	case !ok:
		return fail("malformed Content-Range %q", cr)
	case start != 0:
		return fail("Content-Range %q does not start at 0", cr)
	case last > block-1:
		return fail("Content-Range %q ends past %d", cr, block-1)
	}
	want := last + 1
	if resp.ContentLength >= 0 && resp.ContentLength != want {
		return fail("Content-Length %d for Content-Range %q", resp.ContentLength, cr)
	}
	if last < block-1 && (total < 0 || last+1 < total) && want < minRangePiece {
		return fail("server answered only %d bytes (Content-Range %q); at that rate a read costs a request per few bytes",
			want, cr)
	}
	buf := make([]byte, want)
	if k, err := io.ReadFull(resp.Body, buf); err != nil {
		return r.bodyError(ctx, fail, k, want, cr, err)
	}
	if total < 0 {
		// "bytes 0-N/*": only a HEAD can tell the size.
		if total, err = r.head(); err != nil {
			return err
		}
		if total <= last {
			return fail("Content-Range %q, but HEAD gave size %d", cr, total)
		}
	}
	r.size = total
	r.first = buf
	return nil
}

// bodyError explains a body that ended, or failed, after k of want bytes.
func (r *httpReaderAt) bodyError(ctx context.Context, fail func(string, ...any) error, k int, want int64, cr string, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		// An empty body ends with io.EOF, which must not read as the end
		// of the object.
		return fail("body ends after %d of the %d bytes of Content-Range %q: %w", k, want, cr, io.ErrUnexpectedEOF)
	}
	return fail("reading body after %d bytes: %w", k, r.cause(ctx, err))
}

// head asks for the object's size, when a Content-Range did not give it.
func (r *httpReaderAt) head() (int64, error) {
	fail := r.failer(http.MethodHead, "")
	ctx, cancel := r.requestContext()
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, r.url, nil)
	if err != nil {
		return 0, fail("%w", err)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, fail("%w", r.cause(ctx, err))
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fail("%s", resp.Status)
	}
	if resp.ContentLength < 0 {
		return 0, fail("no Content-Length")
	}
	return resp.ContentLength, nil
}

// close ends the forward reading of a server that ignores Range.
func (r *httpReaderAt) close() {
	if r.stream != nil {
		r.stream.close()
	}
}

// ReadAt fills p from off: from the first answer's bytes where they reach,
// then with ranged GETs (one, or more where the server answers a shorter
// range than asked), or from the forward reading of a server that ignores
// Range. It returns fewer bytes than len(p) only with an error, io.EOF
// where the object ends.
func (r *httpReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("GET: negative offset %d: %w", off, ErrInvalidArgument)
	}
	if r.stream != nil {
		return r.stream.readAt(r, p, off)
	}
	n := 0
	if off < int64(len(r.first)) {
		n = copy(p, r.first[off:])
	}
	for n < len(p) {
		if r.size >= 0 && off+int64(n) >= r.size {
			return n, io.EOF
		}
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
	fail := r.failer(http.MethodGet, rng)
	resp, ctx, cancel, err := r.do(rng, fail)
	if err != nil {
		return 0, err
	}
	defer cancel()
	defer resp.Body.Close()
	cr := resp.Header.Get("Content-Range")
	switch resp.StatusCode {
	case http.StatusPartialContent:
		if err := r.checkSame(resp, fail); err != nil {
			return 0, err
		}
	case http.StatusRequestedRangeNotSatisfiable:
		// The range starts at or past the end. A Content-Range
		// "bytes */TOTAL" that disagrees with the first answer means the
		// object changed, and its end here is not the end the probe was
		// told.
		if total, ok := parseUnsatisfiedRange(cr); ok && r.size >= 0 && total != r.size {
			return 0, fail("%s with Content-Range %q, but the first answer gave size %d", resp.Status, cr, r.size)
		}
		return 0, io.EOF
	case http.StatusPreconditionFailed:
		return 0, fail("%s: the object changed during the probe", resp.Status)
	case http.StatusOK:
		return 0, fail("the server ignored Range and answered %s, though it honoured it before", resp.Status)
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
		return 0, fail("Content-Range %q gives size %d, but the first answer gave %d", cr, total, r.size)
	}
	want := last - start + 1
	if resp.ContentLength >= 0 && resp.ContentLength != want {
		return 0, fail("Content-Length %d for Content-Range %q", resp.ContentLength, cr)
	}
	k, err := io.ReadFull(resp.Body, p[:want])
	if err != nil {
		return k, r.bodyError(ctx, fail, k, want, cr, err)
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

// bodyStream reads the 200 answer of a server that ignores Range forward,
// keeping the object's first bytes for the reads that come back to them.
type bodyStream struct {
	mu          sync.Mutex
	body        io.ReadCloser
	cancel      context.CancelFunc
	pos         int64  // the object offset of the body's next byte
	keep        int64  // how many of the first bytes to keep
	head        []byte // the object's first bytes, up to keep
	transferred int64  // bytes taken from the server, over every answer
}

// readAt serves p at off: from the kept head, else by reading forward,
// asking for the object again when off is behind the body.
func (s *bodyStream) readAt(r *httpReaderAt, p []byte, off int64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if off >= r.size {
		return 0, io.EOF
	}
	want := p
	if int64(len(p)) > r.size-off {
		want = p[:r.size-off]
	}
	n := 0
	if off < int64(len(s.head)) {
		n = copy(want, s.head[off:])
	}
	pos := off + int64(n)
	if n < len(want) {
		fail := r.failer(http.MethodGet, "")
		// What the read costs: the bytes up to pos, from the body's
		// position or, behind it, from the start of a new answer.
		cost := int64(len(want) - n)
		if pos < s.pos {
			cost += pos
		} else {
			cost += pos - s.pos
		}
		if s.transferred+cost > r.maxTransfer {
			return n, fail("the server ignores Range, and %d bytes at %d lie beyond the %d bytes the read budget lets the probe take from it: %w",
				len(want)-n, pos, r.maxTransfer, container.ErrLimit)
		}
		if pos < s.pos {
			if err := s.reopen(r, fail); err != nil {
				return n, err
			}
		}
		if skip := pos - s.pos; skip > 0 {
			k, err := io.CopyN(io.Discard, s.body, skip)
			s.pos += k
			s.transferred += k
			if err != nil {
				return n, s.bodyError(r, fail, err)
			}
		}
		k, err := io.ReadFull(s.body, want[n:])
		if s.pos < s.keep && s.pos == int64(len(s.head)) {
			s.head = append(s.head, want[n:n+min(k, int(s.keep-s.pos))]...)
		}
		s.pos += int64(k)
		s.transferred += int64(k)
		n += k
		if err != nil {
			return n, s.bodyError(r, fail, err)
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// bodyError explains a body that ended before its Content-Length, or
// failed.
func (s *bodyStream) bodyError(r *httpReaderAt, fail func(string, ...any) error, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fail("body ends after %d of its %d bytes: %w", s.pos, r.size, io.ErrUnexpectedEOF)
	}
	return fail("reading body after %d bytes: %w", s.pos, err)
}

// reopen asks for the object again, for a read behind the body's position.
func (s *bodyStream) reopen(r *httpReaderAt, fail func(string, ...any) error) error {
	s.cancel()
	s.body.Close()
	resp, _, cancel, err := r.do("", fail)
	if err != nil {
		return err
	}
	s.body, s.cancel, s.pos = resp.Body, cancel, 0
	switch {
	case resp.StatusCode == http.StatusPreconditionFailed:
		return fail("%s: the object changed during the probe", resp.Status)
	case resp.StatusCode != http.StatusOK:
		return fail("%s", resp.Status)
	case resp.ContentLength != r.size:
		return fail("Content-Length %d, but the first answer gave %d: the object changed during the probe", resp.ContentLength, r.size)
	}
	return r.checkSame(resp, fail)
}

// close ends the request.
func (s *bodyStream) close() {
	s.cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body.Close()
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
