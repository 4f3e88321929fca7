package probe_test

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// losslessTestdata returns a file of testdata/.
func losslessTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	return b
}

// losslessID3 is the ID3v2 tag of an mp3 of testdata, to put in front of
// other formats.
func losslessID3(t *testing.T) []byte {
	m := losslessTestdata(t, "mp3_id3v23_id3v1.mp3")
	n := 10 + (int(m[6])<<21 | int(m[7])<<14 | int(m[8])<<7 | int(m[9]))
	return m[:n]
}

func losslessHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestDetectTTA: TTA (80) behind an ID3v2 tag, which the mp3 probe also
// sees, and under an mp3 name (which scores 1 for mp3).
func TestDetectTTA(t *testing.T) {
	tta := losslessTestdata(t, "tta_id3_cover.tta")
	assertDetects(t, []detectCase{
		{name: "tta behind id3v2", data: tta, want: "tta"},
		{name: "tta named mp3", data: tta, filename: "x.mp3", want: "tta"},
	})
}

// TestDetectMusepack: SV7 and SV8 (100) behind an ID3v2 tag and under an
// mp3 name.
func TestDetectMusepack(t *testing.T) {
	id3 := losslessID3(t)
	// The SV7 header of taglib's click.mpc and a few frame bytes.
	sv7 := append(losslessHex("4d502b0703000000ea18a05c671d9f03671d9f030000d099bfbf0173decc340f"), make([]byte, 200)...)
	sv8 := losslessTestdata(t, "mpc8_mono.mpc")
	assertDetects(t, []detectCase{
		{name: "sv7 behind id3v2", data: append(append([]byte(nil), id3...), sv7...), filename: "x.mp3", want: "mpc"},
		{name: "sv8 named mp3", data: sv8, filename: "x.mp3", want: "mpc8"},
		{name: "sv8 behind id3v2", data: append(append([]byte(nil), id3...), sv8...), want: "mpc8"},
	})
}

// TestDetectShorten: Shorten scores 51, over an mp3 name's 1.
func TestDetectShorten(t *testing.T) {
	shn := append(losslessHex("616a6b6702fbb17009992aca95268d46924020100abd06ad45b35b6e92088402010080c020500a26b20100886c60500824022100b2586e96180402010040"), make([]byte, 64)...)
	assertDetects(t, []detectCase{
		{name: "shn named mp3", data: shn, filename: "x.mp3", want: "shn"},
	})
}

// TestDetectTAK: the TAK magic scores 50, over an mp3 name's 1.
func TestDetectTAK(t *testing.T) {
	tak := append(losslessHex("7442614b010d0000020822560000404d090a00000000000000ffa0000000"), make([]byte, 197)...)
	assertDetects(t, []detectCase{
		{name: "tak named mp3", data: tak, filename: "x.mp3", want: "tak"},
	})
}
