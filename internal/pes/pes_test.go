package pes

import (
	"errors"
	"testing"
)

// putTS encodes a 33-bit timestamp with the 4-bit prefix and marker bits.
func putTS(prefix byte, ts int64) []byte {
	return []byte{
		prefix<<4 | byte(ts>>29)&0x0E | 1,
		byte(ts >> 22),
		byte(ts>>14)&0xFE | 1,
		byte(ts >> 7),
		byte(ts<<1) | 1,
	}
}

func TestParseMPEG2(t *testing.T) {
	const pts, dts = int64(1<<32 + 12345), int64(90000)
	b := []byte{0, 0, 1, 0xE0, 0, 0, 0x80, 0xC0, 10}
	b = append(b, putTS(3, pts)...)
	b = append(b, putTS(1, dts)...)
	b = append(b, 0, 0, 0, 1, 0x09)
	h, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if h.StreamID != 0xE0 || h.PTS != pts || h.DTS != dts || h.PayloadOffset != 19 || h.MPEG1 {
		t.Errorf("got %+v", h)
	}
	if !IsVideo(h.StreamID) || IsAudio(h.StreamID) {
		t.Error("0xE0 is video")
	}
	if _, err := Parse(b[:15]); !errors.Is(err, ErrShort) {
		t.Errorf("cut header: %v", err)
	}
	// A header length too small for the flags it announces.
	bad := append([]byte(nil), b...)
	bad[8] = 4
	if _, err := Parse(bad); !errors.Is(err, ErrMalformed) {
		t.Errorf("short header_data_length: %v", err)
	}
}

func TestParseMPEG1(t *testing.T) {
	b := []byte{0, 0, 1, 0xC0, 0x01, 0x00, 0xFF, 0xFF, 0x40, 0x20}
	b = append(b, putTS(2, 3003)...)
	h, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if !h.MPEG1 || h.PTS != 3003 || h.DTS != NoPTS || h.PayloadOffset != len(b) || h.Length != 256 {
		t.Errorf("got %+v", h)
	}
	none := []byte{0, 0, 1, 0xC0, 0, 1, 0x0F}
	if h, err := Parse(none); err != nil || h.PTS != NoPTS || h.PayloadOffset != 7 {
		t.Errorf("no timestamps: %+v %v", h, err)
	}
	stuffed := []byte{0, 0, 1, 0xC0, 0, 30}
	for i := 0; i < 17; i++ {
		stuffed = append(stuffed, 0xFF)
	}
	stuffed = append(stuffed, 0x0F)
	if _, err := Parse(stuffed); !errors.Is(err, ErrMalformed) {
		t.Errorf("17 stuffing bytes: %v", err)
	}
}

func TestParseNoHeader(t *testing.T) {
	h, err := Parse([]byte{0, 0, 1, PaddingStream, 0, 4})
	if err != nil || h.PayloadOffset != 6 || h.PTS != NoPTS {
		t.Errorf("padding: %+v %v", h, err)
	}
	if _, err := Parse([]byte{0, 0, 2, 0xE0, 0, 0, 0x80}); !errors.Is(err, ErrNoStartCode) {
		t.Errorf("bad prefix: %v", err)
	}
}

func TestTimestampMarkers(t *testing.T) {
	b := putTS(2, 1<<33-1)
	if ts, ok := Timestamp(b); !ok || ts != 1<<33-1 {
		t.Errorf("max: %d %v", ts, ok)
	}
	b[4] &^= 1
	if _, ok := Timestamp(b); ok {
		t.Error("cleared marker reported ok")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0xE0, 0, 0, 0x80, 0xC0, 10})
	f.Add([]byte{0, 0, 1, 0xFD, 0, 0, 0x81, 0x81, 3, 0x01, 0x81, 0x55})
	f.Add([]byte{0, 0, 1, 0xC0, 0, 1, 0xFF, 0x40, 0, 0x0F})
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := Parse(b)
		if err == nil && h.PayloadOffset > len(b) && HasHeader(h.StreamID) {
			t.Fatalf("payload offset %d beyond %d bytes", h.PayloadOffset, len(b))
		}
	})
}

func TestDuration(t *testing.T) {
	d := NewDuration()
	d.Add(NoPTS, 3600, 0)
	if d.Value != NoPTS {
		t.Fatalf("duration %d from no PTS", d.Value)
	}
	d.Add(90000, 3600, 9000)
	d.Add(93600, 3600, 9000)
	if d.Value != 93600+3600-9000 {
		t.Fatalf("duration %d", d.Value)
	}
	// A jump of more than 60 s is not taken once a duration is known.
	d.Add(93600+61*90000, 3600, 9000)
	if d.Value != 93600+3600-9000 {
		t.Fatalf("jump taken: %d", d.Value)
	}
	var w Wrap
	w.Set(1<<33 - 9000)
	if got := w.Unwrap(1<<33 - 9000); got != -9000 {
		t.Fatalf("start near the wrap: %d", got)
	}
	if got := w.Unwrap(1000); got != 1000 {
		t.Fatalf("after the wrap: %d", got)
	}
	var v Wrap
	v.Set(1<<33 - 10*60*90000)
	if got := v.Unwrap(1000); got != 1000+1<<33 {
		t.Fatalf("wrapped after a start ten minutes before: %d", got)
	}
	if s := Start([]int64{NoPTS, 7200, 3600, 10800}); s != 3600 {
		t.Fatalf("start %d", s)
	}
	if s := Start(nil); s != NoPTS {
		t.Fatalf("start %d from nothing", s)
	}
}
