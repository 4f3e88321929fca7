package ogg

import "bytes"

// mapping is how one codec is carried in Ogg (struct ogg_codec in
// oggdec.h): the magic of its first header packet, its header packets and
// the rules that turn granule positions into time stamps.
type mapping struct {
	name  string
	magic string
	// header takes one packet while the stream reads its headers. It
	// returns 1 for a header packet and 0 for the first data packet, which
	// ends the headers; an error fails the whole probe, as
	// "Header processing failed" does in ffmpeg.
	header func(d *demux, os *ostream, pkt packet) (int, error)
	// first sets os.start (and os.adjust) from the first data packet and
	// the page it ends on; nil means the first packet's time stamp is 0.
	first func(os *ostream, pkt packet)
	// gptopts converts a granule position to a time stamp; nil is the
	// identity (ogg_gptopts).
	gptopts func(os *ostream, gp int64) int64
	// headersOnly: every packet is a header (skeleton), so the stream has
	// no first data packet to wait for.
	headersOnly bool
}

var (
	skeletonMapping = mapping{name: "skeleton", magic: "fishead\x00", header: skeletonHeader, headersOnly: true}
	speexMapping    = mapping{name: "speex", magic: "Speex   ", header: speexHeader, first: speexFirst}
	vorbisMapping   = mapping{name: "vorbis", magic: "\x01vorbis", header: vorbisHeader, first: vorbisFirst}
	theoraMapping   = mapping{name: "theora", magic: "\x80theora", header: theoraHeader, first: theoraFirst, gptopts: theoraGPToPTS}
	flacMapping     = mapping{name: "flac", magic: "\x7fFLAC", header: flacHeader}
	opusMapping     = mapping{name: "opus", magic: "OpusHead", header: opusHeader, first: opusFirst}
)

// mappings is searched in the order of ogg_codecs in oggdec.c. The codecs
// we do not implement (dirac, celt, vp8, old flac, ogm) leave
// their streams without a codec, as an unknown magic does.
var mappings = []*mapping{&skeletonMapping, &speexMapping, &vorbisMapping, &theoraMapping, &flacMapping, &opusMapping}

// findCodec identifies a stream from the start of its first page
// (ogg_find_codec).
func findCodec(b []byte) *mapping {
	for _, m := range mappings {
		if bytes.HasPrefix(b, []byte(m.magic)) {
			return m
		}
	}
	return nil
}

// gpToPTS is ogg_gptopts: the mapping's conversion, and NoPTS for a result
// that is negative as a signed number.
func gpToPTS(os *ostream, gp int64) int64 {
	pts := gp
	if os.codec != nil && os.codec.gptopts != nil {
		pts = os.codec.gptopts(os, gp)
	}
	if pts < 0 {
		return noPTS
	}
	return pts
}
