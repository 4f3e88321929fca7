package hevc

import (
	"math"

	"github.com/mediaprobe/mediaprobe/internal/bits"
)

// bitSource is what the syntax the VPS and the SPS share
// (profile_tier_level, hrd_parameters) is read from: a [bits.Reader], or
// a [pastEnd] for the VPS.
type bitSource interface {
	Bits(n int) uint64
	Flag() bool
	U8() uint8
	U16() uint16
	U32() uint32
	UE() uint64
	Skip(n int)
	Left() int
	BitPos() int
	Err() error
}

// pastEnd reads the bits of a unit as FFmpeg's checked reader
// (libavcodec/get_bits.h) does once it has run past them, which matters
// for the VPS alone, the one parameter set FFmpeg keeps after such a run
// (the first of its id): past the last bit comes the rbsp_stop_one_bit,
// then zeros for ever, and a ue(v) read in the zeros is 2^32-1
// (get_ue_golomb_long), which most of the checks after it refuse. Left
// goes negative past the end, as get_bits_left does.
type pastEnd struct {
	r   *bits.Reader // the unit's bytes to its stop bit, then zero bytes
	end int          // the position of the stop bit: the unit's bits
}

// pastEndSlack is the zero bytes after the stop bit's byte, enough for a
// read of 64 bits that starts at the stop bit.
const pastEndSlack = 9

// newPastEnd returns a reader of the unit's payload, after its header.
func newPastEnd(u unit) *pastEnd {
	n := u.nbits/8 + 1 // the bytes up to the one holding the stop bit
	buf := make([]byte, n+pastEndSlack)
	copy(buf, u.rbsp[:min(len(u.rbsp), n)])
	r := bits.NewReader(buf)
	r.Skip(8 * nalHeaderSize)
	return &pastEnd{r: r, end: u.nbits}
}

// past reports whether the reader has read past the unit's bits (its
// stop bit included), where every bit is a zero.
func (p *pastEnd) past() bool { return p.r.BitPos() > p.end }

func (p *pastEnd) Bits(n int) uint64 {
	if p.past() {
		return 0
	}
	return p.r.Bits(n)
}

func (p *pastEnd) Flag() bool  { return p.Bits(1) == 1 }
func (p *pastEnd) U8() uint8   { return uint8(p.Bits(8)) }
func (p *pastEnd) U16() uint16 { return uint16(p.Bits(16)) }
func (p *pastEnd) U32() uint32 { return uint32(p.Bits(32)) }
func (p *pastEnd) BitPos() int { return p.r.BitPos() }
func (p *pastEnd) Err() error  { return p.r.Err() }
func (p *pastEnd) Left() int   { return p.end - p.r.BitPos() }

func (p *pastEnd) UE() uint64 {
	if p.past() {
		return math.MaxUint32
	}
	return p.r.UE()
}

func (p *pastEnd) Skip(n int) {
	if !p.past() {
		p.r.Skip(n)
	}
}
