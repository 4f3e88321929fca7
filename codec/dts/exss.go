package dts

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The coding components of an extension substream asset
// (nuCoreExtensionMask, ETSI TS 102 114 7.5.5; enum DCAExtensionMask in
// libavcodec/dca.h). The first four are components of the core substream.
const (
	CompCoreCore = 0x001 // core in the core substream
	CompCoreXXCH = 0x002 // XXCH in the core substream
	CompCoreX96  = 0x004 // X96 in the core substream
	CompCoreXCH  = 0x008 // XCH in the core substream
	CompCore     = 0x010 // core in the extension substream
	CompXBR      = 0x020 // XBR: extended bit rate
	CompXXCH     = 0x040 // XXCH: extra channels
	CompX96      = 0x080 // X96: the 48-96 kHz band
	CompLBR      = 0x100 // LBR: low bit rate (DTS Express)
	CompXLL      = 0x200 // XLL: lossless (DTS-HD Master Audio)
	CompRsv1     = 0x400
	CompRsv2     = 0x800

	// compExtSubstream are the components coded in the extension
	// substream (DCA_EXSS_MASK).
	compExtSubstream = 0xFF0
)

// Coding modes of an asset (nuCodingMode).
const (
	CodingComponents = 0 // several coding components (CoreExtensionMask)
	CodingLossless   = 1 // XLL alone
	CodingLowBitRate = 2 // LBR alone
	CodingAuxiliary  = 3 // an auxiliary codec
)

// ExtensionSubstream is the header of a DTS-HD extension substream (ETSI
// TS 102 114 7.4, 7.5) and its first audio asset's descriptor, as
// ff_dca_exss_parse reads them. FFmpeg 5.1 decodes streams of one audio
// presentation and one asset only. Sizes are in bytes, as decoded from the
// coded values.
type ExtensionSubstream struct {
	UserDefinedBits uint8 // the 8 user-defined bits after the sync word
	ExtSSIndex      uint8 // nuExtSSIndex
	HeaderSizeType  bool  // bHeaderSizeType: the long size fields
	ExtSSHeaderSize int   // nuExtSSHeaderSize + 1
	ExtSSFsize      int   // nuExtSSFsize + 1: the substream's size
	// StaticFieldsPresent is bStaticFieldsPresent: the stream's static
	// metadata (presentations, assets, asset types) is in every header.
	StaticFieldsPresent bool
	NumAudioPresnt      int  // nuNumAudioPresnt + 1
	NumAssets           int  // nuNumAssets + 1
	MixMetadataEnbl     bool // bMixMetadataEnbl
	// Asset is the first audio asset.
	Asset Asset
}

// Asset is an audio asset of an extension substream: its descriptor
// (7.5.5) and where its components lie in the substream.
type Asset struct {
	AssetFsize int   // nuAssetFsize + 1: the asset's coded size
	Offset     int   // where the asset's data starts in the substream
	AssetIndex uint8 // nuAssetIndex
	// BitResolution, MaxSampleRate (in Hz) and TotalNumChs are the static
	// fields' nuBitResolution + 1, nuMaxSampleRate and nuTotalNumChs + 1.
	BitResolution int
	MaxSampleRate int // nuMaxSampleRate, in Hz
	TotalNumChs   int // nuTotalNumChs + 1
	// One2OneMapChannels2Speakers is bOne2OneMapChannels2Speakers: the
	// channels are the loudspeakers of SpkrActivityMask (else
	// RepresentationType says what the two channels are).
	One2OneMapChannels2Speakers bool
	EmbeddedStereoFlag          bool   // bEmbeddedStereoFlag: a stereo downmix is embedded
	EmbeddedSixChFlag           bool   // bEmbeddedSixChFlag: a 5.1 downmix is embedded
	SpkrMaskEnabled             bool   // bSpkrMaskEnabled
	SpkrActivityMask            uint32 // a speaker pair mask (C, LR, LsRs, LFE1, Cs, ...)
	RepresentationType          uint8  // nuRepresentationType (2 Lt/Rt, 3 Lh/Rh)
	CodingMode                  uint8  // CodingComponents, CodingLossless, ...
	CoreExtensionMask           uint16 // the components (CompCore...), for every coding mode
	// The sizes of the components in the asset, in the order they are
	// stored: core, XBR, XXCH, X96, LBR, XLL.
	ExSSCoreFsize, ExSSXBRFsize, ExSSXXCHFsize, ExSSX96Fsize, ExSSLBRFsize, ExSSXLLFsize int
	// ExSSXLLSyncPresent, InitLLDecDlyFrames and ExSSXLLSyncOffset say
	// where an XLL frame starts when it spans packets.
	ExSSXLLSyncPresent bool
	InitLLDecDlyFrames int   // nuInitLLDecDlyFrames
	ExSSXLLSyncOffset  int   // nuExSSXLLSyncOffset, in bytes
	DTSHDStreamID      uint8 // nuDTSHDStreamID, with XLL
}

