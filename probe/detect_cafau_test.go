package probe_test

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDetectCAFAU: CAF and AU files that carry MPEG audio frames are taken
// for CAF and AU (cafdec.c probe and au_probe score 100 on their magic),
// never for the MP3 frames inside them, whatever the extension says.
func TestDetectCAFAU(t *testing.T) {
	cafMP3, err := os.ReadFile("../testdata/caf_mp3.caf")
	require.NoError(t, err)
	mp3, err := os.ReadFile("../testdata/mp3_cbr_noxing.mp3")
	require.NoError(t, err)
	au := []byte(".snd\x00\x00\x00\x18\xff\xff\xff\xff\x00\x00\x00\x01\x00\x00\x1f\x40\x00\x00\x00\x01")
	auMP3 := append(append([]byte(nil), au...), mp3...)
	// An AU header in front of an MP3 at its start: the magic is all there is.
	binary.BigEndian.PutUint32(auMP3[8:], uint32(len(mp3)))
	assertDetects(t, []detectCase{
		{name: "caf with mp3 packets", data: cafMP3, want: "caf"},
		{name: "caf with mp3 packets, mp3 name", data: cafMP3, filename: "x.mp3", want: "caf"},
		{name: "au with mp3 frames", data: auMP3, want: "au"},
		{name: "au with mp3 frames, mp3 name", data: auMP3, filename: "x.mp3", want: "au"},
	})
}
