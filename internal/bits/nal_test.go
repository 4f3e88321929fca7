package bits

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendRBSP(t *testing.T) {
	for _, tc := range []struct {
		name     string
		src      []byte
		want     []byte
		consumed int
	}{
		{"no escape", []byte{0x67, 0x42, 0x00, 0x1E}, []byte{0x67, 0x42, 0x00, 0x1E}, 4},
		{"empty", nil, nil, 0},
		{
			"00 00 03 00",
			[]byte{0x00, 0x00, 0x03, 0x00}, // 0x03 escapes the zero after it
			[]byte{0x00, 0x00, 0x00}, 4,
		},
		{
			"00 00 03 03",
			[]byte{0x00, 0x00, 0x03, 0x03}, // the first 0x03 escapes the second
			[]byte{0x00, 0x00, 0x03}, 4,
		},
		{
			"00 00 03 01",
			[]byte{0x65, 0x00, 0x00, 0x03, 0x01}, // an escaped start code
			[]byte{0x65, 0x00, 0x00, 0x01}, 5,
		},
		{
			"00 00 03 at the end",
			[]byte{0x25, 0x00, 0x00, 0x03}, // cabac_zero_word: dropped
			[]byte{0x25, 0x00, 0x00}, 4,
		},
		{
			"00 00 00 03",
			[]byte{0x00, 0x00, 0x00, 0x03, 0x00}, // three zeros, then an escape
			[]byte{0x00, 0x00, 0x00, 0x00}, 5,
		},
		{
			"two escapes in a row",
			[]byte{0x00, 0x00, 0x03, 0x00, 0x00, 0x03, 0x00}, // the count restarts after each
			[]byte{0x00, 0x00, 0x00, 0x00, 0x00}, 7,
		},
		{
			"zero count restarts after an escape",
			[]byte{0x00, 0x00, 0x03, 0x00, 0x03}, // 00 | 03: one zero only, kept
			[]byte{0x00, 0x00, 0x00, 0x03}, 5,
		},
		{
			"00 00 03 04: FFmpeg drops it anyway",
			[]byte{0x00, 0x00, 0x03, 0x04}, // not a legal escape (7.4.1), still dropped
			[]byte{0x00, 0x00, 0x04}, 4,
		},
		{"00 03 is no escape", []byte{0x00, 0x03, 0x00, 0x03}, []byte{0x00, 0x03, 0x00, 0x03}, 4},
		{
			"next start code",
			[]byte{0x25, 0xB8, 0x00, 0x00, 0x01, 0x65}, // the unit ends before 00 00 01
			[]byte{0x25, 0xB8}, 2,
		},
		{
			"next four-byte start code",
			[]byte{0x25, 0x00, 0x00, 0x00, 0x01}, // the zero_byte stays, as in FFmpeg
			[]byte{0x25, 0x00}, 2,
		},
		{"00 00 02", []byte{0x00, 0x00, 0x02, 0x11}, nil, 0},
		{
			"escape, then a start code",
			[]byte{0x00, 0x00, 0x03, 0x00, 0x00, 0x01},
			[]byte{0x00, 0x00}, 3,
		},
		{"trailing zeros kept", []byte{0x80, 0x00, 0x00, 0x00}, []byte{0x80, 0x00, 0x00, 0x00}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n := AppendRBSP(nil, tc.src)
			assert.Equal(t, string(tc.want), string(got))
			assert.Equal(t, tc.consumed, n)

			// In place.
			buf := append([]byte(nil), tc.src...)
			got, n = AppendRBSP(buf[:0], buf)
			assert.Equal(t, string(tc.want), string(got))
			assert.Equal(t, tc.consumed, n)

			// After a prefix already in dst.
			got, _ = AppendRBSP([]byte{0xAA}, tc.src)
			assert.Equal(t, string(append([]byte{0xAA}, tc.want...)), string(got))

			assert.Equal(t, string(tc.want), string(RBSP(tc.src)))
		})
	}
}

func TestRBSPSharesWhenNothingIsEscaped(t *testing.T) {
	src := []byte{0x67, 0x64, 0x00, 0x28, 0xAC, 0x00, 0x00, 0x09}
	got := RBSP(src)
	require.Len(t, got, len(src))
	assert.Same(t, &src[0], &got[0])

	// Escaped: a copy, and src is left alone.
	src = []byte{0x67, 0x00, 0x00, 0x03, 0x01}
	got = RBSP(src)
	assert.Equal(t, []byte{0x67, 0x00, 0x00, 0x01}, got)
	assert.Equal(t, []byte{0x67, 0x00, 0x00, 0x03, 0x01}, src)
}

func TestAppendRBSPAllocation(t *testing.T) {
	src := []byte{0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x00, 0x42}
	dst := make([]byte, 0, len(src))
	allocs := testing.AllocsPerRun(100, func() {
		dst, _ = AppendRBSP(dst[:0], src)
	})
	assert.Zero(t, allocs)
}

