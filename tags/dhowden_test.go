package tags_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dhowden/tag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/probe"
)

// TestAgreesWithDhowdenTag reads the tags of every tagged testdata file with
// github.com/dhowden/tag as an independent reader and checks that ours
// found the same title, artist, album and first picture. The production
// readers are our own (dhowden/tag returns a map, so file order and
// repeated frames are lost, gives one picture, and sniffs ID3-prefixed FLAC
// as MP3); this keeps them honest against a second implementation.
func TestAgreesWithDhowdenTag(t *testing.T) {
	files, err := filepath.Glob("../testdata/*")
	require.NoError(t, err)
	checked := 0
	for _, file := range files {
		if strings.HasSuffix(file, ".json") || strings.HasSuffix(file, ".sh") {
			continue
		}
		f, err := os.Open(file)
		require.NoError(t, err)
		m, err := tag.ReadFrom(f)
		f.Close()
		if err != nil || m.Title() == "" || m.FileType() == tag.UnknownFileType {
			continue // no tags dhowden/tag can read
		}
		info, err := probe.File(context.Background(), file)
		require.NoError(t, err, file)
		ours := info.Format.Tags
		if ours.Len() == 0 && len(info.Streams) > 0 {
			ours = info.Streams[0].Tags // Ogg keeps comments on the stream
		}
		get := func(k string) string { v, _ := ours.Get(k); return v }
		name := filepath.Base(file)
		assert.Equal(t, m.Title(), get("title"), name)
		assert.Equal(t, m.Artist(), get("artist"), name)
		assert.Equal(t, m.Album(), get("album"), name)
		if p := m.Picture(); p != nil {
			var cover *container.Stream
			for _, st := range info.Streams {
				if st.IsCover() {
					cover = st
					break
				}
			}
			if assert.NotNil(t, cover, "%s: dhowden/tag sees a picture, we see no cover stream", name) && cover.Picture.Offset >= 0 {
				assert.Equal(t, int64(len(p.Data)), cover.Picture.Length, name)
			}
		}
		checked++
	}
	assert.Greater(t, checked, 5, "too few tagged files were compared")
}
