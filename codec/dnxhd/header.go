package dnxhd

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// HeaderSize is the length of the frame header of the DNxHD compression
// IDs, which is also the shortest frame FFmpeg's decoder looks at
// (dnxhd_decode_header: "buffer too small").
const HeaderSize = 0x280

// The header prefixes ff_dnxhd_parse_header_prefix accepts
// (libavcodec/dnxhddata.h): the first five bytes of the frame read as the
// top of a 48-bit number whose last byte is 0.
const (
	PrefixInitial = 0x000002800100 // DNxHD
	Prefix444     = 0x000002800200 // DNxHD 4:4:4 (1256)
	// DNxHR prefixes have a last byte of 3 and, in bytes 2 and 3, the
	// offset of the macroblock data: 0x280 to 0x2170, a multiple of 4.
	prefixHRMask = 0xFFFF0000FFFF
	prefixHR     = 0x000000000300
)

// maxMBHeight is the size of the decoder's mb_scan_index array: frames
// with more macroblock rows are refused.
const maxMBHeight = 512

// Header is the frame header of a DNxHD or DNxHR frame as FFmpeg's decoder
// reads it (dnxhd_decode_header); the comments give each field's byte
// offset. The specification's syntax element names are kept where the
// header has one (ALPF, SPL, SBD, CID).
type Header struct {
	HeaderPrefix uint64 // bytes 0-4, as described at PrefixInitial
	Interlaced   bool   // byte 5 bit 1
	CurrentField uint8  // byte 5 bit 0: the field this coding unit holds
	MBAFF        bool   // byte 6 bit 5: adaptive macroblock interlace (1260)
	Alpha        bool   // byte 7 bit 0
	LLA          bool   // byte 7 bit 1
	ALPF         uint16 // 0x18: active lines per field (per frame when progressive)
	SPL          uint16 // 0x1A: samples per line
	SBD          uint8  // 0x21 bits 7-5: sample bit depth, 1 (8), 2 (10) or 3 (12)
	CID          uint32 // 0x28: compression ID
	Is444        bool   // 0x2C bit 6: 4:4:4 sampling
	Colorimetry  uint8  // 0x2C bits 2-1: 0 bt709, 1 bt2020nc, 2 bt2020c, 3 unspecified (per frame only)
	ACT          bool   // 0x2C bit 0: adaptive colour transform (YCbCr, not RGB)
	MBHeight     uint16 // 0x16C: macroblock rows of the coding unit
}

// BitDepth returns the bits per sample SBD codes: 8, 10 or 12, or 0 for the
// values dnxhd_decode_header refuses.
func (h Header) BitDepth() int {
	switch h.SBD {
	case 1:
		return 8
	case 2:
		return 10
	case 3:
		return 12
	}
	return 0
}

// PixFmt returns the pixel format dnxhd_decode_header chooses: 4:2:2 at 8,
// 10 or 12 bits ("yuv422p", "yuv422p10le", "yuv422p12le"), and for 4:4:4
// frames "yuv444p10le"/"yuv444p12le" with the adaptive colour transform
// flag or "gbrp10le"/"gbrp12le" without; "" for an 8-bit 4:4:4 frame or an
// unknown bit depth, which the decoder refuses.
func (h Header) PixFmt() string {
	d := h.BitDepth()
	switch {
	case d == 0, h.Is444 && d == 8:
		return ""
	case h.Is444 && h.ACT:
		return "yuv444p" + itoa(d) + "le"
	case h.Is444:
		return "gbrp" + itoa(d) + "le"
	case d == 8:
		return "yuv422p"
	}
	return "yuv422p" + itoa(d) + "le"
}

func itoa(d int) string {
	if d == 10 {
		return "10"
	}
	return "12"
}

// isHR reports whether a prefix is a DNxHR one (ff_dnxhd_check_header_prefix_hr).
func isHR(prefix uint64) bool {
	off := prefix >> 16
	return prefix&prefixHRMask == prefixHR && off >= 0x280 && off <= 0x2170 && off&3 == 0
}

// stage says how far dnxhd_decode_header and dnxhd_decode_frame got, and
// so which stream parameters they set.
type stage int

const (
	stageNone    stage = iota // refused before anything was set
	stageProfile              // profile set
	stageDepth                // bits_per_raw_sample and sample aspect ratio set
	stageFrame                // pix_fmt and the size set
)

// result is a parsed header with what the decoder derived from it.
type result struct {
	h             Header
	stage         stage
	width, height int                // after the raster and field adjustments
	sar           container.Rational // 0/0 unless the raster is subsampled
}

func errorf(off int64, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("dnxhd", "frame header", off, kind, detail, args...)
}

// ParseHeader reads the header of a DNxHD frame: b holds the frame's first
// bytes and frameSize is the frame's whole length, which may exceed len(b)
// when the caller has read only the start of a large frame (0 means
// len(b)). The header needs HeaderSize bytes, and a DNxHR header with more
// than 68 macroblock rows 0x170 bytes plus 4 per row.
//
// It makes the checks dnxhd_decode_header makes, in its order, and returns
// the fields read so far with the first failure: a frame shorter than
// HeaderSize, an unknown prefix or sample bit depth, a frame short of the
// coding unit size or of the macroblock rows' offsets (ErrMalformed); an
// unknown compression ID or an 8-bit 4:4:4 frame (ErrUnsupported); a bit
// depth other than the compression ID's (ErrMalformed); fewer bytes in b
// than the header needs (ErrTruncated).
func ParseHeader(b []byte, frameSize int) (Header, error) {
	r, err := parse(b, frameSize)
	return r.h, err
}

