package container

import "fmt"

// NoPTS marks an unknown timestamp or duration, as AV_NOPTS_VALUE does in
// FFmpeg. Stream.StartPTS, Stream.DurationTS, Format.StartTime and
// Format.Duration hold it when the value is not known.
const NoPTS int64 = -1 << 63

// TimeBaseMicro is the time base of Format.StartTime and Format.Duration:
// microseconds, FFmpeg's AV_TIME_BASE.
var TimeBaseMicro = Rational{1, 1000000}

// Rational is an exact fraction, such as a time base (1/44100), a frame rate
// (30000/1001) or an aspect ratio (16:9). The zero value, 0/0, means unknown,
// as ffprobe prints it.
type Rational struct {
	Num int64 // numerator
	Den int64 // denominator; 0 with Num 0 is unknown
}

// String renders r as ffprobe prints a rational field: "1/44100".
func (r Rational) String() string { return fmt.Sprintf("%d/%d", r.Num, r.Den) }

// Ratio renders r as ffprobe prints an aspect ratio: "16:9".
func (r Rational) Ratio() string { return fmt.Sprintf("%d:%d", r.Num, r.Den) }

// Valid reports whether r has a non-zero numerator and denominator.
func (r Rational) Valid() bool { return r.Num != 0 && r.Den != 0 }

// Float returns r as a float64, 0 when the denominator is 0.
func (r Rational) Float() float64 {
	if r.Den == 0 {
		return 0
	}
	return float64(r.Num) / float64(r.Den)
}

// Reduce returns r in lowest terms with a positive denominator, limited to
// numerators and denominators of at most max, as av_reduce does.
func (r Rational) Reduce(max int64) Rational {
	n, d, _ := reduce(r.Num, r.Den, max)
	return Rational{n, d}
}

// MediaType is the kind of a stream, as ffprobe's codec_type names it.
type MediaType int

// The media types ffprobe distinguishes.
const (
	Unknown MediaType = iota
	Video
	Audio
	Data
	Subtitle
	Attachment
)

// String returns ffprobe's codec_type: "audio", "video", ...
func (t MediaType) String() string {
	switch t {
	case Video:
		return "video"
	case Audio:
		return "audio"
	case Data:
		return "data"
	case Subtitle:
		return "subtitle"
	case Attachment:
		return "attachment"
	}
	return "unknown"
}

// Disposition is the set of AV_DISPOSITION_* flags of a stream.
type Disposition uint32

// The disposition flags, in the order ffprobe prints them.
const (
	DispositionDefault Disposition = 1 << iota
	DispositionDub
	DispositionOriginal
	DispositionComment
	DispositionLyrics
	DispositionKaraoke
	DispositionForced
	DispositionHearingImpaired
	DispositionVisualImpaired
	DispositionCleanEffects
	DispositionAttachedPic
	DispositionTimedThumbnails
	DispositionCaptions
	DispositionDescriptions
	DispositionMetadata
	DispositionDependent
	DispositionStillImage
)

// DispositionNames are ffprobe's names of the disposition flags, bit 0 first.
var DispositionNames = [...]string{
	"default", "dub", "original", "comment", "lyrics", "karaoke", "forced",
	"hearing_impaired", "visual_impaired", "clean_effects", "attached_pic",
	"timed_thumbnails", "captions", "descriptions", "metadata", "dependent",
	"still_image",
}

// Picture locates an embedded image (cover art) in the object, so that a
// caller can fetch it later with one range request.
type Picture struct {
	// Offset is the byte offset of the image in the object, where the
	// Length bytes there are the image as it is; -1 where no range of the
	// object is the image (an unsynchronised or compressed ID3v2 frame, a
	// base64 picture in a Vorbis comment).
	Offset int64
	Length int64  // length of the image in bytes
	MIME   string // MIME type as the container declares it, if any
	Type   int    // picture type (ID3v2/FLAC: 3 is the front cover), -1 if none
}

