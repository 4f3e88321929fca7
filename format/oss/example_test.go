package oss_test

import (
	"context"
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
