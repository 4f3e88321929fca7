package dts

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Limits of FFmpeg's XLL decoder (libavcodec/dca_xll.h, dcadata.h).
const (
	xllChSetsMax     = 3         // DCA_XLL_CHSETS_MAX
	xllChannelsMax   = 8         // DCA_XLL_CHANNELS_MAX
	xllPBRBufferMax  = 240 << 10 // DCA_XLL_PBR_BUFFER_MAX
	xllNaviMax       = 1024      // the NAVI entries parse_navi_table accepts
	dmixTableSize    = 242       // FF_DCA_DMIXTABLE_SIZE
	invDmixTableSize = 201       // FF_DCA_INV_DMIXTABLE_SIZE
	dmixTableOffset  = 40        // FF_DCA_DMIXTABLE_OFFSET
	dmixTypeCount    = 7         // DCA_DMIX_TYPE_COUNT
)

// dmixPrimaryChannels are the channels of a primary channel set's downmix
// type (ff_dca_dmix_primary_nch): 1/0, Lo/Ro, Lt/Rt, 3/0, 2/1, 2/2, 3/1.
var dmixPrimaryChannels = [dmixTypeCount]int{1, 2, 2, 3, 3, 4, 4}

// XLLHeader is the common header of a DTS-HD lossless (XLL) frame and its
// channel sets' headers (the lossless extension of ETSI TS 102 114;
// parse_common_header and chs_parse_header of libavcodec/dca_xll.c).
// Sizes are in bytes.
type XLLHeader struct {
	Version       int             // nVersion + 1
	HeaderSize    int             // nHeaderSize + 1
	LLFrameSize   int             // nLLFrameSize + 1: the frame's size
	SegmentsLog2  int             // log2 of nSegmentsInFrame
	SmplInSegLog2 int             // log2 of nSmplInSeg: samples per segment and band
	Bits4SSize    int             // nBits4SSize + 1: the width of segment sizes
	BandDataCRCEn uint8           // nBandDataCRCEn: where the band data has CRCs
	ScalableLSBs  bool            // bScalableLSBs: samples split in MSB and LSB parts
	Bits4ChMask   int             // nBits4ChMask + 1
	FixedLSBWidth uint8           // nuFixedLSBWidth, with ScalableLSBs
	ChSets        []XLLChannelSet // the channel sets, the primary one first
	NumFreqBands  int             // the most frequency bands of a channel set
	FrameSamples  int             // samples per channel and band in the frame
}

// XLLChannelSet is the header of an XLL channel set.
type XLLChannelSet struct {
	ChSetLLChannel   int     // nChSetLLChannel + 1: the set's channels
	ResidualChEncode uint16  // nResidualChEncode: a bit per channel coded without the core
	BitResolution    int     // nBitResolution + 1: the PCM resolution
	BitWidth         int     // nBitWidth + 1: the storage width, 16, 20 or 24
	SFreq            int     // the sample rate (sFreqIndex), in Hz
	PrimaryChSet     bool    // bPrimaryChSet
	DownmixCoeffCode bool    // bDownmixCoeffCodeEmbedded
	DownmixEmbedded  bool    // bDownmixEmbedded
	DownmixType      uint8   // nDownmixType, of a primary set
	HierChSet        bool    // bHierChSet
	ChMask           Speaker // nChMask: the set's loudspeakers
	NumFreqBands     int     // 2 above 96 kHz
	hierOffset       int     // the hierarchy's channels before this set
	residualSpeakers Speaker
}

// parseXLL reads the XLL frame of asset a in the substream b as
// ff_dca_xll_parse does for a packet that starts a stream: at its start
// or, when that is no sync word, at the asset's sync offset (an XLL frame
// that needs the decoder to wait is not decoded).
func parseXLL(b []byte, a Asset) (XLLHeader, error) {
	off, size, _ := a.component(CompXLL)
	data := b[off : off+size]
	h, err := parseXLLFrame(data, a)
	if err == errXLLSync && a.ExSSXLLSyncPresent && a.ExSSXLLSyncOffset < size {
		if a.InitLLDecDlyFrames > 0 {
			return h, xllErrorf(container.ErrUnsupported, "decoding delayed %d frames", a.InitLLDecDlyFrames)
		}
		data = data[a.ExSSXLLSyncOffset:]
		h, err = parseXLLFrame(data, a)
	}
	if err != nil {
		return h, err
	}
	if h.LLFrameSize > len(data) {
		return h, xllErrorf(container.ErrTruncated, "frame of %d bytes in %d", h.LLFrameSize, len(data))
	}
	return h, nil
}

