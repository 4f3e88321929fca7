package ffprobe

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// StreamType is a stream's codec_type, as go-ffprobe names it.
type StreamType string

// The stream types ffprobe prints, and StreamAny for every stream.
const (
	StreamAny        StreamType = ""
	StreamVideo      StreamType = "video"
	StreamAudio      StreamType = "audio"
	StreamSubtitle   StreamType = "subtitle"
	StreamData       StreamType = "data"
	StreamAttachment StreamType = "attachment"
)

// ProbeData is the document `ffprobe -show_format -show_streams -of json`
// prints, and with Programs set, what -show_programs adds. It has the
// fields and methods of go-ffprobe's ProbeData (gopkg.in/vansante/go-ffprobe.v2),
// so code written against go-ffprobe compiles against it.
//
// Its JSON is ffprobe's byte for byte, key order and omissions included:
// [ProbeData.MarshalJSON] of [New]'s result is [Marshal]'s compact output,
// and unmarshalling that JSON and marshalling it again gives the same
// bytes (with a json.Encoder and SetEscapeHTML(false): json.Marshal
// escapes &, < and >).
type ProbeData struct {
	// Programs are the programs of a multiplex (MPEG-TS) as -show_programs
	// prints them: nil leaves the key out, as without -show_programs, and
	// an empty list prints "programs": [], as -show_programs does for a
	// file without programs. [New] leaves it nil; set it with [Programs].
	Programs []*Program `json:"programs,omitempty"`
	Streams  []*Stream  `json:"streams"` // the streams, in ffprobe's order (covers included)
	Format   *Format    `json:"format"`  // the container as a whole
}

// MarshalJSON renders p as ffprobe's JSON, compact.
func (p ProbeData) MarshalJSON() ([]byte, error) {
	return ordered.Struct(p, func(name string, shown bool) bool {
		if name == "programs" {
			return p.Programs != nil
		}
		return shown
	})
}

// StreamType returns copies of the streams of type streamType, every stream
// for [StreamAny], as go-ffprobe's method does.
func (p *ProbeData) StreamType(streamType StreamType) (streams []Stream) {
	for _, s := range p.Streams {
		if s != nil && (streamType == StreamAny || s.CodecType == string(streamType)) {
			streams = append(streams, *s)
		}
	}
	return streams
}

// FirstVideoStream returns the first video stream, nil if none. A cover
// image (attached picture) is a video stream: see [Stream.IsCover].
func (p *ProbeData) FirstVideoStream() *Stream { return p.first(StreamVideo) }

// FirstAudioStream returns the first audio stream, nil if none.
func (p *ProbeData) FirstAudioStream() *Stream { return p.first(StreamAudio) }

// FirstSubtitleStream returns the first subtitle stream, nil if none.
func (p *ProbeData) FirstSubtitleStream() *Stream { return p.first(StreamSubtitle) }

// FirstDataStream returns the first data stream, nil if none.
func (p *ProbeData) FirstDataStream() *Stream { return p.first(StreamData) }

// FirstAttachmentStream returns the first attachment stream, nil if none.
func (p *ProbeData) FirstAttachmentStream() *Stream { return p.first(StreamAttachment) }

func (p *ProbeData) first(t StreamType) *Stream {
	for _, s := range p.Streams {
		if s != nil && s.CodecType == string(t) {
			return s
		}
	}
	return nil
}

// Format is ffprobe's format section, with go-ffprobe's field names.
//
// StartTimeSeconds and DurationSeconds are ffprobe's start_time and
// duration ("%f" seconds, left out when unknown). UnmarshalJSON keeps the
// text it read, so that marshalling again prints it as it was; a value
// changed since, or set by hand, is printed with six decimals, and a zero
// one without text is left out.
type Format struct {
	Filename         string  `json:"filename,omitempty"`         // the input's name; [New] leaves it empty, as ffprobe's JSON for a pipe
	NBStreams        int     `json:"nb_streams"`                 // streams, covers included
	NBPrograms       int     `json:"nb_programs"`                // programs (MPEG-TS), 0 elsewhere
	FormatName       string  `json:"format_name"`                // "mov,mp4,m4a,3gp,3g2,mj2"
	FormatLongName   string  `json:"format_long_name,omitempty"` // "QuickTime / MOV"
	StartTimeSeconds float64 `json:"start_time,string"`          // start_time in seconds; see the type's doc
	DurationSeconds  float64 `json:"duration,string"`            // duration in seconds; see the type's doc
	Size             string  `json:"size"`                       // bytes, as a decimal string
	BitRate          string  `json:"bit_rate,omitempty"`         // bit/s, as a decimal string
	ProbeScore       int     `json:"probe_score"`                // the detection score, 1 to 100
	TagList          Tags    `json:"tags,omitempty"`             // the container's metadata, in ffprobe's order

	startTime, duration string // the text read or built, "" when absent
}

