package objectstorage_test

import (
	"context"
	"fmt"
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
	client, err := newS3Client(context.Background(), fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	testAdapter(t, fake, func(ctx context.Context, key string) (sizedReaderAt, error) {
		return objectstorage.NewS3ReaderAt(ctx, client, bucket, key)
	}, nil)
}
