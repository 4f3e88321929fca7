package hevc

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// goldenLines reads a testdata golden file: one case a line, n fields
// separated by spaces, the last taking the rest of the line.
func goldenLines(t testing.TB, name string, n int) [][]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	require.NoError(t, err)
	defer f.Close()
	var lines [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if fields := strings.SplitN(sc.Text(), " ", n); len(fields) > 1 {
			lines = append(lines, fields)
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, lines)
	return lines
}

// ffprobeStream holds the fields of ffprobe's stream section that Describe
// fills, as testdata/gen.py records them; absent fields are zero.
type ffprobeStream struct {
	Fail              bool   `json:"fail"`
	Profile           string `json:"profile"`
	Width             int    `json:"width"`
	Height            int    `json:"height"`
	CodedWidth        int    `json:"coded_width"`
	CodedHeight       int    `json:"coded_height"`
	ClosedCaptions    int    `json:"closed_captions"`
	FilmGrain         int    `json:"film_grain"`
	HasBFrames        int    `json:"has_b_frames"`
	SampleAspectRatio string `json:"sample_aspect_ratio"`
	PixFmt            string `json:"pix_fmt"`
	Level             int    `json:"level"`
	ColorRange        string `json:"color_range"`
	ColorSpace        string `json:"color_space"`
	ColorTransfer     string `json:"color_transfer"`
	ColorPrimaries    string `json:"color_primaries"`
	ChromaLocation    string `json:"chroma_location"`
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestFFprobeGolden checks every extradata of testdata/hvcc.golden (the
// records libx265 writes and hand-made ones, see testdata/gen.py) against
// what ffprobe 5.1 printed for an MP4 stream carrying it.
func TestFFprobeGolden(t *testing.T) {
	for _, f := range goldenLines(t, "hvcc.golden", 3) {
		require.Len(t, f, 3, f[0])
		t.Run(f[0], func(t *testing.T) {
			b, err := hex.DecodeString(f[1])
			require.NoError(t, err)
			var want ffprobeStream
			require.NoError(t, json.Unmarshal([]byte(f[2]), &want))

			x, err := ParseExtradata(b)
			require.NotNil(t, x)
			if want.Fail {
				// The decoder refuses the record, and ffprobe with it.
				require.Error(t, err)
				assert.ErrorIs(t, err, container.ErrMalformed)
				return
			}
			require.NoError(t, err)
			st := container.NewInfo("", "").AddStream(container.Video)
			derr := x.Describe(st)
			got := ffprobeStream{
				Profile: st.Profile, Width: st.Width, Height: st.Height,
				CodedWidth: st.CodedWidth, CodedHeight: st.CodedHeight,
				ClosedCaptions: b2i(st.ClosedCaptions), FilmGrain: b2i(st.FilmGrain),
				HasBFrames: st.HasBFrames, PixFmt: st.PixFmt, Level: st.Level,
				ColorRange: st.ColorRange, ColorSpace: st.ColorSpace, ColorTransfer: st.ColorTransfer,
				ColorPrimaries: st.ColorPrimaries, ChromaLocation: st.ChromaLocation,
			}
			if sar := st.SampleAspectRatio; sar.Num != 0 {
				got.SampleAspectRatio = sar.Ratio()
			}
			if want.PixFmt == "" {
				// No SPS reached the decoder: ffprobe's size is the
				// container's, and the rest is unset.
				require.ErrorIs(t, derr, ErrNoSPS)
				want.Width, want.Height, want.CodedWidth, want.CodedHeight = 0, 0, 0, 0
			} else {
				require.NoError(t, derr)
			}
			assert.Equal(t, want, got)
		})
	}
}

// TestScanAnnexBGolden checks ScanAnnexB against the extradata ffprobe
// 5.1 found for raw streams (testdata/annexb.golden): the same bytes, and
// through ParseExtradata the frame rate it reported.
func TestScanAnnexBGolden(t *testing.T) {
	for _, f := range goldenLines(t, "annexb.golden", 5) {
		require.Len(t, f, 5, f[0])
		t.Run(f[0], func(t *testing.T) {
			b, err := hex.DecodeString(f[1])
			require.NoError(t, err)
			size, err := strconv.Atoi(f[2])
			require.NoError(t, err)
			ex, ok := ScanAnnexB(b)
			if f[3] == "-" {
				assert.False(t, ok)
				assert.Empty(t, ex)
				return
			}
			require.True(t, ok)
			assert.Len(t, ex, size)
			assert.Equal(t, f[3], hex.EncodeToString(ex))
			x, err := ParseExtradata(ex)
			require.NoError(t, err)
			assert.Empty(t, x.Errors)
			assert.Equal(t, f[4], x.FrameRate().String())
		})
	}
}

// errorsAs is errors.As for a FormatError, for the tests that look at
// where an error was found.
func formatError(err error) *container.FormatError {
	var fe *container.FormatError
	if errors.As(err, &fe) {
		return fe
	}
	return nil
}
