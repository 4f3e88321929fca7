package probe

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/container/adts"
	"github.com/mediaprobe/mediaprobe/container/aiff"
	"github.com/mediaprobe/mediaprobe/container/flac"
	"github.com/mediaprobe/mediaprobe/container/mp3"
	"github.com/mediaprobe/mediaprobe/container/mp4"
	"github.com/mediaprobe/mediaprobe/container/ogg"
	"github.com/mediaprobe/mediaprobe/container/riff"
)

// demuxers is every container family the probe knows, in FFmpeg's
// registration order (libavformat/allformats.c), so that the same ties go the
// same way. Adding a format is one line here.
var demuxers = []*container.Demuxer{
	&adts.Demuxer,
	&aiff.Demuxer,
	&flac.Demuxer,
	&mp4.Demuxer,
	&mp3.Demuxer,
	&ogg.Demuxer,
	&riff.W64,
	&riff.WAV,
}

// extensions are the file-name extensions of each format (the demuxers'
// "extensions" in FFmpeg), used only as the weak hint ffprobe makes of them.
var extensions = map[string][]string{
	"aac":  {"aac"},
	"aiff": {"aif", "aiff", "afc", "aifc"},
	"flac": {"flac"},
	"mp3":  {"mp2", "mp3", "m2a", "mpa"},
	"ogg":  {"ogg"},
	"mov,mp4,m4a,3gp,3g2,mj2": {"mov", "mp4", "m4a", "3gp", "3g2", "mj2", "psp", "m4b", "ism", "ismv", "isma", "f4v",
		"avif", "heic", "heif"},
	"w64": {"w64"},
	"wav": {"wav"},
}

// mp3, aac, tta and wav turn ID3v2 pictures into streams
// (avformat_open_input); the other formats ignore them.
var id3PictureFormats = map[string]bool{"mp3": true, "aac": true, "tta": true, "wav": true}