func TestRBSPBitLen(t *testing.T) {
	for _, tc := range []struct {
		name string
		rbsp []byte
		want int
	}{
		{"empty", nil, 0},
		{"no one bit", []byte{0x00, 0x00}, 0},
		{"stop bit alone", []byte{0x80}, 0},
		{"stop bit last", []byte{0x01}, 7},
		{"two bytes of data", []byte{0x67, 0x42, 0x80}, 16},
		{"trailing zero bytes", []byte{0x40, 0x00, 0x00}, 1}, // 0 | stop bit | zeros
		{"stop bit mid-byte", []byte{0xFF, 0b1011_0100}, 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, RBSPBitLen(tc.rbsp))
		})
	}

	// more_rbsp_data() with a view that ends at the stop bit.
	rbsp := []byte{0b1_0_1_00000} // ue(v) 0, a zero bit, the stop bit, alignment zeros
	r := NewReaderBits(rbsp, RBSPBitLen(rbsp))
	assert.Equal(t, 2, r.BitLen())
	assert.Equal(t, uint64(0), r.UE())
	assert.Greater(t, r.Left(), 0)
	r.Bit()
	assert.Equal(t, 0, r.Left())
	assert.NoError(t, r.Err())
}

func TestIndexStartCode(t *testing.T) {
	for _, tc := range []struct {
		b    []byte
		want int
	}{
		{nil, -1},
		{[]byte{0x00, 0x01}, -1},
		{[]byte{0x00, 0x00, 0x01}, 0},
		{[]byte{0x00, 0x00, 0x00, 0x01}, 1},
		{[]byte{0x01, 0x00, 0x01, 0x00, 0x00, 0x01}, 3},
		{[]byte{0x00, 0x00, 0x02, 0x00, 0x00, 0x03}, -1},
		{[]byte{0xFF, 0x01, 0x01, 0x00, 0x00, 0x01, 0xB3}, 3},
	} {
		assert.Equal(t, tc.want, IndexStartCode(tc.b), "% x", tc.b)
	}
}

func TestSplitAnnexB(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stream []byte
		limit  int
		want   [][]byte
	}{
		{
			name: "three-byte start codes",
			stream: []byte{
				0x00, 0x00, 0x01, 0x67, 0x42, // SPS
				0x00, 0x00, 0x01, 0x68, 0xCE, // PPS
				0x00, 0x00, 0x01, 0x65, 0x88, 0x84, // IDR slice
			},
			limit: 10,
			want:  [][]byte{{0x67, 0x42}, {0x68, 0xCE}, {0x65, 0x88, 0x84}},
		},
		{
			name: "four-byte start codes",
			stream: []byte{
				0x00, 0x00, 0x00, 0x01, 0x40, 0x01, // VPS: its zero_byte is not part of anything
				0x00, 0x00, 0x00, 0x01, 0x42, 0x01, // SPS: the zero_byte is cut from the VPS
			},
			limit: 10,
			want:  [][]byte{{0x40, 0x01}, {0x42, 0x01}},
		},
		{
			name: "trailing zeros",
			stream: []byte{
				0x00, 0x00, 0x01, 0x09, 0xF0, 0x00, 0x00, // AUD, trailing_zero_8bits
				0x00, 0x00, 0x01, 0x67, 0x80, 0x00, // SPS, a trailing zero at the end
			},
			limit: 10,
			want:  [][]byte{{0x09, 0xF0}, {0x67, 0x80}},
		},
		{
			name:   "leading bytes before the first start code",
			stream: []byte{0x00, 0x00, 0xFF, 0x12, 0x00, 0x00, 0x01, 0x06, 0x05},
			limit:  10,
			want:   [][]byte{{0x06, 0x05}},
		},
		{
			name:   "empty units are skipped",
			stream: []byte{0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x0C, 0x00, 0x00, 0x01},
			limit:  10,
			want:   [][]byte{{0x0C}},
		},
		{
			name:   "escaped bytes are left in",
			stream: []byte{0x00, 0x00, 0x01, 0x06, 0x00, 0x00, 0x03, 0x01, 0x80},
			limit:  10,
			want:   [][]byte{{0x06, 0x00, 0x00, 0x03, 0x01, 0x80}},
		},
		{
			name:   "no start code",
			stream: []byte{0x67, 0x42, 0x00, 0x00, 0x02, 0x00},
			limit:  10,
			want:   nil,
		},
		{
			name:   "at most limit units",
			stream: []byte{0, 0, 1, 0xA1, 0, 0, 1, 0xA2, 0, 0, 1, 0xA3},
			limit:  2,
			want:   [][]byte{{0xA1}, {0xA2}},
		},
		{
			name:   "limit 0",
			stream: []byte{0, 0, 1, 0xA1},
			limit:  0,
			want:   nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, SplitAnnexB(tc.stream, tc.limit))
		})
	}
}

func TestNextNALUnit(t *testing.T) {
	stream := []byte{0xFF, 0x00, 0x00, 0x01, 0x67, 0x00, 0x00, 0x00, 0x01, 0x68, 0x00, 0x00, 0x01}
	nal, rest, ok := NextNALUnit(stream)
	require.True(t, ok)
	assert.Equal(t, []byte{0x67}, nal)
	assert.Equal(t, []byte{0x00, 0x00, 0x01, 0x68, 0x00, 0x00, 0x01}, rest, "rest starts at the next start code")
	nal, rest, ok = NextNALUnit(rest)
	require.True(t, ok)
	assert.Equal(t, []byte{0x68}, nal)
	nal, rest, ok = NextNALUnit(rest)
	require.True(t, ok, "a start code at the very end opens an empty unit")
	assert.Empty(t, nal)
	assert.Empty(t, rest)
	_, _, ok = NextNALUnit(rest)
	assert.False(t, ok)
}
