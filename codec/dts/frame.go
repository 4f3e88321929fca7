package dts

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// FFmpeg 5.1's DTS profile names (ff_dca_profiles), as ffprobe prints
// them.
const (
	ProfileDTS        = "DTS"
	ProfileDTSES      = "DTS-ES"
	ProfileDTS9624    = "DTS 96/24"
	ProfileDTSHDHRA   = "DTS-HD HRA"
	ProfileDTSHDMA    = "DTS-HD MA"
	ProfileDTSExpress = "DTS Express"
)

// Frame is a DTS packet as FFmpeg's dca decoder decodes it
// (dcadec_decode_frame): a core frame, an extension substream, or both,
// and the extensions of each that the decoder uses.
type Frame struct {
	// Core is the core frame header, nil when the packet has no core
	// substream.
	Core *CoreHeader
	// Substream is the extension substream, nil when there is none or the
	// decoder refuses it (then the core is decoded alone).
	Substream *ExtensionSubstream
	// XLL and LBR are the lossless and low bit rate components the decoder
	// decodes, nil when the asset has none or the decoder refuses them.
	XLL *XLLHeader
	LBR *LBRHeader // see XLL
	// Extensions are the core's extensions the decoder decodes: CompCoreXCH,
	// CompCoreXXCH, CompCoreX96 of the core substream and CompXXCH,
	// CompXBR, CompX96 of the extension substream (ext_audio_mask).
	Extensions uint16
	// CoreSpeakers are the core's speakers with those its XCH or XXCH
	// extension adds.
	CoreSpeakers Speaker
	// SyncOffset is where the packet's first sync word is.
	SyncOffset int
}

// ParseFrame reads a DTS packet as dcadec_decode_frame does: b is the
// packet, starting with a core frame or an extension substream in any
// representation (the decoder looks for the first sync word, at most 16
// bytes before the end). It returns an error wrapping
// container.ErrMalformed, ErrTruncated or ErrUnsupported when the decoder
// would decode nothing: a packet under 16 bytes, no sync word, a core
// header it refuses, or an extension substream without a core whose
// components it cannot decode.
func ParseFrame(b []byte) (Frame, error) {
	var f Frame
	data, off, err := normalize(b)
	if err != nil {
		return f, err
	}
	f.SyncOffset = off
	input := data
	var coreExt coreExtension
	hasCoreExt := false
	if binary.BigEndian.Uint32(input) == SyncCoreBE {
		h, err := parseCoreHeader(input)
		if err != nil {
			return f, err
		}
		f.Core = &h
		f.CoreSpeakers = h.Speakers()
		coreExt, hasCoreExt = findCoreExtension(input, h)
		// The extension substream starts on the next 4-byte boundary.
		if size := (h.FrameSize() + 3) &^ 3; len(input)-4 > size {
			input = input[size:]
		}
	}
	var asset Asset
	if binary.BigEndian.Uint32(input) == SyncSubstream {
		if s, err := ParseExtensionSubstream(input); err == nil {
			f.Substream = &s
			asset = s.Asset
		}
	}
	if asset.CoreExtensionMask&CompXLL != 0 {
		if h, err := parseXLL(input, asset); err == nil {
			f.XLL = &h
		}
	}
	if asset.CoreExtensionMask&CompLBR != 0 {
		if h, err := parseLBR(input, asset); err == nil {
			f.LBR = &h
		}
	}
	if f.Core != nil {
		f.coreExtensions(data, input, asset, coreExt, hasCoreExt)
	}
	if f.XLL != nil && !f.xllDecodes() {
		f.XLL = nil
	}
	if f.Core == nil && f.XLL == nil && f.LBR == nil {
		return f, demuxkit.Errorf("dts", "packet", int64(off), container.ErrUnsupported, "no decodable substream")
	}
	return f, nil
}

