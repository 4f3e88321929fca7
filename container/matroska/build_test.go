package matroska

import (
	"encoding/binary"
	"math"
)

// Builders of EBML elements for the tests.

// vsize encodes n as an 8-byte EBML size.
func vsize(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	b[0] = 0x01
	return b
}

// idBytes encodes an element ID as written (its marker bit kept).
func idBytes(id uint32) []byte {
	switch {
	case id >= 1<<24:
		return []byte{byte(id >> 24), byte(id >> 16), byte(id >> 8), byte(id)}
	case id >= 1<<16:
		return []byte{byte(id >> 16), byte(id >> 8), byte(id)}
	case id >= 1<<8:
		return []byte{byte(id >> 8), byte(id)}
	}
	return []byte{byte(id)}
}

func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// el is a master or binary element of the given ID.
func el(id uint32, body ...[]byte) []byte {
	c := cat(body...)
	return cat(idBytes(id), vsize(uint64(len(c))), c)
}

// unknownEl is an element of unknown size (the 1-byte 0xFF encoding).
func unknownEl(id uint32, body ...[]byte) []byte {
	return cat(idBytes(id), []byte{0xFF}, cat(body...))
}

func uel(id uint32, v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return el(id, b)
}

func fel(id uint32, v float64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, math.Float64bits(v))
	return el(id, b)
}

func sel(id uint32, s string) []byte { return el(id, []byte(s)) }

func ebmlHead(doc string) []byte {
	return el(idEBML, uel(0x4286, 1), uel(idEBMLReadVersion, 1), sel(idDocType, doc), uel(idDocTypeReadVersion, 2))
}

// simpleBlock is a SimpleBlock of track 1..127 at a cluster-relative
// time, with a keyframe flag and no lacing.
func simpleBlock(track byte, rel int16, data []byte) []byte {
	return el(idSimpleBlock, []byte{0x80 | track, byte(uint16(rel) >> 8), byte(rel), 0x80}, data)
}

// opusHead is a stereo OpusHead.
var opusHead = cat([]byte("OpusHead"), []byte{1, 2, 0x38, 1, 0x80, 0xBB, 0, 0, 0, 0, 0})

// opusTrack is a TrackEntry of an Opus track number 1.
func opusTrack() []byte {
	return el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 11), uel(idTrackType, trackAudio),
		sel(idCodecID, "A_OPUS"), el(idCodecPrivate, opusHead), uel(idCodecDelay, 6500000),
		sel(idLanguage, "fre"), sel(idName, "Voice"), uel(idFlagDefault, 0), uel(idFlagForced, 1),
		el(idAudio, fel(idSamplingFreq, 48000), uel(idChannels, 2)))
}

// file is a small well-formed Matroska file: an Opus track, a title, tags
// for the file and the track, one cluster of blocks.
func file() []byte {
	info := el(idInfo, uel(idTimecodeScale, 1000000), fel(idDuration, 1500), sel(idTitle, "Title"), sel(idMuxingApp, "test"))
	tracks := el(idTracks, opusTrack())
	tags := el(idTags,
		el(idTag, el(idTargets), el(idSimpleTag, sel(idTagName, "ARTIST"), sel(idTagString, "Someone")),
			el(idSimpleTag, sel(idTagName, "LEAD_PERFORMER"), sel(idTagString, "P"))),
		el(idTag, el(idTargets, uel(idTagTrackUID, 11)), el(idSimpleTag, sel(idTagName, "DURATION"), sel(idTagString, "00:00:01.500000000"))))
	cluster := el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 0, []byte{0xFC, 1, 2, 3}), simpleBlock(1, 20, []byte{0xFC, 1, 2, 3}))
	return cat(ebmlHead("matroska"), el(idSegment, info, tracks, tags, cluster))
}
