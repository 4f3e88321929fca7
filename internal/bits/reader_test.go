package bits

import (
	"math/rand"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func TestErrorsWrapCategories(t *testing.T) {
	assert.ErrorIs(t, ErrOverrun, container.ErrTruncated)
	assert.ErrorIs(t, ErrWidth, container.ErrMalformed)
	assert.ErrorIs(t, ErrExpGolomb, container.ErrMalformed)
	// As the Kind of a FormatError, the category still shows.
	err := demuxkit.Errorf("h264", "sps", 0x10, ErrOverrun, "vui")
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.ErrorIs(t, err, ErrOverrun)
}

// read is one read of a table test: width n, the value expected.
type read struct {
	n    int
	want uint64
}

func TestReaderBits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		data  []byte
		reads []read
	}{
		{
			name: "fields across bytes",
			data: []byte{
				0b1011_0011, // 101 | 10011
				0b0101_1100, // 01011100
				0xFF, 0x00, 0xAA, 0x55,
			},
			reads: []read{{3, 0b101}, {13, 0b1_0011_0101_1100}, {32, 0xFF00AA55}},
		},
		{
			name:  "a 32-bit field over five bytes",
			data:  []byte{0x01, 0x23, 0x45, 0x67, 0x89},
			reads: []read{{4, 0x0}, {32, 0x12345678}, {4, 0x9}},
		},
		{
			name: "64-bit fields at every bit offset",
			data: []byte{
				0xFE, 0xDC, 0xBA, 0x98, 0x76, 0x54, 0x32, 0x10, // 64 bits
				0xF0, 0x0F, 0x5A, 0xA5, 0x3C, 0xC3, 0x69, 0x96, // 64 bits
				0x81, // 8 bits
			},
			reads: []read{{1, 1}, {64, 0xFDB97530ECA86421}, {3, 0b111}, {64, 0x00F5AA53CC369968}, {4, 0x1}},
		},
		{
			name:  "zero width reads nothing",
			data:  []byte{0xA5},
			reads: []read{{0, 0}, {4, 0xA}, {0, 0}, {4, 0x5}, {0, 0}},
		},
		{
			name:  "single bits",
			data:  []byte{0b1000_0001},
			reads: []read{{1, 1}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(tc.data)
			for i, rd := range tc.reads {
				assert.Equal(t, rd.want, r.Bits(rd.n), "read %d of %d bits", i, rd.n)
			}
			assert.NoError(t, r.Err())
			assert.Equal(t, r.BitLen(), r.BitPos()+r.Left())
		})
	}
}

func TestReaderConvenience(t *testing.T) {
	r := NewReader([]byte{
		0x9A,       // U8
		0xBC, 0xDE, // U16
		0x01, 0x02, 0x03, 0x04, // U32
		0b1110_0111, // SBits(4) = -2, SBits(4) = 7
	})
	assert.Equal(t, uint8(0x9A), r.U8())
	assert.Equal(t, uint16(0xBCDE), r.U16())
	assert.Equal(t, uint32(0x01020304), r.U32())
	assert.Equal(t, int64(-2), r.SBits(4))
	assert.Equal(t, int64(7), r.SBits(4))
	assert.NoError(t, r.Err())

	r = NewReader([]byte{0x80, 0, 0, 0, 0, 0, 0, 0})
	assert.Equal(t, int64(-1<<63), r.SBits(64))
	r = NewReader([]byte{0xFF})
	assert.Equal(t, int64(-1), r.SBits(1))
	assert.Equal(t, int64(0), r.SBits(0))
}

func TestReaderFlagAndPeek(t *testing.T) {
	r := NewReader([]byte{0b1010_0000})
	assert.Equal(t, uint64(0b1010), r.Peek(4))
	assert.Equal(t, 0, r.BitPos(), "Peek consumes nothing")
	assert.True(t, r.Flag())
	assert.False(t, r.Flag())
	assert.Equal(t, uint64(1), r.Bit())
	// A peek past the end sees zero padding and records nothing.
	assert.Equal(t, uint64(0b0_0000_0000), r.Peek(9))
	r.Skip(4)
	assert.Equal(t, uint64(0), r.Peek(8))
	assert.NoError(t, r.Err())
	assert.Equal(t, 1, r.Left())
}

