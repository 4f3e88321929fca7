package theora

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// IdentificationSize is the length of an identification header of Theora
// 3.2 and later: 42 bytes.
const IdentificationSize = 42

// version32 is Theora 3.2.0 (alpha 3), from which the header carries the
// picture region and the pixel format.
const version32 = 0x030200

// Identification is the Theora identification header (Theora I
// specification 6.2), with the specification's field names, as FFmpeg's
// decoder reads it. Headers older than 3.2.0 lack PICW, PICH, PICX, PICY
// and PF and have KFGSHIFT before CS; their PICW and PICH are taken as the
// whole frame and PF as 4:2:0, as theora_decode_header does.
type Identification struct {
	VMAJ, VMIN, VREV uint8
	FMBW, FMBH       uint16 // frame size in 16x16 macroblocks
	PICW, PICH       uint32 // picture region size in pixels
	PICX, PICY       uint8  // picture region offset; PICY from the bottom
	FRN, FRD         uint32 // frame rate numerator and denominator
	PARN, PARD       uint32 // pixel aspect ratio, 24 bits each
	CS               uint8  // colour space: 0 undefined, 1 Rec. 470M, 2 Rec. 470BG
	NOMBR            uint32 // nominal bit rate, 24 bits
	QUAL             uint8
	KFGSHIFT         uint8
	PF               uint8 // pixel format: 0 4:2:0, 2 4:2:2, 3 4:4:4 (1 reserved)
}

// Version returns VMAJ.VMIN.VREV as one number (0x030201 for 3.2.1), as
// FFmpeg compares it; a version of 0 reads as 1, as theora_decode_header
// takes it.
func (id Identification) Version() uint32 {
	v := uint32(id.VMAJ)<<16 | uint32(id.VMIN)<<8 | uint32(id.VREV)
	if v == 0 {
		return 1
	}
	return v
}

func errorf(off int64, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("theora", "identification header", off, kind, detail, args...)
}

// ParseIdentification reads an identification header packet, which starts
// with the packet type 0x80 (ErrMalformed otherwise; the "theora" that
// follows is not checked, as the decoder does not check it). The fields are
// read as theora_decode_header reads them, from a buffer that reads as
// zeros past its end: a short packet gives its fields with the missing
// bits 0 and an error wrapping ErrTruncated. Whether FFmpeg accepts the
// values is [Identification.Check]'s question.
func ParseIdentification(b []byte) (Identification, error) {
	var id Identification
	if len(b) == 0 || b[0] != 0x80 {
		return id, errorf(0, container.ErrMalformed, "not an identification header")
	}
	r := bits.NewReader(b)
	r.Skip(7 * 8) // 0x80 "theora"
	id.VMAJ, id.VMIN, id.VREV = r.U8(), r.U8(), r.U8()
	id.FMBW, id.FMBH = r.U16(), r.U16()
	old := id.Version() < version32
	if old {
		id.PICW, id.PICH = uint32(id.FMBW)<<4, uint32(id.FMBH)<<4
	} else {
		id.PICW, id.PICH = uint32(r.Bits(24)), uint32(r.Bits(24))
		id.PICX, id.PICY = r.U8(), r.U8()
	}
	id.FRN, id.FRD = r.U32(), r.U32()
	id.PARN, id.PARD = uint32(r.Bits(24)), uint32(r.Bits(24))
	if old {
		id.KFGSHIFT = uint8(r.Bits(5))
	}
	id.CS = r.U8()
	id.NOMBR = uint32(r.Bits(24))
	id.QUAL = uint8(r.Bits(6))
	if !old {
		id.KFGSHIFT = uint8(r.Bits(5))
		id.PF = uint8(r.Bits(2))
		r.Skip(3) // reserved
	}
	if r.Err() != nil {
		return id, errorf(int64(len(b)), container.ErrTruncated, "%d-byte identification header, version %06x", len(b), id.Version())
	}
	return id, nil
}

// FrameWidth and FrameHeight return the coded frame size in pixels, 16
// times the macroblock counts.
func (id Identification) FrameWidth() int  { return int(id.FMBW) << 4 }
func (id Identification) FrameHeight() int { return int(id.FMBH) << 4 }

// Check reports whether theora_decode_header accepts the header, so that
// FFmpeg's decoder opens: a picture region of a size av_image_check_size
// accepts that lies within the frame, a frame rate whose terms are below
// 2^31 when both are non-zero, a pixel format other than the reserved 1, and
// a frame size ff_set_dimensions accepts. The error wraps ErrMalformed.
//
// When the decoder does not open, ffprobe 5.1 prints no streams at all and
// exits with an error ("Could not open codec"; checked on a Matroska file
// whose header had PF 1), so a container may prefer to fail the probe.
func (id Identification) Check() error {
	w, h := id.FrameWidth(), id.FrameHeight()
	pw, ph := int64(id.PICW), int64(id.PICH)
	if !codec.ValidPictureSize(pw, ph) || pw+int64(id.PICX) > int64(w) || ph+int64(id.PICY) > int64(h) {
		return errorf(14, container.ErrMalformed, "invalid frame dimensions - w:%d h:%d x:%d y:%d (%dx%d)", pw, ph, id.PICX, id.PICY, w, h)
	}
	if id.FRN != 0 && id.FRD != 0 && (int32(id.FRN) < 0 || int32(id.FRD) < 0) {
		return errorf(22, container.ErrMalformed, "invalid framerate %d/%d", id.FRN, id.FRD)
	}
	if id.PF == 1 {
		return errorf(41, container.ErrMalformed, "invalid pixel format")
	}
	if !codec.ValidPictureSize(int64(w), int64(h)) {
		return errorf(10, container.ErrMalformed, "picture size %dx%d is invalid", w, h)
	}
	return nil
}