// errXLLSync marks a missing XLL sync word (EAGAIN in dca_xll.c).
var errXLLSync = xllErrorf(container.ErrMalformed, "no sync word")

// parseXLLFrame reads the headers and the segment table of an XLL frame
// (parse_frame, without the band data).
func parseXLLFrame(b []byte, a Asset) (XLLHeader, error) {
	var h XLLHeader
	r := bits.NewReader(b)
	if r.Bits(32) != syncXLL {
		return h, errXLLSync
	}
	h.Version = int(r.Bits(4)) + 1
	h.HeaderSize = int(r.Bits(8)) + 1
	frameSizeBits := int(r.Bits(5)) + 1
	h.LLFrameSize = int(r.Bits(frameSizeBits))
	nchsets := int(r.Bits(4)) + 1
	h.SegmentsLog2 = int(r.Bits(4))
	h.SmplInSegLog2 = int(r.Bits(4))
	h.Bits4SSize = int(r.Bits(5)) + 1
	h.BandDataCRCEn = uint8(r.Bits(2))
	h.ScalableLSBs = r.Flag()
	h.Bits4ChMask = int(r.Bits(5)) + 1
	if h.ScalableLSBs {
		h.FixedLSBWidth = uint8(r.Bits(4))
	}
	if r.Err() != nil {
		return h, xllErrorf(container.ErrTruncated, "header cut at %d bytes", len(b))
	}
	switch {
	case h.Version > 1:
		return h, xllErrorf(container.ErrUnsupported, "version %d", h.Version)
	case h.LLFrameSize >= xllPBRBufferMax:
		return h, xllErrorf(container.ErrMalformed, "frame size %d", h.LLFrameSize)
	case nchsets > xllChSetsMax:
		return h, xllErrorf(container.ErrUnsupported, "%d channel sets", nchsets)
	case h.SegmentsLog2 > 10:
		return h, xllErrorf(container.ErrMalformed, "%d segments", 1<<h.SegmentsLog2)
	case h.SmplInSegLog2 == 0 || h.SmplInSegLog2 > 9:
		return h, xllErrorf(container.ErrMalformed, "%d samples per segment", 1<<h.SmplInSegLog2)
	case h.SegmentsLog2+h.SmplInSegLog2 > 16:
		return h, xllErrorf(container.ErrMalformed, "%d samples per frame", 1<<(h.SegmentsLog2+h.SmplInSegLog2))
	}
	h.LLFrameSize++
	h.FrameSamples = 1 << (h.SegmentsLog2 + h.SmplInSegLog2)
	if !seek(r, h.HeaderSize*8) {
		return h, xllErrorf(container.ErrMalformed, "common header read past its %d bytes", h.HeaderSize)
	}
	hierChannels := 0
	for i := 0; i < nchsets; i++ {
		c, err := h.parseChSet(r, a, i, nchsets, hierChannels)
		if err != nil {
			return h, err
		}
		h.ChSets = append(h.ChSets, c)
		h.NumFreqBands = max(h.NumFreqBands, c.NumFreqBands)
		if c.HierChSet {
			hierChannels += c.ChSetLLChannel
		}
	}
	return h, h.checkSegments(r)
}

