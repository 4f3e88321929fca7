// Package ffprobe renders a [container.Info] as the JSON of
// `ffprobe -v error -show_format -show_streams -of json` (ffprobe 5.1): the
// same keys in the same order, the same string and number types, values
// that ffprobe prints as N/A left out as its JSON writer leaves them out.
package ffprobe

import (
	"fmt"
	"strconv"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/internal/ordered"
)

// Indent is the indentation ffprobe's JSON writer uses.
const Indent = "    "

// Marshal returns info as ffprobe's JSON. indent "" gives compact JSON;
// Indent gives ffprobe's own layout.
func Marshal(info *container.Info, indent string) []byte {
	return Build(info).Marshal(indent)
}

// Build returns the document as an ordered object, for callers that add to it.
func Build(info *container.Info) *ordered.Object {
	doc := &ordered.Object{}
	streams := make([]*ordered.Object, 0, len(info.Streams))
	for _, st := range info.Streams {
		streams = append(streams, stream(st))
	}
	doc.Set("streams", streams)
	doc.Set("format", formatSection(&info.Format, len(info.Streams)))
	return doc
}

// Time renders ts in time base tb as ffprobe's print_time does ("%f" of
// ts*av_q2d(tb)); ok is false where ffprobe prints N/A.
func Time(ts int64, tb container.Rational) (string, bool) {
	if ts == container.NoPTS || tb.Den == 0 {
		return "", false
	}
	return fmt.Sprintf("%f", float64(ts)*(float64(tb.Num)/float64(tb.Den))), true
}

func formatSection(f *container.Format, nbStreams int) *ordered.Object {
	o := &ordered.Object{}
	o.Set("nb_streams", nbStreams)
	o.Set("nb_programs", f.NbPrograms)
	o.Set("format_name", f.Name)
	if f.LongName != "" {
		o.Set("format_long_name", f.LongName)
	}
	if s, ok := Time(f.StartTime, container.TimeBaseMicro); ok {
		o.Set("start_time", s)
	}
	if s, ok := Time(f.Duration, container.TimeBaseMicro); ok {
		o.Set("duration", s)
	}
	o.Set("size", strconv.FormatInt(f.Size, 10))
	if f.BitRate > 0 {
		o.Set("bit_rate", strconv.FormatInt(f.BitRate, 10))
	}
	o.Set("probe_score", f.ProbeScore)
	if t := tagsObject(f.Tags); t != nil {
		o.Set("tags", t)
	}
	return o
}

func stream(st *container.Stream) *ordered.Object {
	o := &ordered.Object{}
	o.Set("index", st.Index)
	if st.CodecName != "" {
		o.Set("codec_name", st.CodecName)
		long := st.CodecLongName
		if long == "" {
			long = codec.LongName(st.CodecName)
		}
		o.Set("codec_long_name", long)
	}
	if st.Profile != "" {
		o.Set("profile", st.Profile)
	}
	if st.Type != container.Unknown {
		o.Set("codec_type", st.Type.String())
	}
	o.Set("codec_tag_string", codec.TagString(st.CodecTag))
	o.Set("codec_tag", fmt.Sprintf("0x%04x", st.CodecTag))
	// ffprobe prints what comes from the decoder only when FFmpeg has one
	// for the codec (print_stream's dec_ctx).
	decoder := codec.HasDecoder(st.CodecName)
	switch st.Type {
	case container.Video:
		o.Set("width", st.Width)
		o.Set("height", st.Height)
		if decoder {
			o.Set("coded_width", st.CodedWidth)
			o.Set("coded_height", st.CodedHeight)
			o.Set("closed_captions", b2i(st.ClosedCaptions))
			o.Set("film_grain", b2i(st.FilmGrain))
		}
		o.Set("has_b_frames", st.HasBFrames)
		if sar := st.SampleAspectRatio; sar.Num != 0 && sar.Den != 0 {
			o.Set("sample_aspect_ratio", sar.Ratio())
			o.Set("display_aspect_ratio", st.DisplayAspectRatio().Ratio())
		}
		setStr(o, "pix_fmt", st.PixFmt)
		o.Set("level", st.Level)
		setStr(o, "color_range", st.ColorRange)
		setStr(o, "color_space", st.ColorSpace)
		setStr(o, "color_transfer", st.ColorTransfer)
		setStr(o, "color_primaries", st.ColorPrimaries)
		setStr(o, "chroma_location", st.ChromaLocation)
		setStr(o, "field_order", st.FieldOrder)
		if decoder {
			o.Set("refs", st.Refs)
		}
	case container.Audio:
		setStr(o, "sample_fmt", st.SampleFmt)
		o.Set("sample_rate", strconv.Itoa(st.SampleRate))
		o.Set("channels", st.Channels)
		setStr(o, "channel_layout", st.ChannelLayout)
		o.Set("bits_per_sample", st.BitsPerSample)
	case container.Subtitle:
		if st.Width != 0 {
			o.Set("width", st.Width)
		}
		if st.Height != 0 {
			o.Set("height", st.Height)
		}
	}
	if decoder {
		decoderOptions(o, st)
	}
	if st.HasID {
		o.Set("id", fmt.Sprintf("0x%x", st.ID))
	}
	o.Set("r_frame_rate", st.RFrameRate.String())
	o.Set("avg_frame_rate", st.AvgFrameRate.String())
	o.Set("time_base", st.TimeBase.String())
	if st.StartPTS != container.NoPTS {
		o.Set("start_pts", st.StartPTS)
	}
	if s, ok := Time(st.StartPTS, st.TimeBase); ok {
		o.Set("start_time", s)
	}
	if st.DurationTS != container.NoPTS {
		o.Set("duration_ts", st.DurationTS)
	}
	if s, ok := Time(st.DurationTS, st.TimeBase); ok {
		o.Set("duration", s)
	}
	if st.BitRate > 0 {
		o.Set("bit_rate", strconv.FormatInt(st.BitRate, 10))
	}
	if st.MaxBitRate > 0 {
		o.Set("max_bit_rate", strconv.FormatInt(st.MaxBitRate, 10))
	}
	if st.BitsPerRawSample > 0 {
		o.Set("bits_per_raw_sample", strconv.Itoa(st.BitsPerRawSample))
	}
	if st.NbFrames > 0 {
		o.Set("nb_frames", strconv.FormatInt(st.NbFrames, 10))
	}
	if st.ExtradataSize > 0 {
		o.Set("extradata_size", st.ExtradataSize)
	}
	d := &ordered.Object{}
	for i, name := range container.DispositionNames {
		d.Set(name, b2i(st.Disposition&(1<<i) != 0))
	}
	o.Set("disposition", d)
	if t := tagsObject(st.Tags); t != nil {
		o.Set("tags", t)
	}
	if len(st.SideData) > 0 {
		list := make([]*ordered.Object, 0, len(st.SideData))
		for _, sd := range st.SideData {
			list = append(list, sideData(st, sd))
		}
		o.Set("side_data_list", list)
	}
	return o
}

func tagsObject(t container.Tags) *ordered.Object {
	if t.Len() == 0 {
		return nil
	}
	o := &ordered.Object{}
	for k, v := range t.All() {
		o.Set(k, v)
	}
	return o
}

func setStr(o *ordered.Object, key, v string) {
	if v != "" {
		o.Set(key, v)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
