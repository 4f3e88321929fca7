package av1

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func fuzzSeeds(f *testing.F, av1C bool) {
	for _, s := range streams {
		if av1C {
			if s.av1C != "" {
				b, _ := hex.DecodeString(s.av1C)
				f.Add(b)
			}
			continue
		}
		b, _ := hex.DecodeString(s.packet)
		f.Add(b)
	}
}

func checkErr(t *testing.T, err error) {
	if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
		!errors.Is(err, container.ErrUnsupported) {
		t.Fatalf("error outside the sentinels: %v", err)
	}
}

func checkStream(t *testing.T, st *container.Stream) {
	if st.Width < 0 || st.Height < 0 || st.Width > 1<<16 || st.Height > 1<<16 {
		t.Fatalf("size %dx%d", st.Width, st.Height)
	}
	if sar := st.SampleAspectRatio; sar.Num < 0 || sar.Den < 0 || (sar.Num == 0) != (sar.Den == 0) {
		t.Fatalf("sample aspect ratio %v", sar)
	}
}

// FuzzParseExtradata covers ParseConfig, FindSequenceHeader and
// ParseSequenceHeader through what a container hands over as extradata.
func FuzzParseExtradata(f *testing.F) {
	fuzzSeeds(f, true)
	f.Add([]byte{0x81, 0, 0, 0})
	f.Add(obu(OBUSequenceHeader, seqHeader()))
	f.Fuzz(func(t *testing.T, b []byte) {
		seq, err := ParseExtradata(b)
		checkErr(t, err)
		if err != nil && seq != nil {
			t.Fatal("a header with an error")
		}
		if seq != nil {
			if len(seq.OperatingPoints) != int(seq.OperatingPointsCntMinus1)+1 {
				t.Fatalf("%d operating points, %d declared", len(seq.OperatingPoints), seq.OperatingPointsCntMinus1+1)
			}
			var st container.Stream
			_, _ = Describe(&st, b, nil)
			checkStream(t, &st)
			if st.PixFmt == "" || st.Profile == "" {
				t.Fatalf("pix_fmt %q profile %q", st.PixFmt, st.Profile)
			}
		}
	})
}

// FuzzParseSequenceHeader parses the bytes as a sequence header payload.
func FuzzParseSequenceHeader(f *testing.F) {
	f.Add(seqHeader())
	f.Add(srgbProfile0())
	f.Add([]byte{0x01, 0xF0})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSequenceHeader(b)
		checkErr(t, err)
		if s == nil {
			t.Fatal("no header")
		}
		if len(s.OperatingPoints) > maxOperatingPoints {
			t.Fatalf("%d operating points", len(s.OperatingPoints))
		}
	})
}

// FuzzParseTemporalUnit parses the bytes as a first packet, with and
// without a sequence header in force, and fills a stream from it.
func FuzzParseTemporalUnit(f *testing.F) {
	fuzzSeeds(f, false)
	f.Add(append(obu(OBUSequenceHeader, seqHeader()), 0x32, 0x02, 0x10, 0x00))
	seq, _ := ParseSequenceHeader(seqHeader())
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, s := range []*SequenceHeader{nil, seq} {
			tu, err := ParseTemporalUnit(b, s)
			checkErr(t, err)
			if tu == nil {
				t.Fatal("no unit")
			}
			if tu.ExtradataSize > len(b) {
				t.Fatalf("extradata of %d bytes from %d", tu.ExtradataSize, len(b))
			}
			if tu.Frame != nil && !tu.Frame.SizeKnown {
				t.Fatal("a frame of unknown size")
			}
		}
		for _, extradata := range [][]byte{nil, {0x81, 0, 0, 0}, obu(OBUSequenceHeader, seqHeader())} {
			var st container.Stream
			tu, err := Describe(&st, extradata, b)
			checkErr(t, err)
			if tu == nil {
				t.Fatal("no unit")
			}
			checkStream(t, &st)
		}
	})
}