// parseChSet reads channel set i's header (chs_parse_header).
func (h *XLLHeader) parseChSet(r *bits.Reader, a Asset, i, nchsets, hierOffset int) (XLLChannelSet, error) {
	c := XLLChannelSet{hierOffset: hierOffset}
	start := r.BitPos()
	size := int(r.Bits(10)) + 1
	c.ChSetLLChannel = int(r.Bits(4)) + 1
	if c.ChSetLLChannel > xllChannelsMax {
		return c, xllErrorf(container.ErrUnsupported, "%d channels in a channel set", c.ChSetLLChannel)
	}
	c.ResidualChEncode = uint16(r.Bits(c.ChSetLLChannel))
	c.BitResolution = int(r.Bits(5)) + 1
	c.BitWidth = int(r.Bits(5)) + 1
	if c.BitWidth != 16 && c.BitWidth != 20 && c.BitWidth != 24 {
		return c, xllErrorf(container.ErrUnsupported, "%d-bit storage", c.BitWidth)
	}
	if c.BitResolution > c.BitWidth {
		return c, xllErrorf(container.ErrMalformed, "%d-bit samples in %d bits", c.BitResolution, c.BitWidth)
	}
	c.SFreq = samplingFreqs[r.Bits(4)]
	if c.SFreq > 192000 {
		return c, xllErrorf(container.ErrUnsupported, "%d Hz", c.SFreq)
	}
	if r.Bits(2) != 0 { // nFsInterpolate
		return c, xllErrorf(container.ErrUnsupported, "sample rate modifier")
	}
	if r.Bits(2) != 0 { // nReplacementSet
		return c, xllErrorf(container.ErrUnsupported, "replacement set")
	}
	if a.One2OneMapChannels2Speakers {
		c.PrimaryChSet = r.Flag()
		if c.PrimaryChSet != (i == 0) {
			return c, xllErrorf(container.ErrMalformed, "channel set %d primary %v", i, c.PrimaryChSet)
		}
		c.DownmixCoeffCode = r.Flag()
		c.DownmixEmbedded = c.DownmixCoeffCode && r.Flag()
		if c.DownmixCoeffCode && c.PrimaryChSet {
			c.DownmixType = uint8(r.Bits(3))
			if c.DownmixType >= dmixTypeCount {
				return c, xllErrorf(container.ErrMalformed, "downmix type %d", c.DownmixType)
			}
		}
		c.HierChSet = r.Flag()
		if !c.HierChSet && nchsets != 1 {
			return c, xllErrorf(container.ErrUnsupported, "channel set outside the hierarchy")
		}
		if c.DownmixCoeffCode {
			if err := skipDownmixCoeffs(r, c); err != nil {
				return c, err
			}
		}
		if !r.Flag() { // bChMaskEnabled
			return c, xllErrorf(container.ErrUnsupported, "no channel mask")
		}
		c.ChMask = Speaker(r.Bits(h.Bits4ChMask))
		if countBits(uint32(c.ChMask)) != c.ChSetLLChannel {
			return c, xllErrorf(container.ErrMalformed, "channel mask %#x for %d channels", c.ChMask, c.ChSetLLChannel)
		}
	} else {
		if c.ChSetLLChannel != 2 || nchsets != 1 || r.Flag() {
			return c, xllErrorf(container.ErrUnsupported, "custom channel to speaker mapping")
		}
		c.PrimaryChSet = true
		c.ChMask = spkStereo
	}
	// The speakers of the channels coded as a residual to the core's.
	k := 0
	for bit := 0; bit < 32 && k < c.ChSetLLChannel; bit++ {
		if c.ChMask&(1<<uint(bit)) != 0 {
			if c.ResidualChEncode&(1<<uint(k)) == 0 {
				c.residualSpeakers |= 1 << uint(bit)
			}
			k++
		}
	}
	c.NumFreqBands = 1
	if c.SFreq > 96000 {
		if r.Flag() {
			return c, xllErrorf(container.ErrUnsupported, "extra frequency bands")
		}
		c.NumFreqBands = 2
	}
	if i > 0 {
		p := h.ChSets[0]
		if c.NumFreqBands != p.NumFreqBands || c.SFreq != p.SFreq || c.BitResolution != p.BitResolution || c.BitWidth != p.BitWidth {
			return c, xllErrorf(container.ErrUnsupported, "channel sets with different audio characteristics")
		}
	}
	if err := h.skipBandParameters(r, c); err != nil {
		return c, err
	}
	if !seek(r, start+size*8) {
		return c, xllErrorf(container.ErrMalformed, "channel set header read past its %d bytes", size)
	}
	return c, nil
}