// formatFields is Format without its methods, for decoding.
type formatFields Format

// UnmarshalJSON reads ffprobe's format section, keeping the text of
// start_time and duration. Unknown keys are ignored, as go-ffprobe ignores
// them (a later ffprobe adds some).
func (f *Format) UnmarshalJSON(b []byte) error {
	var w struct {
		*formatFields
		StartTime *string `json:"start_time"`
		Duration  *string `json:"duration"`
	}
	*f = Format{}
	w.formatFields = (*formatFields)(f)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var err error
	if w.StartTime != nil {
		f.startTime = *w.StartTime
		if f.StartTimeSeconds, err = strconv.ParseFloat(f.startTime, 64); err != nil {
			return fmt.Errorf("ffprobe: format start_time %q: %w", f.startTime, err)
		}
	}
	if w.Duration != nil {
		f.duration = *w.Duration
		if f.DurationSeconds, err = strconv.ParseFloat(f.duration, 64); err != nil {
			return fmt.Errorf("ffprobe: format duration %q: %w", f.duration, err)
		}
	}
	return nil
}

// MarshalJSON renders f as ffprobe's format section, compact.
func (f Format) MarshalJSON() ([]byte, error) {
	start, hasStart := seconds(f.startTime, f.StartTimeSeconds)
	dur, hasDur := seconds(f.duration, f.DurationSeconds)
	w := struct {
		Filename       string `json:"filename,omitempty"`
		NBStreams      int    `json:"nb_streams"`
		NBPrograms     int    `json:"nb_programs"`
		FormatName     string `json:"format_name"`
		FormatLongName string `json:"format_long_name,omitempty"`
		StartTime      string `json:"start_time"`
		Duration       string `json:"duration"`
		Size           string `json:"size"`
		BitRate        string `json:"bit_rate,omitempty"`
		ProbeScore     int    `json:"probe_score"`
		TagList        Tags   `json:"tags,omitempty"`
	}{f.Filename, f.NBStreams, f.NBPrograms, f.FormatName, f.FormatLongName, start, dur,
		f.Size, f.BitRate, f.ProbeScore, f.TagList}
	return ordered.Struct(w, func(name string, shown bool) bool {
		switch name {
		case "start_time":
			return hasStart
		case "duration":
			return hasDur
		}
		return shown
	})
}

// seconds is the text to print for a time field: the text kept with it
// while it still reads as v, else v with six decimals; absent when there
// is no text and v is 0.
func seconds(text string, v float64) (string, bool) {
	if text != "" {
		if x, err := strconv.ParseFloat(text, 64); err == nil && x == v {
			return text, true
		}
	}
	if v == 0 {
		return "", false
	}
	return fmt.Sprintf("%f", v), true
}

// StartTime returns the format's start time as a time.Duration.
func (f *Format) StartTime() time.Duration {
	return time.Duration(f.StartTimeSeconds * float64(time.Second))
}

// Duration returns the format's duration as a time.Duration.
func (f *Format) Duration() time.Duration {
	return time.Duration(f.DurationSeconds * float64(time.Second))
}

