package h264

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// fuzzSeeds are the avcC records of ffprobeCases, the same parameter sets
// as Annex B, and the hostile inputs of the named tests.
func fuzzSeeds() [][]byte {
	var seeds [][]byte
	for _, c := range ffprobeCases {
		b, _ := hex.DecodeString(c.avcC)
		seeds = append(seeds, b)
		if cfg, err := ParseAVCConfig(b); err == nil {
			var ab []byte
			for _, u := range append(cfg.SequenceParameterSets, cfg.PictureParameterSets...) {
				ab = append(ab, 0, 0, 0, 1)
				ab = append(ab, u...)
			}
			seeds = append(seeds, append(ab, 0, 0, 1, 0x65, 0x88, 0x84))
		}
	}
	full := marshalSPS(fullSPS())
	seeds = append(seeds,
		[]byte{1, 100, 0, 13, 0xff, 0xff, 0xff},
		bytes.Repeat([]byte{0, 0, 1}, 64),
		append([]byte{0, 0, 0, 1}, full...),
		append([]byte{1, 244, 0, 51, 0xff, 0xe1, 0, byte(len(full))}, full...),
	)
	return seeds
}

func checkErr(t *testing.T, err error) {
	if err != nil && !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrTruncated) &&
		!errors.Is(err, container.ErrUnsupported) {
		t.Fatalf("error without a sentinel: %v", err)
	}
}

// checkParams checks what Fill makes of any Params.
func checkParams(t *testing.T, p *Params) {
	if p == nil {
		t.Fatal("nil Params")
	}
	if p.NALLengthSize < 0 || p.NALLengthSize > 4 || (!p.IsAVC && p.NALLengthSize != 0) {
		t.Fatalf("is_avc %v nal_length_size %d", p.IsAVC, p.NALLengthSize)
	}
	st := (&container.Info{}).AddStream(container.Video)
	p.Fill(st)
	if _, ok := st.DecoderOptions.(container.H264Options); !ok {
		t.Fatal("no decoder options")
	}
	s := p.Active()
	if s == nil || st.Profile == "" {
		return
	}
	if st.Width <= 0 || st.Height <= 0 || st.Width > s.CodedWidth() || st.Height > s.CodedHeight() ||
		s.CodedWidth() > 16*8192 || s.CodedHeight() > 2*16*8192 {
		t.Fatalf("size %dx%d of %dx%d", st.Width, st.Height, s.CodedWidth(), s.CodedHeight())
	}
	if d := s.BitDepth(); d < 8 || d > 14 {
		t.Fatalf("bit depth %d", d)
	}
	if sar := st.SampleAspectRatio; sar.Valid() && (sar.Num < 0 || sar.Den <= 0) {
		t.Fatalf("sar %v", sar)
	}
	if st.HasBFrames < 0 || st.HasBFrames > maxReorderFrames {
		t.Fatalf("has_b_frames %d", st.HasBFrames)
	}
}

// FuzzParseExtradata runs the extradata path: an avcC record when the first
// byte is 1, Annex B units otherwise.
func FuzzParseExtradata(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseExtradata(b)
		checkErr(t, err)
		checkParams(t, p)
		if p.IsAVC != (len(b) > 0 && b[0] == 1) {
			t.Fatalf("is_avc %v for first byte %v", p.IsAVC, b[:min(1, len(b))])
		}
		c, err := ParseAVCConfig(b)
		checkErr(t, err)
		n := 0
		for _, u := range append(append(c.SequenceParameterSets, c.PictureParameterSets...), c.SequenceParameterSetExtNALUnits...) {
			n += 2 + len(u)
		}
		if n > len(b) {
			t.Fatalf("units of %d bytes in %d", n, len(b))
		}
	})
}

// FuzzScanAnnexB runs the raw stream path.
func FuzzScanAnnexB(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, found, err := ScanAnnexB(b)
		checkErr(t, err)
		checkParams(t, p)
		if found != (p.Active() != nil) || p.IsAVC {
			t.Fatalf("found %v, active %v, is_avc %v", found, p.Active() != nil, p.IsAVC)
		}
		for _, nal := range [][]byte{b, append([]byte{0x67}, b...), append([]byte{0x68}, b...)} {
			_, err := ParseSPS(nal)
			checkErr(t, err)
		}
		for _, n := range []int{0, 1, 2, 4} {
			switch p.PictureFieldOrder(b, n) {
			case "", "progressive", "tt", "bb":
			default:
				t.Fatal("field order out of range")
			}
		}
		if p.ExtradataSize > len(b)+3*len(b)/4 {
			t.Fatalf("extradata of %d bytes from %d", p.ExtradataSize, len(b))
		}
	})
}
