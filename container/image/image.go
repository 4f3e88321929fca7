// Package image reads still images the way FFmpeg's image demuxers do
// (libavformat/img2dec.c): "image2", which recognises an image by its
// file name's extension and takes the whole object as one frame, and the
// "piped" demuxers (png_pipe, jpeg_pipe, bmp_pipe, ...), which recognise
// one by its first bytes and read it as a stream of frames.
//
// ffprobe prints one video stream either way: the codec's view of the
// picture (size, pixel format, colour range, profile), a time base of 1/25
// and frame rates of 25/1 (the demuxers' framerate option). image2 also
// gives the stream a start of 0 and a duration of one frame, from which the
// format's duration and bit rate follow; a pipe gives neither.
//
// Only the image's header is read: what codec/picture needs (the PNG chunks
// before IDAT, the JPEG segments up to the frame header, a BMP or GIF
// header).
package image

import (
	"path"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Probe scores on FFmpeg's scale.
const (
	scoreMax       = 100
	scoreExtension = 50
)

// frameRate is the demuxers' default framerate option, which is also the
// stream's time base (1/25).
var frameRate = container.Rational{Num: 25, Den: 1}

// pipe is one of FFmpeg's piped image demuxers: its probe and the codec of
// its frames.
type pipe struct {
	name  string // format name without "_pipe"
	codec string
	probe func([]byte) int
	// describable: codec/picture reads this codec's header; the others
	// are recognised and refused (ErrUnsupported).
	describable bool
}

// The piped demuxers the probe knows, in FFmpeg's registration order,
// which is also the order in which image2 asks their probes for the codec
// of its file.
var (
	bmpPipe  = pipe{"bmp", "bmp", probeBMP, true}
	jpegPipe = pipe{"jpeg", "mjpeg", probeJPEG, true}
	pngPipe  = pipe{"png", "png", probePNG, true}
	tiffPipe = pipe{"tiff", "tiff", probeTIFF, false}
	webpPipe = pipe{"webp", "webp", probeWebP, false}
	pipes    = [...]*pipe{&bmpPipe, &jpegPipe, &pngPipe, &tiffPipe, &webpPipe}
)

// Image2 returns FFmpeg's "image2" demuxer, which scores only the object's
// name: 50 for an image extension (the image pipes' content probes beat it
// with 51 and more), 52 with a glob character, 5 for "raw" and "gif".
func Image2() container.Demuxer {
	return container.Demuxer{
		Name:      "image2",
		LongName:  "image2 sequence",
		Probe:     func([]byte) int { return 0 },
		ProbeName: probeName,
		Read:      readImage2,
	}
}

// BMPPipe returns FFmpeg's "bmp_pipe" demuxer.
func BMPPipe() container.Demuxer { return bmpPipe.demuxer() }

// JPEGPipe returns FFmpeg's "jpeg_pipe" demuxer.
func JPEGPipe() container.Demuxer { return jpegPipe.demuxer() }

// PNGPipe returns FFmpeg's "png_pipe" demuxer.
func PNGPipe() container.Demuxer { return pngPipe.demuxer() }

// TIFFPipe returns FFmpeg's "tiff_pipe" demuxer, which recognises TIFF
// images and refuses them (ErrUnsupported): their header is not read yet.
func TIFFPipe() container.Demuxer { return tiffPipe.demuxer() }

// WebPPipe returns FFmpeg's "webp_pipe" demuxer, which recognises WebP
// images and refuses them (ErrUnsupported): their header is not read yet.
func WebPPipe() container.Demuxer { return webpPipe.demuxer() }

func (p *pipe) demuxer() container.Demuxer {
	d := container.Demuxer{
		Name:     p.name + "_pipe",
		LongName: "piped " + p.name + " sequence",
		Probe:    p.probe,
	}
	if !p.describable {
		d.Read = demuxkit.ReadUnsupported(d.Name, d.LongName)
		return d
	}
	d.Read = func(src container.Source, start int64, _ container.Options) (*container.Info, error) {
		return read(src, start, d.Name, d.LongName, p.codec, false)
	}
	return d
}

// imageExtensions are the extensions ff_guess_image2_codec knows
// (libavformat/img2.c ff_img_tags), FFmpeg 5.1's list.
var imageExtensions = []string{
	"jpeg", "jpg", "jps", "mpo", "ljpg", "jls", "png", "pns", "mng", "ppm", "pnm",
	"pgm", "pgmyuv", "pbm", "pam", "pfm", "phm", "y", "raw", "bmp", "tga", "tiff",
	"tif", "sgi", "ptx", "pcd", "pcx", "pgx", "sun", "ras", "rs", "im1", "im8",
	"im24", "im32", "sunras", "svg", "svgz", "j2c", "jp2", "jpc", "j2k", "dpx",
	"exr", "pic", "xbm", "xface", "xwd", "gif", "vbn", "qoi", "webp", "dds",
}

// probeName is img_read_probe, without the image-sequence patterns ("%d"
// in a name), which name many objects rather than one.
func probeName(filename string) int {
	ext := strings.TrimPrefix(path.Ext(filename), ".")
	known := false
	for _, e := range imageExtensions {
		if strings.EqualFold(e, ext) {
			known = true
			break
		}
	}
	switch {
	case !known:
		return 0
	case strings.ContainsAny(filename, "*?{"):
		return scoreExtension + 2
	case strings.EqualFold(ext, "raw"), strings.EqualFold(ext, "gif"):
		return 5
	}
	return scoreExtension
}

// probeBufSize is what ff_img_read_header gives the pipes' probes to find
// image2's codec.
const probeBufSize = 2048

// readImage2 is ff_img_read_header for one file: the codec is that of the
// first image pipe whose probe accepts the first 2 KiB.
func readImage2(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	const name, longName = "image2", "image2 sequence"
	head, err := demuxkit.ReadUpTo(src, start, probeBufSize, name, "image")
	if err != nil {
		return nil, err
	}
	if len(head) == 0 {
		return nil, demuxkit.Errorf(name, "image", start, container.ErrTruncated, "empty object")
	}
	for _, p := range pipes {
		if p.probe(head) > 0 {
			if !p.describable {
				return nil, demuxkit.Errorf(name, "image", start, container.ErrUnsupported, "%s images are recognised but not read yet", p.codec)
			}
			return read(src, start, name, longName, p.codec, true)
		}
	}
	return nil, demuxkit.Errorf(name, "image", start, container.ErrUnsupported, "no image codec recognises the content")
}

// read describes the image at start as one video stream. still: image2's
// one-frame timing (start 0, duration one frame).
func read(src container.Source, start int64, name, longName, codecName string, still bool) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	info.Format.Size = src.Size()
	st, err := src.Budget().AddStream(info, container.Video, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = codecName
	st.TimeBase = container.Rational{Num: frameRate.Den, Den: frameRate.Num}
	st.RFrameRate, st.AvgFrameRate = frameRate, frameRate
	if still {
		st.StartPTS, st.DurationTS = 0, 1
	}
	if err := picture.Describe(st, src, start, src.Size()-start, ""); err != nil {
		return info, err
	}
	return info, nil
}
