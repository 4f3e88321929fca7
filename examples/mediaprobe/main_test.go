package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testdata = "../../testdata/"

// runCLI runs the command with stdin and returns its exit status, stdout
// and stderr.
func runCLI(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, bytes.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		says string
	}{
		{nil, "no input given"},
		{[]string{"-schema", "xml", "f"}, `-schema "xml": unknown schema (want oss, bos or ffprobe)`},
		{[]string{"f", "-of", "yaml"}, `-of "yaml": unknown output format`},
		{[]string{"-j", "0", "f"}, "-j 0: want at least 1"},
		{[]string{"-nosuchflag", "f"}, "flag provided but not defined: -nosuchflag"},
	} {
		code, out, errb := runCLI(t, nil, tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Contains(t, errb, tc.says)
		assert.Contains(t, errb, "usage: mediaprobe")
		assert.Empty(t, out)
	}
}

func TestSchemasAndStats(t *testing.T) {
	file := testdata + "wav_s16le.wav"
	for schema, key := range map[string]string{"oss": "FormatName", "bos": "container", "ffprobe": "format"} {
		code, out, errb := runCLI(t, nil, "-schema", schema, "-stats", file)
		require.Equal(t, 0, code, errb)
		var doc map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &doc), schema)
		assert.Contains(t, doc, key, schema)
		assert.Regexp(t, regexp.MustCompile(`^mediaprobe: stats `+regexp.QuoteMeta(file)+` reads=1 bytes=17684 alloc=\d+ structures=\d+\n$`), errb)
	}
}

// TestFlagsAnywhere: a flag after an input is a flag, and -- ends them.
func TestFlagsAnywhere(t *testing.T) {
	code, out, _ := runCLI(t, nil, testdata+"wav_s16le.wav", "-schema", "ffprobe")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, `{"streams":`), out)
	code, _, errb := runCLI(t, nil, "--", "-schema")
	assert.Equal(t, 1, code)
	assert.Contains(t, errb, "open -schema")
}

func TestBadFileExitsOneWithOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "junk.bin")
	require.NoError(t, os.WriteFile(bad, bytes.Repeat([]byte("not media "), 100), 0o644))
	code, out, errb := runCLI(t, nil, "-of", "ndjson", bad, testdata+"wav_s16le.wav", filepath.Join(dir, "missing.wav"))
	assert.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSpace(errb), "\n")
	require.Len(t, lines, 3, errb) // two errors and the summary
	assert.True(t, strings.HasPrefix(lines[0], "mediaprobe: "+bad+": "), lines[0])
	assert.Contains(t, lines[0], "unknown format")
	assert.Contains(t, lines[2], "3 inputs, 1 ok, 2 failed (not found 1, unknown format 1)")
	records := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, records, 3)
	for i, want := range []string{bad, testdata + "wav_s16le.wav", filepath.Join(dir, "missing.wav")} {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(records[i]), &rec))
		assert.Equal(t, want, rec["input"], "records keep the inputs' order")
	}
	assert.Contains(t, records[0], `"kind":"unknown format"`)
	assert.Contains(t, records[1], `"result":{"Bitrate"`)
}

// TestJSONArray: several inputs with -of json make one array of records.
func TestJSONArray(t *testing.T) {
	code, out, _ := runCLI(t, nil, "-j", "2", testdata+"wav_s16le.wav", testdata+"flac_s16_cover.flac")
	require.Equal(t, 0, code)
	var recs []map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &recs), out)
	require.Len(t, recs, 2)
	assert.Equal(t, `"`+testdata+`flac_s16_cover.flac"`, string(recs[1]["input"]))
}

// TestDirectoryAndCSV: -r probes every file under a directory, and -of csv
// prints one row per input.
func TestDirectoryAndCSV(t *testing.T) {
	code, _, errb := runCLI(t, nil, testdata)
	assert.Equal(t, 1, code)
	assert.Contains(t, errb, "is a directory (use -r")

	files := 0
	require.NoError(t, filepath.WalkDir(testdata, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files++
		}
		return err
	}))
	_, out, _ := runCLI(t, nil, "-r", "-of", "csv", testdata)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, files+1, len(rows))
	assert.Equal(t, csvHeader, rows[0])
	for _, row := range rows[1:] {
		if filepath.Base(row[0]) == "flac_s16_cover.flac" {
			assert.Equal(t, []string{"flac", "0.400000"}, row[1:3])
			assert.Equal(t, "yes", row[12])
		}
	}
}

// TestStdin: "-" probes standard input, with the file's answer.
func TestStdin(t *testing.T) {
	for _, name := range []string{"flac_s16_cover.flac", "mp3_cbr_id3v24_cover.mp3", "m4a_faststart.m4a"} {
		data, err := os.ReadFile(testdata + name)
		require.NoError(t, err)
		_, want, _ := runCLI(t, nil, "-schema", "ffprobe", testdata+name)
		code, got, errb := runCLI(t, data, "-schema", "ffprobe", "-")
		require.Equal(t, 0, code, errb)
		assert.Equal(t, want, got, name)
	}
}

// TestCovers: -covers writes each cover, which decodes to the size the
// probe reports.
func TestCovers(t *testing.T) {
	dir := t.TempDir()
	code, out, errb := runCLI(t, nil, "-covers", dir, "-schema", "ffprobe", "-of", "ndjson",
		testdata+"flac_s16_cover.flac", testdata+"mp3_png_cover.mp3")
	require.Equal(t, 0, code, errb)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			Input  string
			Result struct {
				Streams []struct {
					CodecName   string `json:"codec_name"`
					Width       int
					Height      int
					Disposition map[string]int
				}
			}
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		n := 0
		for _, st := range rec.Result.Streams {
			if st.Disposition["attached_pic"] != 1 {
				continue
			}
			n++
			ext := map[string]string{"mjpeg": "jpg", "png": "png"}[st.CodecName]
			f, err := os.Open(filepath.Join(dir, filepath.Base(rec.Input)+".cover1."+ext))
			require.NoError(t, err)
			cfg, _, err := image.DecodeConfig(f)
			f.Close()
			require.NoError(t, err)
			assert.Equal(t, [2]int{st.Width, st.Height}, [2]int{cfg.Width, cfg.Height}, rec.Input)
		}
		assert.Equal(t, 1, n, rec.Input)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, nil, "-version")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^mediaprobe \S+ go1\.`, out)
}
