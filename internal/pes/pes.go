// Package pes reads the headers of MPEG-2 Packetized Elementary Stream
// packets (ISO/IEC 13818-1 2.4.3.6) and of their MPEG-1 system-stream
// ancestors (ISO/IEC 11172-1 2.4.3.3), which carry the elementary streams
// of MPEG-TS and MPEG-PS files: stream id, length and timestamps.
package pes

import "errors"

// NoPTS marks an absent timestamp (container.NoPTS).
const NoPTS int64 = -1 << 63

// Stream ids with a meaning of their own (Table 2-22).
const (
	ProgramStreamMap = 0xBC
	PrivateStream1   = 0xBD
	PaddingStream    = 0xBE
	PrivateStream2   = 0xBF
	ECMStream        = 0xF0
	EMMStream        = 0xF1
	DSMCCStream      = 0xF2
	H2221TypeE       = 0xF8
	ExtendedStreamID = 0xFD // extended_stream_id in the header extension
	ProgramStreamDir = 0xFF
	PackHeader       = 0xBA // not a PES packet: MPEG-PS pack start code
	SystemHeader     = 0xBB // not a PES packet: MPEG-PS system header
	ProgramEndCode   = 0xB9
)

// IsAudio reports an MPEG audio stream id (0xC0-0xDF).
func IsAudio(id byte) bool { return id&0xE0 == 0xC0 }

// IsVideo reports an MPEG video stream id (0xE0-0xEF).
func IsVideo(id byte) bool { return id&0xF0 == 0xE0 }

// HasHeader reports whether packets of this stream id carry the optional
// header with timestamps; padding, private stream 2, ECM/EMM, the stream
// map and directory, DSM-CC and H.222.1 type E packets do not.
func HasHeader(id byte) bool {
	switch id {
	case ProgramStreamMap, PaddingStream, PrivateStream2, ECMStream, EMMStream,
		ProgramStreamDir, DSMCCStream, H2221TypeE:
		return false
	}
	return true
}

// Header is what a PES packet header says.
type Header struct {
	StreamID byte
	// Length is PES_packet_length: the bytes after the length field, 0 for
	// an unbounded video packet in a transport stream.
	Length int
	PTS    int64 // 90 kHz, 33 bits; NoPTS when absent
	DTS    int64 // NoPTS when absent
	// PayloadOffset is where the elementary stream data starts, counted
	// from the 00 00 01 prefix.
	PayloadOffset int
	// MPEG1 reports the MPEG-1 system-stream header layout.
	MPEG1 bool
	// ExtendedStreamID is the stream_id_extension of stream id 0xFD
	// (VC-1, Dirac in TS), 0 when absent.
	ExtendedStreamID byte
}

// Errors of Parse.
var (
	ErrNoStartCode = errors.New("pes: no packet start code prefix")
	ErrShort       = errors.New("pes: header cut short")
	ErrMalformed   = errors.New("pes: malformed header")
)

// Parse reads the header at the start of b (00 00 01 stream_id ...). It
// reads only the header; b may end anywhere after it.
func Parse(b []byte) (Header, error) {
	h := Header{PTS: NoPTS, DTS: NoPTS}
	if len(b) < 6 {
		return h, ErrShort
	}
	if b[0] != 0 || b[1] != 0 || b[2] != 1 {
		return h, ErrNoStartCode
	}
	h.StreamID = b[3]
	h.Length = int(b[4])<<8 | int(b[5])
	h.PayloadOffset = 6
	if !HasHeader(h.StreamID) {
		return h, nil
	}
	if len(b) < 7 {
		return h, ErrShort
	}
	if b[6]&0xC0 == 0x80 {
		return parseMPEG2(b, h)
	}
	return parseMPEG1(b, h)
}

func parseMPEG2(b []byte, h Header) (Header, error) {
	if len(b) < 9 {
		return h, ErrShort
	}
	flags := b[7]
	end := 9 + int(b[8])
	if len(b) < end {
		return h, ErrShort
	}
	h.PayloadOffset = end
	p := 9
	switch flags >> 6 {
	case 2:
		if p+5 > end {
			return h, ErrMalformed
		}
		h.PTS, _ = Timestamp(b[p:])
		p += 5
	case 3:
		if p+10 > end {
			return h, ErrMalformed
		}
		h.PTS, _ = Timestamp(b[p:])
		h.DTS, _ = Timestamp(b[p+5:])
		p += 10
	}
	if h.StreamID == ExtendedStreamID && flags&1 != 0 {
		// Skip ESCR, ES rate, trick mode, copy info and CRC to reach the
		// extension, whose last field names the stream.
		if flags&0x20 != 0 {
			p += 6
		}
		if flags&0x10 != 0 {
			p += 3
		}
		if flags&0x08 != 0 {
			p++
		}
		if flags&0x04 != 0 {
			p++
		}
		if flags&0x02 != 0 {
			p += 2
		}
		if p < end {
			ext := b[p]
			p++
			if ext&0x80 != 0 { // private data
				p += 16
			}
			if ext&0x40 != 0 && p < end { // pack header field
				p += 1 + int(b[p])
			}
			if ext&0x20 != 0 { // sequence counter
				p += 2
			}
			if ext&0x10 != 0 { // P-STD buffer
				p += 2
			}
			if ext&0x01 != 0 && p+1 < end && b[p]&0x7F >= 1 { // extension 2
				if b[p+1]&0x80 == 0 {
					h.ExtendedStreamID = b[p+1] & 0x7F
				}
			}
		}
	}
	return h, nil
}

// parseMPEG1 reads the MPEG-1 layout: stuffing, an optional STD buffer
// field, then the timestamps or the 0x0F "none" byte.
func parseMPEG1(b []byte, h Header) (Header, error) {
	h.MPEG1 = true
	p := 6
	for n := 0; p < len(b) && b[p] == 0xFF; n++ {
		if n == 16 { // at most 16 stuffing bytes
			return h, ErrMalformed
		}
		p++
	}
	if p >= len(b) {
		return h, ErrShort
	}
	if b[p]&0xC0 == 0x40 {
		p += 2
		if p >= len(b) {
			return h, ErrShort
		}
	}
	switch b[p] >> 4 {
	case 2:
		if p+5 > len(b) {
			return h, ErrShort
		}
		h.PTS, _ = Timestamp(b[p:])
		p += 5
	case 3:
		if p+10 > len(b) {
			return h, ErrShort
		}
		h.PTS, _ = Timestamp(b[p:])
		h.DTS, _ = Timestamp(b[p+5:])
		p += 10
	default:
		if b[p] != 0x0F {
			return h, ErrMalformed
		}
		p++
	}
	h.PayloadOffset = p
	return h, nil
}

// Timestamp decodes the 5-byte 33-bit timestamp at the start of b (PTS,
// DTS, or an MPEG-PS SCR base in MPEG-1 layout); ok is false when b is
// shorter than 5 bytes or a marker bit is clear (the value is still
// returned, as FFmpeg's ff_parse_pes_pts ignores markers).
func Timestamp(b []byte) (ts int64, ok bool) {
	if len(b) < 5 {
		return NoPTS, false
	}
	ts = int64(b[0]>>1&7)<<30 | int64(b[1])<<22 | int64(b[2]>>1)<<15 | int64(b[3])<<7 | int64(b[4]>>1)
	ok = b[0]&1 == 1 && b[2]&1 == 1 && b[4]&1 == 1
	return ts, ok
}
