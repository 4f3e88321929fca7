package probe_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/probe"
)

// TestDetectDSDVOC: raw GSM has no magic, so FFmpeg takes it by gsm_probe's
// score (51, one above an extension) or, for fewer than 32 frames, by the
// ".gsm" extension alone; a VOC whose check word is wrong scores 10. Each
// want is ffprobe 5.1's format_name for the same bytes and name.
func TestDetectDSDVOC(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		require.NoError(t, err)
		return b
	}
	gsmLong, gsmShort := read("gsm_long.gsm"), read("gsm_libgsm.gsm")
	assertDetects(t, []detectCase{
		{"gsm frames named mp3", gsmLong, "x.mp3", "gsm"},
		{"gsm frames without a name", gsmLong, "", "gsm"},
		{"few gsm frames by extension", gsmShort, "x.gsm", "gsm"},
		{"voc with a bad check word named mp3", read("voc_tail.voc"), "x.mp3", "voc"},
		{"mp3 named gsm", read("mp3_cbr_noxing.mp3"), "x.gsm", "mp3"},
		{"adts named gsm", read("aac_lc.aac"), "x.gsm", "aac"},
	})
}

// TestDetectGSMTooFewFrames: without the extension, 20 GSM frames are
// recognised by nothing, as ffprobe fails on them.
func TestDetectGSMTooFewFrames(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "gsm_libgsm.gsm"))
	require.NoError(t, err)
	_, err = probe.ReaderAt(context.Background(), bytes.NewReader(b), int64(len(b)), probe.WithFilename("x.bin"))
	assert.ErrorIs(t, err, container.ErrUnknownFormat)
}
