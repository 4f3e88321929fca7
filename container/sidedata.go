package container

// SideData is one entry of a stream's side data: what FFmpeg attaches to an
// AVStream as AVPacketSideData and ffprobe prints in the stream's
// side_data_list. Each kind is its own Go type ([DisplayMatrix],
// [ReplayGain], [AudioServiceType], [MasteringDisplay], [ContentLight],
// [DOVIConfig], [CPBProperties], [Stereo3D], [Spherical], [ICCProfile],
// [EncryptionInit]); a caller switches on the type. The set is closed: only
// this package defines kinds, so that every kind has a printer.
type SideData interface {
	// Kind returns the kind of the entry, whose String is what ffprobe
	// prints as side_data_type.
	Kind() SideDataKind
	sideData()
}

// SideDataKind is the type of a side data entry, FFmpeg's
// AVPacketSideDataType.
type SideDataKind int

// The side data kinds the model carries.
const (
	SideDataReplayGain       SideDataKind = iota + 1 // AV_PKT_DATA_REPLAYGAIN
	SideDataDisplayMatrix                            // AV_PKT_DATA_DISPLAYMATRIX
	SideDataStereo3D                                 // AV_PKT_DATA_STEREO3D
	SideDataAudioServiceType                         // AV_PKT_DATA_AUDIO_SERVICE_TYPE
	SideDataCPBProperties                            // AV_PKT_DATA_CPB_PROPERTIES
	SideDataMasteringDisplay                         // AV_PKT_DATA_MASTERING_DISPLAY_METADATA
	SideDataContentLight                             // AV_PKT_DATA_CONTENT_LIGHT_LEVEL
	SideDataSpherical                                // AV_PKT_DATA_SPHERICAL
	SideDataEncryptionInit                           // AV_PKT_DATA_ENCRYPTION_INIT_INFO
	SideDataICCProfile                               // AV_PKT_DATA_ICC_PROFILE
	SideDataDOVIConfig                               // AV_PKT_DATA_DOVI_CONF
)

// String returns the kind's name as av_packet_side_data_name gives it
// (libavcodec/avpacket.c), which ffprobe prints as side_data_type.
func (k SideDataKind) String() string {
	switch k {
	case SideDataReplayGain:
		return "Replay Gain"
	case SideDataDisplayMatrix:
		return "Display Matrix"
	case SideDataStereo3D:
		return "Stereo 3D"
	case SideDataAudioServiceType:
		return "Audio Service Type"
	case SideDataCPBProperties:
		return "CPB properties"
	case SideDataMasteringDisplay:
		return "Mastering display metadata"
	case SideDataContentLight:
		return "Content light level metadata"
	case SideDataSpherical:
		return "Spherical Mapping"
	case SideDataEncryptionInit:
		return "Encryption initialization data"
	case SideDataICCProfile:
		return "ICC Profile"
	case SideDataDOVIConfig:
		return "DOVI configuration record"
	}
	// ffprobe's fallback when av_packet_side_data_name knows no name.
	return "unknown"
}

// AddSideData attaches sd to the stream as av_stream_add_side_data does: an
// entry of the same kind is replaced where it stands, otherwise sd is
// appended. The order of SideData is the order ffprobe prints.
func (s *Stream) AddSideData(sd SideData) {
	for i, e := range s.SideData {
		if e.Kind() == sd.Kind() {
			s.SideData[i] = sd
			return
		}
	}
	s.SideData = append(s.SideData, sd)
}