// Stream is one entry of ffprobe's streams array. Fields that go-ffprobe's
// Stream has keep its names and types, except StartPts and DurationTs,
// which are *int64 here: ffprobe prints them as signed 64-bit numbers and
// leaves them out when unknown, which 0 cannot say. Fields go-ffprobe lacks
// (coded size, refs, chroma location, the decoder's options, ...) are
// added in ffprobe's order; those that ffprobe prints for some streams
// only, even when 0, are pointers.
//
// Width, Height, HasBFrames and Level are printed for every video stream
// (width and height also for a subtitle stream that has a size);
// SampleRate, Channels and BitsPerSample for every audio stream, as
// ffprobe's print_stream does.
type Stream struct {
	Index          int    `json:"index"`                     // the stream's position in Streams
	CodecName      string `json:"codec_name,omitempty"`      // ffmpeg's codec name: "aac", "h264"; empty if unknown
	CodecLongName  string `json:"codec_long_name"`           // printed with CodecName
	Profile        string `json:"profile,omitempty"`         // "LC", "High", ...
	CodecType      string `json:"codec_type,omitempty"`      // "video", "audio", ...: see StreamType
	CodecTimeBase  string `json:"codec_time_base,omitempty"` // printed by ffprobe before 5.0 only
	CodecTagString string `json:"codec_tag_string"`          // "mp4a", "[0][0][0][0]"
	CodecTag       string `json:"codec_tag"`                 // "0x6134706d"

	Width              int    `json:"width"`                          // pixels (video; a subtitle's canvas)
	Height             int    `json:"height"`                         // pixels (video; a subtitle's canvas)
	CodedWidth         *int   `json:"coded_width,omitempty"`          // the decoder's coded width; nil where ffprobe prints none
	CodedHeight        *int   `json:"coded_height,omitempty"`         // the decoder's coded height; nil where ffprobe prints none
	ClosedCaptions     *int   `json:"closed_captions,omitempty"`      // 1 when the stream carries closed captions; nil where ffprobe prints none
	FilmGrain          *int   `json:"film_grain,omitempty"`           // 1 when the stream carries film grain parameters; nil where ffprobe prints none
	HasBFrames         int    `json:"has_b_frames"`                   // frames the decoder delays for reordering
	SampleAspectRatio  string `json:"sample_aspect_ratio,omitempty"`  // "1:1"
	DisplayAspectRatio string `json:"display_aspect_ratio,omitempty"` // "16:9"
	PixFmt             string `json:"pix_fmt,omitempty"`              // "yuv420p"
	Level              int    `json:"level"`                          // -99 where the codec has none
	ColorRange         string `json:"color_range,omitempty"`          // "tv", "pc"
	ColorSpace         string `json:"color_space,omitempty"`          // the matrix: "bt709"
	ColorTransfer      string `json:"color_transfer,omitempty"`       // "smpte2084"
	ColorPrimaries     string `json:"color_primaries,omitempty"`      // "bt709", "bt2020"
	ChromaLocation     string `json:"chroma_location,omitempty"`      // "left", "center", ...
	FieldOrder         string `json:"field_order,omitempty"`          // "progressive", "tt", ...
	Refs               *int   `json:"refs,omitempty"`                 // the decoder's reference frames; nil where ffprobe prints none

	SampleFmt     string `json:"sample_fmt,omitempty"`     // "fltp"
	SampleRate    string `json:"sample_rate,omitempty"`    // samples per second, as a string: "44100"
	Channels      int    `json:"channels"`                 // channel count
	ChannelLayout string `json:"channel_layout,omitempty"` // "stereo"
	BitsPerSample int    `json:"bits_per_sample"`          // bits per sample of the codec, 0 for lossy ones

	// The decoder's exported options, as strings: h264's is_avc
	// ("true"/"false") and nal_length_size, mpeg4's quarter_sample and
	// divx_packed.
	IsAVC         string `json:"is_avc,omitempty"`
	NALLengthSize string `json:"nal_length_size,omitempty"` // h264: "4" for avcC, "0" for Annex B
	QuarterSample string `json:"quarter_sample,omitempty"`  // mpeg4: "true"/"false"
	DivXPacked    string `json:"divx_packed,omitempty"`     // mpeg4: "true"/"false"

	ID               string `json:"id,omitempty"`                  // the container's id: "0x1"
	RFrameRate       string `json:"r_frame_rate"`                  // "25/1"
	AvgFrameRate     string `json:"avg_frame_rate"`                // "25/1", "0/0"
	TimeBase         string `json:"time_base"`                     // "1/44100"
	StartPts         *int64 `json:"start_pts,omitempty"`           // in TimeBase; nil when unknown
	StartTime        string `json:"start_time,omitempty"`          // seconds, "%f"
	DurationTs       *int64 `json:"duration_ts,omitempty"`         // in TimeBase; nil when unknown
	Duration         string `json:"duration,omitempty"`            // seconds, "%f"
	BitRate          string `json:"bit_rate,omitempty"`            // bit/s, as a string
	MaxBitRate       string `json:"max_bit_rate,omitempty"`        // bit/s, as a string
	BitsPerRawSample string `json:"bits_per_raw_sample,omitempty"` // as a string: "8"
	NbFrames         string `json:"nb_frames,omitempty"`           // frame count, as a string
	ExtradataSize    int    `json:"extradata_size,omitempty"`      // bytes of codec configuration

	Disposition  StreamDisposition `json:"disposition"`              // default, attached_pic, ... flags
	TagList      Tags              `json:"tags,omitempty"`           // the stream's metadata, in ffprobe's order
	SideDataList SideDataList      `json:"side_data_list,omitempty"` // display matrix, HDR metadata, ...
}

