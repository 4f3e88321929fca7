// Package oss renders a [container.Info] as the JSON body that Alibaba Cloud
// OSS returns for `?x-oss-process=audio/info` and `video/info` (IMM's
// DetectMediaMeta): PascalCase keys sorted within each object, RequestId
// first and the stream arrays last, zero numbers and empty strings left out,
// SampleRate and Rotate as strings, cover images among the VideoStreams.
//
// [New] gives the body as a [Meta], whose fields are named as Alibaba Cloud's
// IMM SDK names them; a body the service returned unmarshals into it too.
// Every field is derived from the value ffprobe would print, as the cloud
// service derives it.
package oss

import (
	"math"
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
	b, err := New(info, opts).MarshalJSON()
	if err != nil {
		// Every value New builds renders; this is a programmer error.
		panic(err)
	}
	return ordered.Indent(b, indent)
}

// New returns the DetectMediaMeta body for info.
func New(info *container.Info, opts Options) *Meta {
	return build(info, ffprobe.New(info), opts)
}

// build derives the body as the cloud service derives it from ffprobe's
// output (the mapping of the project's ffprobe2cloud.py): the names, texts
// and tags from p, ffprobe's document of info, and the numbers from the
// model, as ffprobe prints them.
func build(info *container.Info, p *ffprobe.ProbeData, opts Options) *Meta {
	m := &Meta{RequestID: opts.RequestID}
	if f := p.Format; f != nil {
		m.FormatName = f.FormatName
		m.FormatLongName = f.FormatLongName
		m.Duration = micros(f.DurationSeconds)
		m.StartTime = micros(f.StartTimeSeconds)
		m.Bitrate = max(info.Format.BitRate, 0)
		m.Size = info.Format.Size
		m.StreamCount = f.NBStreams
		m.ProgramCount = f.NBPrograms
		m.Title = tag(f.TagList, "title")
		m.Artist = tag(f.TagList, "artist")
		m.Album = tag(f.TagList, "album")
		m.AlbumArtist = tag(f.TagList, "album_artist")
		m.Composer = tag(f.TagList, "composer")
		m.Performer = tag(f.TagList, "performer")
		m.Language = tag(f.TagList, "language")
		m.ProduceTime = tag(f.TagList, "creation_time")
	}
	for _, s := range p.Streams {
		if s.CodecType == "video" && !s.IsCover() {
			m.VideoWidth, m.VideoHeight = s.Width, s.Height
			break
		}
	}
	for i, s := range p.Streams {
		st := info.Streams[i]
		lang := tag(s.TagList, "language")
		if lang == "und" {
			lang = ""
		}
		start, _ := ffprobe.Seconds(st.StartPTS, st.TimeBase)
		dur, _ := ffprobe.Seconds(st.DurationTS, st.TimeBase)
		start, dur = micros(start), micros(dur)
		bitRate, frames := max(st.BitRate, 0), max(st.NbFrames, 0)
		switch s.CodecType {
		case "audio":
			m.AudioStreams = append(m.AudioStreams, &AudioStream{
				Index: s.Index, Language: lang, CodecName: s.CodecName, CodecLongName: s.CodecLongName,
				CodecTag: s.CodecTag, CodecTagString: s.CodecTagString, StartTime: start, Duration: dur,
				Bitrate: bitRate, TimeBase: s.TimeBase, SampleFormat: s.SampleFmt,
				SampleRate: s.SampleRate, Channels: s.Channels, ChannelLayout: s.ChannelLayout,
				FrameCount: frames, Lyric: tag(s.TagList, "lyrics"),
			})
		case "video":
			v := &VideoStream{
				Index: s.Index, Language: lang, CodecName: s.CodecName, CodecLongName: s.CodecLongName,
				CodecTag: s.CodecTag, CodecTagString: s.CodecTagString, StartTime: start, Duration: dur,
				Bitrate: bitRate, TimeBase: s.TimeBase, Profile: s.Profile,
				Width: s.Width, Height: s.Height, HasBFrames: s.HasBFrames,
				SampleAspectRatio: s.SampleAspectRatio, DisplayAspectRatio: s.DisplayAspectRatio,
				PixelFormat: s.PixFmt, Level: s.Level, FrameRate: s.RFrameRate, AverageFrameRate: s.AvgFrameRate,
				FrameCount: frames, Rotate: Rotate(s), BitDepth: int64(max(st.BitsPerRawSample, 0)),
				ColorSpace: s.ColorSpace, ColorRange: s.ColorRange, ColorTransfer: s.ColorTransfer,
				ColorPrimaries: s.ColorPrimaries,
			}
			if s.Refs != nil {
				v.Refs = *s.Refs
			}
			m.VideoStreams = append(m.VideoStreams, v)
		case "subtitle":
			m.Subtitles = append(m.Subtitles, &Subtitle{
				Index: s.Index, Language: lang, CodecName: s.CodecName, CodecLongName: s.CodecLongName,
				CodecTag: s.CodecTag, CodecTagString: s.CodecTagString, StartTime: start, Duration: dur,
				Bitrate: bitRate, Width: s.Width, Height: s.Height,
			})
		}
	}
	return m
}

// Rotate returns the clockwise rotation in degrees of a stream as the
// cloud service derives it from ffprobe's output: its rotate tag, or else
// the negated rotation of its display matrix side data; "" when it has
// neither.
func Rotate(s *ffprobe.Stream) string {
	if r, ok := s.TagList.Get("rotate"); ok {
		if f, err := strconv.ParseFloat(r, 64); err == nil {
			return strconv.Itoa(mod360(int(f)))
		}
	}
	if dm, err := s.SideDataList.FindSideData(ffprobe.SideDataTypeDisplayMatrix); err == nil {
		// The display matrix turns counter-clockwise. Reduce before
		// negating, so that the NaN rotation (math.MinInt64) cannot
		// overflow.
		return strconv.Itoa(mod360(-int(dm.Rotation % 360)))
	}
	return ""
}

func mod360(r int) int { return ((r % 360) + 360) % 360 }

// tag returns the value of key in tags, ignoring the key's case.
func tag(t ffprobe.Tags, key string) string {
	for _, e := range t {
		if strings.EqualFold(e.Key, key) {
			return e.Value
		}
	}
	return ""
}

// micros keeps a time ffprobe printed with six decimals as the shortest
// float that rounds to the same microsecond; 0 (left out) when it is not
// a finite number.
func micros(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	x = math.Round(x*1e6) / 1e6
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0 // not -0, which would be printed
	}
	return x
}
