package objectstorage_test

import (
	"context"
	"fmt"
	"path"
	"testing"

	"github.com/aliyun/aliyun-oss-go-sdk/oss"

	"github.com/mediaprobe/mediaprobe/examples/objectstorage"
	"github.com/mediaprobe/mediaprobe/probe"
)

// newOSSBucket returns an aliyun-oss-go-sdk handle of bucket name on the
// server at endpoint: static credentials, a fixed region, path-style
// addressing (OSS's own endpoints are virtual-hosted), signature V1.
func newOSSBucket(endpoint, name string) (*oss.Bucket, error) {
	client, err := oss.New(endpoint, accessKey, secretKey,
		oss.ForcePathStyle(true),
		oss.Region(region),
		oss.AuthVersion(oss.AuthV1),
	)
	if err != nil {
		return nil, err
	}
	return client.Bucket(name)
}

// Probing an Alibaba Cloud OSS object: one GetObject with oss.Range per
// read.
func ExampleOSSReaderAt() {
	fake := startFakeS3() // an S3-compatible server in this process
	defer fake.Close()
	if err := fake.PutFile("media", "song.flac", "../../testdata/flac_s16_cover.flac"); err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	bucket, err := newOSSBucket(fake.URL, "media")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := objectstorage.NewOSSReaderAt(ctx, bucket, "song.flac")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := probe.ReaderAt(ctx, r, r.Size(), probe.WithFilename("song.flac"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format.Name, len(info.Streams), "streams,", info.Stats.Reads, "GetObject")
	// Output: flac 2 streams, 1 GetObject
}

func TestOSSReaderAt(t *testing.T) {
	fake := startFakeS3()
	defer fake.Close()
	ctx := context.Background()
	b, err := newOSSBucket(fake.URL, bucket)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range testFiles {
		t.Run(path.Base(file), func(t *testing.T) {
			key := "dir/" + path.Base(file)
			if err := fake.PutFile(bucket, key, file); err != nil {
				t.Fatal(err)
			}
			r, err := objectstorage.NewOSSReaderAt(ctx, b, key)
			if err != nil {
				t.Fatal(err)
			}
			checkReaderAt(t, r, r.Size(), file)
			fake.checkRanged(t)
		})
	}
	t.Run("missing", func(t *testing.T) {
		_, err := objectstorage.NewOSSReaderAt(ctx, b, "no/such.flac")
		checkMissing(t, err, bucket, "no/such.flac")
	})
	t.Run("deleted", func(t *testing.T) {
		key := "gone.flac"
		if err := fake.PutFile(bucket, key, testFiles[0]); err != nil {
			t.Fatal(err)
		}
		r, err := objectstorage.NewOSSReaderAt(ctx, b, key)
		if err != nil {
			t.Fatal(err)
		}
		if err := fake.Delete(bucket, key); err != nil {
			t.Fatal(err)
		}
		checkGone(t, r, bucket, key)
	})
	t.Run("ignored range", func(t *testing.T) {
		key := "whole.flac"
		if err := fake.PutFile(bucket, key, testFiles[0]); err != nil {
			t.Fatal(err)
		}
		r, err := objectstorage.NewOSSReaderAt(ctx, b, key)
		if err != nil {
			t.Fatal(err)
		}
		checkIgnoredRange(t, fake, r, bucket, key)
	})
	t.Run("canceled", func(t *testing.T) {
		key := "cancel.flac"
		if err := fake.PutFile(bucket, key, testFiles[0]); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		r, err := objectstorage.NewOSSReaderAt(ctx, b, key)
		if err != nil {
			t.Fatal(err)
		}
		checkCanceled(t, r, cancel)
	})
}
