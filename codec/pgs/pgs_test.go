package pgs

import "testing"

func TestVideoSize(t *testing.T) {
	pcs := []byte{SegmentPresentation, 0, 11, 0x05, 0x00, 0x02, 0xD0, 0x10, 0, 0, 0x80, 0, 0, 0}
	w, h, ok := VideoSize(append([]byte{SegmentPalette, 0, 2, 0, 0}, pcs...))
	if !ok || w != 1280 || h != 720 {
		t.Fatalf("VideoSize = %d, %d, %v", w, h, ok)
	}
	for _, b := range [][]byte{nil, {SegmentPresentation, 0, 3, 1, 2, 3}, {SegmentPresentation, 0, 20, 1}, {SegmentDisplay, 0, 0}} {
		if _, _, ok := VideoSize(b); ok {
			t.Errorf("VideoSize(%x) ok", b)
		}
	}
}

func FuzzVideoSize(f *testing.F) {
	f.Add([]byte{SegmentPresentation, 0, 4, 5, 0, 2, 0xD0})
	f.Fuzz(func(t *testing.T, b []byte) {
		if w, h, ok := VideoSize(b); ok && (w < 0 || h < 0 || w > 65535 || h > 65535) {
			t.Fatal(w, h)
		}
	})
}
