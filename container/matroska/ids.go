package matroska

// Element IDs (RFC 8794, RFC 9559), as libavformat/matroska.h names them.
const (
	idEBML               = 0x1A45DFA3
	idEBMLReadVersion    = 0x42F7
	idEBMLMaxIDLength    = 0x42F2
	idEBMLMaxSizeLength  = 0x42F3
	idDocType            = 0x4282
	idDocTypeReadVersion = 0x4285

	idSegment     = 0x18538067
	idSeekHead    = 0x114D9B74
	idSeek        = 0x4DBB
	idSeekID      = 0x53AB
	idSeekPos     = 0x53AC
	idInfo        = 0x1549A966
	idTracks      = 0x1654AE6B
	idCluster     = 0x1F43B675
	idCues        = 0x1C53BB6B
	idChapters    = 0x1043A770
	idAttachments = 0x1941A469
	idTags        = 0x1254C367

	idTimecodeScale = 0x2AD7B1
	idDuration      = 0x4489
	idTitle         = 0x7BA9
	idMuxingApp     = 0x4D80
	idDateUTC       = 0x4461

	idTrackEntry        = 0xAE
	idTrackNumber       = 0xD7
	idTrackUID          = 0x73C5
	idTrackType         = 0x83
	idFlagDefault       = 0x88
	idFlagForced        = 0x55AA
	idFlagHearingImp    = 0x55AB
	idFlagVisualImp     = 0x55AC
	idFlagOriginal      = 0x55AE
	idFlagCommentary    = 0x55AF
	idDefaultDuration   = 0x23E383
	idTrackTimecodeScal = 0x23314F
	idName              = 0x536E
	idLanguage          = 0x22B59C
	idCodecID           = 0x86
	idCodecPrivate      = 0x63A2
	idCodecDelay        = 0x56AA
	idBlockAddMapping   = 0x41E4
	idBlockAddIDType    = 0x41E7
	idBlockAddIDExtra   = 0x41ED
	idVideo             = 0xE0
	idAudio             = 0xE1
	idContentEncodings  = 0x6D80
	idContentEncoding   = 0x6240
	idEncodingType      = 0x5033
	idEncodingScope     = 0x5032
	idCompression       = 0x5034
	idCompAlgo          = 0x4254
	idCompSettings      = 0x4255
	idEncryption        = 0x5035
	idEncKeyID          = 0x47E2

	idFlagInterlaced = 0x9A
	idFieldOrder     = 0x9D
	idStereoMode     = 0x53B8
	idAlphaMode      = 0x53C0
	idPixelWidth     = 0xB0
	idPixelHeight    = 0xBA
	idDisplayWidth   = 0x54B0
	idDisplayHeight  = 0x54BA
	idDisplayUnit    = 0x54B2
	idColourSpace    = 0x2EB524
	idFrameRate      = 0x2383E3
	idColour         = 0x55B0
	idProjection     = 0x7670

	idMatrixCoeff   = 0x55B1
	idSitingHorz    = 0x55B7
	idSitingVert    = 0x55B8
	idRange         = 0x55B9
	idTransfer      = 0x55BA
	idPrimaries     = 0x55BB
	idMaxCLL        = 0x55BC
	idMaxFALL       = 0x55BD
	idMastering     = 0x55D0
	idRX            = 0x55D1
	idLuminanceMax  = 0x55D9
	idLuminanceMin  = 0x55DA
	idProjType      = 0x7671
	idProjPrivate   = 0x7672
	idProjYaw       = 0x7673
	idProjPitch     = 0x7674
	idProjRoll      = 0x7675
	idSamplingFreq  = 0xB5
	idOutSampFreq   = 0x78B5
	idChannels      = 0x9F
	idBitDepth      = 0x6264
	idClusterTime   = 0xE7
	idSimpleBlock   = 0xA3
	idBlockGroup    = 0xA0
	idBlock         = 0xA1
	idEditionEntry  = 0x45B9
	idChapterAtom   = 0xB6
	idChapterUID    = 0x73C4
	idChapterStart  = 0x91
	idAttachedFile  = 0x61A7
	idFileName      = 0x466E
	idFileMimeType  = 0x4660
	idFileData      = 0x465C
	idFileUID       = 0x46AE
	idTag           = 0x7373
	idTargets       = 0x63C0
	idTargetType    = 0x63CA
	idTagTrackUID   = 0x63C5
	idTagChapterUID = 0x63C4
	idTagAttachUID  = 0x63C6
	idSimpleTag     = 0x67C8
	idTagName       = 0x45A3
	idTagLanguage   = 0x447A
	idTagDefault    = 0x4484
	idTagDefaultBug = 0x44B4
	idTagString     = 0x4487
)

// Track types (TrackType).
const (
	trackVideo    = 1
	trackAudio    = 2
	trackComplex  = 3
	trackLogo     = 0x10
	trackSubtitle = 0x11
	trackButtons  = 0x12
	trackControl  = 0x20
	trackMetadata = 0x21
)
