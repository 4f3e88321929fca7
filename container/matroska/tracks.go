package matroska

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// track is a TrackEntry (MatroskaTrack), with FFmpeg's defaults.
type track struct {
	num, uid, typ   uint64
	name            *string
	codecID         string
	hasCodecID      bool
	priv            []byte
	language        string
	timeScale       float64
	defaultDuration uint64
	codecDelay      uint64

	flagDefault, flagForced, flagComment uint64
	flagHearing, flagVisual              uint64
	flagOriginal                         uint64
	hasFlagOriginal                      bool

	video videoInfo
	audio audioInfo
	// mappings are the BlockAdditionMapping elements: type and extra data.
	mappings []blockAddMapping

	encodings    int
	encType      uint64
	encScope     uint64
	compAlgo     uint64
	compSettings []byte
	keyID        []byte

	st *container.Stream
	// codecDelayTB is the codec delay in the stream's time base, which
	// every block timestamp is shifted by.
	codecDelayTB int64
	// first is the start of the track's first frame, once read; firstPTS
	// its timestamp (NoPTS when the cluster's was not usable).
	first    []byte
	firstPTS int64
	seen     bool
	// count is the blocks read of the track, need how many
	// find_stream_info would read (see readFirstBlocks); times are the
	// timestamps of the first video blocks.
	count, need int
	times       []int64
	// delayKnown is set when the H.264 SPS decides the decoding delay
	// (has_decode_delay_been_guessed without decoded frames).
	delayKnown bool
	// codecRate is the frame rate the codec's headers give (H.264 VUI
	// timing), which the parser reports as the codec's.
	codecRate container.Rational
	// fourcc is the VfW codec tag or the ColourSpace fourcc.
	fourcc uint32
	// firstSize is the length of the first frame, of which first holds
	// the start.
	firstSize int64
	// flacMask is the channel mask a FLAC CodecPrivate's Vorbis comment
	// gives (matroska_parse_flac), 0 if none.
	flacMask uint64
}

type blockAddMapping struct {
	typ   uint64
	extra []byte
}

type videoInfo struct {
	frameRate                   float64
	displayWidth, displayHeight uint64
	pixelWidth, pixelHeight     uint64
	colourSpace                 []byte
	displayUnit                 uint64
	interlaced                  uint64
	fieldOrder                  uint64
	stereoMode                  uint64
	alphaMode                   uint64
	colours                     []colour
	projection                  projection
}

type colour struct {
	matrix, range_, transfer, primaries uint64
	sitingHorz, sitingVert              uint64
	maxCLL, maxFALL                     uint64
	mastering                           [10]float64 // rx ry gx gy bx by wx wy max min
}

type projection struct {
	typ              uint64
	private          []byte
	yaw, pitch, roll float64
}

type audioInfo struct {
	sampleRate, outSampleRate float64
	bitDepth                  uint64
	channels                  uint64
}

// Defaults of FFmpeg's syntax tables.
const (
	interlaceUndetermined  = 0
	interlaceInterlaced    = 1
	interlaceProgressive   = 2
	fieldOrderUndetermined = 2
	stereoModeNB           = 15
	displayUnitUnknown     = 4
)

func newTrack() *track {
	return &track{
		language: "eng", timeScale: 1, flagDefault: 1, encScope: 1,
		video: videoInfo{
			displayWidth: ^uint64(0), displayHeight: ^uint64(0),
			interlaced: interlaceUndetermined, fieldOrder: fieldOrderUndetermined, stereoMode: stereoModeNB,
		},
		audio:    audioInfo{sampleRate: 8000, channels: 1},
		firstPTS: container.NoPTS,
	}
}

// readTracks reads the TrackEntry elements (matroska_tracks).
func (d *demuxer) readTracks(b []byte, base int64) {
	_ = walk(b, base, d.visit("Tracks"), func(e element) bool {
		if e.id != idTrackEntry {
			return true
		}
		t := newTrack()
		d.readTrack(t, e)
		d.tracks = append(d.tracks, t)
		return true
	})
}

func u(b []byte, dst *uint64) {
	if v, ok := uintVal(b); ok {
		*dst = v
	}
}

func f(b []byte, dst *float64) {
	if v, ok := floatVal(b); ok {
		*dst = v
	}
}

