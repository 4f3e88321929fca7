package oss

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// Meta is the DetectMediaMeta body that OSS returns for audio/info and
// video/info. Its fields are named as Alibaba Cloud's IMM SDK
// (imm-20200930 DetectMediaMetaResponseBody) names them, in the order the
// service prints its keys (sorted, stream arrays last); zero values are
// left out, as the service leaves them out. A body the service returned
// unmarshals into it, and marshalling it again gives the same bytes.
//
// LatLong is location metadata, which mediaprobe does not derive; IMM's
// Addresses (reverse geocoding) has no field here.
type Meta struct {
	RequestID      string  `json:"RequestId,omitempty"`      // set by the service, or by Options.RequestID
	Album          string  `json:"Album,omitempty"`          // format tag album
	AlbumArtist    string  `json:"AlbumArtist,omitempty"`    // format tag album_artist
	Artist         string  `json:"Artist,omitempty"`         // format tag artist
	Bitrate        int64   `json:"Bitrate,omitempty"`        // bit/s
	Composer       string  `json:"Composer,omitempty"`       // format tag composer
	Duration       float64 `json:"Duration,omitempty"`       // seconds
	FormatLongName string  `json:"FormatLongName,omitempty"` // ffprobe's format_long_name
	FormatName     string  `json:"FormatName,omitempty"`     // ffprobe's format_name: "mov,mp4,m4a,3gp,3g2,mj2"
	Language       string  `json:"Language,omitempty"`       // format tag language
	LatLong        string  `json:"LatLong,omitempty"`        // not derived by mediaprobe
	Performer      string  `json:"Performer,omitempty"`      // format tag performer
	ProduceTime    string  `json:"ProduceTime,omitempty"`    // format tag creation_time
	ProgramCount   int     `json:"ProgramCount,omitempty"`   // ffprobe's nb_programs
	Size           int64   `json:"Size,omitempty"`           // bytes
	StartTime      float64 `json:"StartTime,omitempty"`      // seconds
	StreamCount    int     `json:"StreamCount,omitempty"`    // ffprobe's nb_streams, covers included
	Title          string  `json:"Title,omitempty"`          // format tag title
	VideoHeight    int     `json:"VideoHeight,omitempty"`    // of the first video stream that is not a cover
	VideoWidth     int     `json:"VideoWidth,omitempty"`     // of the first video stream that is not a cover

	AudioStreams []*AudioStream `json:"AudioStreams,omitempty"` // audio streams
	Subtitles    []*Subtitle    `json:"Subtitles,omitempty"`    // subtitle streams
	VideoStreams []*VideoStream `json:"VideoStreams,omitempty"` // covers included
}

// MarshalJSON renders m as the service prints it, compact.
func (m Meta) MarshalJSON() ([]byte, error) { return ordered.Struct(m, nil) }

// AudioStream is one entry of AudioStreams.
//
// SampleRate is a string, as the OSS response prints it ("44100"), although
// IMM's SDK declares it an integer; [AudioStream.SampleRateHz] gives the
// number.
type AudioStream struct {
	Bitrate        int64   `json:"Bitrate,omitempty"`        // bit/s
	ChannelLayout  string  `json:"ChannelLayout,omitempty"`  // "stereo"
	Channels       int     `json:"Channels,omitempty"`       // channel count
	CodecLongName  string  `json:"CodecLongName,omitempty"`  // "AAC (Advanced Audio Coding)"
	CodecName      string  `json:"CodecName,omitempty"`      // "aac"
	CodecTag       string  `json:"CodecTag,omitempty"`       // "0x6134706d"
	CodecTagString string  `json:"CodecTagString,omitempty"` // "mp4a"
	CodecTimeBase  string  `json:"CodecTimeBase,omitempty"`  // not printed by ffprobe 5.1: always empty here
	Duration       float64 `json:"Duration,omitempty"`       // seconds
	FrameCount     int64   `json:"FrameCount,omitempty"`     // ffprobe's nb_frames
	Index          int     `json:"Index,omitempty"`          // the stream's index among all streams
	Language       string  `json:"Language,omitempty"`       // stream tag language, "und" left out
	Lyric          string  `json:"Lyric,omitempty"`          // stream tag lyrics
	SampleFormat   string  `json:"SampleFormat,omitempty"`   // "fltp"
	SampleRate     string  `json:"SampleRate,omitempty"`     // samples per second, as a string
	StartTime      float64 `json:"StartTime,omitempty"`      // seconds
	TimeBase       string  `json:"TimeBase,omitempty"`       // "1/44100"
}

