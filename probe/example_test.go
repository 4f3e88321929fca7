package probe_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/probe"
)

// The OSS audio/info body of a WAV file, as the cloud service returns it.
func ExampleFile() {
	info, err := probe.File(context.Background(), "../testdata/wav_s16le.wav")
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(oss.Marshal(info, oss.Options{}, "  "))
	// Output:
	// {
	//   "Bitrate": 353680,
	//   "Duration": 0.4,
	//   "FormatLongName": "WAV / WAVE (Waveform Audio)",
	//   "FormatName": "wav",
	//   "Size": 17684,
	//   "StreamCount": 1,
	//   "AudioStreams": [
	//     {
	//       "Bitrate": 352800,
	//       "Channels": 1,
	//       "CodecLongName": "PCM signed 16-bit little-endian",
	//       "CodecName": "pcm_s16le",
	//       "CodecTag": "0x0001",
	//       "CodecTagString": "[1][0][0][0]",
	//       "Duration": 0.4,
	//       "SampleFormat": "s16",
	//       "SampleRate": "22050",
	//       "TimeBase": "1/22050"
	//     }
	//   ]
	// }
}

// Cover art is a video stream with the attached_pic disposition, and its
// bytes' place in the object.
func ExampleFile_cover() {
	info, err := probe.File(context.Background(), "../testdata/flac_s16_cover.flac")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range info.Streams {
		if st.IsCover() {
			fmt.Println(st.CodecName, st.Width, st.Height, st.Picture.Length > 0)
		}
	}
	// Output:
	// mjpeg 64 48 true
}

// An upload read as it arrives: the probe keeps what it reads and stops as
// soon as the headers are read. The size is the request's Content-Length.
func ExampleReader() {
	f, err := os.Open("../testdata/flac_s16_cover.flac")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fi, _ := f.Stat()
	info, err := probe.Reader(context.Background(), f, probe.WithSize(fi.Size()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format.Name, len(info.Streams), "streams")
	// Output:
	// flac 2 streams
}

// Errors name their input and wrap their kind.
func ExampleError() {
	_, err := probe.File(context.Background(), "../testdata/image_rgba.png", probe.WithMaxBytesRead(16))
	fmt.Println(errors.Is(err, container.ErrLimit))
	var pe *probe.Error
	if errors.As(err, &pe) {
		fmt.Println(pe.Input)
	}
	// Output:
	// true
	// ../testdata/image_rgba.png
}

// The bytes of a cover, fetched with one read once the probe has located
// them.
func ExampleCover() {
	f, err := os.Open("../testdata/flac_s16_cover.flac")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fi, _ := f.Stat()
	info, err := probe.ReaderAt(context.Background(), f, fi.Size())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, st := range info.Streams {
		if st.IsCover() {
			img, err := probe.Cover(context.Background(), f, st)
			fmt.Println(st.CodecName, len(img) == int(st.Picture.Length), err, img[0] == 0xFF && img[1] == 0xD8)
		}
	}
	// Output:
	// mjpeg true <nil> true
}

// Any io.ReaderAt with a known size: here an object already in memory. The
// probe reads the headers only and counts what it read.
func ExampleReaderAt() {
	data, err := os.ReadFile("../testdata/wav_s16le.wav")
	if err != nil {
		fmt.Println(err)
		return
	}
	info, err := probe.ReaderAt(context.Background(), bytes.NewReader(data), int64(len(data)))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := info.FirstAudio()
	fmt.Println(info.Format.Name, a.CodecName, a.SampleRate, a.Channels, info.Duration())
	fmt.Println(info.Stats.Reads, "read")
	// Output:
	// wav pcm_s16le 22050 1 400ms
	// 1 read
}

// An object behind HTTP: the size comes from the first ranged GET's
// Content-Range, and every later read is one more ranged GET.
func ExampleURL() {
	srv := httptest.NewServer(http.FileServer(http.Dir("../testdata")))
	defer srv.Close()
	info, err := probe.URL(context.Background(), srv.Client(), srv.URL+"/wav_s16le.wav")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format.Name, info.Format.Size, info.Stats.Reads, "request")
	// Output:
	// wav 17684 1 request
}
