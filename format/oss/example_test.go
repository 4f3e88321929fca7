package oss_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/probe"
)

func ExampleMarshal() {
	info, err := probe.File(context.Background(), "../../testdata/mp3_cbr_noxing.mp3")
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(oss.Marshal(info, oss.Options{RequestID: "req-1"}, ""))
	fmt.Println()
	// Output:
	// {"RequestId":"req-1","Bitrate":32340,"Duration":0.47025,"FormatLongName":"MP2/3 (MPEG audio layer 2/3)","FormatName":"mp3","Size":1901,"StreamCount":1,"AudioStreams":[{"Bitrate":32000,"ChannelLayout":"mono","Channels":1,"CodecLongName":"MP3 (MPEG audio layer 3)","CodecName":"mp3","CodecTag":"0x0000","CodecTagString":"[0][0][0][0]","Duration":0.47025,"SampleFormat":"fltp","SampleRate":"22050","TimeBase":"1/14112000"}]}
}

// ExampleNew reads the typed body: the fields are named as IMM's SDK names
// them.
func ExampleNew() {
	info, err := probe.File(context.Background(), "../../testdata/mov_png_rot30.mov")
	if err != nil {
		fmt.Println(err)
		return
	}
	m := oss.New(info, oss.Options{})
	fmt.Println(m.FormatName, m.VideoWidth, m.VideoHeight)
	for _, v := range m.VideoStreams {
		fmt.Println(v.CodecName, v.Width, v.Height, v.Rotate, v.AverageFrameRate)
	}
	for _, a := range m.AudioStreams {
		fmt.Println(a.CodecName, a.SampleRateHz(), a.Channels)
	}
	// Output:
	// mov,mp4,m4a,3gp,3g2,mj2 32 24
	// png 32 24 29 5/1
}

// ExampleMeta unmarshals a body as OSS returns it (the sample of the OSS
// audio/info document, shortened).
func ExampleMeta() {
	body := `{"RequestId":"5F74C6B8","Bitrate":320000,"Duration":303.76,"FormatName":"mp3",
	  "AudioStreams":[{"Bitrate":320000,"Channels":2,"CodecName":"mp3","SampleRate":"44100"}],
	  "VideoStreams":[{"CodecName":"mjpeg","Height":500,"Index":1,"Width":500}]}`
	var m oss.Meta
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		fmt.Println(err)
		return
	}
	a := m.AudioStreams[0]
	fmt.Println(m.FormatName, m.Duration, a.CodecName, a.SampleRateHz(), len(m.VideoStreams))
	// Output:
	// mp3 303.76 mp3 44100 1
}
