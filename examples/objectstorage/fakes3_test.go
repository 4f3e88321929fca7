package objectstorage_test

// An in-memory S3-compatible server (gofakes3 with its s3mem backend) inside
// the test process, on a loopback httptest server: no network, and no
// credentials checked (gofakes3 does not verify signatures, so every SDK's
// signing scheme is accepted).

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// The fixed settings the examples give their SDKs; the server accepts any
// credentials.
const (
	region    = "us-east-1"
	accessKey = "AKIDEXAMPLE"
	secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	bucket    = "media"
)

// fakeS3 is one fake object store. Each test starts its own.
type fakeS3 struct {
	// URL is the server's base URL, http://127.0.0.1:PORT.
	URL string
	// Host is URL without its scheme, 127.0.0.1:PORT, the endpoint form
	// some SDKs take.
	Host string

	http    *httptest.Server
	backend *s3mem.Backend

	mu          sync.Mutex
	gets        []string // the Range header of each GET of an object, in order
	ignoreRange bool     // answer every GET with the whole object
}

// startFakeS3 starts a server with no buckets. Close it when done.
func startFakeS3() *fakeS3 {
	backend := s3mem.New()
	faker := gofakes3.New(backend)
	s := &fakeS3{backend: backend}
	handler := faker.Server()
	s.http = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.Count(strings.Trim(r.URL.Path, "/"), "/") >= 1 {
			s.mu.Lock()
			s.gets = append(s.gets, r.Header.Get("Range"))
			if s.ignoreRange {
				r.Header.Del("Range")
			}
			s.mu.Unlock()
		}
		handler.ServeHTTP(w, r)
	}))
	// gofakes3 writes an error header after a body the client stopped
	// reading (a test of a server that ignores Range); net/http would log
	// that as a superfluous WriteHeader.
	s.http.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.http.Start()
	s.URL = s.http.URL
	s.Host = strings.TrimPrefix(s.URL, "http://")
	return s
}

// setIgnoreRange makes the server answer GETs as one that ignores Range
// does: 200 and the whole object.
func (s *fakeS3) setIgnoreRange(ignore bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ignoreRange = ignore
}

// takeGets returns the Range headers of the object GETs since the last
// call ("" for a GET of the whole object).
func (s *fakeS3) takeGets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.gets
	s.gets = nil
	return g
}

// checkRanged checks that every object GET since the last call asked for
// a range, and that there were some.
func (s *fakeS3) checkRanged(t *testing.T) {
	t.Helper()
	gets := s.takeGets()
	if len(gets) == 0 {
		t.Error("no GET of an object reached the server")
	}
	for i, rng := range gets {
		if !strings.HasPrefix(rng, "bytes=") {
			t.Errorf("GET %d of %d had Range %q", i+1, len(gets), rng)
		}
	}
}

// Close stops the server and discards its objects.
func (s *fakeS3) Close() { s.http.Close() }

// Put stores data as bucket/key, creating the bucket if it does not exist.
func (s *fakeS3) Put(bucket, key string, data []byte) error {
	ok, err := s.backend.BucketExists(bucket)
	if err != nil {
		return fmt.Errorf("fake S3: bucket %s: %w", bucket, err)
	}
	if !ok {
		if err := s.backend.CreateBucket(bucket); err != nil {
			return fmt.Errorf("fake S3: create bucket %s: %w", bucket, err)
		}
	}
	// The metadata gofakes3's own PutObject handler stores.
	meta := map[string]string{
		"Content-Type":  "application/octet-stream",
		"Last-Modified": time.Now().UTC().Format(http.TimeFormat),
	}
	if _, err := s.backend.PutObject(bucket, key, meta, bytes.NewReader(data), int64(len(data)), nil); err != nil {
		return fmt.Errorf("fake S3: put %s/%s: %w", bucket, key, err)
	}
	return nil
}

// PutFile stores the file at path as bucket/key.
func (s *fakeS3) PutFile(bucket, key, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("fake S3: %w", err)
	}
	return s.Put(bucket, key, data)
}

// Delete removes bucket/key.
func (s *fakeS3) Delete(bucket, key string) error {
	if _, err := s.backend.DeleteObject(bucket, key); err != nil {
		return fmt.Errorf("fake S3: delete %s/%s: %w", bucket, key, err)
	}
	return nil
}
