package probe_test

import (
	"bytes"
	"testing"
)

// TestDetectRawAudio covers the raw AC-3, E-AC-3 and DTS cases FFmpeg's
// probe loop decides by score: ac3_eac3_probe scores the same frames for
// one format or the other by their bsid, and competes with
// mp3_read_probe's frame counts; dts_probe looks past the first 4 KiB.
func TestDetectRawAudio(t *testing.T) {
	mp3 := readTestdata(t, "mp3_cbr_noxing.mp3")
	ac3 := readTestdata(t, "raw_ac3_karaoke.ac3")
	eac3 := readTestdata(t, "raw_eac3.eac3")
	dts := readTestdata(t, "raw_dts.dts")
	assertDetects(t, []detectCase{
		{name: "ac3", data: ac3, want: "ac3"},
		{name: "eac3", data: eac3, want: "eac3"},
		// One E-AC-3 frame anywhere makes the head E-AC-3.
		{name: "ac3 then eac3", data: cat(ac3, eac3), want: "eac3"},
		{name: "eac3 then ac3", data: cat(eac3, ac3), want: "eac3"},
		// Frames after junk score 25 (four or more, not from the start).
		{name: "junk then ac3", data: cat(bytes.Repeat([]byte{0x55}, 100), ac3), want: "ac3"},
		// Two frames: a score of 1, still above every other format.
		{name: "two ac3 frames", data: ac3[:768], want: "ac3"},
		// Seven frames from the start score 51 on either side.
		{name: "mp3 then ac3", data: cat(mp3, ac3), want: "mp3"},
		{name: "ac3 then mp3", data: cat(ac3, mp3), want: "ac3"},
		{name: "dts", data: dts, want: "dts"},
		{name: "junk then dts", data: cat(bytes.Repeat(seq256(), 20), dts), want: "dts"},
	})
}

// seq256 is the bytes 0 to 255.
func seq256() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}