func parse(b []byte, frameSize int) (result, error) {
	var r result
	h := &r.h
	if frameSize <= 0 {
		frameSize = len(b)
	}
	if frameSize < len(b) {
		b = b[:frameSize]
	}
	switch {
	case frameSize < HeaderSize:
		return r, errorf(0, container.ErrMalformed, "buffer too small (%d < %d)", frameSize, HeaderSize)
	case len(b) < HeaderSize:
		return r, errorf(0, container.ErrTruncated, "%d of the %d bytes of the header", len(b), HeaderSize)
	}
	be := binary.BigEndian
	h.HeaderPrefix = uint64(be.Uint32(b))<<16 | uint64(b[4])<<8
	if h.HeaderPrefix != PrefixInitial && h.HeaderPrefix != Prefix444 && !isHR(h.HeaderPrefix) {
		return r, errorf(0, container.ErrMalformed, "unknown header % x", b[:5])
	}
	h.Interlaced = b[5]&2 != 0
	h.CurrentField = b[5] & 1
	h.MBAFF = b[6]>>5&1 != 0
	h.Alpha = b[7]&1 != 0
	h.LLA = b[7]>>1&1 != 0
	h.ALPF = be.Uint16(b[0x18:])
	h.SPL = be.Uint16(b[0x1A:])
	h.SBD = b[0x21] >> 5
	depth := h.BitDepth()
	if depth == 0 {
		return r, errorf(0x21, container.ErrMalformed, "unknown bitdepth indicator (%d)", h.SBD)
	}
	h.CID = be.Uint32(b[0x28:])
	r.stage = stageProfile
	e, ok := lookup(h.CID)
	if !ok {
		return r, errorf(0x28, container.ErrUnsupported, "unsupported cid %d", h.CID)
	}
	if e.bitDepth != 0 && e.bitDepth != depth {
		return r, errorf(0x21, container.ErrMalformed, "bit depth mismatches %d %d", e.bitDepth, depth)
	}
	h.Colorimetry = b[0x2C] >> 1 & 3
	h.ACT = b[0x2C]&1 != 0
	h.Is444 = b[0x2C]>>6&1 != 0
	if h.Is444 && depth == 8 {
		return r, errorf(0x2C, container.ErrUnsupported, "4:4:4 8 bits")
	}
	r.stage = stageDepth
	// "DNx100 allows 1920->1440 and 1280->960 subsampling": a raster
	// narrower than the compression ID's is stretched to it, and the
	// ratio becomes the sample aspect ratio.
	r.width, r.height = int(h.SPL), int(h.ALPF)
	if e.width != 0 && r.width != e.width {
		if sar := (container.Rational{Num: int64(r.width), Den: int64(e.width)}).Reduce(255); sar.Valid() {
			r.sar = sar
		}
		r.width = e.width
	}
	if frameSize < e.codingUnitSize {
		return r, errorf(0, container.ErrMalformed, "incorrect frame size (%d < %d)", frameSize, e.codingUnitSize)
	}
	h.MBHeight = be.Uint16(b[0x16C:])
	mbHeight := int(h.MBHeight)
	if (r.height+15)>>4 == mbHeight && h.Interlaced {
		r.height <<= 1
	}
	dataOffset := HeaderSize
	switch {
	case mbHeight > 68 && isHR(h.HeaderPrefix):
		dataOffset = 0x170 + mbHeight<<2
	case mbHeight > 68:
		return r, errorf(0x16C, container.ErrMalformed, "mb height too big: %d", mbHeight)
	}
	il := 0
	if h.Interlaced {
		il = 1
	}
	if mbHeight<<il > (r.height+15)>>4 {
		return r, errorf(0x16C, container.ErrMalformed, "mb height too big: %d", mbHeight)
	}
	if frameSize < dataOffset {
		return r, errorf(0, container.ErrMalformed, "buffer too small (%d < %d)", frameSize, dataOffset)
	}
	if mbHeight > maxMBHeight {
		return r, errorf(0x16C, container.ErrMalformed, "mb_height too big (%d > %d)", mbHeight, maxMBHeight)
	}
	if end := 0x170 + mbHeight<<2; len(b) < end {
		return r, errorf(int64(len(b)), container.ErrTruncated, "%d of the %d bytes of the macroblock row offsets", len(b), end)
	}
	for i := 0; i < mbHeight; i++ {
		if idx := be.Uint32(b[0x170+i<<2:]); int64(idx) > int64(frameSize-dataOffset) {
			return r, errorf(int64(0x170+i<<2), container.ErrMalformed, "invalid mb scan index (%d vs %d)", idx, frameSize-dataOffset)
		}
	}
	r.stage = stageFrame
	return r, nil
}