func TestReaderPastEnd(t *testing.T) {
	t.Run("a field cut by the end keeps its leading bits", func(t *testing.T) {
		r := NewReader([]byte{0xAB, 0xCD})
		r.Skip(4)
		// 12 bits are left (0xBCD); a 16-bit read sees them and 4 zero bits.
		assert.Equal(t, uint64(0xBCD0), r.Bits(16))
		assert.ErrorIs(t, r.Err(), ErrOverrun)
		assert.ErrorIs(t, r.Err(), container.ErrTruncated)
		assert.Equal(t, 0, r.Left())
		assert.Equal(t, 16, r.BitPos())
	})
	t.Run("every read at the end is 0 and the error sticks", func(t *testing.T) {
		r := NewReader([]byte{0xFF})
		assert.Equal(t, uint64(0xFF), r.Bits(8))
		require.NoError(t, r.Err())
		assert.Equal(t, uint64(0), r.Bits(1))
		assert.ErrorIs(t, r.Err(), ErrOverrun)
		assert.Equal(t, uint64(0), r.Bits(64))
		assert.False(t, r.Flag())
		assert.Equal(t, uint64(0), r.UE())
		assert.Equal(t, int64(0), r.SE())
		assert.Equal(t, uint64(0), r.UVLC())
		assert.Equal(t, uint64(0), r.LEB128())
		r.Skip(-1) // a later, different error does not replace the first
		assert.Equal(t, ErrOverrun, r.Err())
	})
	t.Run("skip past the end", func(t *testing.T) {
		r := NewReader([]byte{0xFF, 0xFF})
		r.Skip(100)
		assert.ErrorIs(t, r.Err(), ErrOverrun)
		assert.Equal(t, 16, r.BitPos())
	})
	t.Run("empty data", func(t *testing.T) {
		r := NewReader(nil)
		assert.Equal(t, 0, r.Left())
		assert.Equal(t, uint64(0), r.Bits(0))
		assert.NoError(t, r.Err())
		assert.Equal(t, uint64(0), r.Bits(3))
		assert.ErrorIs(t, r.Err(), ErrOverrun)
	})
	t.Run("the zero Reader", func(t *testing.T) {
		var r Reader
		assert.Equal(t, uint64(0), r.Bits(7))
		assert.ErrorIs(t, r.Err(), ErrOverrun)
	})
}

func TestReaderWidth(t *testing.T) {
	for _, n := range []int{-1, -64, 65, 1000, -1 << 62} {
		r := NewReader([]byte{0xFF, 0xFF})
		assert.Equal(t, uint64(0), r.Bits(n), "Bits(%d)", n)
		assert.ErrorIs(t, r.Err(), ErrWidth, "Bits(%d)", n)
		assert.ErrorIs(t, r.Err(), container.ErrMalformed)
		assert.Equal(t, 0, r.Left(), "an error ends the reading")

		r = NewReader([]byte{0xFF})
		assert.Equal(t, uint64(0), r.Peek(n))
		assert.ErrorIs(t, r.Err(), ErrWidth)

		r = NewReader([]byte{0xFF})
		assert.Equal(t, int64(0), r.SBits(n))
		assert.ErrorIs(t, r.Err(), ErrWidth)
	}
	r := NewReader([]byte{0xFF})
	r.Skip(-8)
	assert.ErrorIs(t, r.Err(), ErrWidth)

	r = NewReaderBits([]byte{0xFF}, -3)
	assert.ErrorIs(t, r.Err(), ErrWidth)
	assert.Equal(t, 0, r.BitLen())
}

func TestGolombMatchesModel(t *testing.T) {
	// Codes of every length at every offset: sparse data gives long runs
	// of zeros (the 28/29 and 32/33 zero boundaries), dense data short
	// codes; views cut at every length give cut codes.
	rng := rand.New(rand.NewSource(5))
	for _, density := range []int{2, 16, 128} {
		data := make([]byte, 24)
		for i := range data {
			if rng.Intn(density) == 0 {
				data[i] = byte(1 << rng.Intn(8))
			}
		}
		for nbits := 0; nbits <= len(data)*8; nbits += 7 {
			for off := 0; off <= nbits; off++ {
				r, m := NewReaderBits(data, nbits), msbModel(data, nbits)
				r.Skip(off)
				m.Skip(off)
				require.Equal(t, m.UE(), r.UE(), "UE density %d view %d off %d", density, nbits, off)
				require.Equal(t, m.pos, r.BitPos())
				require.Equal(t, m.err, r.Err())
				require.Equal(t, m.SE(), r.SE())
				require.Equal(t, m.UVLC(), r.UVLC())
				require.Equal(t, m.LEB128(), r.LEB128())
				require.Equal(t, m.pos, r.BitPos())
				require.Equal(t, m.err, r.Err())
			}
		}
	}
}

