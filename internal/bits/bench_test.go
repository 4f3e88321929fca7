package bits

import (
	"math/rand"
	"testing"
)

// benchData is 4 KiB of random bytes: header parsing reads a few hundred
// fields, so the reads below stay in the cache as they do in real use.
func benchData() []byte {
	b := make([]byte, 4096)
	rand.New(rand.NewSource(3)).Read(b)
	return b
}

// widths is a mix of field widths as SPS, VOL and sequence headers have
// them: mostly flags and small fields, some 8, 16, 24 and 32 bits.
var widths = [16]int{1, 1, 3, 8, 1, 4, 16, 1, 2, 32, 1, 5, 24, 1, 7, 1}

func BenchmarkReaderBits(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	fields := 0
	for b.Loop() {
		r := NewReader(data)
		var sum uint64
		i := 0
		for ; r.Left() > 0; i++ {
			sum += r.Bits(widths[i&15])
		}
		sink, fields = sum, i
	}
	perField(b, fields)
}

// perField reports the time per field read, the figure that matters for
// header parsing.
func perField(b *testing.B, fields int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(fields), "ns/field")
}

func BenchmarkReaderBits64(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(data)
		r.Skip(3) // unaligned: every read takes the ninth byte too
		var sum uint64
		for r.Left() > 0 {
			sum += r.Bits(64)
		}
		sink = sum
	}
}

func BenchmarkReaderBit(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(data)
		var n uint64
		for r.Left() > 0 {
			n += r.Bit() // not if r.Flag(): random bits would time the branch predictor
		}
		sink = n
	}
	perField(b, len(data)*8)
}

// golombData is a stream of ue(v) codes of values 0..1023, the range of
// parameter-set fields.
func golombData() ([]byte, int) {
	rng := rand.New(rand.NewSource(4))
	var b []byte
	n, codes := 0, 0
	put := func(bit int) {
		if n%8 == 0 {
			b = append(b, 0)
		}
		b[n/8] |= byte(bit) << (7 - n%8)
		n++
	}
	for len(b) < 4096 {
		v := uint64(rng.Intn(1 << uint(rng.Intn(11)))) // small values are common
		k := v + 1
		l := 0
		for k>>uint(l) > 1 {
			l++
		}
		for i := 0; i < l; i++ {
			put(0)
		}
		for i := l; i >= 0; i-- {
			put(int(k >> uint(i) & 1))
		}
		codes++
	}
	return b, codes
}

func BenchmarkReaderUE(b *testing.B) {
	data, codes := golombData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(data)
		var sum uint64
		for r.Left() > 32 {
			sum += r.UE()
		}
		sink = sum
	}
	perField(b, codes)
}

func BenchmarkReaderSE(b *testing.B) {
	data, codes := golombData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(data)
		var sum int64
		for r.Left() > 32 {
			sum += r.SE()
		}
		sink = uint64(sum)
	}
	perField(b, codes)
}

func BenchmarkLSBReaderBits(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewLSBReader(data)
		var sum uint64
		for i := 0; r.Left() > 0; i++ {
			sum += r.Bits(widths[i&15])
		}
		sink = sum
	}
}

func BenchmarkReverseReaderBits(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReverseReader(data)
		var sum uint64
		for i := 0; r.Left() > 0; i++ {
			sum += r.Bits(widths[i&15])
		}
		sink = sum
	}
}

// nalData is 4 KiB of slice-like data with an emulation prevention byte
// every 256 bytes or so.
func nalData() []byte {
	b := benchData()
	for i := 100; i+3 < len(b); i += 256 {
		b[i], b[i+1], b[i+2], b[i+3] = 0, 0, 3, 1
	}
	return b
}

func BenchmarkAppendRBSP(b *testing.B) {
	src := nalData()
	dst := make([]byte, 0, len(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		dst, _ = AppendRBSP(dst[:0], src)
	}
}

func BenchmarkSplitAnnexB(b *testing.B) {
	// 64 units of 60 bytes with four-byte start codes.
	var stream []byte
	data := benchData()
	for i := 0; i < 64; i++ {
		u := data[i*60 : i*60+60]
		stream = append(append(stream, 0, 0, 0, 1), escape(u)...)
	}
	b.SetBytes(int64(len(stream)))
	for b.Loop() {
		sink = uint64(len(SplitAnnexB(stream, 1024)))
	}
}

var sink uint64
