package h264_test

import (
	"encoding/hex"
	"fmt"

	"github.com/mediaprobe/mediaprobe/codec/h264"
	"github.com/mediaprobe/mediaprobe/container"
)

// An MP4 track's avcC record, as libx264 writes it for a 320x240 High
// profile stream, and what ffprobe prints for the stream.
func ExampleParseExtradata() {
	avcC, _ := hex.DecodeString("0164000dffe100196764000dacd94141fb0110000003001000" +
		"00030320f142996001000668ebe3cb22c0fdf8f800")
	p, err := h264.ParseExtradata(avcC)
	if err != nil {
		fmt.Println(err)
		return
	}
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	fmt.Println(st.Profile, st.Level, st.Width, st.Height, st.PixFmt, st.SampleAspectRatio.Ratio(), st.HasBFrames, st.FieldOrder)
	fmt.Printf("%+v\n", st.DecoderOptions)
	// Output:
	// High 13 320 240 yuv420p 1:1 2 progressive
	// {IsAVC:true NALLengthSize:4}
}

// The head of a raw .h264 file: the parameter sets of its first access
// unit. ffprobe prints is_avc "false" and nal_length_size "0" for it.
func ExampleScanAnnexB() {
	head, _ := hex.DecodeString("00000001" + "6764000dacd94141fb011000000300100000030320f1429960" +
		"00000001" + "68ebe3cb22c0" + "0000000165888400")
	p, found, err := h264.ScanAnnexB(head)
	fmt.Println(found, err)
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	fmt.Println(st.Profile, st.Width, st.Height)
	fmt.Printf("%+v\n", st.DecoderOptions)
	// Output:
	// true <nil>
	// High 320 240
	// {IsAVC:false NALLengthSize:0}
}
