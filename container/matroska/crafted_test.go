package matroska

import (
	"os"
	"path/filepath"
	"testing"
)

// crafted are Matroska files ffmpeg 5.1 cannot write, built element by
// element: testdata/gen.sh writes them (MKV_CRAFTED_DIR=testdata) and
// takes their goldens from ffprobe, like the other cases.
func crafted() map[string][]byte {
	info := el(idInfo, uel(idTimecodeScale, 1000000), fel(idDuration, 1500))
	cluster := el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 0, []byte{0xFC, 1, 2, 3}), simpleBlock(1, 20, []byte{0xFC, 1, 2, 3}))
	// Global tags with a TargetType (the keys' prefix), nested tags, tag
	// languages with and without TagDefault, a tag without a string.
	tags := el(idTags,
		el(idTag, el(idTargets, uel(0x68CA, 50), sel(idTargetType, "ALBUM")), el(idSimpleTag, sel(idTagName, "ARTIST"), sel(idTagString, "Someone"),
			el(idSimpleTag, sel(idTagName, "SORT_WITH"), sel(idTagString, "One"))),
			el(idSimpleTag, sel(idTagName, "TITLE"), sel(idTagString, "Fr"), sel(idTagLanguage, "fre"), uel(idTagDefault, 1)),
			el(idSimpleTag, sel(idTagName, "NOSTRING")),
			el(idSimpleTag, sel(idTagName, "COMMENT"), sel(idTagString, "de"), sel(idTagLanguage, "ger"))),
		el(idTag, el(idTargets), el(idSimpleTag, sel(idTagName, "part_number"), sel(idTagString, "3"))))
	// Video tracks with projections, stereo modes, colour, mastering
	// display, light levels, field orders and every disposition flag; PCM
	// at a fractional rate; a VobSub track with its .idx size.
	v1 := el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackVideo), sel(idCodecID, "V_VP9"),
		el(idVideo, uel(idPixelWidth, 64), uel(idPixelHeight, 48), uel(idStereoMode, 3),
			el(idProjection, uel(idProjType, 1), el(idProjPrivate, []byte{0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0, 0, 30, 0, 0, 0, 40}),
				fel(idProjYaw, 90), fel(idProjPitch, -45.5), fel(idProjRoll, 10)),
			el(idColour, uel(idMatrixCoeff, 1), uel(idRange, 2), uel(idSitingHorz, 2), uel(idSitingVert, 1), uel(idMaxCLL, 100), uel(idMaxFALL, 50))))
	v2 := el(idTrackEntry, uel(idTrackNumber, 2), uel(idTrackUID, 2), uel(idTrackType, trackVideo), sel(idCodecID, "V_AV1"),
		uel(idFlagHearingImp, 1), uel(idFlagOriginal, 0), uel(idFlagCommentary, 1), uel(0x55AD, 1), uel(idFlagVisualImp, 1),
		el(idVideo, uel(idPixelWidth, 64), uel(idPixelHeight, 48), uel(idStereoMode, 0), uel(idDisplayWidth, 100), uel(idDisplayHeight, 48),
			uel(idFlagInterlaced, 1), uel(idFieldOrder, 9),
			el(idProjection, uel(idProjType, 2), el(idProjPrivate, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7})),
			el(idColour, uel(idPrimaries, 9), uel(idTransfer, 16), el(idMastering, fel(0x55D1, 0.68), fel(0x55D2, 0.32), fel(0x55D3, 0.265),
				fel(0x55D4, 0.69), fel(0x55D5, 0.15), fel(0x55D6, 0.06), fel(0x55D7, 0.3127), fel(0x55D8, 0.329),
				fel(idLuminanceMax, 1000), fel(idLuminanceMin, 0.005)))))
	a := el(idTrackEntry, uel(idTrackNumber, 3), uel(idTrackUID, 3), uel(idTrackType, trackAudio), sel(idCodecID, "A_PCM/INT/LIT"),
		uel(idFlagOriginal, 1), sel(idLanguage, "und"), el(idAudio, fel(idSamplingFreq, 44100.4), uel(idChannels, 3), uel(idBitDepth, 24)))
	s := el(idTrackEntry, uel(idTrackNumber, 4), uel(idTrackUID, 4), uel(idTrackType, trackSubtitle), sel(idCodecID, "S_VOBSUB"),
		el(idCodecPrivate, []byte("size: 720x576\npalette: 000000\n")))
	pcm := el(idCluster, uel(idClusterTime, 10), simpleBlock(3, 0, make([]byte, 90)), simpleBlock(3, 1, make([]byte, 90)))
	files := map[string][]byte{
		"mka_crafted_tags.mka":  cat(ebmlHead("matroska"), el(idSegment, info, el(idTracks, opusTrack()), tags, cluster)),
		"mkv_crafted_video.mkv": cat(ebmlHead("matroska"), el(idSegment, info, el(idTracks, v1, v2, a, s), pcm)),
		// Garbage after Tracks: FFmpeg resyncs from the Segment's start
		// and reads Tracks twice.
		"mka_crafted_resync.mka": cat(ebmlHead("matroska"), el(idSegment, el(idTracks, opusTrack()), []byte{0x00, 0x12, 0x34},
			el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 5, []byte{0xFC, 0})))),
		// Time scales of 0.1 ms and a track scale of 2; no Duration.
		"mka_crafted_timescale.mka": cat(ebmlHead("matroska"), el(idSegment, el(idInfo, uel(idTimecodeScale, 100000)),
			el(idTracks, el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackAudio), sel(idCodecID, "A_OPUS"),
				el(idCodecPrivate, opusHead), uel(idCodecDelay, 6500000), fel(idTrackTimecodeScal, 2.0),
				el(idAudio, fel(idSamplingFreq, 48000), uel(idChannels, 2)))),
			el(idCluster, uel(idClusterTime, 1000), simpleBlock(1, 10, []byte{0xFC, 1, 2, 3}), simpleBlock(1, 210, []byte{0xFC, 1, 2, 3})))),
	}
	// With an AC-3 file of 768-byte frames and an MP3 file (gen.sh makes
	// them): header stripping, an encrypted track, EBML lacing in a
	// BlockGroup, a track without CodecID and a control track.
	ac3, err1 := os.ReadFile(os.Getenv("MKV_CRAFTED_AC3"))
	mp3, err2 := os.ReadFile(os.Getenv("MKV_CRAFTED_MP3"))
	if err1 == nil && err2 == nil && len(ac3) >= 768 && len(mp3) >= 3*209 {
		f1 := ac3[:768]
		audio := el(idAudio, fel(idSamplingFreq, 48000), uel(idChannels, 2))
		hs := el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackUID, 1), uel(idTrackType, trackAudio), sel(idCodecID, "A_AC3"),
			el(idContentEncodings, el(idContentEncoding, uel(idEncodingScope, 1), uel(idEncodingType, 0),
				el(idCompression, uel(idCompAlgo, 3), el(idCompSettings, f1[:2])))), audio)
		enc := el(idTrackEntry, uel(idTrackNumber, 2), uel(idTrackUID, 2), uel(idTrackType, trackAudio), sel(idCodecID, "A_AC3"),
			el(idContentEncodings, el(idContentEncoding, uel(idEncodingScope, 1), uel(idEncodingType, 1),
				el(idEncryption, uel(0x47E1, 5), el(idEncKeyID, []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})))), audio)
		mp3t := el(idTrackEntry, uel(idTrackNumber, 3), uel(idTrackUID, 3), uel(idTrackType, trackAudio), sel(idCodecID, "A_MPEG/L3"),
			el(idAudio, fel(idSamplingFreq, 44100), uel(idChannels, 2)))
		nocodec := el(idTrackEntry, uel(idTrackNumber, 4), uel(idTrackUID, 4), uel(idTrackType, trackAudio))
		ctrl := el(idTrackEntry, uel(idTrackNumber, 5), uel(idTrackUID, 5), uel(idTrackType, trackControl), sel(idCodecID, "A_AC3"))
		laced := cat([]byte{0x83, 0, 0, 0x80 | 0x06, 2, 0x40, 209, 0xBF}, mp3[:209*3])
		cl := el(idCluster, uel(idClusterTime, 0), simpleBlock(1, 0, f1[2:]), simpleBlock(2, 3, f1), el(idBlockGroup, el(idBlock, laced)))
		files["mka_crafted_encodings.mka"] = cat(ebmlHead("matroska"), el(idSegment, el(idInfo, uel(idTimecodeScale, 1000000), fel(idDuration, 200)),
			el(idTracks, hs, enc, mp3t, nocodec, ctrl), cl))
	}
	return files
}

// TestWriteCrafted writes the crafted files into MKV_CRAFTED_DIR, for
// testdata/gen.sh; without it, it only checks that they read.
func TestWriteCrafted(t *testing.T) {
	dir := os.Getenv("MKV_CRAFTED_DIR")
	for name, b := range crafted() {
		if dir == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
