// Package ffprobe renders a [container.Info] as the JSON of
// `ffprobe -v error -show_format -show_streams -of json` (ffprobe 5.1): the
// same keys in the same order, the same string and number types, values
// that ffprobe prints as N/A left out as its JSON writer leaves them out.
//
// [New] gives the document as Go values, a [ProbeData] with its [Format]
// and [Stream] values, which have the field names, types and helpers of go-ffprobe's
// (gopkg.in/vansante/go-ffprobe.v2) where it has them: code that reads
// go-ffprobe's result reads this one. Their JSON is ffprobe's byte for
// byte: ffprobe 5.1's own output (with -show_programs too) unmarshals into
// them and marshals back to the same bytes, as [Marshal]'s does.
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
	b, err := New(info).MarshalJSON()
	if err != nil {
		// Every value New builds renders; this is a programmer error.
		panic(err)
	}
	return ordered.Indent(b, indent)
}

// New returns info as ffprobe's document: the format and the streams, as
// -show_format -show_streams print them. Set Programs with [Programs] to
// add what -show_programs prints.
func New(info *container.Info) *ProbeData {
	p := &ProbeData{Streams: make([]*Stream, 0, len(info.Streams))}
	for _, st := range info.Streams {
		p.Streams = append(p.Streams, newStream(st))
	}
	p.Format = newFormat(&info.Format, len(info.Streams))
	return p
}

// Programs returns the programs of info (an MPEG-TS multiplex) as
// -show_programs prints them, each with its streams; an empty list, not
// nil, when it has none, so that ProbeData prints "programs": [].
func Programs(info *container.Info) []*Program {
	out := []*Program{}
	for _, pr := range info.Programs {
		p := &Program{
			ProgramID:  pr.ID,
			ProgramNum: pr.ID,
			NBStreams:  len(pr.Streams),
			PMTPID:     pr.PMTPID,
			PCRPID:     pr.PCRPID,
			TagList:    tags(pr.Tags),
			Streams:    make([]*Stream, 0, len(pr.Streams)),
		}
		for _, i := range pr.Streams {
			if i >= 0 && i < len(info.Streams) {
				p.Streams = append(p.Streams, newStream(info.Streams[i]))
			}
		}
		out = append(out, p)
	}
	return out
}

// Program is one entry of -show_programs' programs array.
type Program struct {
	ProgramID  int       `json:"program_id"`     // the program's id (its program_number in MPEG-TS)
	ProgramNum int       `json:"program_num"`    // program_number
	NBStreams  int       `json:"nb_streams"`     // streams of the program
	PMTPID     int       `json:"pmt_pid"`        // PID of its program map table
	PCRPID     int       `json:"pcr_pid"`        // PID of its clock, -1 if unknown
	TagList    Tags      `json:"tags,omitempty"` // service_name, service_provider
	Streams    []*Stream `json:"streams"`        // its streams, as in ProbeData.Streams
}

// MarshalJSON renders p as ffprobe prints a program, compact.
func (p Program) MarshalJSON() ([]byte, error) { return ordered.Struct(p, nil) }

// timeText renders ts in time base tb as ffprobe's print_time does ("%f"
// of ts*av_q2d(tb)); ok is false where ffprobe prints N/A.
func timeText(ts int64, tb container.Rational) (string, bool) {
	if ts == container.NoPTS || tb.Den == 0 {
		return "", false
	}
	return fmt.Sprintf("%f", float64(ts)*(float64(tb.Num)/float64(tb.Den))), true
}

// Seconds returns ts in time base tb as the number ffprobe prints
// (print_time's "%f", six decimals); ok is false where ffprobe prints
// N/A. The cloud bodies derive their times from these printed values.
func Seconds(ts int64, tb container.Rational) (sec float64, ok bool) {
	s, ok := timeText(ts, tb)
	if !ok {
		return 0, false
	}
	sec, _ = strconv.ParseFloat(s, 64)
	return sec, true
}

func newFormat(f *container.Format, nbStreams int) *Format {
	o := &Format{
		NBStreams:      nbStreams,
		NBPrograms:     f.NbPrograms,
		FormatName:     f.Name,
		FormatLongName: f.LongName,
		Size:           strconv.FormatInt(f.Size, 10),
		ProbeScore:     f.ProbeScore,
		TagList:        tags(f.Tags),
	}
	if s, ok := timeText(f.StartTime, container.TimeBaseMicro); ok {
		o.startTime = s
		o.StartTimeSeconds, _ = strconv.ParseFloat(s, 64)
	}
	if s, ok := timeText(f.Duration, container.TimeBaseMicro); ok {
		o.duration = s
		o.DurationSeconds, _ = strconv.ParseFloat(s, 64)
	}
	if f.BitRate > 0 {
		o.BitRate = strconv.FormatInt(f.BitRate, 10)
	}
	return o
}