// component returns where a component of the asset lies in the substream
// (set_exss_offsets), and whether the asset has it.
func (a Asset) component(comp uint16) (off, size int, ok bool) {
	if a.CoreExtensionMask&comp == 0 {
		return 0, 0, false
	}
	off = a.Offset
	for _, c := range []struct {
		comp uint16
		size int
	}{{CompCore, a.ExSSCoreFsize}, {CompXBR, a.ExSSXBRFsize}, {CompXXCH, a.ExSSXXCHFsize},
		{CompX96, a.ExSSX96Fsize}, {CompLBR, a.ExSSLBRFsize}, {CompXLL, a.ExSSXLLFsize}} {
		if c.comp == comp {
			return off, c.size, true
		}
		if a.CoreExtensionMask&c.comp != 0 {
			off += c.size
		}
	}
	return 0, 0, false
}

// ParseExtensionSubstream reads the extension substream header at the
// start of b (sync word 64582025) and its asset descriptor. It refuses
// what ff_dca_exss_parse refuses: a substream larger than b, more than
// one presentation or asset (container.ErrUnsupported), an asset or a
// component past the substream's end, a descriptor or header read past
// its size. Errors wrap container.ErrTruncated, ErrMalformed or
// ErrUnsupported.
func ParseExtensionSubstream(b []byte) (ExtensionSubstream, error) {
	var s ExtensionSubstream
	r := bits.NewReader(b)
	if r.Bits(32) != SyncSubstream {
		return s, exssErrorf(container.ErrMalformed, "no sync word")
	}
	s.UserDefinedBits = uint8(r.Bits(8))
	s.ExtSSIndex = uint8(r.Bits(2))
	s.HeaderSizeType = r.Flag()
	wide := 0
	if s.HeaderSizeType {
		wide = 1
	}
	s.ExtSSHeaderSize = int(r.Bits(8+4*wide)) + 1
	sizeBits := 16 + 4*wide
	s.ExtSSFsize = int(r.Bits(sizeBits)) + 1
	if r.Err() != nil {
		return s, exssErrorf(container.ErrTruncated, "header cut at %d bytes", len(b))
	}
	if s.ExtSSFsize > len(b) {
		return s, exssErrorf(container.ErrTruncated, "substream of %d bytes in %d", s.ExtSSFsize, len(b))
	}
	s.NumAudioPresnt, s.NumAssets = 1, 1
	var mixOutChannels []int
	s.StaticFieldsPresent = r.Flag()
	if s.StaticFieldsPresent {
		r.Skip(2) // nuRefClockCode
		r.Skip(3) // nuExSSFrameDurationCode
		if r.Flag() {
			r.Skip(36) // nuTimeStamp, nLSB
		}
		s.NumAudioPresnt = int(r.Bits(3)) + 1
		s.NumAssets = int(r.Bits(3)) + 1
		if s.NumAudioPresnt > 1 || s.NumAssets > 1 {
			return s, exssErrorf(container.ErrUnsupported, "%d presentations, %d assets", s.NumAudioPresnt, s.NumAssets)
		}
		active := r.Bits(int(s.ExtSSIndex) + 1) // nuActiveExSSMask
		r.Skip(countBits(uint32(active)) * 8)   // nuActiveAssetMask
		s.MixMetadataEnbl = r.Flag()
		if s.MixMetadataEnbl {
			r.Skip(2) // nuMixMetadataAdjLevel
			maskBits := (int(r.Bits(2)) + 1) << 2
			n := int(r.Bits(2)) + 1
			for i := 0; i < n; i++ {
				mixOutChannels = append(mixOutChannels, countPairChannels(uint32(r.Bits(maskBits))))
			}
		}
	}
	a := &s.Asset
	a.Offset = s.ExtSSHeaderSize
	a.AssetFsize = int(r.Bits(sizeBits)) + 1
	if a.Offset+a.AssetFsize > s.ExtSSFsize {
		return s, exssErrorf(container.ErrMalformed, "asset of %d bytes at %d past the substream's %d", a.AssetFsize, a.Offset, s.ExtSSFsize)
	}
	if err := s.readDescriptor(r, mixOutChannels); err != nil {
		return s, err
	}
	if _, err := a.checkComponents(); err != nil {
		return s, err
	}
	// The rest of the header (backward compatible core, CRC) is not read.
	if !seek(r, s.ExtSSHeaderSize*8) {
		return s, exssErrorf(container.ErrMalformed, "header read past its %d bytes", s.ExtSSHeaderSize)
	}
	return s, nil
}

