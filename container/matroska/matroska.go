// Package matroska reads Matroska and WebM files (FFmpeg's
// "matroska,webm") as ffprobe 5.1 describes them: the EBML header, the
// Segment's level-1 elements (SeekHead, Info, Tracks, Tags, Chapters,
// Attachments) found in order before the first Cluster and through the
// SeekHead, and the first blocks of each track, from which the codecs
// report what their decoders and parsers would.
//
// It mirrors libavformat/matroskadec.c (matroska_probe, matroska_read_header,
// matroska_parse_tracks, matroska_convert_tags) and what
// avformat_find_stream_info learns from the first packets. Clusters are
// never scanned: only the first one is read, and only as far as each track's
// first block, within a bound.
//
// Specification: RFC 8794 (EBML) and RFC 9559 (Matroska).
package matroska

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
)

// Demuxer returns the Matroska/WebM demuxer.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "mkv,mk3d,mka,mks,webm",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "matroska,webm"
	longName = "Matroska / WebM"
)

// ebmlHeaderID is the EBML element ID every EBML document begins with.
const ebmlHeaderID = 0x1A45DFA3

// docTypes are the DocType values that make an EBML document Matroska.
var docTypes = [...]string{"matroska", "webm"}

// probe scores as matroska_probe does: an EBML header whose bytes (all of
// them in the head, unless its size is unknown) contain a known DocType
// string is certain; another EBML header scores as an extension match.
func probe(b []byte) int {
	if len(b) < 5 || binary.BigEndian.Uint32(b) != ebmlHeaderID {
		return 0
	}
	// The header's size, an EBML variable-size integer.
	first := uint64(b[4])
	size := 1
	mask := uint64(0x80)
	for size <= 8 && first&mask == 0 {
		size++
		mask >>= 1
	}
	if size > 8 || len(b) < 4+size {
		return 0
	}
	total := first & (mask - 1)
	for n := 1; n < size; n++ {
		total = total<<8 | uint64(b[4+n])
	}
	body := b[4+size:]
	if total+1 == 1<<(7*size) {
		// Unknown size: the whole head is searched.
		total = uint64(len(body))
	} else if uint64(len(body)) < total {
		return 0
	}
	body = body[:total]
	for _, d := range docTypes {
		if bytes.Contains(body, []byte(d)) {
			return 100
		}
	}
	return 50 // AVPROBE_SCORE_EXTENSION: EBML, but no known DocType
}
