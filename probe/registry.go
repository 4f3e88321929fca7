package probe

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/container/adts"
	"github.com/mediaprobe/mediaprobe/container/aiff"
	"github.com/mediaprobe/mediaprobe/container/amr"
	"github.com/mediaprobe/mediaprobe/container/ape"
	"github.com/mediaprobe/mediaprobe/container/asf"
	"github.com/mediaprobe/mediaprobe/container/au"
	"github.com/mediaprobe/mediaprobe/container/caf"
	"github.com/mediaprobe/mediaprobe/container/dsf"
	"github.com/mediaprobe/mediaprobe/container/flac"
	"github.com/mediaprobe/mediaprobe/container/flv"
	"github.com/mediaprobe/mediaprobe/container/gsm"
	"github.com/mediaprobe/mediaprobe/container/iff"
	"github.com/mediaprobe/mediaprobe/container/image"
	"github.com/mediaprobe/mediaprobe/container/ivf"
	"github.com/mediaprobe/mediaprobe/container/matroska"
	"github.com/mediaprobe/mediaprobe/container/mp3"
	"github.com/mediaprobe/mediaprobe/container/mp4"
	"github.com/mediaprobe/mediaprobe/container/mpc"
	"github.com/mediaprobe/mediaprobe/container/mpegps"
	"github.com/mediaprobe/mediaprobe/container/mpegts"
	"github.com/mediaprobe/mediaprobe/container/ogg"
	"github.com/mediaprobe/mediaprobe/container/rawaudio"
	"github.com/mediaprobe/mediaprobe/container/rawvideo"
	"github.com/mediaprobe/mediaprobe/container/riff"
	"github.com/mediaprobe/mediaprobe/container/shn"
	"github.com/mediaprobe/mediaprobe/container/subtitle"
	"github.com/mediaprobe/mediaprobe/container/tak"
	"github.com/mediaprobe/mediaprobe/container/tta"
	"github.com/mediaprobe/mediaprobe/container/voc"
	"github.com/mediaprobe/mediaprobe/container/wavpack"
)

// demuxers is every container family the probe knows, in FFmpeg's
// registration order (libavformat/allformats.c), so that the same ties go the
// same way. It holds values made once, which nothing outside this package
// can reach. Adding a format is one line here.
var demuxers = [...]container.Demuxer{
	adts.Demuxer(),
	rawaudio.AC3(),
	aiff.Demuxer(),
	amr.Storage(),
	amr.NB(),
	amr.WB(),
	ape.Demuxer(),
	asf.Demuxer(),
	subtitle.ASS(),
	au.Demuxer(),
	riff.AVI(),
	caf.Demuxer(),
	dsf.Demuxer(),
	rawaudio.DTS(),
	rawaudio.EAC3(),
	flac.Demuxer(),
	flv.Demuxer(),
	flv.Live(),
	gsm.Demuxer(),
	rawvideo.H264(),
	rawvideo.HEVC(),
	iff.Demuxer(),
	image.Image2(),
	ivf.Demuxer(),
	rawvideo.M4V(),
	matroska.Demuxer(),
	mp4.Demuxer(),
	mp3.Demuxer(),
	mpc.SV7(),
	mpc.SV8(),
	mpegps.Demuxer(),
	mpegts.Demuxer(),
	rawvideo.MPEGVideo(),
	rawvideo.OBU(),
	ogg.Demuxer(),
	shn.Demuxer(),
	subtitle.SRT(),
	tak.Demuxer(),
	tta.Demuxer(),
	voc.Demuxer(),
	riff.W64(),
	riff.WAV(),
	subtitle.WebVTT(),
	wavpack.Demuxer(),
	image.BMPPipe(),
	image.JPEGPipe(),
	image.PNGPipe(),
	image.TIFFPipe(),
	image.WebPPipe(),
}