func newStream(st *container.Stream) *Stream {
	o := &Stream{Index: st.Index}
	if st.CodecName != "" {
		o.CodecName = st.CodecName
		o.CodecLongName = st.CodecLongName
		if o.CodecLongName == "" {
			o.CodecLongName = codec.LongName(st.CodecName)
		}
	}
	o.Profile = st.Profile
	if st.Type != container.Unknown {
		o.CodecType = st.Type.String()
	}
	o.CodecTagString = codec.TagString(st.CodecTag)
	o.CodecTag = fmt.Sprintf("0x%04x", st.CodecTag)
	// ffprobe prints what comes from the decoder only when FFmpeg has one
	// for the codec (print_stream's dec_ctx).
	decoder := codec.HasDecoder(st.CodecName)
	switch st.Type {
	case container.Video:
		o.Width, o.Height = st.Width, st.Height
		if decoder {
			o.CodedWidth, o.CodedHeight = ptr(st.CodedWidth), ptr(st.CodedHeight)
			o.ClosedCaptions, o.FilmGrain = ptr(b2i(st.ClosedCaptions)), ptr(b2i(st.FilmGrain))
		}
		o.HasBFrames = st.HasBFrames
		if sar := st.SampleAspectRatio; sar.Num != 0 && sar.Den != 0 {
			o.SampleAspectRatio = sar.Ratio()
			o.DisplayAspectRatio = st.DisplayAspectRatio().Ratio()
		}
		o.PixFmt = st.PixFmt
		o.Level = st.Level
		o.ColorRange, o.ColorSpace = st.ColorRange, st.ColorSpace
		o.ColorTransfer, o.ColorPrimaries = st.ColorTransfer, st.ColorPrimaries
		o.ChromaLocation, o.FieldOrder = st.ChromaLocation, st.FieldOrder
		if decoder {
			o.Refs = ptr(st.Refs)
		}
	case container.Audio:
		o.SampleFmt = st.SampleFmt
		o.SampleRate = strconv.Itoa(st.SampleRate)
		o.Channels = st.Channels
		o.ChannelLayout = st.ChannelLayout
		o.BitsPerSample = st.BitsPerSample
	case container.Subtitle:
		o.Width, o.Height = st.Width, st.Height
	}
	if decoder {
		decoderOptions(o, st)
	}
	if st.HasID {
		o.ID = fmt.Sprintf("0x%x", st.ID)
	}
	o.RFrameRate = st.RFrameRate.String()
	o.AvgFrameRate = st.AvgFrameRate.String()
	o.TimeBase = st.TimeBase.String()
	if st.StartPTS != container.NoPTS {
		o.StartPts = ptr(st.StartPTS)
	}
	o.StartTime, _ = timeText(st.StartPTS, st.TimeBase)
	if st.DurationTS != container.NoPTS {
		o.DurationTs = ptr(st.DurationTS)
	}
	o.Duration, _ = timeText(st.DurationTS, st.TimeBase)
	if st.BitRate > 0 {
		o.BitRate = strconv.FormatInt(st.BitRate, 10)
	}
	if st.MaxBitRate > 0 {
		o.MaxBitRate = strconv.FormatInt(st.MaxBitRate, 10)
	}
	if st.BitsPerRawSample > 0 {
		o.BitsPerRawSample = strconv.Itoa(st.BitsPerRawSample)
	}
	if st.NbFrames > 0 {
		o.NbFrames = strconv.FormatInt(st.NbFrames, 10)
	}
	if st.ExtradataSize > 0 {
		o.ExtradataSize = st.ExtradataSize
	}
	o.Disposition = disposition(st.Disposition)
	o.TagList = tags(st.Tags)
	for _, sd := range st.SideData {
		o.SideDataList = append(o.SideDataList, sideData(st, sd))
	}
	return o
}

// disposition spreads the flags over ffprobe's keys, bit i being
// container.DispositionNames[i].
func disposition(d container.Disposition) StreamDisposition {
	f := [17]int{}
	for i := range f {
		f[i] = b2i(d&(1<<i) != 0)
	}
	return StreamDisposition{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8],
		f[9], f[10], f[11], f[12], f[13], f[14], f[15], f[16]}
}

func tags(t container.Tags) Tags {
	if t.Len() == 0 {
		return nil
	}
	out := make(Tags, 0, t.Len())
	for k, v := range t.All() {
		out = append(out, Tag{Key: k, Value: v})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
