package container

// Options are the per-probe choices that reach a demuxer.
type Options struct {
	// AccurateDuration asks for the true duration where ffprobe prints an
	// estimate (a VBR mp3 with no Xing header): it costs more reads.
	AccurateDuration bool
}

// Demuxer is one container family, in the manner of FFmpeg's AVInputFormat:
// ffprobe's format name, a pure probe function and a header reader.
type Demuxer struct {
	// Name is ffprobe's format_name ("mov,mp4,m4a,3gp,3g2,mj2").
	Name string
	// LongName is ffprobe's format_long_name.
	LongName string
	// Probe scores the head of the object (after any ID3v2 tag, which the
	// caller skips) from 0 to 100 on FFmpeg's scale: 100 certain, 50 a magic
	// number only, 25 or less "read more". It must not allocate or panic on
	// any input.
	Probe func(head []byte) int
	// Read parses the headers from src, starting at start (the first byte
	// after any leading ID3v2 tags, which the caller reads, as
	// avformat_open_input does), and returns what it learned. Where the
	// object is partly readable it returns the partial Info together with
	// the error; it may return a nil Info with an error. The caller fills
	// what FFmpeg derives generically (codec long names, timings, bit rates)
	// afterwards: see the probe package.
	Read func(src Source, start int64, opts Options) (*Info, error)
}
