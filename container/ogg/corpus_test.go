package ogg

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// golden is the part of ffprobe's JSON that the demuxer alone decides.
type golden struct {
	Error   string `json:"error"`
	Streams []struct {
		CodecName     string            `json:"codec_name"`
		CodecType     string            `json:"codec_type"`
		SampleFmt     string            `json:"sample_fmt"`
		SampleRate    string            `json:"sample_rate"`
		Channels      int               `json:"channels"`
		ChannelLayout string            `json:"channel_layout"`
		Width         int               `json:"width"`
		Height        int               `json:"height"`
		TimeBase      string            `json:"time_base"`
		StartPTS      *int64            `json:"start_pts"`
		DurationTS    *int64            `json:"duration_ts"`
		BitRate       string            `json:"bit_rate"`
		ExtradataSize int               `json:"extradata_size"`
		Tags          map[string]string `json:"tags"`
	} `json:"streams"`
}

// TestCorpusGoldens compares what the demuxer sets with ffprobe's output
// for the Ogg files of the shared corpus, when it is there.
func TestCorpusGoldens(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no shared corpus")
	}
	var files []string
	_ = filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".ogg", ".oga", ".opus", ".spx", ".ogv":
			files = append(files, p)
		}
		return nil
	})
	for _, name := range files {
		t.Run(strings.TrimPrefix(name, root), func(t *testing.T) {
			gb, err := os.ReadFile(name + ".ffprobe.json")
			if err != nil {
				t.Skip("no golden")
			}
			var g golden
			require.NoError(t, json.Unmarshal(gb, &g))
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			info, err := read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
			if g.Error != "" {
				assert.Error(t, err, "ffprobe: %s", g.Error)
				return
			}
			require.NoError(t, err)
			require.Len(t, info.Streams, len(g.Streams))
			for i, w := range g.Streams {
				st := info.Streams[i]
				assert.Equal(t, w.CodecName, st.CodecName, "stream %d", i)
				assert.Equal(t, w.CodecType, st.Type.String(), "stream %d", i)
				assert.Equal(t, w.SampleFmt, st.SampleFmt, "stream %d", i)
				if w.SampleRate != "" {
					assert.Equal(t, w.SampleRate, strconv.Itoa(st.SampleRate), "stream %d", i)
				}
				assert.Equal(t, w.Channels, st.Channels, "stream %d", i)
				assert.Equal(t, w.ChannelLayout, st.ChannelLayout, "stream %d", i)
				assert.Equal(t, w.Width, st.Width, "stream %d", i)
				assert.Equal(t, w.Height, st.Height, "stream %d", i)
				assert.Equal(t, w.TimeBase, st.TimeBase.String(), "stream %d", i)
				assert.Equal(t, w.ExtradataSize, st.ExtradataSize, "stream %d", i)
				if w.BitRate != "" {
					assert.Equal(t, w.BitRate, strconv.FormatInt(st.BitRate, 10), "stream %d", i)
				}
				// The generic timing pass fills the ones the demuxer leaves
				// unknown; compare those the demuxer sets.
				if w.StartPTS != nil && st.StartPTS != container.NoPTS {
					assert.Equal(t, *w.StartPTS, st.StartPTS, "stream %d", i)
				}
				if w.DurationTS != nil && st.DurationTS != container.NoPTS {
					assert.Equal(t, *w.DurationTS, st.DurationTS, "stream %d", i)
				}
				tags := map[string]string{}
				for k, v := range st.Tags.All() {
					tags[k] = v
				}
				if w.Tags == nil {
					w.Tags = map[string]string{}
				}
				assert.Equal(t, w.Tags, tags, "stream %d", i)
			}
		})
	}
}