func TestReaderBitsView(t *testing.T) {
	// Ten bits of two bytes: the six after them read as zeros.
	r := NewReaderBits([]byte{0xFF, 0xFF}, 10)
	assert.Equal(t, 10, r.BitLen())
	assert.Equal(t, uint64(0xFFC0), r.Peek(16))
	assert.Equal(t, uint64(0xFF), r.Bits(8))
	assert.Equal(t, uint64(0b1100), r.Bits(4))
	assert.ErrorIs(t, r.Err(), ErrOverrun)

	// More bits than the data holds: cut to the data.
	r = NewReaderBits([]byte{0xFF}, 1000)
	assert.Equal(t, 8, r.BitLen())
}

func TestReaderAlign(t *testing.T) {
	r := NewReader([]byte{0xFF, 0x5A, 0x01})
	assert.True(t, r.ByteAligned())
	r.Align() // already aligned: nothing
	assert.Equal(t, 0, r.BitPos())
	r.Skip(3)
	assert.False(t, r.ByteAligned())
	r.Align()
	assert.Equal(t, 8, r.BitPos())
	assert.Equal(t, uint64(0x5A), r.Bits(8))
	assert.NoError(t, r.Err())

	// An unaligned end: aligning past it is a read past the end.
	r = NewReaderBits([]byte{0xFF, 0xFF}, 12)
	r.Skip(9)
	r.Align()
	assert.ErrorIs(t, r.Err(), ErrOverrun)
	assert.Equal(t, 12, r.BitPos())
}

func TestReaderCopyIsACursor(t *testing.T) {
	// FFmpeg looks ahead by copying its GetBitContext; a Reader copy does
	// the same (codec/aac restores the position after the sync extension
	// scan this way).
	r := NewReader([]byte{0x12, 0x34, 0x56})
	r.Skip(4)
	saved := *r
	assert.Equal(t, uint64(0x2345), r.Bits(16))
	r.Skip(100)
	require.Error(t, r.Err())
	*r = saved
	assert.NoError(t, r.Err())
	assert.Equal(t, uint64(0x2345), r.Bits(16))
}

func TestReaderAllocatesNothing(t *testing.T) {
	data := []byte{0x67, 0x42, 0xC0, 0x1E, 0xDA, 0x02, 0x80, 0xBF, 0xE5, 0xC0, 0x44}
	allocs := testing.AllocsPerRun(100, func() {
		r := NewReader(data)
		r.Bits(8)
		r.UE()
		r.SE()
		r.Flag()
		r.Skip(3)
		r.Bits(64)
		_ = r.Err()
		l := NewLSBReader(data)
		l.Bits(12)
		v := NewReverseReader(data)
		v.Bits(12)
	})
	assert.Zero(t, allocs)
}

func TestUE(t *testing.T) {
	for _, tc := range []struct {
		name string
		code string // the bits, most significant first
		want uint64
		err  error
		pos  int // BitPos after the read
	}{
		{"0", "1", 0, nil, 1},
		{"1", "010", 1, nil, 3},
		{"2", "011", 2, nil, 3},
		{"3", "00100", 3, nil, 5},
		{"6", "00111", 6, nil, 5},
		{"7", "0001000", 7, nil, 7},
		{"255", "00000000 1 00000000", 255, nil, 17},
		// 31 leading zeros: the largest value the specifications allow.
		{"2^32-2", zeroBits(31) + "1" + "1111111111111111111111111111111", 1<<32 - 2, nil, 63},
		// 32 leading zeros: the longest code read; 65 bits in all.
		{"2^32-1", zeroBits(32) + "1" + zeroBits(32), 1<<32 - 1, nil, 65},
		{"2^33-2", zeroBits(32) + "1" + "11111111111111111111111111111111", 1<<33 - 2, nil, 65},
		{"33 zeros", zeroBits(33) + "1" + zeroBits(33), 0, ErrExpGolomb, 67},
		{"64 zeros", zeroBits(64) + "1", 0, ErrExpGolomb, 65},
		// Cut codes.
		{"prefix only", "001", 0, ErrOverrun, 3},
		{"suffix cut", "0001 00", 0, ErrOverrun, 6},
		{"only zeros", "00000000", 0, ErrOverrun, 8},
		{"empty", "", 0, ErrOverrun, 0},
		{"32 zeros cut", zeroBits(32) + "1" + zeroBits(31), 0, ErrOverrun, 64},
		// 40 zero bits and the end: more than 32 zeros is malformed,
		// whether or not a 1 would follow.
		{"40 zeros to the end", zeroBits(40), 0, ErrExpGolomb, 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readerOf(tc.code)
			assert.Equal(t, tc.want, r.UE())
			assert.Equal(t, tc.pos, r.BitPos())
			if tc.err == nil {
				assert.NoError(t, r.Err())
			} else {
				assert.ErrorIs(t, r.Err(), tc.err)
			}
		})
	}
}