// Stream is one elementary stream as ffprobe describes it. Zero values mean
// "not known" unless a field says otherwise; the serialisers omit what
// ffprobe would print as N/A.
type Stream struct {
	Index int       // the stream's position in Info.Streams, ffprobe's index
	Type  MediaType // audio, video, subtitle, data or attachment (codec_type)
	ID    int64     // container-level id (track ID, PID); printed only when HasID
	HasID bool      // the container gives the stream an id

	CodecName     string // ffmpeg's codec name ("aac", "pcm_s16le"); "" if unknown
	CodecLongName string // filled from the codec table when empty
	Profile       string // profile name as ffprobe prints it
	CodecTag      uint32 // the container's codec tag, little-endian fourcc order

	// Audio.
	SampleFmt     string // the decoder's sample format: "fltp", "s16", ...
	SampleRate    int    // samples per second
	Channels      int    // channel count
	ChannelLayout string // "stereo", "5.1(side)"; "" when unspecified
	BitsPerSample int    // av_get_bits_per_sample of the codec (0 for lossy)

	// Video.
	Width, Height           int      // the picture size, in pixels (also a subtitle's canvas)
	CodedWidth, CodedHeight int      // the decoder's coded size, 0 where ffprobe prints none (MPEG-1/2)
	HasBFrames              int      // frames the decoder delays for reordering (has_b_frames)
	SampleAspectRatio       Rational // 0/0 when unknown; see DisplayAspectRatio
	PixFmt                  string   // the decoder's pixel format: "yuv420p", "yuvj444p", ...
	Level                   int      // LevelUnknown (AddStream's default) when the codec has none
	ColorRange              string   // "tv", "pc"; "" when unspecified
	ColorSpace              string   // the matrix: "bt709", "bt470bg", ...; "" when unspecified
	ColorTransfer           string   // the transfer characteristic: "smpte2084", ...; "" when unspecified
	ColorPrimaries          string   // "bt709", "bt2020", ...; "" when unspecified
	ChromaLocation          string   // "left", "center", "topleft", ...; "" when unspecified
	FieldOrder              string   // "progressive", "tt", "bb", "tb", "bt"; "" when unknown
	Refs                    int      // the decoder's reference frames; 1 (AddStream's default) unless it says more
	ClosedCaptions          bool     // the stream carries closed captions (ffprobe's closed_captions)
	FilmGrain               bool     // the stream carries film grain parameters (film_grain)

	// DecoderOptions are what FFmpeg's decoder for the codec exports, which
	// ffprobe prints after refs: nil when the decoder exports none or they
	// are not known.
	DecoderOptions DecoderOptions

	RFrameRate   Rational // r_frame_rate: the lowest rate all timestamps fit; 0/0 if unknown
	AvgFrameRate Rational // avg_frame_rate; 0/0 if unknown
	TimeBase     Rational // the unit of StartPTS and DurationTS, in seconds
	StartPTS     int64    // in TimeBase; NoPTS if unknown
	DurationTS   int64    // in TimeBase; NoPTS if unknown

	BitRate          int64 // bit/s; 0 if unknown
	MaxBitRate       int64 // bit/s, as the container or codec declares it; 0 if unknown
	BitsPerRawSample int   // the decoder's bits per raw sample; 0 if unknown
	NbFrames         int64 // 0 if unknown
	ExtradataSize    int   // the bytes of the codec configuration (extradata) the decoder is given

	Disposition Disposition // default, forced, attached_pic, ... as flags
	Tags        Tags        // the stream's metadata, in the container's order

	// SideData are the stream's side data entries in the order FFmpeg
	// attached them, which is the order ffprobe prints them in
	// side_data_list; add to it with AddSideData. The display matrix of a
	// rotated video is here ([DisplayMatrix]; see Rotation).
	SideData []SideData

	// Picture is set for attached pictures (Disposition has
	// DispositionAttachedPic): where the image bytes are in the object.
	Picture *Picture
}

// LevelUnknown is the level ffprobe prints for a video stream whose codec
// has no level (FF_LEVEL_UNKNOWN).
const LevelUnknown = -99

// DecoderOptions are the private options that FFmpeg's decoder for a codec
// exports (AVOptions flagged AV_OPT_FLAG_EXPORT), which ffprobe prints as
// strings after refs (print_stream, show_private_data). Each decoder that
// has some is its own Go type: [H264Options], [MPEG4Options].
type DecoderOptions interface {
	decoderOptions()
}

