// Package oss renders a [container.Info] as the JSON body that Alibaba Cloud
// OSS returns for `?x-oss-process=audio/info` and `video/info` (IMM's
// DetectMediaMeta): PascalCase keys sorted within each object, RequestId
// first and the stream arrays last, zero numbers and empty strings left out,
// SampleRate and Rotate as strings, cover images among the VideoStreams.
//
// Every field is derived from the value ffprobe would print, as the cloud
// service derives it; the mapping is that of shared/tools/ffprobe2cloud.py.
package oss

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// Options are what the caller adds to the body.
type Options struct {
	// RequestID, when set, is printed first as RequestId.
	RequestID string
}

// Marshal returns the DetectMediaMeta body for info; indent "" gives compact
// JSON.
func Marshal(info *container.Info, opts Options, indent string) []byte {
	return Build(info, opts).Marshal(indent)
}

var topTags = []struct{ field, key string }{
	{"Title", "title"}, {"Artist", "artist"}, {"Album", "album"}, {"AlbumArtist", "album_artist"},
	{"Composer", "composer"}, {"Performer", "performer"}, {"Language", "language"},
}

// Build returns the body as an ordered object.
func Build(info *container.Info, opts Options) *ordered.Object {
	p := ffprobe.Build(info)
	f := p.Obj("format")
	top := fields{}
	top.str("FormatName", f.Str("format_name"))
	top.str("FormatLongName", f.Str("format_long_name"))
	top.num("Duration", f.Str("duration"))
	top.num("StartTime", f.Str("start_time"))
	top.integer("Bitrate", f.Str("bit_rate"))
	top.integer("Size", f.Str("size"))
	top.int("StreamCount", f.Int("nb_streams"))
	top.int("ProgramCount", f.Int("nb_programs"))
	ft := f.Obj("tags")
	for _, t := range topTags {
		top.str(t.field, tag(ft, t.key))
	}
	top.str("ProduceTime", tag(ft, "creation_time"))
	streams := p.Objs("streams")
	for i, s := range streams {
		if s.Str("codec_type") == "video" && !info.Streams[i].IsCover() {
			top.int("VideoWidth", s.Int("width"))
			top.int("VideoHeight", s.Int("height"))
			break
		}
	}
	var audio, video, subs []*ordered.Object
	for i, s := range streams {
		st := s.Obj("tags")
		c := fields{}
		c.int("Index", s.Int("index"))
		if lang := tag(st, "language"); lang != "und" {
			c.str("Language", lang)
		}
		c.str("CodecName", s.Str("codec_name"))
		c.str("CodecLongName", s.Str("codec_long_name"))
		c.str("CodecTag", s.Str("codec_tag"))
		c.str("CodecTagString", s.Str("codec_tag_string"))
		c.num("StartTime", s.Str("start_time"))
		c.num("Duration", s.Str("duration"))
		c.integer("Bitrate", s.Str("bit_rate"))
		switch s.Str("codec_type") {
		case "audio":
			c.str("TimeBase", s.Str("time_base"))
			c.str("SampleFormat", s.Str("sample_fmt"))
			c.str("SampleRate", s.Str("sample_rate"))
			c.int("Channels", s.Int("channels"))
			c.str("ChannelLayout", s.Str("channel_layout"))
			c.integer("FrameCount", s.Str("nb_frames"))
			c.str("Lyric", tag(st, "lyrics"))
			audio = append(audio, c.object())
		case "video":
			c.str("TimeBase", s.Str("time_base"))
			c.str("Profile", s.Str("profile"))
			c.int("Width", s.Int("width"))
			c.int("Height", s.Int("height"))
			c.int("HasBFrames", s.Int("has_b_frames"))
			c.str("SampleAspectRatio", s.Str("sample_aspect_ratio"))
			c.str("DisplayAspectRatio", s.Str("display_aspect_ratio"))
			c.str("PixelFormat", s.Str("pix_fmt"))
			c.int("Level", s.Int("level"))
			c.str("FrameRate", s.Str("r_frame_rate"))
			c.str("AverageFrameRate", s.Str("avg_frame_rate"))
			c.integer("FrameCount", s.Str("nb_frames"))
			c.str("Rotate", Rotate(info.Streams[i]))
			c.integer("BitDepth", s.Str("bits_per_raw_sample"))
			c.str("ColorSpace", s.Str("color_space"))
			c.str("ColorRange", s.Str("color_range"))
			c.str("ColorTransfer", s.Str("color_transfer"))
			c.str("ColorPrimaries", s.Str("color_primaries"))
			c.int("Refs", s.Int("refs"))
			video = append(video, c.object())
		case "subtitle":
			c.int("Width", s.Int("width"))
			c.int("Height", s.Int("height"))
			subs = append(subs, c.object())
		}
	}
	out := &ordered.Object{}
	if opts.RequestID != "" {
		out.Set("RequestId", opts.RequestID)
	}
	body := top.object()
	for _, k := range body.Keys() {
		v, _ := body.Get(k)
		out.Set(k, v)
	}
	if len(audio) > 0 {
		out.Set("AudioStreams", audio)
	}
	if len(subs) > 0 {
		out.Set("Subtitles", subs)
	}
	if len(video) > 0 {
		out.Set("VideoStreams", video)
	}
	return out
}

// Rotate returns the clockwise rotation in degrees of a stream as the
// cloud service derives it from ffprobe's output: its rotate tag, or else
// the negated rotation of its display matrix side data
// ([container.Stream.Rotation]); "" when it has neither.
func Rotate(st *container.Stream) string {
	if r, ok := st.Tags.Get("rotate"); ok {
		if f, err := strconv.ParseFloat(r, 64); err == nil {
			return strconv.Itoa(mod360(int(f)))
		}
	}
	if r, ok := st.Rotation(); ok {
		// The display matrix turns counter-clockwise. Reduce before
		// negating, so that the NaN rotation (math.MinInt64) cannot
		// overflow.
		return strconv.Itoa(mod360(-int(r % 360)))
	}
	return ""
}

func mod360(r int) int { return ((r % 360) + 360) % 360 }

// tag returns the value of key in a tags object, ignoring the key's case.
func tag(t *ordered.Object, key string) string {
	if t == nil {
		return ""
	}
	for _, k := range t.Keys() {
		if strings.EqualFold(k, key) {
			return t.Str(k)
		}
	}
	return ""
}

// fields collects non-empty values and sorts them by key.
type fields map[string]any

func (f fields) str(k, v string) {
	if v != "" {
		f[k] = v
	}
}

func (f fields) int(k string, v int64) {
	if v != 0 {
		f[k] = v
	}
}

// integer keeps a number ffprobe printed as a string, as an integer.
func (f fields) integer(k, v string) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n != 0 {
		f[k] = n
	}
}

// num keeps a number ffprobe printed with six decimals as the shortest float
// that rounds to the same microsecond.
func (f fields) num(k, v string) {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return
	}
	f[k] = math.Round(x*1e6) / 1e6
}

func (f fields) object() *ordered.Object {
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	o := &ordered.Object{}
	for _, k := range keys {
		o.Set(k, f[k])
	}
	return o
}
