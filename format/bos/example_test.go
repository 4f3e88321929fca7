package bos_test

import (
	"context"
	"fmt"
	"os"

	"github.com/mediaprobe/mediaprobe/format/bos"
	"github.com/mediaprobe/mediaprobe/probe"
)

func ExampleMarshal() {
	info, err := probe.File(context.Background(), "../../testdata/flac_s16_cover.flac")
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(bos.Marshal(info, bos.Object{Bucket: "music", Key: "a.flac", ETag: "e1"}, "  "))
	// Output:
	// {
	//   "bucket": "music",
	//   "key": "a.flac",
	//   "fileSizeInByte": 36812,
	//   "type": "audio",
	//   "container": "flac",
	//   "durationInSecond": 0,
	//   "durationInMillisecond": 400,
	//   "audio": {
	//     "codec": "flac",
	//     "channels": 2,
	//     "sampleRateInHz": 22050,
	//     "bitRateInBps": 0
	//   },
	//   "etag": "e1"
	// }
}