func TestUEThenFields(t *testing.T) {
	// An H.264 SPS opening after the NAL header: profile_idc 66,
	// constraint flags and reserved bits, level_idc 30, then
	// seq_parameter_set_id ue(v) = 0, log2_max_frame_num_minus4 ue(v) = 0,
	// pic_order_cnt_type ue(v) = 2, three bits left.
	r := NewReader([]byte{
		0x42,          // profile_idc
		0xC0,          // constraint_set0..5_flag, reserved_zero_2bits
		0x1E,          // level_idc
		0b1_1_011_000, // sps_id "1", log2_max_frame_num_minus4 "1", poc_type "011", then 000
	})
	assert.Equal(t, uint64(66), r.Bits(8))
	r.Skip(8)
	assert.Equal(t, uint64(30), r.Bits(8))
	assert.Equal(t, uint64(0), r.UE())
	assert.Equal(t, uint64(0), r.UE())
	assert.Equal(t, uint64(2), r.UE())
	assert.NoError(t, r.Err())
	assert.Equal(t, 3, r.Left())
}

func TestSE(t *testing.T) {
	for _, tc := range []struct {
		code string
		want int64
	}{
		{"1", 0},
		{"010", 1},
		{"011", -1},
		{"00100", 2},
		{"00101", -2},
		{"00110", 3},
		{"00111", -3},
		{zeroBits(31) + "1" + "1111111111111111111111111111110", 1<<31 - 1}, // k = 2^32-3
		{zeroBits(31) + "1" + "1111111111111111111111111111111", -(1<<31 - 1)},
		{zeroBits(32) + "1" + "11111111111111111111111111111111", -(1<<32 - 1)}, // k = 2^33-2
		{zeroBits(32) + "1" + "11111111111111111111111111111110", 1<<32 - 1},
	} {
		r := readerOf(tc.code)
		assert.Equal(t, tc.want, r.SE(), tc.code)
		assert.NoError(t, r.Err(), tc.code)
	}
}

func TestUVLC(t *testing.T) {
	for _, tc := range []struct {
		name string
		code string
		want uint64
		err  error
		pos  int
	}{
		{"0", "1", 0, nil, 1},
		{"1", "010", 1, nil, 3},
		{"2", "011", 2, nil, 3},
		{"29", "0000 1 1110", 29, nil, 9},
		{"2^31-1", zeroBits(31) + "1" + zeroBits(31), 1<<31 - 1, nil, 63},
		// 32 zeros or more: 2^32-1, and no value bits are read.
		{"32 zeros", zeroBits(32) + "1" + "1010", 1<<32 - 1, nil, 33},
		{"100 zeros", zeroBits(100) + "1", 1<<32 - 1, nil, 101},
		{"only zeros", zeroBits(70), 0, ErrOverrun, 70},
		{"value cut", "0001 10", 0, ErrOverrun, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readerOf(tc.code)
			assert.Equal(t, tc.want, r.UVLC())
			assert.Equal(t, tc.pos, r.BitPos())
			if tc.err == nil {
				assert.NoError(t, r.Err())
			} else {
				assert.ErrorIs(t, r.Err(), tc.err)
			}
		})
	}
}