// coreExtensions decides which of the core's extensions the decoder
// decodes (ff_dca_core_parse_exss): an XXCH of the asset, else an XXCH or
// XCH of the core substream; an XBR of the asset; an X96 of the asset or,
// else, of the core substream, unless XLL is decoded.
func (f *Frame) coreExtensions(core, substream []byte, a Asset, ext coreExtension, hasExt bool) {
	h := *f.Core
	switch {
	case a.CoreExtensionMask&CompXXCH != 0:
		off, size, _ := a.component(CompXXCH)
		if s, ok := parseXXCH(substream[off:off+size], 0, f.CoreSpeakers); ok {
			f.CoreSpeakers = s
			f.Extensions |= CompXXCH
		}
	case hasExt && ext.kind == ExtAudioXXCH:
		if s, ok := parseXXCH(core, ext.pos, f.CoreSpeakers); ok {
			f.CoreSpeakers = s
			f.Extensions |= CompCoreXXCH
		}
	case hasExt && ext.kind == ExtAudioXCH:
		// parse_xch_frame: no XCH where the core has Cs already.
		if f.CoreSpeakers&SpkCs == 0 {
			f.CoreSpeakers |= SpkCs
			f.Extensions |= CompCoreXCH
		}
	}
	if a.CoreExtensionMask&CompXBR != 0 {
		off, size, _ := a.component(CompXBR)
		if xbrValid(substream[off:off+size], h) {
			f.Extensions |= CompXBR
		}
	}
	if f.XLL != nil {
		return
	}
	switch {
	case a.CoreExtensionMask&CompX96 != 0:
		off, size, _ := a.component(CompX96)
		if x96ExtSubstreamValid(substream[off : off+size]) {
			f.Extensions |= CompX96
		}
	case hasExt && ext.kind == ExtAudioX96:
		if x96Valid(core, ext.pos) {
			f.Extensions |= CompCoreX96
		}
	}
}

// xllDecodes reports whether the XLL frame combines with the core as
// combine_residual_frame requires: the channels coded as residuals need a
// core at the XLL rate and frame length, with their speakers.
func (f *Frame) xllDecodes() bool {
	for _, c := range f.XLL.ChSets {
		if c.residualSpeakers == 0 {
			continue
		}
		if f.Core == nil {
			return false
		}
		x96 := 0
		if p := f.XLL.ChSets[0]; p.SFreq>>(p.NumFreqBands-1) == 96000 && f.Core.SampleRate() == 48000 {
			x96 = 1
		}
		if c.SFreq>>(c.NumFreqBands-1) != f.Core.SampleRate()<<x96 || f.XLL.FrameSamples != f.Core.Samples()<<x96 {
			return false
		}
		for s := c.residualSpeakers; s != 0; s &= s - 1 {
			spk := s & -s
			if f.CoreSpeakers&spk == 0 &&
				!(spk == SpkLss && f.CoreSpeakers&SpkLs != 0) && !(spk == SpkRss && f.CoreSpeakers&SpkRs != 0) {
				return false
			}
		}
	}
	return true
}

// xbrValid checks an XBR frame header (parse_xbr_frame) against the core.
func xbrValid(b []byte, h CoreHeader) bool {
	r := bits.NewReader(b)
	if r.Bits(32) != syncXBR {
		return false
	}
	headerSize := int(r.Bits(6)) + 1
	nchsets := int(r.Bits(2)) + 1
	r.Skip(14 * nchsets) // channel set sizes
	r.Skip(1)            // transition mode
	for i := 0; i < nchsets; i++ {
		nchannels := int(r.Bits(3)) + 1
		bandBits := int(r.Bits(2)) + 5
		for ch := 0; ch < nchannels; ch++ {
			if r.Bits(bandBits)+1 > 32 { // DCA_SUBBANDS
				return false
			}
		}
	}
	return seek(r, headerSize*8)
}

// x96ExtSubstreamValid checks the X96 frame header of an extension
// substream (parse_x96_frame_exss).
func x96ExtSubstreamValid(b []byte) bool {
	r := bits.NewReader(b)
	if r.Bits(32) != syncX96 {
		return false
	}
	headerSize := int(r.Bits(6)) + 1
	rev := r.Bits(4)
	if rev < 1 || rev > 8 {
		return false
	}
	r.Skip(1) // CRC present
	nchsets := int(r.Bits(2)) + 1
	r.Skip((12 + 3) * nchsets)
	return seek(r, headerSize*8)
}

