package container

// Options are the per-probe choices that reach a demuxer.
type Options struct {
	// AccurateDuration asks for the true duration where ffprobe prints an
	// estimate (a VBR mp3 with no Xing header): it costs more reads.
	AccurateDuration bool
}

// Demuxer is one container family, in the manner of FFmpeg's AVInputFormat:
// ffprobe's format name, the file-name extensions, what the probe does for
// the family, a pure probe function and a header reader. Each demuxer
// package returns its Demuxer as a value from a function, and the probe's
// table holds those values, so no importer can change detection.
type Demuxer struct {
	// Name is ffprobe's format_name ("mov,mp4,m4a,3gp,3g2,mj2").
	Name string
	// LongName is ffprobe's format_long_name.
	LongName string
	// Extensions are FFmpeg's extensions of the format, comma-separated
	// ("mp2,mp3,m2a,mpa"): only the weak hint detection takes from a file
	// name.
	Extensions string
	// Flags say what the probe does for this family around Read.
	Flags DemuxerFlags
	// Probe scores the head of the object (after any ID3v2 tag, which the
	// caller skips) from 0 to 100 on FFmpeg's scale: 100 certain, 50 a magic
	// number only, 25 or less "read more". It must not allocate or panic on
	// any input.
	Probe func(head []byte) int
	// ProbeName, when set, also scores the object's name (FFmpeg's image2
	// demuxer recognises a still image by its extension alone); detection
	// takes the larger of the two scores. It is called only with a
	// non-empty head and must not allocate.
	ProbeName func(filename string) int
	// Read parses the headers from src, starting at start (the first byte
	// after any leading ID3v2 tags, which the caller reads, as
	// avformat_open_input does), and returns what it learned. Where the
	// object is partly readable it returns the partial Info together with
	// the error; it may return a nil Info with an error. The caller fills
	// what FFmpeg derives generically (codec long names, timings, bit rates)
	// afterwards: see the probe package.
	Read func(src Source, start int64, opts Options) (*Info, error)
}

// DemuxerFlags are the things the probe does differently for some
// families, as avformat_open_input does by format name.
type DemuxerFlags uint

const (
	// ID3v2Pictures: the pictures (APIC frames) of the leading ID3v2 tags
	// become attached-picture streams after Read, with their PRIV frames
	// as format tags (ff_id3v2_parse_apic and ff_id3v2_parse_priv, which
	// avformat_open_input calls for mp3, aac, tta and wav only).
	ID3v2Pictures DemuxerFlags = 1 << iota
)
