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
