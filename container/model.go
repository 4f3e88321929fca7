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
	Num, Den int64
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
	Offset int64  // byte offset of the image data in the object
	Length int64  // length of the image data in bytes
	MIME   string // MIME type as the container declares it, if any
	Type   int    // picture type (ID3v2/FLAC: 3 is the front cover), -1 if none
}

// Stream is one elementary stream as ffprobe describes it. Zero values mean
// "not known" unless a field says otherwise; the serialisers omit what
// ffprobe would print as N/A.
type Stream struct {
	Index int
	Type  MediaType
	ID    int64 // container-level id (track ID, PID); printed only when HasID
	HasID bool

	CodecName     string // ffmpeg's codec name ("aac", "pcm_s16le"); "" if unknown
	CodecLongName string // filled from the codec table when empty
	Profile       string // profile name as ffprobe prints it
	CodecTag      uint32 // the container's codec tag, little-endian fourcc order

	// Audio.
	SampleFmt     string // "fltp", "s16", ...
	SampleRate    int
	Channels      int
	ChannelLayout string // "stereo", "5.1(side)"; "" when unspecified
	BitsPerSample int    // av_get_bits_per_sample of the codec (0 for lossy)

	// Video.
	Width, Height           int
	CodedWidth, CodedHeight int
	HasBFrames              int
	SampleAspectRatio       Rational // 0/0 when unknown
	DisplayAspectRatio      Rational // computed from SAR and size when zero
	PixFmt                  string
	Level                   int // ffprobe prints -99 for unknown; set LevelUnknown
	ColorRange              string
	ColorSpace              string
	ColorTransfer           string
	ColorPrimaries          string
	ChromaLocation          string
	FieldOrder              string
	Refs                    int
	ClosedCaptions          bool
	FilmGrain               bool
	// DisplayMatrix is the stream's display matrix (tkhd), if the container has
	// a non-identity one; Rotation is derived from it.
	DisplayMatrix *[9]int32

	RFrameRate   Rational // r_frame_rate
	AvgFrameRate Rational // avg_frame_rate
	TimeBase     Rational
	StartPTS     int64 // in TimeBase; NoPTS if unknown
	DurationTS   int64 // in TimeBase; NoPTS if unknown

	BitRate          int64 // 0 if unknown
	MaxBitRate       int64
	BitsPerRawSample int
	NbFrames         int64 // 0 if unknown
	ExtradataSize    int

	Disposition Disposition
	Tags        Tags

	// Picture is set for attached pictures (Disposition has
	// DispositionAttachedPic): where the image bytes are in the object.
	Picture *Picture
}

// LevelUnknown is the level ffprobe prints for a video stream whose codec
// has no level (FF_LEVEL_UNKNOWN).
const LevelUnknown = -99

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

	ProbeScore int
	NbPrograms int
	Tags       Tags

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
	Format  Format
	Streams []*Stream
	Stats   Stats
}

// NewInfo returns an Info with unknown start time and duration.
func NewInfo(name, longName string) *Info {
	return &Info{Format: Format{Name: name, LongName: longName, StartTime: NoPTS, Duration: NoPTS}}
}

// AddStream appends a stream of type t with unknown timestamps and returns
// it; its Index is its position. It is for building an Info by hand (to
// serialise it, or in a test): demuxers add streams through
// Budget.AddStream, which enforces the stream limit.
func (info *Info) AddStream(t MediaType) *Stream {
	s := &Stream{
		Index:      len(info.Streams),
		Type:       t,
		StartPTS:   NoPTS,
		DurationTS: NoPTS,
	}
	info.Streams = append(info.Streams, s)
	return s
}
