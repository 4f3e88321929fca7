package dts

import (
	"encoding/binary"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"
)

// bitWriter builds DTS structures bit by bit for the tests, most
// significant bit first.
type bitWriter struct {
	b []byte
	n int // bits written
}

func (w *bitWriter) put(n int, v uint64) *bitWriter {
	for i := n - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>uint(i)&1 != 0 {
			w.b[len(w.b)-1] |= 0x80 >> uint(w.n%8)
		}
		w.n++
	}
	return w
}

func (w *bitWriter) flag(v bool) *bitWriter {
	if v {
		return w.put(1, 1)
	}
	return w.put(1, 0)
}

// padTo pads with zeros to n bytes (n*8 bits).
func (w *bitWriter) padTo(n int) []byte {
	for w.n < n*8 {
		w.put(1, 0)
	}
	return w.b
}

// bytes returns the bits written, padded to a whole byte.
func (w *bitWriter) bytes() []byte { return w.padTo((w.n + 7) / 8) }

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// coreFrame pads a core frame header to its frame size.
func coreFrame(t testing.TB, hdr string) []byte {
	t.Helper()
	b := unhex(t, hdr)
	h, err := ParseCoreHeader(b)
	require.NoError(t, err)
	return append(b, make([]byte, h.FrameSize()-len(b))...)
}

// setBits overwrites n bits of b at bit pos with v.
func setBits(b []byte, pos, n int, v uint64) {
	for i := 0; i < n; i++ {
		p := pos + i
		if v>>uint(n-1-i)&1 != 0 {
			b[p>>3] |= 0x80 >> uint(p&7)
		} else {
			b[p>>3] &^= 0x80 >> uint(p&7)
		}
	}
}

// Bit positions of core header fields.
const (
	posFSize      = 32 + 1 + 5 + 1 + 7
	posAMode      = posFSize + 14
	posExtAudioID = posAMode + 6 + 4 + 5 + 1 + 1 + 1 + 1 + 1
	posExtAudio   = posExtAudioID + 3
	posLFF        = posExtAudio + 1 + 1
)

// asset describes the extension substream asset the tests build.
type asset struct {
	static     bool
	channels   int
	spkrMask   uint16 // speaker pair mask, 16 bits
	components uint16
	data       map[uint16][]byte // each component's bytes
}

// substream builds an extension substream with one asset whose components
// are the given data, in the standard order.
func substream(a asset) []byte {
	// The asset descriptor.
	d := &bitWriter{}
	d.put(9, 0) // size, set below
	d.put(3, 0) // asset index
	if a.static {
		d.put(1, 0).put(1, 0).put(1, 0) // type, language, info text
		d.put(5, 23)                    // 24-bit
		d.put(4, 12)                    // 48 kHz
		d.put(8, uint64(a.channels-1))
		d.flag(true) // one-to-one
		if a.channels > 2 {
			d.put(1, 0)
		}
		if a.channels > 6 {
			d.put(1, 0)
		}
		d.flag(true).put(2, 3).put(16, uint64(a.spkrMask)) // speaker mask, 16 bits
		d.put(3, 0)                                        // no remapping
	}
	d.put(1, 0).put(1, 0) // DRC, dialogue normalization
	d.put(2, CodingComponents)
	d.put(12, uint64(a.components))
	sizes := []struct {
		comp uint16
		bits int
	}{{CompCore, 14}, {CompXBR, 14}, {CompXXCH, 14}, {CompX96, 12}, {CompLBR, 14}, {CompXLL, 16}}
	for _, s := range sizes {
		if a.components&s.comp == 0 {
			continue
		}
		d.put(s.bits, uint64(len(a.data[s.comp])-1))
		switch s.comp {
		case CompCore, CompLBR, CompXLL:
			d.put(1, 0) // no sync word offset
		}
	}
	if a.components&CompXLL != 0 {
		d.put(3, 0) // stream id
	}
	desc := d.bytes()
	setBits(desc, 0, 9, uint64(len(desc)-1))

	var payload []byte
	for _, s := range sizes {
		payload = append(payload, a.data[s.comp]...)
	}
	h := &bitWriter{}
	h.put(32, SyncSubstream).put(8, 0).put(2, 0).put(1, 0)
	h.put(8, 0)  // header size, set below
	h.put(16, 0) // substream size, set below
	h.flag(a.static)
	if a.static {
		h.put(2, 0).put(3, 0).put(1, 0) // clock, duration, no time stamp
		h.put(3, 0).put(3, 0)           // one presentation, one asset
		h.put(1, 1).put(8, 1)           // active substream and asset masks
		h.put(1, 0)                     // no mixing metadata
	}
	h.put(16, uint64(len(payload)-1))
	for _, c := range desc {
		h.put(8, uint64(c))
	}
	hdr := h.padTo((h.n+7)/8 + 2) // and a CRC's room
	setBits(hdr, 43, 8, uint64(len(hdr)-1))
	setBits(hdr, 51, 16, uint64(len(hdr)+len(payload)-1))
	return append(hdr, payload...)
}