// skipDownmixCoeffs reads past a channel set's downmix coefficients,
// checking their table indices as parse_dmix_coeffs does.
func skipDownmixCoeffs(r *bits.Reader, c XLLChannelSet) error {
	rows := c.hierOffset
	if c.PrimaryChSet {
		rows = dmixPrimaryChannels[c.DownmixType]
	}
	for i := 0; i < rows && r.Err() == nil; i++ {
		if !c.PrimaryChSet {
			if idx := int(r.Bits(9) & 0xff); idx < dmixTableOffset || idx-dmixTableOffset >= invDmixTableSize {
				return xllErrorf(container.ErrMalformed, "downmix scale index %d", idx)
			}
		}
		for j := 0; j < c.ChSetLLChannel; j++ {
			if idx := int(r.Bits(9) & 0xff); idx >= dmixTableSize {
				return xllErrorf(container.ErrMalformed, "downmix coefficient index %d", idx)
			}
		}
	}
	return nil
}

// skipBandParameters reads past the frequency bands' decoding parameters
// of a channel set header, with chs_parse_header's checks.
func (h *XLLHeader) skipBandParameters(r *bits.Reader, c XLLChannelSet) error {
	n := c.ChSetLLChannel
	segSamples := 1 << h.SmplInSegLog2
	for band := 0; band < c.NumFreqBands; band++ {
		if r.Flag() && n > 1 { // bEnabled: pairwise decorrelation
			chBits := ceilLog2(n)
			for i := 0; i < n; i++ {
				if int(r.Bits(chBits)) >= n {
					return xllErrorf(container.ErrMalformed, "channel order")
				}
			}
			for i := 0; i < n/2; i++ {
				if r.Flag() {
					r.Skip(7)
				}
			}
		}
		orders := make([]int, n)
		highest := 0
		for i := range orders {
			orders[i] = int(r.Bits(4))
			highest = max(highest, orders[i])
		}
		if highest > segSamples {
			return xllErrorf(container.ErrMalformed, "prediction order %d", highest)
		}
		for _, o := range orders {
			if o == 0 {
				r.Skip(2) // fixed prediction order
			}
		}
		for _, o := range orders {
			for j := 0; j < o; j++ {
				if r.Bits(8) == 0xFF { // get_linear gives -128
					return xllErrorf(container.ErrMalformed, "reflection coefficient")
				}
			}
		}
		if band > 0 && c.DownmixEmbedded {
			r.Skip(1)
		}
		if band == 0 && h.ScalableLSBs || band > 0 && r.Flag() {
			lsbSize := int(r.Bits(h.Bits4SSize))
			if lsbSize > h.LLFrameSize {
				return xllErrorf(container.ErrMalformed, "LSB section of %d bytes", lsbSize)
			}
			for i := 0; i < n; i++ {
				if r.Bits(4) != 0 && lsbSize == 0 {
					return xllErrorf(container.ErrMalformed, "LSB width without an LSB section")
				}
			}
		}
		if band == 0 && h.ScalableLSBs || band > 0 && r.Flag() {
			r.Skip(4 * n)
		}
	}
	return nil
}

// checkSegments reads the segment size table (parse_navi_table) and checks
// that the segments, which the band data would be read from, end within
// the data and the frame (parse_band_data, parse_frame).
func (h *XLLHeader) checkSegments(r *bits.Reader) error {
	entries := h.NumFreqBands << h.SegmentsLog2 * len(h.ChSets)
	if entries > xllNaviMax {
		return xllErrorf(container.ErrMalformed, "%d segment sizes", entries)
	}
	total := 0
	for band := 0; band < h.NumFreqBands; band++ {
		for seg := 0; seg < 1<<h.SegmentsLog2; seg++ {
			for _, c := range h.ChSets {
				if c.NumFreqBands <= band {
					continue
				}
				size := int(r.Bits(h.Bits4SSize))
				if size >= h.LLFrameSize {
					return xllErrorf(container.ErrMalformed, "segment of %d bytes", size)
				}
				total += size + 1
			}
		}
	}
	r.Align()
	r.Skip(16) // CRC
	if r.Err() != nil {
		return xllErrorf(container.ErrTruncated, "segment table cut")
	}
	end := r.BitPos() + total*8
	if end > r.BitLen() || end > h.LLFrameSize*8 {
		return xllErrorf(container.ErrMalformed, "segments of %d bytes past the frame", total)
	}
	return nil
}

func ceilLog2(n int) int {
	b := 0
	for 1<<b < n {
		b++
	}
	return b
}

func xllErrorf(kind error, detail string, args ...any) error {
	return demuxkit.Errorf("dts", "xll", 0, kind, detail, args...)
}