// readDescriptor reads the asset descriptor (parse_descriptor).
func (s *ExtensionSubstream) readDescriptor(r *bits.Reader, mixOutChannels []int) error {
	a := &s.Asset
	start := r.BitPos()
	size := int(r.Bits(9)) + 1 // nuAssetDescriptFsize
	a.AssetIndex = uint8(r.Bits(3))
	if s.StaticFieldsPresent {
		if r.Flag() { // bAssetTypeDescrPresent
			r.Skip(4)
		}
		if r.Flag() { // bLanguageDescrPresent
			r.Skip(24)
		}
		if r.Flag() { // bInfoTextPresent
			n := int(r.Bits(10)) + 1
			if r.Left() < n*8 {
				return exssErrorf(container.ErrTruncated, "info text of %d bytes", n)
			}
			r.Skip(n * 8)
		}
		a.BitResolution = int(r.Bits(5)) + 1
		a.MaxSampleRate = samplingFreqs[r.Bits(4)]
		a.TotalNumChs = int(r.Bits(8)) + 1
		a.One2OneMapChannels2Speakers = r.Flag()
		if a.One2OneMapChannels2Speakers {
			if a.TotalNumChs > 2 {
				a.EmbeddedStereoFlag = r.Flag()
			}
			if a.TotalNumChs > 6 {
				a.EmbeddedSixChFlag = r.Flag()
			}
			maskBits := 0
			a.SpkrMaskEnabled = r.Flag()
			if a.SpkrMaskEnabled {
				maskBits = (int(r.Bits(2)) + 1) << 2
				a.SpkrActivityMask = uint32(r.Bits(maskBits))
			}
			remapSets := int(r.Bits(3))
			if remapSets > 0 && maskBits == 0 {
				return exssErrorf(container.ErrMalformed, "speaker remapping without a speaker mask")
			}
			speakers := make([]int, remapSets)
			for i := range speakers {
				speakers[i] = countPairChannels(uint32(r.Bits(maskBits)))
			}
			for _, n := range speakers {
				chBits := int(r.Bits(5)) + 1 // nuNumDecCh4Remap
				for j := 0; j < n && r.Err() == nil; j++ {
					remap := uint32(r.Bits(chBits))
					r.Skip(countBits(remap) * 5)
				}
			}
		} else {
			a.RepresentationType = uint8(r.Bits(3))
		}
	}
	drc := r.Flag()
	if drc {
		r.Skip(8)
	}
	if r.Flag() { // bDialNormPresent
		r.Skip(5)
	}
	if drc && a.EmbeddedStereoFlag {
		r.Skip(8)
	}
	if s.MixMetadataEnbl && r.Flag() {
		r.Skip(1) // bExternalMixFlag
		r.Skip(6) // nuPostMixGainAdj
		if r.Bits(2) == 3 {
			r.Skip(8)
		} else {
			r.Skip(3)
		}
		if r.Flag() { // per-channel main audio scaling
			for _, n := range mixOutChannels {
				r.Skip(6 * n)
			}
		} else {
			r.Skip(6 * len(mixOutChannels))
		}
		dmix := a.TotalNumChs
		if a.EmbeddedSixChFlag {
			dmix += 6
		}
		if a.EmbeddedStereoFlag {
			dmix += 2
		}
		for _, n := range mixOutChannels {
			if n == 0 {
				return exssErrorf(container.ErrMalformed, "mixing configuration without speakers")
			}
			for j := 0; j < dmix && r.Err() == nil; j++ {
				mask := uint32(r.Bits(n))
				r.Skip(countBits(mask) * 6)
			}
		}
	}
	a.CodingMode = uint8(r.Bits(2))
	switch a.CodingMode {
	case CodingComponents:
		a.CoreExtensionMask = uint16(r.Bits(12))
		if a.CoreExtensionMask&CompCore != 0 {
			a.ExSSCoreFsize = int(r.Bits(14)) + 1
			if r.Flag() {
				r.Skip(2)
			}
		}
		if a.CoreExtensionMask&CompXBR != 0 {
			a.ExSSXBRFsize = int(r.Bits(14)) + 1
		}
		if a.CoreExtensionMask&CompXXCH != 0 {
			a.ExSSXXCHFsize = int(r.Bits(14)) + 1
		}
		if a.CoreExtensionMask&CompX96 != 0 {
			a.ExSSX96Fsize = int(r.Bits(12)) + 1
		}
		if a.CoreExtensionMask&CompLBR != 0 {
			a.readLBRParameters(r)
		}
		if a.CoreExtensionMask&CompXLL != 0 {
			a.readXLLParameters(r, s.sizeBits())
		}
		if a.CoreExtensionMask&CompRsv1 != 0 {
			r.Skip(16)
		}
		if a.CoreExtensionMask&CompRsv2 != 0 {
			r.Skip(16)
		}
	case CodingLossless:
		a.CoreExtensionMask = CompXLL
		a.readXLLParameters(r, s.sizeBits())
	case CodingLowBitRate:
		a.CoreExtensionMask = CompLBR
		a.readLBRParameters(r)
	case CodingAuxiliary:
		r.Skip(14 + 8) // nuExSSAuxFsize, nuAuxCodecID
		if r.Flag() {
			r.Skip(3)
		}
	}
	if a.CoreExtensionMask&CompXLL != 0 {
		a.DTSHDStreamID = uint8(r.Bits(3))
	}
	if !seek(r, start+size*8) {
		return exssErrorf(container.ErrMalformed, "asset descriptor read past its %d bytes", size)
	}
	return nil
}

