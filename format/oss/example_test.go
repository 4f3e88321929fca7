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
}
