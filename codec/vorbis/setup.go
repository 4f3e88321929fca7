package vorbis

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// maxModes is the most modes parse_setup_header accepts: with at most 63
// modes, the previous-window flag still lies in the first packet byte.
const maxModes = 63

// Parser gives the duration in samples of each audio packet of a stream, as
// FFmpeg's AVVorbisParseContext does (libavcodec/vorbis_parser.c).
type Parser struct {
	blocksize [2]int
	blockflag []bool // per mode: long window
	modeMask  byte
	prevMask  byte
	previous  int
}

// NewParser builds a packet-duration parser from the identification header
// and the setup header packet (starting with "\x05vorbis"). Like
// parse_setup_header it scans the setup header backwards for the framing
// bit, then for the longest run of mode entries that a preceding 6-bit mode
// count confirms. An error means FFmpeg fails too (av_vorbis_parse_init).
func NewParser(id Identification, setup []byte) (*Parser, error) {
	if len(setup) < 7 || setup[0] != 5 || string(setup[1:7]) != "vorbis" {
		return nil, demuxkit.Errorf("vorbis", "setup header", 0, container.ErrMalformed, "bad packet signature")
	}
	// parse_setup_header reads a byte-reversed copy of the packet, most
	// significant bit first: the LSB-first Vorbis bitstream from its end.
	r := bits.NewReverseReader(setup)
	framing := 0
	for r.Left() > 97 {
		if r.Flag() {
			framing = r.BitPos()
			break
		}
	}
	if framing == 0 {
		return nil, demuxkit.Errorf("vorbis", "setup header", 0, container.ErrMalformed, "no framing bit")
	}
	modes, last := 0, 0
	for r.Left() >= 97 {
		// Each mode, read backwards: mapping (8), transform type (16),
		// window type (16), block flag (1).
		if r.Bits(8) > 63 || r.Bits(16) != 0 || r.Bits(16) != 0 {
			break
		}
		r.Skip(1)
		modes++
		if modes > 64 {
			break
		}
		if int(r.Peek(6))+1 == modes {
			last = modes
		}
	}
	if last == 0 {
		return nil, demuxkit.Errorf("vorbis", "setup header", 0, container.ErrMalformed, "no mode count found")
	}
	if last > maxModes {
		return nil, demuxkit.Errorf("vorbis", "setup header", 0, container.ErrUnsupported, "%d modes", last)
	}
	p := &Parser{
		blocksize: [2]int{1 << id.Blocksize0, 1 << id.Blocksize1},
		blockflag: make([]bool, last),
	}
	// av_log2(last-1)+1 bits code the mode, after the packet-type bit.
	nbits := 1
	for v := last - 1; v > 1; v >>= 1 {
		nbits++
	}
	p.modeMask = byte((1<<nbits)-1) << 1
	p.prevMask = (p.modeMask | 1) + 1
	r = bits.NewReverseReader(setup)
	r.Skip(framing)
	for i := last - 1; i >= 0; i-- {
		r.Skip(40)
		p.blockflag[i] = r.Flag()
	}
	p.Reset()
	return p, nil
}

// Reset forgets the previous packet, as at the start of a stream
// (av_vorbis_parse_reset): the next packet is taken to follow a short block.
func (p *Parser) Reset() { p.previous = p.blocksize[0] }

// PacketKind classifies a Vorbis packet by its first byte.
type PacketKind int

// The kinds of packet: audio, or one of the three header packets.
const (
	Audio PacketKind = iota
	IdentificationHeader
	CommentHeader
	SetupHeader
)

// Duration returns the number of samples that the audio packet whose first
// byte is b0 adds, (previous block + this block)/4, and advances the parser
// (av_vorbis_parse_frame_flags). Header packets return 0 and their kind;
// an unknown header type or mode is an error.
func (p *Parser) Duration(b0 byte) (int, PacketKind, error) {
	if b0&1 != 0 {
		switch b0 {
		case 1:
			return 0, IdentificationHeader, nil
		case 3:
			return 0, CommentHeader, nil
		case 5:
			return 0, SetupHeader, nil
		}
		return 0, Audio, demuxkit.Errorf("vorbis", "packet", 0, container.ErrMalformed, "packet type %d", b0)
	}
	mode := 0
	if len(p.blockflag) > 1 {
		mode = int(b0&p.modeMask) >> 1
	}
	if mode >= len(p.blockflag) {
		return 0, Audio, demuxkit.Errorf("vorbis", "packet", 0, container.ErrMalformed, "mode %d of %d", mode, len(p.blockflag))
	}
	prev := p.previous
	cur := p.blocksize[0]
	if p.blockflag[mode] {
		cur = p.blocksize[1]
		if b0&p.prevMask != 0 {
			prev = p.blocksize[1]
		} else {
			prev = p.blocksize[0]
		}
	}
	p.previous = cur
	return (prev + cur) >> 2, Audio, nil
}