func (d *demuxer) readTrack(t *track, te element) {
	_ = walk(te.b, te.data, d.visit("TrackEntry"), func(e element) bool {
		switch e.id {
		case idTrackNumber:
			u(e.b, &t.num)
		case idTrackUID:
			u(e.b, &t.uid)
		case idTrackType:
			u(e.b, &t.typ)
		case idName:
			s := strVal(e.b)
			t.name = &s
		case idCodecID:
			t.codecID, t.hasCodecID = strVal(e.b), true
		case idCodecPrivate:
			t.priv = e.b
		case idCodecDelay:
			u(e.b, &t.codecDelay)
		case idLanguage:
			t.language = strVal(e.b)
		case idDefaultDuration:
			u(e.b, &t.defaultDuration)
		case idTrackTimecodeScal:
			f(e.b, &t.timeScale)
		case idFlagDefault:
			u(e.b, &t.flagDefault)
		case idFlagForced:
			u(e.b, &t.flagForced)
		case idFlagCommentary:
			u(e.b, &t.flagComment)
		case idFlagHearingImp:
			u(e.b, &t.flagHearing)
		case idFlagVisualImp:
			u(e.b, &t.flagVisual)
		case idFlagOriginal:
			u(e.b, &t.flagOriginal)
			t.hasFlagOriginal = true
		case idVideo:
			d.readVideo(&t.video, e)
		case idAudio:
			_ = walk(e.b, e.data, d.visit("Audio"), func(c element) bool {
				switch c.id {
				case idSamplingFreq:
					f(c.b, &t.audio.sampleRate)
				case idOutSampFreq:
					f(c.b, &t.audio.outSampleRate)
				case idBitDepth:
					u(c.b, &t.audio.bitDepth)
				case idChannels:
					u(c.b, &t.audio.channels)
				}
				return true
			})
		case idContentEncodings:
			d.readEncodings(t, e)
		case idBlockAddMapping:
			var m blockAddMapping
			_ = walk(e.b, e.data, d.visit("BlockAdditionMapping"), func(c element) bool {
				switch c.id {
				case idBlockAddIDType:
					u(c.b, &m.typ)
				case idBlockAddIDExtra:
					m.extra = c.b
				}
				return true
			})
			t.mappings = append(t.mappings, m)
		}
		return true
	})
}

func (d *demuxer) readEncodings(t *track, es element) {
	_ = walk(es.b, es.data, d.visit("ContentEncodings"), func(e element) bool {
		if e.id != idContentEncoding {
			return true
		}
		t.encodings++
		if t.encodings > 1 {
			return true
		}
		_ = walk(e.b, e.data, d.visit("ContentEncoding"), func(c element) bool {
			switch c.id {
			case idEncodingType:
				u(c.b, &t.encType)
			case idEncodingScope:
				u(c.b, &t.encScope)
			case idCompression:
				_ = walk(c.b, c.data, d.visit("ContentCompression"), func(x element) bool {
					switch x.id {
					case idCompAlgo:
						u(x.b, &t.compAlgo)
					case idCompSettings:
						t.compSettings = x.b
					}
					return true
				})
			case idEncryption:
				_ = walk(c.b, c.data, d.visit("ContentEncryption"), func(x element) bool {
					if x.id == idEncKeyID {
						t.keyID = x.b
					}
					return true
				})
			}
			return true
		})
		return true
	})
}

func (d *demuxer) readVideo(v *videoInfo, ve element) {
	_ = walk(ve.b, ve.data, d.visit("Video"), func(e element) bool {
		switch e.id {
		case idFrameRate:
			f(e.b, &v.frameRate)
		case idDisplayWidth:
			u(e.b, &v.displayWidth)
		case idDisplayHeight:
			u(e.b, &v.displayHeight)
		case idPixelWidth:
			u(e.b, &v.pixelWidth)
		case idPixelHeight:
			u(e.b, &v.pixelHeight)
		case idColourSpace:
			v.colourSpace = e.b
		case idDisplayUnit:
			u(e.b, &v.displayUnit)
		case idFlagInterlaced:
			u(e.b, &v.interlaced)
		case idFieldOrder:
			u(e.b, &v.fieldOrder)
		case idStereoMode:
			u(e.b, &v.stereoMode)
		case idAlphaMode:
			u(e.b, &v.alphaMode)
		case idColour:
			v.colours = append(v.colours, d.readColour(e))
		case idProjection:
			_ = walk(e.b, e.data, d.visit("Projection"), func(c element) bool {
				switch c.id {
				case idProjType:
					u(c.b, &v.projection.typ)
				case idProjPrivate:
					v.projection.private = c.b
				case idProjYaw:
					f(c.b, &v.projection.yaw)
				case idProjPitch:
					f(c.b, &v.projection.pitch)
				case idProjRoll:
					f(c.b, &v.projection.roll)
				}
				return true
			})
		}
		return true
	})
}

