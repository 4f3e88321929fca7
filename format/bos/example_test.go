package bos_test

import (
	"context"
	"encoding/json"
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

// ExampleNew reads the typed body: the fields are named as bce-sdk-go
// names them.
func ExampleNew() {
	info, err := probe.File(context.Background(), "../../testdata/h264_rotate90.mp4")
	if err != nil {
		fmt.Println(err)
		return
	}
	b := bos.New(info, bos.Object{Bucket: "videos", Key: "clip.mp4"})
	fmt.Println(b.Type, b.Container, b.DurationInMillisecond)
	if v := b.VideoInfo; v != nil {
		fmt.Println(v.Codec, v.WidthInPixel, v.HeightInPixel, v.FrameRate, v.Rotate, v.Dar)
	}
	// Output:
	// video mp4 160
	// h264 64 48 25 0 4:3
}

// ExampleBody unmarshals the response of the BOS video/info document.
func ExampleBody() {
	resp := `{"bucket":"cmdtest2","key":"audio.mp3","fileSizeInByte":4008612,"type":"audio",
	  "container":"mp3","durationInSecond":247,"durationInMillisecond":246890,
	  "audio":{"codec":"mp3","channels":2,"sampleRateInHz":44100,"bitRateInBps":128000},
	  "etag":"575a58dbfec5c808dcd941f927ae1927"}`
	var b bos.Body
	if err := json.Unmarshal([]byte(resp), &b); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Container, b.DurationInMillisecond, b.AudioInfo.Codec, b.AudioInfo.SampleRateInHz, b.VideoInfo == nil)
	// Output:
	// mp3 246890 mp3 44100 true
}
