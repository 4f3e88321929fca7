package probe_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDetectAMR covers the AMR cases FFmpeg's probe loop decides by score:
// amrnb_probe's 26 for a head of plausible frames against mp3_read_probe
// on the same bytes, and the storage format's magic.
func TestDetectAMR(t *testing.T) {
	mp3 := readTestdata(t, "mp3_cbr_noxing.mp3")
	// 0xDE is no frame header; 0xAD opens a 21-byte frame after which
	// 0xBE opens 32-byte frames forever: 4 KiB of it holds more than
	// 100, which outscores the mp3 frames that follow (probe score 26).
	garbage := func(n int) []byte { return bytes.Repeat([]byte{0xDE, 0xAD, 0xBE, 0xEF}, n/4) }
	assertDetects(t, []detectCase{
		{name: "amrnb frames in 100 KiB before mp3", data: cat(garbage(100<<10), mp3), want: "amrnb"},
		{name: "amrnb frames in 4 KiB before mp3", data: cat(garbage(4<<10), mp3), want: "amrnb"},
		// 2 KiB hold too few frames: the mp3 frames after them win,
		// with 1 (max_frames at the 2 KiB round) or 25 (1 KiB).
		{name: "2 KiB of frames then mp3", data: cat(garbage(2<<10), mp3), want: "mp3"},
		{name: "1 KiB of frames then mp3", data: cat(garbage(1<<10), mp3), want: "mp3"},
		{name: "mp3", data: mp3, want: "mp3"},
		{name: "headerless AMR-NB", data: readTestdata(t, "raw_amrnb.amrnb"), want: "amrnb"},
		{name: "headerless AMR-WB", data: readTestdata(t, "raw_amrwb.amrwb"), want: "amrwb"},
		{name: "storage format", data: readTestdata(t, "amr_nb.amr"), want: "amr"},
		{name: "storage format, one byte", data: readTestdata(t, "amr_one_byte.amr"), want: "amr"},
	})
}

// readTestdata returns a file of testdata/.
func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	require.NoError(t, err)
	return b
}

// cat joins byte slices into a new one.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