// Profile returns the profile ffprobe prints: "DTS Express" for LBR,
// "DTS-HD MA" for XLL, and for the core "DTS-HD HRA" with an extension of
// the extension substream, "DTS-ES" with XCH or XXCH, "DTS 96/24" with
// X96, "DTS" otherwise (ff_dca_core_filter_frame).
func (f Frame) Profile() string {
	switch {
	case f.LBR != nil:
		return ProfileDTSExpress
	case f.XLL != nil:
		return ProfileDTSHDMA
	case f.Extensions&compExtSubstream != 0:
		return ProfileDTSHDHRA
	case f.Extensions&(CompCoreXXCH|CompCoreXCH) != 0:
		return ProfileDTSES
	case f.Extensions&CompCoreX96 != 0:
		return ProfileDTS9624
	}
	return ProfileDTS
}

// x96 reports whether the core is decoded with its X96 band.
func (f Frame) x96() bool { return f.Extensions&(CompX96|CompCoreX96) != 0 }

// SampleRate returns the decoder's sample rate in Hz: LBR's, XLL's first
// channel set's, or the core's, doubled by X96.
func (f Frame) SampleRate() int {
	switch {
	case f.LBR != nil:
		return f.LBR.SampleRate()
	case f.XLL != nil:
		return f.XLL.ChSets[0].SFreq
	case f.x96():
		return f.Core.SampleRate() << 1
	case f.Core != nil:
		return f.Core.SampleRate()
	}
	return 0
}

// Layout returns the decoder's channel layout as an FFmpeg mask: LBR's,
// the speakers of all XLL channel sets, or the core's with its extra
// channels (ff_dca_set_channel_layout).
func (f Frame) Layout() uint64 {
	switch {
	case f.LBR != nil:
		return f.LBR.Layout()
	case f.XLL != nil:
		var s Speaker
		for _, c := range f.XLL.ChSets {
			s |= c.ChMask
		}
		return s.Layout()
	}
	return f.CoreSpeakers.Layout()
}

// fixedPoint reports whether a core is decoded in fixed point, which the
// decoder does when the asset has XLL it could not use.
func (f Frame) fixedPoint() bool {
	return f.XLL == nil && f.LBR == nil && f.Substream != nil && f.Substream.Asset.CoreExtensionMask&CompXLL != 0
}

// SampleFmt returns the decoder's sample format: "fltp" for LBR and a
// lossy core, "s16p" or "s32p" by XLL's storage width, "s32p" for a core
// decoded in fixed point because the XLL beside it could not be used.
func (f Frame) SampleFmt() string {
	switch {
	case f.XLL != nil && f.LBR == nil:
		if f.XLL.ChSets[0].BitWidth == 16 {
			return "s16p"
		}
		return "s32p"
	case f.fixedPoint():
		return "s32p"
	}
	return "fltp"
}

// BitsPerRawSample returns the decoder's bits per raw sample: XLL's
// storage width, 24 for a core decoded in fixed point, 0 otherwise.
func (f Frame) BitsPerRawSample() int {
	switch {
	case f.XLL != nil && f.LBR == nil:
		return f.XLL.ChSets[0].BitWidth
	case f.fixedPoint():
		return 24
	}
	return 0
}

// BitRate returns the decoder's bit rate in bit/s: LBR's scaled rate,
// none for XLL, the core's transmission rate unless an extension of the
// extension substream is decoded.
func (f Frame) BitRate() int64 {
	switch {
	case f.LBR != nil:
		return int64(f.LBR.BitRateScaled)
	case f.XLL != nil, f.Extensions&compExtSubstream != 0, f.Core == nil:
		return 0
	}
	return f.Core.BitRate()
}

// Describe sets on st what ffprobe prints for a stream whose first packet
// is f: the profile, the sample rate, the channels and their layout, the
// sample format, the bits per raw sample and the bit rate (0 for DTS-HD,
// which ffprobe then prints as none).
func (f Frame) Describe(st *container.Stream) {
	st.Profile = f.Profile()
	st.SampleRate = f.SampleRate()
	mask := f.Layout()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
	st.SampleFmt = f.SampleFmt()
	st.BitsPerRawSample = f.BitsPerRawSample()
	st.BitRate = f.BitRate()
}