// SideDataOf returns the stream's side data entry of type T, as
// av_stream_get_side_data finds one by its type:
//
//	if dm, ok := container.SideDataOf[container.DisplayMatrix](st); ok { ... }
func SideDataOf[T SideData](s *Stream) (T, bool) {
	for _, e := range s.SideData {
		if v, ok := e.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// ReplayGain is the loudness normalisation of an audio stream
// (AVReplayGain): gains in microbels (1 dB = 100000), peaks in units of
// 1/100000 of full scale. A demuxer makes it from the REPLAYGAIN_* tags
// ([ReplayGainFromTags]) or from a header that carries it (the LAME tag of
// an mp3). ffprobe 5.1 prints only its side_data_type.
type ReplayGain struct {
	TrackGain int32  // GainUnknown if not known
	TrackPeak uint32 // 0 if not known
	AlbumGain int32  // GainUnknown if not known
	AlbumPeak uint32 // 0 if not known
}

// GainUnknown is the value of a [ReplayGain] gain that is not known
// (INT32_MIN, as AVReplayGain encodes it).
const GainUnknown = -1 << 31

// DisplayMatrix is the transformation to apply to decoded video before
// display (libavutil/display.h): a 3x3 matrix in row order, the first two
// columns 16.16 fixed point and the third 2.30. MP4 carries it in tkhd.
type DisplayMatrix struct {
	Matrix [9]int32 // a, b, u, c, d, v, x, y, w
}

// AudioService is the kind of an audio service (enum AVAudioServiceType),
// the bsmod of an AC-3 or E-AC-3 stream.
type AudioService int

// The audio services of enum AVAudioServiceType.
const (
	AudioServiceMain AudioService = iota
	AudioServiceEffects
	AudioServiceVisuallyImpaired
	AudioServiceHearingImpaired
	AudioServiceDialogue
	AudioServiceCommentary
	AudioServiceEmergency
	AudioServiceVoiceOver
	AudioServiceKaraoke
)

// Disposition returns the disposition avformat_find_stream_info gives an
// audio stream whose decoder reports service a: it replaces the stream's
// flags (default included) for effects, the visually or hearing impaired,
// commentary and karaoke; ok is false for the other services, which leave
// the disposition alone.
func (a AudioService) Disposition() (d Disposition, ok bool) {
	switch a {
	case AudioServiceEffects:
		return DispositionCleanEffects, true
	case AudioServiceVisuallyImpaired:
		return DispositionVisualImpaired, true
	case AudioServiceHearingImpaired:
		return DispositionHearingImpaired, true
	case AudioServiceCommentary:
		return DispositionComment, true
	case AudioServiceKaraoke:
		return DispositionKaraoke, true
	}
	return 0, false
}

// AudioServiceType is the service an audio stream provides; ffprobe prints
// it as the number service_type.
type AudioServiceType struct {
	Type AudioService // main, effects, visually impaired, ... (AVAudioServiceType)
}

// MasteringDisplay is the colour volume of the display a video was mastered
// on (AVMasteringDisplayMetadata, SMPTE ST 2086). ffprobe prints each value
// as a rational "num/den" ("35400/50000"), the primaries and white point only
// when HasPrimaries is set and the luminances only when HasLuminance is.
type MasteringDisplay struct {
	// Primaries are the CIE 1931 xy chromaticities of the red, green and
	// blue primaries, in that order ([i][0] is x, [i][1] is y).
	Primaries [3][2]Rational
	// WhitePoint is the xy chromaticity of the white point.
	WhitePoint [2]Rational
	// MinLuminance and MaxLuminance are in cd/m².
	MinLuminance, MaxLuminance Rational
	// HasPrimaries and HasLuminance say which of the values are known.
	HasPrimaries, HasLuminance bool
}

// ContentLight is the content light level of a video
// (AVContentLightMetadata, CTA-861.3), in cd/m²; ffprobe prints max_content
// and max_average.
type ContentLight struct {
	MaxCLL  uint32 // maximum content light level
	MaxFALL uint32 // maximum frame-average light level
}

// DOVIConfig is the Dolby Vision decoder configuration record
// (AVDOVIDecoderConfigurationRecord, the dvcC/dvvC box).
type DOVIConfig struct {
	// VersionMajor and VersionMinor are the record's version (dv_version).
	VersionMajor, VersionMinor uint8
	// Profile and Level are dv_profile and dv_level.
	Profile, Level uint8
	RPUPresent     bool // an RPU (reference processing unit) is present
	ELPresent      bool // an enhancement layer is present
	BLPresent      bool // a base layer is present
	// BLSignalCompatibilityID is dv_bl_signal_compatibility_id.
	BLSignalCompatibilityID uint8
}

// CPBProperties are the coded picture buffer parameters of a video
// (AVCPBProperties), in bit/s and bits. The mpeg1/2 video decoder exports
// them from the sequence header.
type CPBProperties struct {
	// MaxBitrate, MinBitrate and AvgBitrate are in bit/s, 0 when unknown.
	MaxBitrate, MinBitrate, AvgBitrate int64
	BufferSize                         int64 // the VBV/CPB buffer size in bits
	// VBVDelay is in 90 kHz ticks; all ones when unknown, which ffprobe
	// prints as -1 (print_int of a uint64_t).
	VBVDelay uint64
}

// Stereo3DType is how the two views of a stereoscopic video are packed
// (enum AVStereo3DType).
type Stereo3DType int

// The packings of enum AVStereo3DType.
const (
	Stereo3D2D Stereo3DType = iota
	Stereo3DSideBySide
	Stereo3DTopBottom
	Stereo3DFrameSequence
	Stereo3DCheckerboard
	Stereo3DSideBySideQuincunx
	Stereo3DLines
	Stereo3DColumns
)

// String returns the packing's name as av_stereo3d_type_name gives it
// (libavutil/stereo3d.c), which ffprobe prints as type.
func (t Stereo3DType) String() string {
	switch t {
	case Stereo3D2D:
		return "2D"
	case Stereo3DSideBySide:
		return "side by side"
	case Stereo3DTopBottom:
		return "top and bottom"
	case Stereo3DFrameSequence:
		return "frame alternate"
	case Stereo3DCheckerboard:
		return "checkerboard"
	case Stereo3DSideBySideQuincunx:
		return "side by side (quincunx subsampling)"
	case Stereo3DLines:
		return "interleaved lines"
	case Stereo3DColumns:
		return "interleaved columns"
	}
	return "unknown"
}

// Stereo3D is the stereoscopic packing of a video (AVStereo3D).
type Stereo3D struct {
	Type Stereo3DType // how the two views are packed
	// Inverted is AV_STEREO3D_FLAG_INVERT: the right view comes first.
	Inverted bool
}

// SphericalProjection is the projection of a 360° video (enum
// AVSphericalProjection).
type SphericalProjection int

// The projections of enum AVSphericalProjection.
const (
	SphericalEquirectangular SphericalProjection = iota
	SphericalCubemap
	SphericalEquirectangularTile
)

// String returns the projection's name as av_spherical_projection_name
// gives it (libavutil/spherical.c), which ffprobe prints as projection.
func (p SphericalProjection) String() string {
	switch p {
	case SphericalEquirectangular:
		return "equirectangular"
	case SphericalCubemap:
		return "cubemap"
	case SphericalEquirectangularTile:
		return "tiled equirectangular"
	}
	return "unknown"
}

// Spherical is the mapping of a 360° video onto a sphere
// (AVSphericalMapping).
type Spherical struct {
	Projection SphericalProjection // equirectangular, cubemap, ...
	// Yaw, Pitch and Roll orient the sphere, in degrees as 16.16 fixed
	// point.
	Yaw, Pitch, Roll int32
	// BoundLeft, BoundTop, BoundRight and BoundBottom crop a tiled
	// equirectangular projection, as 0.32 fractions of the full frame.
	BoundLeft, BoundTop, BoundRight, BoundBottom uint32
	// Padding is the pixels between cube faces of a cubemap.
	Padding uint32
}

// TileBounds converts the bounds of a tiled equirectangular projection to
// pixels for a video of the given size, as av_spherical_tile_bounds does
// (libavutil/spherical.c); ok is false where the bounds cover the whole
// frame and FFmpeg would divide by zero.
func (sp Spherical) TileBounds(width, height int) (left, top, right, bottom uint64, ok bool) {
	const max = 1<<32 - 1
	// UINT32_MAX - right - left is computed in 32 bits, as in C.
	dw := uint64(uint32(max - sp.BoundRight - sp.BoundLeft))
	dh := uint64(uint32(max - sp.BoundBottom - sp.BoundTop))
	if dw == 0 || dh == 0 {
		return 0, 0, 0, 0, false
	}
	w, h := uint64(width), uint64(height)
	origW := w * max / dw
	origH := h * max / dh
	// "add a (UINT32_MAX - 1) to round up integer division"
	left = (origW*uint64(sp.BoundLeft) + max - 1) / max
	top = (origH*uint64(sp.BoundTop) + max - 1) / max
	right = origW - w - left
	bottom = origH - h - top
	return left, top, right, bottom, true
}

// ICCProfile is an embedded ICC colour profile (the colr box of type prof);
// ffprobe 5.1 prints only its side_data_type.
type ICCProfile struct {
	Size int // bytes of the profile
}

// EncryptionInit is what a player needs to obtain the keys of an encrypted
// stream (AVEncryptionInitInfo, one entry per pssh box); ffprobe 5.1
// prints only its side_data_type.
type EncryptionInit struct {
	Infos []EncryptionInitInfo // one per pssh box
}

// EncryptionInitInfo is one protection system's initialisation data.
type EncryptionInitInfo struct {
	SystemID []byte   // the DRM system (16 bytes in a pssh box)
	KeyIDs   [][]byte // the key IDs the data applies to, if listed
	Data     []byte   // the system-specific data
}

// Kind returns SideDataReplayGain.
func (ReplayGain) Kind() SideDataKind { return SideDataReplayGain }

// Kind returns SideDataDisplayMatrix.
func (DisplayMatrix) Kind() SideDataKind { return SideDataDisplayMatrix }

// Kind returns SideDataAudioServiceType.
func (AudioServiceType) Kind() SideDataKind { return SideDataAudioServiceType }

// Kind returns SideDataMasteringDisplay.
func (MasteringDisplay) Kind() SideDataKind { return SideDataMasteringDisplay }

// Kind returns SideDataContentLight.
func (ContentLight) Kind() SideDataKind { return SideDataContentLight }

// Kind returns SideDataDOVIConfig.
func (DOVIConfig) Kind() SideDataKind { return SideDataDOVIConfig }

// Kind returns SideDataCPBProperties.
func (CPBProperties) Kind() SideDataKind { return SideDataCPBProperties }

// Kind returns SideDataStereo3D.
func (Stereo3D) Kind() SideDataKind { return SideDataStereo3D }

// Kind returns SideDataSpherical.
func (Spherical) Kind() SideDataKind { return SideDataSpherical }

// Kind returns SideDataICCProfile.
func (ICCProfile) Kind() SideDataKind { return SideDataICCProfile }

// Kind returns SideDataEncryptionInit.
func (EncryptionInit) Kind() SideDataKind { return SideDataEncryptionInit }

func (ReplayGain) sideData()       {}
func (DisplayMatrix) sideData()    {}
func (AudioServiceType) sideData() {}
func (MasteringDisplay) sideData() {}
func (ContentLight) sideData()     {}
func (DOVIConfig) sideData()       {}
func (CPBProperties) sideData()    {}
func (Stereo3D) sideData()         {}
func (Spherical) sideData()        {}
func (ICCProfile) sideData()       {}
func (EncryptionInit) sideData()   {}
