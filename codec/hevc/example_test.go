package hevc_test

import (
	"encoding/hex"
	"fmt"

	"github.com/mediaprobe/mediaprobe/codec/hevc"
	"github.com/mediaprobe/mediaprobe/container"
)

// The hvcC record of an MP4 track made by libx265 (320x240, 4:2:0, 8-bit):
// what ffprobe 5.1 prints for the stream.
func ExampleParseExtradata() {
	hvcC, _ := hex.DecodeString("0101600000009000000000003cf000fcfdf8f800000f03" +
		"2000010018" + "40010c01ffff01600000030090000003000003003c959809" +
		"210001002a" + "42010101600000030090000003000003003ca00a080f165959a4932bc05a020000030002000003003210" +
		"2200010007" + "4401c172b46240")
	x, err := hevc.ParseExtradata(hvcC)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := container.NewInfo("mov,mp4,m4a,3gp,3g2,mj2", "").AddStream(container.Video)
	if err := x.Describe(st); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Profile, st.Level, st.Width, st.Height, st.PixFmt, st.HasBFrames, st.SampleAspectRatio.Ratio(),
		st.ColorRange, st.ChromaLocation, x.NALLengthSize, x.FrameRate())
	// Output:
	// Main 60 320 240 yuv420p 2 1:1 tv left 4 25/1
}