// Unspecified values of AVColorSpace, AVColorPrimaries, AVColorTransfer
// and AVColorRange, and the undetermined chroma siting.
const (
	unspecified        = 2
	rangeUnspecified   = 0
	sitingUndetermined = 0
)

func (d *demuxer) readColour(ce element) colour {
	c := colour{matrix: unspecified, transfer: unspecified, primaries: unspecified}
	for i := range c.mastering {
		c.mastering[i] = -1
	}
	_ = walk(ce.b, ce.data, d.visit("Colour"), func(e element) bool {
		switch e.id {
		case idMatrixCoeff:
			u(e.b, &c.matrix)
		case idSitingHorz:
			u(e.b, &c.sitingHorz)
		case idSitingVert:
			u(e.b, &c.sitingVert)
		case idRange:
			u(e.b, &c.range_)
		case idTransfer:
			u(e.b, &c.transfer)
		case idPrimaries:
			u(e.b, &c.primaries)
		case idMaxCLL:
			u(e.b, &c.maxCLL)
		case idMaxFALL:
			u(e.b, &c.maxFALL)
		case idMastering:
			_ = walk(e.b, e.data, d.visit("MasteringMetadata"), func(m element) bool {
				if m.id >= idRX && m.id <= idLuminanceMin {
					f(m.b, &c.mastering[m.id-idRX])
				}
				return true
			})
		}
		return true
	})
	return c
}

// chapter is a ChapterAtom's bounds and UID.
type chapter struct {
	uid   uint64
	start uint64
	has   bool
}

// readChapters reads the chapters of each edition. ffprobe does not print
// them with -show_streams; their UIDs take the chapter tags.
func (d *demuxer) readChapters(b []byte, base int64) {
	_ = walk(b, base, d.visit("Chapters"), func(e element) bool {
		if e.id != idEditionEntry {
			return true
		}
		_ = walk(e.b, e.data, d.visit("EditionEntry"), func(a element) bool {
			if a.id != idChapterAtom {
				return true
			}
			var c chapter
			_ = walk(a.b, a.data, d.visit("ChapterAtom"), func(x element) bool {
				switch x.id {
				case idChapterUID:
					u(x.b, &c.uid)
				case idChapterStart:
					u(x.b, &c.start)
					c.has = true
				}
				return true
			})
			d.chapters = append(d.chapters, c)
			return true
		})
		return true
	})
}

// attachment is an AttachedFile: its names and where its data is.
type attachment struct {
	uid      uint64
	filename *string
	mime     *string
	dataOff  int64
	dataLen  int64
	hasData  bool
	st       *container.Stream
}

// maxAttachmentField bounds the non-data fields of an AttachedFile read.
const maxAttachmentField = 64 << 10

// readAttachments walks the Attachments element by headers, so that the
// files' data (fonts, pictures) is not read.
func (d *demuxer) readAttachments(h header) {
	pos := h.data
	for pos < h.end() {
		if d.src.Budget().Visit(name, "Attachments", pos) != nil {
			return
		}
		fh, err := d.elemHeader(pos, h.end(), "AttachedFile")
		if err != nil {
			return
		}
		if fh.id == idAttachedFile {
			d.attachments = append(d.attachments, d.readAttachedFile(fh))
		}
		pos = fh.end()
	}
}

func (d *demuxer) readAttachedFile(fh header) *attachment {
	a := &attachment{}
	pos := fh.data
	for pos < fh.end() {
		if d.src.Budget().Visit(name, "AttachedFile", pos) != nil {
			break
		}
		h, err := d.elemHeader(pos, fh.end(), "AttachedFile")
		if err != nil {
			break
		}
		switch h.id {
		case idFileData:
			a.dataOff, a.dataLen, a.hasData = h.data, h.size, true
		case idFileName, idFileMimeType, idFileUID:
			if h.size <= maxAttachmentField {
				if b, err := demuxkit.ReadAt(d.src, h.data, h.size, name, "AttachedFile"); err == nil {
					switch h.id {
					case idFileName:
						s := strVal(b)
						a.filename = &s
					case idFileMimeType:
						s := strVal(b)
						a.mime = &s
					default:
						u(b, &a.uid)
					}
				}
			}
		}
		pos = h.end()
	}
	return a
}
