package vc1

import (
	"bytes"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// The start codes of the VC-1 Advanced profile (SMPTE 421M Annex E), the
// byte after 0x000001.
const (
	StartCodeEndOfSequence = 0x0A
	StartCodeSlice         = 0x0B
	StartCodeField         = 0x0C
	StartCodeFrame         = 0x0D
	StartCodeEntryPoint    = 0x0E
	StartCodeSequence      = 0x0F
)

// minWVC1Extradata is the shortest WVC1 extradata vc1_decode_init accepts.
const minWVC1Extradata = 16

// Config is what the decoder is opened with: a sequence header and, for
// the Advanced profile in a start-code stream, an entry point.
type Config struct {
	Sequence   SequenceHeader
	EntryPoint *EntryPoint // nil for wmv3 extradata
}

// ParseWMV3 reads wmv3 extradata, as vc1_decode_init does for that codec:
// the sequence header from its first bit, STRUCT_C for the Simple and Main
// profiles (four bytes; the bits past the end read as zeros, as in
// FFmpeg's padded buffer), or an Advanced profile sequence header when
// PROFILE says 3. It fails with ff_vc1_decode_sequence_header's refusals:
// ErrUnsupported (old interlaced mode, sprite features, another chroma
// format than 4:2:0, PSF), ErrMalformed (flags the profile forbids, an
// invalid sprite size), and ErrMalformed for empty extradata.
func ParseWMV3(extradata []byte) (Config, error) {
	if len(extradata) == 0 {
		return Config{}, errorf("extradata", container.ErrMalformed, "no extradata")
	}
	s, err := parseSequenceHeader(bits.NewReader(extradata))
	return Config{Sequence: s}, err
}

// ParseWVC1 reads vc1 extradata as vc1_decode_init does for that codec: a
// start-code stream whose sequence header and entry point it reads (the
// last of each, after removing emulation prevention bytes), whatever
// precedes the first start code (ASF's size byte). It fails, wrapping
// ErrMalformed, for fewer than 16 bytes or without both headers ("Incomplete
// extradata"), and with the sequence header's refusals (see ParseWMV3).
func ParseWVC1(extradata []byte) (Config, error) {
	var c Config
	if len(extradata) < minWVC1Extradata {
		return c, errorf("extradata", container.ErrMalformed, "extradata size too small: %d", len(extradata))
	}
	var seq, ep bool
	buf := make([]byte, 0, len(extradata))
	for i := nextMarker(extradata); i >= 0; {
		unit := extradata[i:]
		code, body := unit[3], unit[4:]
		if n := nextMarker(body); n >= 0 {
			body, i = body[:n], i+4+n
		} else {
			i = -1
		}
		if len(body) == 0 {
			continue
		}
		buf = unescape(buf[:0], body)
		r := bits.NewReader(buf)
		switch code {
		case StartCodeSequence:
			s, err := parseSequenceHeader(r)
			c.Sequence = s
			if err != nil {
				return c, err
			}
			seq = true
		case StartCodeEntryPoint:
			e := parseEntryPoint(r, &c.Sequence)
			c.EntryPoint, ep = &e, true
		}
	}
	if !seq || !ep {
		return c, errorf("extradata", container.ErrMalformed, "incomplete extradata: sequence header %v, entry point %v", seq, ep)
	}
	return c, nil
}

// nextMarker returns the index of the next start code 0x000001xx in b whose
// type byte is present (find_next_marker), or -1.
func nextMarker(b []byte) int {
	if i := bytes.Index(b, []byte{0, 0, 1}); i >= 0 && i+4 <= len(b) {
		return i
	}
	return -1
}

// unescape appends to dst the bytes of a VC-1 unit without its emulation
// prevention bytes, as vc1_unescape_buffer does: a 0x03 after two zero
// bytes is dropped when a byte below 4 follows it; units under 4 bytes are
// copied as they are.
func unescape(dst, src []byte) []byte {
	if len(src) < 4 {
		return append(dst, src...)
	}
	for i := 0; i < len(src); i++ {
		if src[i] == 3 && i >= 2 && src[i-1] == 0 && src[i-2] == 0 && i < len(src)-1 && src[i+1] < 4 {
			dst = append(dst, src[i+1])
			i++
			continue
		}
		dst = append(dst, src[i])
	}
	return dst
}
