package objectstorage_test

import (
	"context"
	"fmt"
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
	b, err := newOSSBucket(fake.URL, bucket)
	if err != nil {
		t.Fatal(err)
	}
	testAdapter(t, fake, func(ctx context.Context, key string) (sizedReaderAt, error) {
		return objectstorage.NewOSSReaderAt(ctx, b, key)
	}, nil)
}
