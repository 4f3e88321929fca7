package ffv1

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// encoder is FFmpeg's range encoder (rangecoder.h put_rac, renorm_encoder,
// ff_rac_terminate) and ffv1enc.c put_symbol, to build headers.
type encoder struct {
	rangeCoder
	out              []byte
	outstanding      int
	outstandingCount int
}

func newEncoder() *encoder {
	e := &encoder{outstanding: -1}
	e.rng = 0xFF00
	e.buildStates(214748364, 256-8)
	return e
}

func (e *encoder) renorm() {
	for e.rng < 0x100 {
		switch {
		case e.outstanding < 0:
			e.outstanding = int(e.low >> 8)
		case e.low <= 0xFF00:
			e.out = append(e.out, byte(e.outstanding))
			for ; e.outstandingCount > 0; e.outstandingCount-- {
				e.out = append(e.out, 0xFF)
			}
			e.outstanding = int(e.low >> 8)
		case e.low >= 0x10000:
			e.out = append(e.out, byte(e.outstanding+1))
			for ; e.outstandingCount > 0; e.outstandingCount-- {
				e.out = append(e.out, 0)
			}
			e.outstanding = int(e.low>>8) - 0x100
		default:
			e.outstandingCount++
		}
		e.low = (e.low & 0xFF) << 8
		e.rng <<= 8
	}
}

func (e *encoder) put(state *uint8, bit bool) {
	r1 := e.rng * uint32(*state) >> 8
	if !bit {
		e.rng -= r1
		*state = e.zero[*state]
	} else {
		e.low += e.rng - r1
		e.rng = r1
		*state = e.one[*state]
	}
	e.renorm()
}

func (e *encoder) symbol(state *[32]uint8, v int, signed bool) {
	if v == 0 {
		e.put(&state[0], true)
		return
	}
	a := max(v, -v)
	n := 0
	for a>>(n+1) != 0 {
		n++
	}
	e.put(&state[0], false)
	for i := 0; i < n; i++ {
		e.put(&state[1+min(i, 9)], true)
	}
	e.put(&state[1+min(n, 9)], false)
	for i := n - 1; i >= 0; i-- {
		e.put(&state[22+min(i, 9)], (a>>i)&1 != 0)
	}
	if signed {
		e.put(&state[11+min(n, 10)], v < 0)
	}
}

func (e *encoder) finish() []byte {
	e.rng = 0xFF
	e.low += 0xFF
	e.renorm()
	e.rng = 0xFF
	e.renorm()
	return append(e.out, make([]byte, 8)...) // slice data after the header
}

// frame builds a version 0/1 key frame header.
func frame(version, colorspace, bits int, chroma bool, hs, vs int, alpha bool) []byte {
	e := newEncoder()
	key := uint8(128)
	e.put(&key, true)
	st := newState()
	e.symbol(st, version, false)
	e.symbol(st, 0, false) // ac: Golomb-Rice slices
	e.symbol(st, colorspace, false)
	if version > 0 {
		e.symbol(st, bits, false)
	}
	e.put(&st[0], chroma)
	e.symbol(st, hs, false)
	e.symbol(st, vs, false)
	e.put(&st[0], alpha)
	return e.finish()
}

// config builds a version 2 or 3 configuration record.
func config(version, colorspace, bits int, chroma bool, hs, vs int, alpha bool) []byte {
	e := newEncoder()
	st := newState()
	e.symbol(st, version, false)
	if version > 2 {
		e.symbol(st, 4, false) // micro version
	}
	e.symbol(st, 1, false) // ac: range coder
	e.symbol(st, colorspace, false)
	e.symbol(st, bits, false)
	e.put(&st[0], chroma)
	e.symbol(st, hs, false)
	e.symbol(st, vs, false)
	e.put(&st[0], alpha)
	return append(e.finish(), 0, 0, 0, 0) // CRC
}

