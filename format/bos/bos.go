// Package bos renders a [container.Info] as the JSON body that Baidu Cloud
// BOS returns for `?x-bce-process=video/info`: camelCase keys in the order of
// the service's sample, the duration rounded to seconds and milliseconds,
// `video` for the first video stream that is not a cover image and `audio`
// for the first audio stream. The object's bucket, key and ETag come from the
// caller.
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
	Bucket, Key, ETag string
}

// Marshal returns the video/info body for info; indent "" gives compact
// JSON.
func Marshal(info *container.Info, obj Object, indent string) []byte {
	return Build(info, obj).Marshal(indent)
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

// Build returns the body as an ordered object.
func Build(info *container.Info, obj Object) *ordered.Object {
	p := ffprobe.Build(info)
	f := p.Obj("format")
	streams := p.Objs("streams")
	var video, audio *ordered.Object
	var videoSt *container.Stream
	for i, s := range streams {
		switch s.Str("codec_type") {
		case "video":
			if video == nil && !info.Streams[i].IsCover() {
				video, videoSt = s, info.Streams[i]
			}
		case "audio":
			if audio == nil {
				audio = s
			}
		}
	}
	micros := parseMicros(f.Str("duration"))
	size, _ := strconv.ParseInt(f.Str("size"), 10, 64)
	out := &ordered.Object{}
	out.Set("bucket", obj.Bucket)
	out.Set("key", obj.Key)
	out.Set("fileSizeInByte", size)
	kind := "audio"
	if video != nil {
		kind = "video"
	}
	out.Set("type", kind)
	out.Set("container", Container(&info.Format))
	out.Set("durationInSecond", (micros+500000)/1000000)
	out.Set("durationInMillisecond", (micros+500)/1000)
	if video != nil {
		v := &ordered.Object{}
		v.Set("codec", codecName(video))
		v.Set("widthInPixel", video.Int("width"))
		v.Set("heightInPixel", video.Int("height"))
		fr := video.Str("avg_frame_rate")
		if fr == "0/0" || fr == "" {
			fr = video.Str("r_frame_rate")
		}
		v.Set("frameRate", frameRate(fr))
		v.Set("bitRateInBps", atoi(video.Str("bit_rate")))
		rot, _ := strconv.Atoi(oss.Rotate(videoSt))
		v.Set("rotate", rot)
		v.Set("dar", video.Str("display_aspect_ratio"))
		out.Set("video", v)
	}
	if audio != nil {
		a := &ordered.Object{}
		a.Set("codec", codecName(audio))
		a.Set("channels", audio.Int("channels"))
		a.Set("sampleRateInHz", atoi(audio.Str("sample_rate")))
		a.Set("bitRateInBps", atoi(audio.Str("bit_rate")))
		out.Set("audio", a)
	}
	out.Set("etag", obj.ETag)
	return out
}

// codecName is the stream's codec name, or null when ffprobe knows none.
func codecName(s *ordered.Object) any {
	if n := s.Str("codec_name"); n != "" {
		return n
	}
	return nil
}

// parseMicros reads a duration printed with six decimals ("246.890000") as
// whole microseconds, exactly; 0 when absent or negative.
func parseMicros(s string) int64 {
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > math.MaxInt64/1000000-1 {
		return 0
	}
	frac = (frac + "000000")[:6]
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0
	}
	return w*1000000 + f
}

// frameRate renders "30000/1001" as a number rounded to three decimals.
func frameRate(r string) float64 {
	n, d, ok := strings.Cut(r, "/")
	num, err1 := strconv.ParseFloat(n, 64)
	den, err2 := strconv.ParseFloat(d, 64)
	if !ok || err1 != nil || err2 != nil || den == 0 {
		return 0
	}
	return math.Round(num/den*1000) / 1000
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
