package objectstorage_test

// An in-memory S3-compatible server (gofakes3 with its s3mem backend) inside
// the test process, on a loopback httptest server: no network, and no
// credentials checked (gofakes3 does not verify signatures, so every SDK's
// signing scheme is accepted).

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"

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
}

// startFakeS3 starts a server with no buckets. Close it when done.
func startFakeS3() *fakeS3 {
	backend := s3mem.New()
	faker := gofakes3.New(backend)
	hs := httptest.NewServer(faker.Server())
	return &fakeS3{URL: hs.URL, Host: strings.TrimPrefix(hs.URL, "http://"), http: hs, backend: backend}
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
	if _, err := s.backend.PutObject(bucket, key, map[string]string{}, bytes.NewReader(data), int64(len(data)), nil); err != nil {
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
