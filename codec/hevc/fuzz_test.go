package hevc

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// isSentinel reports whether err wraps one of the container categories.
func isSentinel(err error) bool {
	return errors.Is(err, container.ErrTruncated) || errors.Is(err, container.ErrMalformed) ||
		errors.Is(err, container.ErrUnsupported) || errors.Is(err, container.ErrLimit)
}

// seedGolden adds the extradata of testdata/hvcc.golden (or the streams of
// annexb.golden) to f's corpus.
func seedGolden(f *testing.F, name string, n int) {
	for _, l := range goldenLines(f, name, n) {
		b, err := hex.DecodeString(l[1])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkDescribed checks what Describe gave: a size within the coded one,
// a known pixel format, a level a byte holds.
func checkDescribed(t *testing.T, ps *ParamSets) {
	t.Helper()
	st := container.NewInfo("", "").AddStream(container.Video)
	err := ps.Describe(st)
	if err != nil {
		if !errors.Is(err, ErrNoSPS) || ps.ActiveSPS() != nil {
			t.Fatalf("describe: %v", err)
		}
		return
	}
	if st.Width <= 0 || st.Height <= 0 || st.Width > st.CodedWidth || st.Height > st.CodedHeight {
		t.Fatalf("size %dx%d coded %dx%d", st.Width, st.Height, st.CodedWidth, st.CodedHeight)
	}
	if st.PixFmt == "" || st.Profile == "" || st.Level < 0 || st.Level > 255 || st.HasBFrames < 0 || st.HasBFrames >= MaxDPBSize {
		t.Fatalf("described %+v", st)
	}
	if sar := st.SampleAspectRatio; sar.Num < 0 || sar.Den < 0 {
		t.Fatalf("sar %v", sar)
	}
	_ = ps.FrameRate()
}

// checkErrors checks that every error recorded wraps a category, and that
// they are bounded.
func checkErrors(t *testing.T, ps *ParamSets) {
	t.Helper()
	if len(ps.Errors) > maxErrors {
		t.Fatalf("%d errors", len(ps.Errors))
	}
	for _, err := range ps.Errors {
		if !isSentinel(err) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
	}
}

// FuzzParseExtradata drives the hvcC path (and, for inputs that begin with
// a start code, the Annex B extradata path) from the goldens' records.
func FuzzParseExtradata(f *testing.F) {
	seedGolden(f, "hvcc.golden", 3)
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := ParseExtradata(b)
		if x == nil {
			t.Fatal("nil extradata")
		}
		if err != nil && !errors.Is(err, container.ErrMalformed) {
			t.Fatalf("error %v is not malformed", err)
		}
		if (x.HVCC != nil) != IsHVCC(b) {
			t.Fatalf("hvcC %v, IsHVCC %v", x.HVCC != nil, IsHVCC(b))
		}
		if x.HVCC != nil {
			if len(x.HVCC.Arrays) > int(x.HVCC.NumOfArrays) {
				t.Fatalf("%d arrays of %d", len(x.HVCC.Arrays), x.HVCC.NumOfArrays)
			}
			total := 0
			for i := range x.HVCC.Arrays {
				for u := range x.HVCC.Arrays[i].Units() {
					total += 2 + len(u)
				}
			}
			if total > len(b) {
				t.Fatalf("units of %d bytes in %d", total, len(b))
			}
		}
		checkErrors(t, &x.ParamSets)
		checkDescribed(t, &x.ParamSets)
	})
}

// FuzzScanAnnexB drives the Annex B scan and the decoding of its result,
// and of the same bytes as one packet with length fields, from the raw
// streams of the goldens.
func FuzzScanAnnexB(f *testing.F) {
	seedGolden(f, "annexb.golden", 5)
	for _, l := range goldenLines(f, "hvcc.golden", 3) {
		if b, err := hex.DecodeString(l[1]); err == nil && !IsHVCC(b) {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		switch o := PictureFieldOrder(b); o {
		case "", "progressive", "tt":
		default:
			t.Fatalf("field order %q", o)
		}
		ex, ok := ScanAnnexB(b)
		if ok != (len(ex) > 0) {
			t.Fatalf("ok %v with %d bytes", ok, len(ex))
		}
		if len(ex) > 2*len(b)+3 {
			t.Fatalf("%d bytes of extradata from %d", len(ex), len(b))
		}
		x, err := ParseExtradata(ex)
		if err != nil {
			t.Fatalf("extradata: %v", err)
		}
		checkErrors(t, &x.ParamSets)
		checkDescribed(t, &x.ParamSets)
		if x.HVCC != nil {
			t.Fatal("scan result read as hvcC")
		}
		for size := 1; size <= 4; size++ {
			var ps ParamSets
			if err := ps.DecodeNALUnits(b, size); err != nil && !isSentinel(err) {
				t.Fatalf("length %d: %v", size, err)
			}
			checkErrors(t, &ps)
			checkDescribed(t, &ps)
		}
	})
}
