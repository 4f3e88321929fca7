// Package bos renders a [container.Info] as the JSON body that Baidu Cloud
// BOS returns for `?x-bce-process=video/info`: camelCase keys in the order of
// the service's sample, the duration rounded to seconds and milliseconds,
// `video` for the first video stream that is not a cover image and `audio`
// for the first audio stream. The object's bucket, key and ETag come from the
// caller.
//
// [New] gives the body as a [Body], whose fields are named as bce-sdk-go
// names those of its media-info response; a body the service returned
// unmarshals into it too.
package bos

import (
	"math"
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
	"github.com/mediaprobe/mediaprobe/format/oss"
)

// Object names the probed object in the body.
type Object struct {
	Bucket, Key, ETag string // printed as bucket, key and etag
}

// movBrands maps an MP4-family major brand to the container name BOS gives.
var movBrands = map[string]string{
	"qt": "mov", "M4A": "m4a", "M4B": "m4a", "M4V": "m4v", "M4VH": "m4v", "M4VP": "m4v",
	"mjp2": "mj2", "mj2s": "mj2",
}

// Container returns BOS's short container name for a format: the first of
// ffprobe's format names, the MP4 family by major brand, Matroska by doctype.
func Container(f *container.Format) string {
	name := f.Name
	switch {
	case strings.HasPrefix(name, "mov,"):
		brand, _ := f.Tags.Get("major_brand")
		brand = strings.TrimSpace(brand)
		if c, ok := movBrands[brand]; ok {
			return c
		}
		if strings.HasPrefix(brand, "3g2") {
			return "3g2"
		}
		if strings.HasPrefix(brand, "3g") {
			return "3gp"
		}
		return "mp4"
	case name == "matroska,webm":
		if dt, _ := f.Tags.Get("doctype"); dt == "webm" {
			return "webm"
		}
		return "mkv"
	}
	name, _, _ = strings.Cut(name, ",")
	return name
}

// Marshal returns the video/info body for info; indent "" gives compact
// JSON.
func Marshal(info *container.Info, obj Object, indent string) []byte {
	b, err := New(info, obj).MarshalJSON()
	if err != nil {
		// Every value New builds renders; this is a programmer error.
		panic(err)
	}
	return ordered.Indent(b, indent)
}

// New returns the video/info body for info, naming the object obj.
func New(info *container.Info, obj Object) *Body {
	p := ffprobe.New(info)
	video, audio := -1, -1 // the streams the service describes
	for i, s := range p.Streams {
		switch s.CodecType {
		case "video":
			if video < 0 && !s.IsCover() {
				video = i
			}
		case "audio":
			if audio < 0 {
				audio = i
			}
		}
	}
	var micros int64
	if d, ok := ffprobe.Seconds(info.Format.Duration, container.TimeBaseMicro); ok && d > 0 {
		// The duration as ffprobe prints it, six decimals, in whole
		// microseconds.
		micros = int64(math.Round(d * 1e6))
	}
	b := &Body{
		Bucket:                obj.Bucket,
		Key:                   obj.Key,
		FileSizeInByte:        info.Format.Size,
		Type:                  "audio",
		Container:             Container(&info.Format),
		DurationInSecond:      (micros + 500000) / 1000000,
		DurationInMillisecond: (micros + 500) / 1000,
		Etag:                  obj.ETag,
	}
	if video >= 0 {
		v, st := p.Streams[video], info.Streams[video]
		b.Type = "video"
		fr := st.AvgFrameRate
		if fr.Num == 0 && fr.Den == 0 {
			fr = st.RFrameRate
		}
		b.VideoInfo = &VideoInfo{
			Codec:         v.CodecName,
			WidthInPixel:  v.Width,
			HeightInPixel: v.Height,
			FrameRate:     frameRate(fr),
			BitRateInBps:  max(st.BitRate, 0),
			Rotate:        rotate(oss.Rotate(v)),
			Dar:           v.DisplayAspectRatio,
		}
	}
	if audio >= 0 {
		a, st := p.Streams[audio], info.Streams[audio]
		b.AudioInfo = &AudioInfo{
			Codec:          a.CodecName,
			Channels:       a.Channels,
			SampleRateInHz: max(st.SampleRate, 0),
			BitRateInBps:   max(st.BitRate, 0),
		}
	}
	return b
}

// Body is the JSON body BOS returns for video/info, with the field names
// of bce-sdk-go's media-info response (services/media/api
// GetMediaInfoOfFileResponse), in the order of the service's sample.
// VideoInfo is the first video stream that is not a cover image, nil when
// there is none (Type is then "audio"); AudioInfo the first audio stream.
// A body the service returned unmarshals into it, and marshalling it
// again gives the same bytes. Sizes, durations and bit rates are int64
// where the SDK has int.
type Body struct {
	Bucket                string     `json:"bucket"`                // from the caller (Object)
	Key                   string     `json:"key"`                   // from the caller (Object)
	FileSizeInByte        int64      `json:"fileSizeInByte"`        // bytes
	Type                  string     `json:"type"`                  // "video" or "audio"
	Container             string     `json:"container"`             // see Container
	DurationInSecond      int64      `json:"durationInSecond"`      // the duration rounded to seconds
	DurationInMillisecond int64      `json:"durationInMillisecond"` // the duration rounded to milliseconds
	VideoInfo             *VideoInfo `json:"video,omitempty"`       // the first video stream that is not a cover; nil if none
	AudioInfo             *AudioInfo `json:"audio,omitempty"`       // the first audio stream; nil if none
	Etag                  string     `json:"etag"`                  // from the caller (Object)
}

// MarshalJSON renders b as the service prints it, compact.
func (b Body) MarshalJSON() ([]byte, error) { return ordered.Struct(b, nil) }

// VideoInfo is the body's video object.
type VideoInfo struct {
	Codec         string  `json:"codec,emptynull"` // ffprobe's codec_name; null when unknown
	WidthInPixel  int     `json:"widthInPixel"`    // pixels
	HeightInPixel int     `json:"heightInPixel"`   // pixels
	FrameRate     float64 `json:"frameRate"`       // avg_frame_rate (r_frame_rate when 0/0), to 3 decimals
	BitRateInBps  int64   `json:"bitRateInBps"`    // the stream's bit rate, 0 if unknown
	Rotate        int     `json:"rotate"`          // clockwise degrees
	Dar           string  `json:"dar"`             // display aspect ratio: "16:9"
}

// MarshalJSON renders v as the service prints it, compact.
func (v VideoInfo) MarshalJSON() ([]byte, error) { return ordered.Struct(v, nil) }

// AudioInfo is the body's audio object.
type AudioInfo struct {
	Codec          string `json:"codec,emptynull"` // ffprobe's codec_name; null when unknown
	Channels       int    `json:"channels"`        // channel count
	SampleRateInHz int    `json:"sampleRateInHz"`  // samples per second
	BitRateInBps   int64  `json:"bitRateInBps"`    // the stream's bit rate, 0 if unknown
}

// MarshalJSON renders a as the service prints it, compact.
func (a AudioInfo) MarshalJSON() ([]byte, error) { return ordered.Struct(a, nil) }

// frameRate renders a frame rate as a number rounded to three decimals,
// 0 when it is unknown.
func frameRate(r container.Rational) float64 {
	if r.Den == 0 {
		return 0
	}
	return math.Round(float64(r.Num)/float64(r.Den)*1000) / 1000
}

// rotate reads the degrees oss.Rotate gives ("" is 0).
func rotate(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
