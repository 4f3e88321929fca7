package objectstorage_test

import (
	"context"
	"fmt"
	"path"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mediaprobe/mediaprobe/examples/objectstorage"
	"github.com/mediaprobe/mediaprobe/probe"
)

// newS3Client returns an aws-sdk-go-v2 S3 client of the server at
// endpoint: a fixed region, static credentials, path-style addressing
// (http://HOST/BUCKET/KEY). A ranged GET carries no checksum of the whole
// object, so the SDK's note that it skipped the check is turned off.
func newS3Client(ctx context.Context, endpoint string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion(region),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(accessKey, secretKey, "")),
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.UsePathStyle = true
		o.DisableLogOutputChecksumValidationSkipped = true
	}), nil
}

// Probing an S3 object with aws-sdk-go-v2: one ranged GetObject per read.
func ExampleS3ReaderAt() {
	fake := startFakeS3() // an S3-compatible server in this process
	defer fake.Close()
	if err := fake.PutFile("media", "song.flac", "../../testdata/flac_s16_cover.flac"); err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	client, err := newS3Client(ctx, fake.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := objectstorage.NewS3ReaderAt(ctx, client, "media", "song.flac")
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

func TestS3ReaderAt(t *testing.T) {
	fake := startFakeS3()
	defer fake.Close()
	ctx := context.Background()
	client, err := newS3Client(ctx, fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range testFiles {
		t.Run(path.Base(file), func(t *testing.T) {
			key := "dir/" + path.Base(file)
			if err := fake.PutFile(bucket, key, file); err != nil {
				t.Fatal(err)
			}
			r, err := objectstorage.NewS3ReaderAt(ctx, client, bucket, key)
			if err != nil {
				t.Fatal(err)
			}
			checkReaderAt(t, r, r.Size(), file)
			fake.checkRanged(t)
		})
	}
	t.Run("missing", func(t *testing.T) {
		_, err := objectstorage.NewS3ReaderAt(ctx, client, bucket, "no/such.flac")
		checkMissing(t, err, bucket, "no/such.flac")
	})
	t.Run("deleted", func(t *testing.T) {
		key := "gone.flac"
		if err := fake.PutFile(bucket, key, testFiles[0]); err != nil {
			t.Fatal(err)
		}
		r, err := objectstorage.NewS3ReaderAt(ctx, client, bucket, key)
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
		r, err := objectstorage.NewS3ReaderAt(ctx, client, bucket, key)
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
		r, err := objectstorage.NewS3ReaderAt(ctx, client, bucket, key)
		if err != nil {
			t.Fatal(err)
		}
		checkCanceled(t, r, cancel)
	})
}