// sizeBits is the width of the substream's size fields.
func (s *ExtensionSubstream) sizeBits() int {
	if s.HeaderSizeType {
		return 20
	}
	return 16
}

func (a *Asset) readLBRParameters(r *bits.Reader) {
	a.ExSSLBRFsize = int(r.Bits(14)) + 1
	if r.Flag() { // bLBRSyncPresent
		r.Skip(2)
	}
}

func (a *Asset) readXLLParameters(r *bits.Reader, sizeBits int) {
	a.ExSSXLLFsize = int(r.Bits(sizeBits)) + 1
	a.ExSSXLLSyncPresent = r.Flag()
	if a.ExSSXLLSyncPresent {
		r.Skip(4) // nuPeakBRCntrlBuffSzkB
		delayBits := int(r.Bits(5)) + 1
		a.InitLLDecDlyFrames = int(r.Bits(delayBits))
		a.ExSSXLLSyncOffset = int(r.Bits(sizeBits))
	}
}

// checkComponents checks that the components fit in the asset
// (set_exss_offsets).
func (a *Asset) checkComponents() (int, error) {
	left := a.AssetFsize
	for _, size := range []int{a.ExSSCoreFsize, a.ExSSXBRFsize, a.ExSSXXCHFsize, a.ExSSX96Fsize, a.ExSSLBRFsize, a.ExSSXLLFsize} {
		if size > left {
			return 0, exssErrorf(container.ErrMalformed, "component of %d bytes in the %d left of the asset", size, left)
		}
		left -= size
	}
	return left, nil
}

func exssErrorf(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("dts", "extension substream", 0, kind, detail, args...)
}