func TestLEB128(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		skip int // bits before the code
		want uint64
		pos  int
		err  error
	}{
		{"0", []byte{0x00}, 0, 0, 8, nil},
		{"127", []byte{0x7F}, 0, 127, 8, nil},
		{"128", []byte{0x80, 0x01}, 0, 128, 16, nil},
		{"624485", []byte{0xE5, 0x8E, 0x26}, 0, 624485, 24, nil},
		{"stops at its last byte", []byte{0x05, 0xFF}, 0, 5, 8, nil},
		// Eight bytes at most: the eighth ends the code whatever its top bit.
		{"eight bytes", []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}, 0, 1<<56 - 1, 64, nil},
		// 1010 | 1000 0001 | 0000 0001 | 0000: 0x81 0x01 after four bits.
		{"unaligned", []byte{0b1010_1000, 0b0001_0000, 0b0001_0000}, 4, 129, 20, nil},
		{"cut", []byte{0x80}, 0, 0, 8, ErrOverrun},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(tc.data)
			r.Skip(tc.skip)
			got := r.LEB128()
			if tc.err != nil {
				assert.ErrorIs(t, r.Err(), tc.err)
				assert.Equal(t, uint64(0), got)
				return
			}
			require.NoError(t, r.Err())
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.pos, r.BitPos())
		})
	}
}

func TestLSBReader(t *testing.T) {
	// Vorbis I 2.1.4: the first field takes the low bits of the first byte.
	r := NewLSBReader([]byte{
		0b0111_1100, // bits 0-3: 1100 = 12; bits 4-6: 111 = 7; bit 7: 0
		0b0001_0010, // bits 0-3: 0010; bits 4-7: 0001
		0xF0,
	})
	assert.Equal(t, uint64(12), r.Bits(4))
	assert.Equal(t, uint64(7), r.Bits(3))
	// Bit 7 of byte 0 (0) is bit 0 of the field; bits 0-3 of byte 1 (0010)
	// are bits 1-4.
	assert.Equal(t, uint64(0b0010_0), r.Bits(5))
	assert.Equal(t, uint64(0b0000_0001), r.Bits(4)) // bits 4-7 of byte 1
	assert.Equal(t, uint64(0xF0), r.Peek(8))
	assert.Equal(t, uint64(0xF0), r.Bits(9)) // cut: the ninth bit is padding
	assert.ErrorIs(t, r.Err(), ErrOverrun)

	// 64-bit fields at an odd offset.
	// 64 bits from bit 4: the first eight bytes as a little-endian word,
	// shifted down by four, and the low nibble of the ninth on top.
	r = NewLSBReader([]byte{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x85})
	r.Skip(4)
	assert.Equal(t, uint64(0x5EFCDAB896745230), r.Bits(64))
	assert.NoError(t, r.Err())
}

func TestReverseReaderIsReaderOfReversedBytes(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 40; n++ {
		data := make([]byte, n)
		rng.Read(data)
		rev := slices.Clone(data)
		slices.Reverse(rev)
		a, b := NewReverseReader(data), NewReader(rev)
		for a.Left() > 0 || b.Left() > 0 {
			w := rng.Intn(66)
			require.Equal(t, b.Bits(w), a.Bits(w), "n=%d", n)
			require.Equal(t, b.BitPos(), a.BitPos())
		}
		assert.Equal(t, b.Err(), a.Err())
	}
}

func TestReadersMatchModel(t *testing.T) {
	// Every width at every offset, against the bit-at-a-time model.
	rng := rand.New(rand.NewSource(2))
	data := make([]byte, 24)
	rng.Read(data)
	for off := 0; off <= len(data)*8; off++ {
		for n := 0; n <= 64; n++ {
			r, m := NewReader(data), msbModel(data, len(data)*8)
			r.Skip(off)
			m.Skip(off)
			require.Equal(t, m.Bits(n), r.Bits(n), "msb off %d n %d", off, n)
			require.Equal(t, m.pos, r.BitPos())
			require.Equal(t, m.err, r.Err())

			l, lm := NewLSBReader(data), lsbModel(data)
			l.Skip(off)
			lm.Skip(off)
			require.Equal(t, lm.Bits(n), l.Bits(n), "lsb off %d n %d", off, n)
			require.Equal(t, lm.err, l.Err())

			v, vm := NewReverseReader(data), reverseModel(data)
			v.Skip(off)
			vm.Skip(off)
			require.Equal(t, vm.Bits(n), v.Bits(n), "reverse off %d n %d", off, n)
			require.Equal(t, vm.err, v.Err())
		}
	}
}
