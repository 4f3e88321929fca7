package objectstorage_test

import (
	"context"
	"fmt"
	"path"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/mediaprobe/mediaprobe/probe"
)

// newMinioClient returns a minio-go client of the server at host: plain
// HTTP, a fixed region, static credentials, path-style addressing.
func newMinioClient(host string) (*minio.Client, error) {
	return minio.New(host, &minio.Options{
		Creds:        credentials.NewStaticV4(accessKey, secretKey, ""),
		Secure:       false,
		Region:       region,
		BucketLookup: minio.BucketLookupPath,
	})
}

// With minio-go no adapter is needed: *minio.Object is an io.ReaderAt whose
// every ReadAt is one ranged GET, and its Stat gives the size.
func Example_minio() {
	fake := startFakeS3() // an S3-compatible server in this process
	defer fake.Close()
	if err := fake.PutFile("media", "song.m4a", "../../testdata/m4a_faststart.m4a"); err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	client, err := newMinioClient(fake.Host)
	if err != nil {
		fmt.Println(err)
		return
	}
	obj, err := client.GetObject(ctx, "media", "song.m4a", minio.GetObjectOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer obj.Close()
	stat, err := obj.Stat()
	if err != nil {
		fmt.Println("media/song.m4a:", err)
		return
	}
	info, err := probe.ReaderAt(ctx, obj, stat.Size, probe.WithFilename("song.m4a"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format.Name, len(info.Streams), "stream,", info.Stats.Reads, "read")
	// Output: mov,mp4,m4a,3gp,3g2,mj2 1 stream, 1 read
}

func TestMinioObject(t *testing.T) {
	fake := startFakeS3()
	defer fake.Close()
	ctx := context.Background()
	client, err := newMinioClient(fake.Host)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range testFiles {
		t.Run(path.Base(file), func(t *testing.T) {
			key := "dir/" + path.Base(file)
			if err := fake.PutFile(bucket, key, file); err != nil {
				t.Fatal(err)
			}
			obj, err := client.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer obj.Close()
			stat, err := obj.Stat()
			if err != nil {
				t.Fatal(err)
			}
			checkReaderAt(t, obj, stat.Size, file)
			fake.checkRanged(t)
		})
	}
	t.Run("missing", func(t *testing.T) {
		obj, err := client.GetObject(ctx, bucket, "no/such.flac", minio.GetObjectOptions{})
		if err == nil {
			defer obj.Close()
			_, err = obj.Stat() // minio-go asks the server only now
		}
		if err == nil {
			t.Fatal("no error for a missing object")
		}
		// minio-go's error names neither; the caller wraps it.
		checkMissing(t, fmt.Errorf("%s/%s: %w", bucket, "no/such.flac", err), bucket, "no/such.flac")
	})
}
