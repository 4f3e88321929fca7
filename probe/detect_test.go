package probe_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/probe"
)

// detectCase is an object whose format FFmpeg's probe loop decides by score
// alone: two or more demuxers recognise it and the higher score (or, on a
// tie, allformats.c's order) wins. Each family's detect_*_test.go lists its
// cases; want is ffprobe 5.1's format_name for the same bytes.
type detectCase struct {
	name     string
	data     []byte
	filename string // the extension hint, "" for none
	want     string
}

// assertDetects probes each case from memory and checks the format chosen.
func assertDetects(t *testing.T, cases []detectCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var opts []probe.Option
			if tc.filename != "" {
				opts = append(opts, probe.WithFilename(tc.filename))
			}
			info, err := probe.ReaderAt(context.Background(), bytes.NewReader(tc.data), int64(len(tc.data)), opts...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, info.Format.Name)
		})
	}
}
