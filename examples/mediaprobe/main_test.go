package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"-schema", "xml", "f"}, {"-nosuchflag", "f"}} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, run(args, &out, &errb), "%v", args)
		assert.Contains(t, errb.String(), "usage: mediaprobe")
		assert.Empty(t, out.String())
	}
}

func TestSchemasAndStats(t *testing.T) {
	file := "../../testdata/wav_s16le.wav"
	for schema, key := range map[string]string{"oss": "FormatName", "bos": "container", "ffprobe": "format"} {
		var out, errb bytes.Buffer
		require.Equal(t, 0, run([]string{"-schema", schema, "-stats", file}, &out, &errb), errb.String())
		var doc map[string]any
		require.NoError(t, json.Unmarshal(out.Bytes(), &doc), schema)
		assert.Contains(t, doc, key, schema)
		assert.Regexp(t, regexp.MustCompile(`^mediaprobe: stats `+regexp.QuoteMeta(file)+` reads=1 bytes=17684 alloc=\d+ structures=\d+\n$`), errb.String())
	}
}

func TestBadFileExitsOneWithOneLine(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "junk.bin") // named .mp3, ffprobe would try mp3 by extension, as we do
	require.NoError(t, os.WriteFile(bad, bytes.Repeat([]byte("not media "), 100), 0o644))
	var out, errb bytes.Buffer
	assert.Equal(t, 1, run([]string{bad, "../../testdata/wav_s16le.wav", filepath.Join(dir, "missing.wav")}, &out, &errb))
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	require.Len(t, lines, 2, errb.String())
	assert.True(t, strings.HasPrefix(lines[0], "mediaprobe: "+bad+": "), lines[0])
	assert.Contains(t, lines[0], "unknown format")
	assert.Equal(t, 1, strings.Count(out.String(), "\n"), "the good file is still printed")
}
