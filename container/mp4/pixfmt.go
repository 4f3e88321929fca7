package mp4

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// The pixel formats FFmpeg 5.1's decoders of uncompressed and simple
// QuickTime video report as they open, from the codec, the sample entry's
// fourcc and its depth (bits_per_coded_sample), checked against ffprobe 5.1
// on files ffmpeg writes. Those that QuickTime shares with the other
// containers (the fixed-format decoders, rawvideo by fourcc) are codec's;
// the depth-driven lists of QuickTime's own fourccs are here.

// movPixFmt returns the decoder's pixel format for the QuickTime codecs
// whose output format the depth or the fourcc chooses, "" for the others.
func movPixFmt(name, tag string, depth int) string {
	switch name {
	case "rawvideo":
		if tag == "raw " || tag == "NO16" {
			// PIX_FMT_LIST_MOV by depth; up to 8 bits (and the grays,
			// 33 to 40) a palette.
			switch {
			case depth&0x1f <= 8 && depth > 0 && depth != 32:
				return "pal8"
			case depth == 16:
				return "rgb555be"
			case depth == 24:
				return "rgb24"
			case depth == 32:
				return "argb"
			}
			return ""
		}
		return codec.RawVideoPixFmt(codec.Fourcc(tag), depth)
	case "qtrle":
		switch depth {
		case 1, 33:
			return "monowhite"
		case 2, 4, 8, 34, 36, 40:
			return "pal8"
		case 16:
			return "rgb555le"
		case 24:
			return "rgb24"
		case 32:
			return "argb"
		}
		return ""
	case "gif":
		return "bgra" // gif_decode_init's AV_PIX_FMT_RGB32
	}
	return ""
}

// describePixFmt sets the pixel format (and what else the decoder sets
// when opened) of the codecs movPixFmt or codec.DescribeInit know.
func describePixFmt(st *container.Stream, tag string, depth int, extradata []byte) {
	if st.PixFmt != "" {
		return
	}
	if pf := movPixFmt(st.CodecName, tag, depth); pf != "" {
		st.PixFmt = pf
		return
	}
	codec.DescribeInit(st, depth, extradata)
}