// chset describes an XLL channel set.
type chset struct {
	mask     uint16 // DTS speakers
	primary  bool
	residual bool // coded as a residual to the core
	bits     int  // storage width
	freqCode uint8
}

// xllFrame builds an XLL frame of channel sets of one segment each.
func xllFrame(sets ...chset) []byte {
	const segSize = 8
	h := &bitWriter{}
	h.put(32, syncXLL).put(4, 0)
	h.put(8, 0)  // header size, set below
	h.put(5, 15) // 16-bit frame size
	h.put(16, 0) // frame size, set below
	h.put(4, uint64(len(sets)-1))
	h.put(4, 0)  // one segment
	h.put(4, 9)  // 512 samples
	h.put(5, 15) // 16-bit segment sizes
	h.put(2, 0).put(1, 0)
	h.put(5, 15) // 16-bit channel masks
	common := h.padTo((h.n+7)/8 + 2)
	setBits(common, 36, 8, uint64(len(common)-1))
	frame := append([]byte(nil), common...)
	for _, c := range sets {
		n := 0
		for m := c.mask; m != 0; m &= m - 1 {
			n++
		}
		w := &bitWriter{}
		w.put(10, 0).put(4, uint64(n-1))
		if c.residual {
			w.put(n, 0)
		} else {
			w.put(n, 1<<uint(n)-1)
		}
		w.put(5, uint64(c.bits-1)).put(5, uint64(c.bits-1))
		w.put(4, uint64(c.freqCode)).put(2, 0).put(2, 0)
		w.flag(c.primary).put(1, 0) // no downmix
		w.put(1, 1)                 // hierarchy
		w.put(1, 1).put(16, uint64(c.mask))
		w.put(1, 0)               // no decorrelation
		w.put(4*n, 0).put(2*n, 0) // prediction orders
		hdr := w.padTo((w.n+7)/8 + 2)
		setBits(hdr, 0, 10, uint64(len(hdr)-1))
		frame = append(frame, hdr...)
	}
	navi := &bitWriter{}
	for range sets {
		navi.put(16, segSize-1)
	}
	frame = append(frame, navi.bytes()...)
	frame = append(frame, 0, 0) // CRC
	frame = append(frame, make([]byte, segSize*len(sets))...)
	setBits(frame, 49, 16, uint64(len(frame)-1))
	return frame
}

// lbrFrame builds the start of an LBR frame: its decoder initialization
// and frame chunk.
func lbrFrame(rateCode uint8, mask uint16, flags uint8, scaled int) []byte {
	b := binary.BigEndian.AppendUint32(nil, syncLBR)
	b = append(b, LBRDecoderInit, rateCode)
	b = binary.LittleEndian.AppendUint16(b, mask)
	b = binary.LittleEndian.AppendUint16(b, 0x0801)
	b = append(b, flags, byte(scaled>>12&0xF0|scaled>>16&0x0F))
	b = binary.LittleEndian.AppendUint16(b, uint16(scaled))
	b = binary.LittleEndian.AppendUint16(b, uint16(scaled))
	return append(b, 0x06, 4, 0, 0, 0, 0)
}

// xxchFrame builds an XXCH frame header with a channel set adding the
// extra speakers to the core's.
func xxchFrame(core, extra Speaker) []byte {
	w := &bitWriter{}
	w.put(32, syncXXCH)
	w.put(6, 0)  // header size, set below
	w.put(1, 0)  // no channel set CRC
	w.put(5, 15) // 16-bit masks
	w.put(2, 0)  // one channel set
	w.put(14, 63)
	w.put(16, uint64(core))
	hdr := w.padTo((w.n+7)/8 + 2)
	setBits(hdr, 32, 6, uint64(len(hdr)-1))
	// The header's CRC, over the bytes after the sync word.
	crc := crc16CCITT(hdr[4 : len(hdr)-2])
	binary.BigEndian.PutUint16(hdr[len(hdr)-2:], crc)
	n := 0
	for m := extra; m != 0; m &= m - 1 {
		n++
	}
	cs := &bitWriter{}
	cs.put(7, 15).put(3, uint64(n-1)).put(10, uint64(extra>>6))
	return append(hdr, cs.padTo(64)...)
}