// SampleRateHz returns SampleRate as a number, 0 when it is empty or not
// one.
func (a *AudioStream) SampleRateHz() int {
	n, _ := strconv.Atoi(a.SampleRate)
	return n
}

// MarshalJSON renders a as the service prints it, compact.
func (a AudioStream) MarshalJSON() ([]byte, error) { return ordered.Struct(a, nil) }

// VideoStream is one entry of VideoStreams: a video stream or a cover
// image. Refs is printed by the service although IMM's SDK has no field
// for it.
type VideoStream struct {
	AverageFrameRate   string  `json:"AverageFrameRate,omitempty"`   // ffprobe's avg_frame_rate: "25/1"
	BitDepth           int64   `json:"BitDepth,omitempty"`           // ffprobe's bits_per_raw_sample
	Bitrate            int64   `json:"Bitrate,omitempty"`            // bit/s
	CodecLongName      string  `json:"CodecLongName,omitempty"`      // "H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10"
	CodecName          string  `json:"CodecName,omitempty"`          // "h264"
	CodecTag           string  `json:"CodecTag,omitempty"`           // "0x31637661"
	CodecTagString     string  `json:"CodecTagString,omitempty"`     // "avc1"
	CodecTimeBase      string  `json:"CodecTimeBase,omitempty"`      // not printed by ffprobe 5.1: always empty here
	ColorPrimaries     string  `json:"ColorPrimaries,omitempty"`     // "bt709"
	ColorRange         string  `json:"ColorRange,omitempty"`         // "tv", "pc"
	ColorSpace         string  `json:"ColorSpace,omitempty"`         // "bt709"
	ColorTransfer      string  `json:"ColorTransfer,omitempty"`      // "smpte2084"
	DisplayAspectRatio string  `json:"DisplayAspectRatio,omitempty"` // "16:9"
	Duration           float64 `json:"Duration,omitempty"`           // seconds
	FrameCount         int64   `json:"FrameCount,omitempty"`         // ffprobe's nb_frames
	FrameRate          string  `json:"FrameRate,omitempty"`          // ffprobe's r_frame_rate: "25/1"
	HasBFrames         int     `json:"HasBFrames,omitempty"`         // ffprobe's has_b_frames
	Height             int     `json:"Height,omitempty"`             // pixels
	Index              int     `json:"Index,omitempty"`              // the stream's index among all streams
	Language           string  `json:"Language,omitempty"`           // stream tag language, "und" left out
	Level              int     `json:"Level,omitempty"`              // -99 where the codec has none
	PixelFormat        string  `json:"PixelFormat,omitempty"`        // "yuv420p"
	Profile            string  `json:"Profile,omitempty"`            // "High"
	Refs               int     `json:"Refs,omitempty"`               // the decoder's reference frames
	Rotate             string  `json:"Rotate,omitempty"`             // clockwise degrees: "90"
	SampleAspectRatio  string  `json:"SampleAspectRatio,omitempty"`  // "1:1"
	StartTime          float64 `json:"StartTime,omitempty"`          // seconds
	TimeBase           string  `json:"TimeBase,omitempty"`           // "1/90000"
	Width              int     `json:"Width,omitempty"`              // pixels
}

// MarshalJSON renders v as the service prints it, compact.
func (v VideoStream) MarshalJSON() ([]byte, error) { return ordered.Struct(v, nil) }

// Subtitle is one entry of Subtitles. Content (the subtitle text) is not
// derived from headers: it stays empty here.
type Subtitle struct {
	Bitrate        int64   `json:"Bitrate,omitempty"`        // bit/s
	CodecLongName  string  `json:"CodecLongName,omitempty"`  // "MOV text"
	CodecName      string  `json:"CodecName,omitempty"`      // "mov_text"
	CodecTag       string  `json:"CodecTag,omitempty"`       // "0x74786574"
	CodecTagString string  `json:"CodecTagString,omitempty"` // "tx3g"
	Content        string  `json:"Content,omitempty"`        // not derived by mediaprobe
	Duration       float64 `json:"Duration,omitempty"`       // seconds
	Height         int     `json:"Height,omitempty"`         // canvas, pixels
	Index          int     `json:"Index,omitempty"`          // the stream's index among all streams
	Language       string  `json:"Language,omitempty"`       // stream tag language, "und" left out
	StartTime      float64 `json:"StartTime,omitempty"`      // seconds
	Width          int     `json:"Width,omitempty"`          // canvas, pixels
}

// MarshalJSON renders s as the service prints it, compact.
func (s Subtitle) MarshalJSON() ([]byte, error) { return ordered.Struct(s, nil) }