// H264Options are the h264 decoder's exported options, which ffprobe prints
// as "is_avc" ("true"/"false") and "nal_length_size" for every h264 stream.
type H264Options struct {
	// IsAVC is set when the extradata is an avcC record (its first byte is
	// 1), so that NAL units are length-prefixed (ff_h264_decode_extradata);
	// clear for Annex B streams (MPEG-TS, raw h264).
	IsAVC bool
	// NALLengthSize is the size of those length prefixes, avcC's
	// lengthSizeMinusOne + 1; 0 for Annex B.
	NALLengthSize int
}

// MPEG4Options are the mpeg4 (MPEG-4 part 2) decoder's exported options,
// which ffprobe prints as "quarter_sample" and "divx_packed".
type MPEG4Options struct {
	QuarterSample bool // the VOL header's quarter_sample flag
	DivXPacked    bool // DivX packed B-frames (user data "DivX...p")
}

func (H264Options) decoderOptions()  {}
func (MPEG4Options) decoderOptions() {}

// IsCover reports whether s is an attached picture (cover art).
func (s *Stream) IsCover() bool { return s.Disposition&DispositionAttachedPic != 0 }

// Format describes the container as a whole, as ffprobe's format section.
type Format struct {
	Name     string // ffprobe format_name ("mov,mp4,m4a,3gp,3g2,mj2")
	LongName string // ffprobe format_long_name

	StartTime int64 // microseconds; NoPTS if unknown
	Duration  int64 // microseconds; NoPTS if unknown
	Size      int64 // bytes of the object
	BitRate   int64 // bit/s; 0 if unknown

	ProbeScore int  // the detection score, 1 to 100 (FFmpeg's probe_score)
	NbPrograms int  // programs (MPEG-TS); 0 elsewhere
	Tags       Tags // the container's metadata, in its order

	// DataOffset is where the payload begins (FFmpeg's data_offset: the
	// position after read_header). The bit-rate duration estimate counts
	// only the bytes after it. Zero means the start the demuxer was given.
	DataOffset int64

	// DurationFromBitRate is set by the timing pass when the duration was
	// estimated from the bit rate and the size, as ffmpeg warns it may be
	// inaccurate.
	DurationFromBitRate bool
}

// Stats counts what a probe cost: the reads issued to the caller's source
// and the bytes they returned, and what it spent of its budget
// (see Budget).
type Stats struct {
	Reads          int64 // calls to the caller's ReadAt
	BytesRead      int64 // bytes those calls returned
	BytesAllocated int64 // bytes of object data taken into memory
	BytesInflated  int64 // bytes decompressed
	Structures     int64 // structures visited: boxes, pages, chunks, frames, tags
}

// Info is everything a probe learns about one object.
type Info struct {
	Format  Format    // the container as a whole
	Streams []*Stream // in ffprobe's order
	// Programs are the programs of a multiplex (MPEG-TS), in ffprobe's
	// order; Format.NbPrograms counts them.
	Programs []Program
	Stats    Stats // what the probe cost
}

// NewInfo returns an Info with unknown start time and duration.
func NewInfo(name, longName string) *Info {
	return &Info{Format: Format{Name: name, LongName: longName, StartTime: NoPTS, Duration: NoPTS}}
}

// AddStream appends a stream of type t with unknown timestamps and returns
// it; its Index is its position. It is for building an Info by hand (to
// serialise it, or in a test): demuxers add streams through
// Budget.AddStream, which enforces the stream limit.
//
// The stream starts with the defaults FFmpeg gives every new stream, so
// that a demuxer need not remember them: level LevelUnknown
// (avcodec_parameters_reset's FF_LEVEL_UNKNOWN) and one reference frame
// (the "refs" default of AVCodecContext), which ffprobe prints for video.
// They do not depend on t, as a demuxer may learn the type later.
func (info *Info) AddStream(t MediaType) *Stream {
	s := &Stream{
		Index:      len(info.Streams),
		Type:       t,
		StartPTS:   NoPTS,
		DurationTS: NoPTS,
		Level:      LevelUnknown,
		Refs:       1,
	}
	info.Streams = append(info.Streams, s)
	return s
}

// Program is one program of a multiplex (an MPEG-TS service), as ffprobe's
// programs section describes it.
type Program struct {
	ID      int   // program_number (service id)
	PMTPID  int   // the PID of its program map table
	PCRPID  int   // the PID carrying its clock, -1 if unknown
	Streams []int // indexes of its streams in Info.Streams
	Tags    Tags  // service_name and service_provider from the DVB SDT
}
