package ffprobe_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/probe"
)

func ExampleMarshal() {
	info, err := probe.File(context.Background(), "../../testdata/wav_s16le.wav")
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc struct {
		Streams []map[string]any `json:"streams"`
		Format  map[string]any   `json:"format"`
	}
	if err := json.Unmarshal(ffprobe.Marshal(info, ffprobe.Indent), &doc); err != nil {
		fmt.Println(err)
		return
	}
	s := doc.Streams[0]
	fmt.Println(s["codec_name"], s["sample_rate"], s["channels"], s["duration"], s["bit_rate"])
	fmt.Println(doc.Format["format_name"], doc.Format["duration"], doc.Format["bit_rate"])
	// Output:
	// pcm_s16le 22050 1 0.400000 352800
	// wav 0.400000 353680
}

// ExampleNew reads the document as go-ffprobe's users read theirs.
func ExampleNew() {
	info, err := probe.File(context.Background(), "../../testdata/m4a_aac_cover.m4a")
	if err != nil {
		fmt.Println(err)
		return
	}
	data := ffprobe.New(info)
	fmt.Println(data.Format.FormatName, data.Format.Duration())
	title, _ := data.Format.TagList.GetString("title")
	fmt.Println(title)
	if a := data.FirstAudioStream(); a != nil {
		fmt.Println(a.CodecName, a.SampleRate, a.Channels, a.ChannelLayout)
	}
	if v := data.FirstVideoStream(); v != nil {
		fmt.Println(v.CodecName, v.Width, v.Height, v.IsCover())
	}
	fmt.Println(len(data.StreamType(ffprobe.StreamAny)), len(data.StreamType(ffprobe.StreamVideo)))
	// Output:
	// mov,mp4,m4a,3gp,3g2,mj2 400ms
	// Test title
	// aac 22050 2 stereo
	// mjpeg 64 48 true
	// 2 1
}

// ExampleProbeData unmarshals ffprobe's JSON, from mediaprobe or from
// ffprobe itself, and reads a rotated video's display matrix.
func ExampleProbeData() {
	info, err := probe.File(context.Background(), "../../testdata/mov_png_rot30.mov")
	if err != nil {
		fmt.Println(err)
		return
	}
	var data ffprobe.ProbeData
	if err := json.Unmarshal(ffprobe.Marshal(info, ffprobe.Indent), &data); err != nil {
		fmt.Println(err)
		return
	}
	v := data.FirstVideoStream()
	fmt.Println(v.CodecName, v.Width, v.Height, v.AvgFrameRate, v.Duration)
	if dm, err := v.SideDataList.FindSideData(ffprobe.SideDataTypeDisplayMatrix); err == nil {
		fmt.Println("rotation", dm.Rotation)
	}
	fmt.Println(data.Format.DurationSeconds, data.Format.StartTime())
	// Output:
	// png 32 24 5/1 0.400000
	// rotation -29
	// 0.4 0s
}
