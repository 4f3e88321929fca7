package objectstorage_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/baidubce/bce-sdk-go/bce"
	"github.com/baidubce/bce-sdk-go/services/bos"

	"github.com/mediaprobe/mediaprobe/examples/objectstorage"
	"github.com/mediaprobe/mediaprobe/probe"
)

// newBOSClient returns a bce-sdk-go BOS client of the server at endpoint:
// static credentials, path-style addressing (BOS's own endpoints are
// virtual-hosted). BOS signs with bce-auth-v1, which the fake does not
// check.
func newBOSClient(endpoint string) (*bos.Client, error) {
	cfg := bos.NewBosClientConfig(accessKey, secretKey, endpoint).WithPathStyleEnable(true)
	return bos.NewClientWithConfig(cfg)
}

// Probing a Baidu Cloud BOS object: one ranged GetObject per read.
func ExampleBOSReaderAt() {
	fake := startFakeS3() // an S3-compatible server in this process
	defer fake.Close()
	if err := fake.PutFile("media", "song.m4a", "../../testdata/m4a_faststart.m4a"); err != nil {
		fmt.Println(err)
		return
	}

	ctx := context.Background()
	client, err := newBOSClient(fake.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := objectstorage.NewBOSReaderAt(ctx, client, "media", "song.m4a")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := probe.ReaderAt(ctx, r, r.Size(), probe.WithFilename("song.m4a"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format.Name, len(info.Streams), "stream,", info.Stats.Reads, "GetObject")
	// Output: mov,mp4,m4a,3gp,3g2,mj2 1 stream, 1 GetObject
}

func TestBOSReaderAt(t *testing.T) {
	fake := startFakeS3()
	defer fake.Close()
	client, err := newBOSClient(fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	testAdapter(t, fake, func(ctx context.Context, key string) (sizedReaderAt, error) {
		return objectstorage.NewBOSReaderAt(ctx, client, bucket, key)
	}, func(t *testing.T, err error) {
		// gofakes3's error body is S3's XML, which the BOS SDK cannot
		// decode, but the status survives.
		var se *bce.BceServiceError
		if !errors.As(err, &se) || se.StatusCode != http.StatusNotFound {
			t.Errorf("error %v: want a *bce.BceServiceError with status 404", err)
		}
	})
}