// MarshalJSON renders s as ffprobe prints a stream, compact.
func (s Stream) MarshalJSON() ([]byte, error) {
	return ordered.Struct(s, func(name string, shown bool) bool {
		switch name {
		case "codec_long_name":
			return s.CodecName != ""
		case "width":
			return s.CodecType == "video" || s.CodecType == "subtitle" && s.Width != 0
		case "height":
			return s.CodecType == "video" || s.CodecType == "subtitle" && s.Height != 0
		case "has_b_frames", "level":
			return s.CodecType == "video"
		case "channels", "bits_per_sample":
			return s.CodecType == "audio"
		}
		return shown
	})
}

// IsCover reports whether s is an attached picture (cover art).
func (s *Stream) IsCover() bool { return s.Disposition.AttachedPic != 0 }

// StreamDisposition is a stream's disposition flags, 1 or 0 each, in
// ffprobe 5.1's order; the first eleven are go-ffprobe's.
type StreamDisposition struct {
	Default         int `json:"default"`          // 1 when set, else 0
	Dub             int `json:"dub"`              // 1 when set, else 0
	Original        int `json:"original"`         // 1 when set, else 0
	Comment         int `json:"comment"`          // 1 when set, else 0
	Lyrics          int `json:"lyrics"`           // 1 when set, else 0
	Karaoke         int `json:"karaoke"`          // 1 when set, else 0
	Forced          int `json:"forced"`           // 1 when set, else 0
	HearingImpaired int `json:"hearing_impaired"` // 1 when set, else 0
	VisualImpaired  int `json:"visual_impaired"`  // 1 when set, else 0
	CleanEffects    int `json:"clean_effects"`    // 1 when set, else 0
	AttachedPic     int `json:"attached_pic"`     // 1 when set, else 0
	TimedThumbnails int `json:"timed_thumbnails"` // 1 when set, else 0
	Captions        int `json:"captions"`         // 1 when set, else 0
	Descriptions    int `json:"descriptions"`     // 1 when set, else 0
	Metadata        int `json:"metadata"`         // 1 when set, else 0
	Dependent       int `json:"dependent"`        // 1 when set, else 0
	StillImage      int `json:"still_image"`      // 1 when set, else 0
}

// MarshalJSON renders d as ffprobe's disposition object, compact.
func (d StreamDisposition) MarshalJSON() ([]byte, error) { return ordered.Struct(d, nil) }

// Tag is one metadata entry.
type Tag struct {
	Key, Value string // ffmpeg's key name, in the file's case, and the value
}

// Tags are a format's or stream's metadata in ffprobe's order, its JSON
// object. go-ffprobe's Tags is a map, which loses that order; the accessors
// are the same.
type Tags []Tag

// ErrTagNotFound is what the Tags accessors return for a missing key.
var ErrTagNotFound = errors.New("tag not found")

// Get returns the value of key, matched as ffmpeg's dictionary matches it
// (ignoring ASCII case).
func (t Tags) Get(key string) (string, bool) {
	for _, e := range t {
		if container.KeyEqual(e.Key, key) {
			return e.Value, true
		}
	}
	return "", false
}

// GetString returns the value of tag, or ErrTagNotFound.
func (t Tags) GetString(tag string) (string, error) {
	if v, ok := t.Get(tag); ok {
		return v, nil
	}
	return "", ErrTagNotFound
}

// GetInt returns the value of tag as an integer, ErrTagNotFound, or the
// parse error.
func (t Tags) GetInt(tag string) (int64, error) {
	v, err := t.GetString(tag)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("int64 parsing error (%v): %w", v, err)
	}
	return n, nil
}

// GetFloat returns the value of tag as a float, ErrTagNotFound, or the
// parse error.
func (t Tags) GetFloat(tag string) (float64, error) {
	v, err := t.GetString(tag)
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, fmt.Errorf("float64 parsing error (%v): %w", v, err)
	}
	return f, nil
}

// MarshalJSON renders t as one JSON object, keys in order.
func (t Tags) MarshalJSON() ([]byte, error) {
	o := &ordered.Object{}
	for _, e := range t {
		o.Set(e.Key, e.Value)
	}
	return o.Marshal(""), nil
}

// UnmarshalJSON reads a JSON object of strings, keeping its order.
func (t *Tags) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("ffprobe: tags are not a JSON object")
	}
	list := Tags{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("ffprobe: tag %q: %w", k, err)
		}
		list = append(list, Tag{Key: k.(string), Value: v})
	}
	*t = list
	return nil
}
