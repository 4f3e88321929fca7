package tags

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

// id3v1 builds a 128-byte tag: "TAG", title, artist, album (30 each), year
// (4), comment (28), zero, track, genre.
func id3v1(title, artist, album, year, comment string, track, genre byte) []byte {
	b := make([]byte, 0, ID3v1Size)
	field := func(s string, n int) { b = append(b, append([]byte(s), make([]byte, n-len(s))...)...) }
	b = append(b, "TAG"...)
	field(title, 30)
	field(artist, 30)
	field(album, 30)
	field(year, 4)
	field(comment, 28)
	return append(b, 0, track, genre)
}

func TestParseID3v1(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []container.Tag
	}{
		{
			name: "v1.1 with track, trailing spaces trimmed",
			in:   id3v1("Song name  ", "Singer", "Album", "2021", "synthetic", 3, 13),
			want: id3KV("title", "Song name", "artist", "Singer", "album", "Album", "date", "2021", "comment", "synthetic", "track", "3", "genre", "Pop"),
		},
		{
			name: "empty fields skipped, genres past 125 known, 255 none",
			in:   id3v1("", "", "", "", "", 0, 147),
			want: id3KV("genre", "Synthpop"),
		},
		{name: "no genre", in: id3v1("T", "", "", "", "", 0, 255), want: id3KV("title", "T")},
		{name: "not a tag", in: make([]byte, ID3v1Size)},
		{name: "short", in: []byte("TAG")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ParseID3v1(tt.in).List())
		})
	}
	assert.Len(t, ID3v1Genres, 192)
	assert.Equal(t, "Psybient", ID3v1Genres[191])
}
