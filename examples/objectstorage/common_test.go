package objectstorage_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

// testFiles are the repository's samples the tests upload: a FLAC with a
// cover (two streams) and an MP4 audio file with its moov up front.
var testFiles = []string{
	"../../testdata/flac_s16_cover.flac",
	"../../testdata/m4a_faststart.m4a",
}

// sizedReaderAt is what each adapter is.
type sizedReaderAt interface {
	io.ReaderAt
	Size() int64
}

// checkReaderAt checks r, a reader of the object holding the file at
// file's bytes, against the io.ReaderAt contract, then probes it and
// compares the answer with a probe of the file.
func checkReaderAt(t *testing.T, r io.ReaderAt, size int64, file string) {
	t.Helper()
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if size != int64(len(want)) {
		t.Fatalf("size %d, want %d", size, len(want))
	}
	// A read inside the object, one across its end, one at its end.
	p := make([]byte, 100)
	if n, err := r.ReadAt(p, 10); n != len(p) || err != nil || !bytes.Equal(p, want[10:110]) {
		t.Fatalf("ReadAt(100 bytes, 10) = %d, %v, bytes equal %v", n, err, bytes.Equal(p[:n], want[10:10+n]))
	}
	if n, err := r.ReadAt(p, size-40); n != 40 || err != io.EOF || !bytes.Equal(p[:n], want[size-40:]) {
		t.Fatalf("ReadAt(100 bytes, size-40) = %d, %v; want 40, io.EOF and the last 40 bytes", n, err)
	}
	if n, err := r.ReadAt(p, size); n != 0 || err != io.EOF {
		t.Fatalf("ReadAt at the end = %d, %v; want 0, io.EOF", n, err)
	}
	if n, err := r.ReadAt(p, size+1000); n != 0 || err != io.EOF {
		t.Fatalf("ReadAt past the end = %d, %v; want 0, io.EOF", n, err)
	}
	whole := make([]byte, size)
	if n, err := r.ReadAt(whole, 0); n != len(whole) || (err != nil && err != io.EOF) || !bytes.Equal(whole, want) {
		t.Fatalf("ReadAt(whole object, 0) = %d, %v, bytes equal %v", n, err, bytes.Equal(whole, want))
	}

	ctx := context.Background()
	got, err := probe.ReaderAt(ctx, r, size, probe.WithFilename(path.Base(file)))
	if err != nil {
		t.Fatalf("probe of the object: %v", err)
	}
	local, err := probe.File(ctx, file)
	if err != nil {
		t.Fatalf("probe of the file: %v", err)
	}
	if a, b := ffprobe.Marshal(got, ""), ffprobe.Marshal(local, ""); !bytes.Equal(a, b) {
		t.Errorf("the object probes as\n%s\nthe file as\n%s", a, b)
	}
	if got.Stats.Reads != local.Stats.Reads || got.Stats.BytesRead != local.Stats.BytesRead {
		t.Errorf("object: %d reads, %d bytes; file: %d reads, %d bytes",
			got.Stats.Reads, got.Stats.BytesRead, local.Stats.Reads, local.Stats.BytesRead)
	}
	if got.Stats.Reads < 1 || got.Stats.Reads > 3 {
		t.Errorf("%d reads (requests) for %s", got.Stats.Reads, file)
	}
	t.Logf("%s: %s, %d streams, %d requests, %d bytes", file, got.Format.Name, len(got.Streams), got.Stats.Reads, got.Stats.BytesRead)
}

// checkGone probes r after its object was deleted: the probe fails with
// the reader's error, which names the bucket and the key, and not with a
// format error. It returns that error.
func checkGone(t *testing.T, r sizedReaderAt, bucket, key string) error {
	t.Helper()
	_, err := probe.ReaderAt(context.Background(), r, r.Size())
	checkMissing(t, err, bucket, key)
	if errors.Is(err, container.ErrUnknownFormat) || errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) {
		t.Errorf("error %q is a format error", err)
	}
	return err
}

// checkIgnoredRange checks that r fails a read at an offset past 0 when the
// server ignores Range and sends the object from its first byte, instead of
// returning the wrong bytes.
func checkIgnoredRange(t *testing.T, fake *fakeS3, r sizedReaderAt, bucket, key string) {
	t.Helper()
	fake.setIgnoreRange(true)
	defer fake.setIgnoreRange(false)
	p := make([]byte, 16)
	n, err := r.ReadAt(p, 100)
	if err == nil || errors.Is(err, io.EOF) {
		t.Fatalf("ReadAt from a server that ignores Range = %d, %v; want an error", n, err)
	}
	checkMissing(t, err, bucket, key) // names them
}

// checkCanceled checks that a reader made with ctx fails its reads with
// ctx's error once ctx is canceled.
func checkCanceled(t *testing.T, r sizedReaderAt, cancel context.CancelFunc) {
	t.Helper()
	cancel()
	p := make([]byte, 16)
	if _, err := r.ReadAt(p, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadAt after the reader's context was canceled: %v; want context.Canceled", err)
	}
}

// checkMissing checks the error for an object that does not exist: it
// names the bucket and the key.
func checkMissing(t *testing.T, err error, bucket, key string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error for a missing object")
	}
	if msg := err.Error(); !bytes.Contains([]byte(msg), []byte(bucket)) || !bytes.Contains([]byte(msg), []byte(key)) {
		t.Errorf("error %q does not name bucket %q and key %q", msg, bucket, key)
	}
	if errors.Is(err, io.EOF) {
		t.Errorf("error %q reads as the end of the object", err)
	}
	t.Logf("error: %v", err)
}

// testAdapter runs every check of an adapter against the fake server: each
// test file read and probed, a missing object, an object deleted after the
// reader was made (gone, when set, checks that probe's error further), a
// server that ignores Range, and a canceled context. open makes the
// adapter's reader of key in bucket.
func testAdapter(t *testing.T, fake *fakeS3, open func(ctx context.Context, key string) (sizedReaderAt, error), gone func(t *testing.T, err error)) {
	ctx := context.Background()
	put := func(t *testing.T, key, file string) {
		t.Helper()
		if err := fake.PutFile(bucket, key, file); err != nil {
			t.Fatal(err)
		}
	}
	openOK := func(t *testing.T, ctx context.Context, key string) sizedReaderAt {
		t.Helper()
		r, err := open(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, file := range testFiles {
		t.Run(path.Base(file), func(t *testing.T) {
			key := "dir/" + path.Base(file)
			put(t, key, file)
			r := openOK(t, ctx, key)
			checkReaderAt(t, r, r.Size(), file)
			fake.checkRanged(t)
		})
	}
	t.Run("missing", func(t *testing.T) {
		_, err := open(ctx, "no/such.flac")
		checkMissing(t, err, bucket, "no/such.flac")
	})
	t.Run("deleted", func(t *testing.T) {
		put(t, "gone.flac", testFiles[0])
		r := openOK(t, ctx, "gone.flac")
		if err := fake.Delete(bucket, "gone.flac"); err != nil {
			t.Fatal(err)
		}
		err := checkGone(t, r, bucket, "gone.flac")
		if gone != nil {
			gone(t, err)
		}
	})
	t.Run("ignored range", func(t *testing.T) {
		put(t, "whole.flac", testFiles[0])
		checkIgnoredRange(t, fake, openOK(t, ctx, "whole.flac"), bucket, "whole.flac")
	})
	t.Run("canceled", func(t *testing.T) {
		put(t, "cancel.flac", testFiles[0])
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		checkCanceled(t, openOK(t, ctx, "cancel.flac"), cancel)
	})
}