func TestSymbolsRoundTrip(t *testing.T) {
	e := newEncoder()
	st := newState()
	values := []int{0, 1, 2, 3, 7, 100, 1000, 1 << 20, -5, -1 << 12}
	for _, v := range values {
		e.symbol(st, v, v < 0 || v == 100)
	}
	d := newRangeCoder(e.finish())
	st = newState()
	for _, v := range values {
		got, ok := d.symbol(st, v < 0 || v == 100)
		require.True(t, ok)
		assert.Equal(t, v, got)
	}
}

func TestParseFrame(t *testing.T) {
	for _, c := range []struct {
		version, cs, bits int
		chroma            bool
		hs, vs            int
		alpha             bool
		containerBits     int
		pix               string
	}{
		{0, 0, 0, true, 1, 1, false, 0, "yuv420p"},
		{0, 0, 0, true, 1, 1, true, 0, "yuva420p"},
		{0, 0, 0, false, 0, 0, false, 0, "gray"},
		{0, 1, 0, true, 0, 0, false, 0, "bgr0"},
		{1, 1, 8, true, 0, 0, true, 0, "bgra"},
		{1, 0, 10, true, 1, 0, false, 0, "yuv422p10le"},
		{1, 0, 12, true, 0, 0, false, 0, "yuv444p12le"},
		{1, 0, 12, true, 1, 1, true, 0, ""}, // no yuva420p12
		{1, 0, 16, false, 0, 0, false, 0, "gray16le"},
		{1, 0, 8, true, 2, 2, false, 0, "yuv410p"},
		{1, 1, 10, true, 1, 0, false, 0, ""}, // RGB is never subsampled
		{1, 1, 14, true, 0, 0, false, 0, "gbrp14le"},
		{1, 0, 8, false, 0, 0, true, 0, "ya8"},
	} {
		b := frame(c.version, c.cs, c.bits, c.chroma, c.hs, c.vs, c.alpha)
		h, key, err := ParseFrame(b)
		require.NoError(t, err)
		require.True(t, key)
		assert.Equal(t, c.version, h.Version)
		assert.Equal(t, c.pix, h.PixFmt(max(h.BitsPerRawSample, c.containerBits)), "%+v", c)
	}
	_, key, err := ParseFrame([]byte{0, 0, 0, 0})
	assert.False(t, key, "not a key frame")
	assert.NoError(t, err)
	_, _, err = ParseFrame(frame(2, 0, 8, true, 1, 1, false))
	assert.ErrorIs(t, err, ErrHeader, "a version 2 frame has no header")
}

func TestDescribe(t *testing.T) {
	st := &container.Stream{}
	Describe(st, config(3, 0, 10, true, 1, 0, false), frame(0, 0, 0, false, 0, 0, false))
	assert.Equal(t, "yuv422p10le", st.PixFmt, "the configuration record decides")
	assert.Equal(t, 10, st.BitsPerRawSample)

	st = &container.Stream{}
	Describe(st, config(2, 1, 8, true, 0, 0, false), nil)
	assert.Empty(t, st.PixFmt, "no frame: read_header never runs")
	assert.Equal(t, 8, st.BitsPerRawSample, "decode_init sets the depth")

	st = &container.Stream{}
	Describe(st, config(1, 1, 8, true, 0, 0, false), frame(1, 0, 8, true, 1, 1, false))
	assert.Empty(t, st.PixFmt, "a configuration record below version 2 fails the decoder")
	assert.Zero(t, st.BitsPerRawSample)

	st = &container.Stream{}
	Describe(st, nil, frame(1, 0, 8, true, 1, 1, false))
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, 8, st.BitsPerRawSample)

	st = &container.Stream{}
	Describe(st, nil, frame(0, 0, 0, true, 1, 1, false))
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Zero(t, st.BitsPerRawSample, "version 0 codes no depth")
}

func TestTruncated(t *testing.T) {
	b := frame(1, 0, 10, true, 1, 0, false)
	for n := 0; n < len(b); n++ {
		_, _, _ = ParseFrame(b[:n]) // no panic
	}
	c := config(3, 0, 10, true, 1, 0, false)
	for n := 0; n < len(c); n++ {
		_, _ = ParseConfig(c[:n])
	}
}
