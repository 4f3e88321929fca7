package tags

import (
	"encoding/base64"
	"encoding/binary"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vorbisComment builds a comment structure: vendor length and string,
// count, then each comment as length and bytes.
func vorbisComment(vendor string, count uint32, comments ...string) []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(vendor)))
	b = append(b, vendor...)
	b = binary.LittleEndian.AppendUint32(b, count)
	for _, c := range comments {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(c)))
		b = append(b, c...)
	}
	return b
}

func TestParseVorbisComment(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		vendor string
		pairs  [][2]string
		err    error
	}{
		{"two comments", vorbisComment("ffmpeg", 2, "title=Song", "ARTIST=A=B"), "ffmpeg",
			[][2]string{{"title", "Song"}, {"ARTIST", "A=B"}}, nil},
		{"comment without = is skipped", vorbisComment("v", 2, "junk", "a=b"), "v", [][2]string{{"a", "b"}}, nil},
		{"count beyond the data stops quietly", vorbisComment("v", 1000000, "a=b"), "v", [][2]string{{"a", "b"}}, nil},
		{"length beyond the data stops quietly", append(vorbisComment("v", 2, "a=b"), 0xFF, 0xFF, 0xFF, 0x7F, 'x'), "v", [][2]string{{"a", "b"}}, nil},
		{"vendor beyond the data", []byte{0xFF, 0, 0, 0, 0, 0, 0, 0}, "", nil, ErrVorbisComment},
		{"shorter than two lengths", []byte{0, 0, 0, 0}, "", nil, ErrVorbisComment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vendor, pairs, err := ParseVorbisComment(tt.data, nil)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.vendor, vendor)
			assert.Equal(t, tt.pairs, pairs)
		})
	}
}

// TestVorbisCommentCountExceedsData: a 12-byte structure claiming four
// billion comments allocates no more than a well-formed one.
func TestVorbisCommentCountExceedsData(t *testing.T) {
	b := vorbisComment("", 0xFFFFFFFF, "a=b")
	allocs := testing.AllocsPerRun(20, func() { _, _, _ = ParseVorbisComment(b, nil) })
	good := vorbisComment("", 1, "a=b")
	want := testing.AllocsPerRun(20, func() { _, _, _ = ParseVorbisComment(good, nil) })
	assert.LessOrEqual(t, allocs, want)
}

func TestVorbisTags(t *testing.T) {
	pic := flacPictureBody(3, "image/png", "", []byte("\x89PNG\r\n\x1a\n"))
	tests := []struct {
		name  string
		pairs [][2]string
		want  []container.Tag
		pics  int
	}{
		{"file case kept, ffmpeg names for four keys",
			[][2]string{{"title", "T"}, {"ALBUMARTIST", "AA"}, {"TrackNumber", "3/12"}, {"DISCNUMBER", "1"}, {"DESCRIPTION", "c"}},
			[]container.Tag{{Key: "title", Value: "T"}, {Key: "album_artist", Value: "AA"}, {Key: "track", Value: "3/12"}, {Key: "disc", Value: "1"}, {Key: "comment", Value: "c"}}, 0},
		{"repeated key joined with ; and moved last",
			[][2]string{{"ARTIST", "A1"}, {"TITLE", "T"}, {"artist", "A2"}},
			[]container.Tag{{Key: "TITLE", Value: "T"}, {Key: "artist", Value: "A1;A2"}}, 0},
		{"empty key or value dropped", [][2]string{{"", "x"}, {"k", ""}, {"a", "b"}}, []container.Tag{{Key: "a", Value: "b"}}, 0},
		{"chapter marks are not tags",
			[][2]string{{"CHAPTER001", "00:00:01.000"}, {"CHAPTER001NAME", "Intro"}, {"CHAPTER002NAME", "x"}, {"CHAPTER9", "1"}},
			[]container.Tag{{Key: "CHAPTER002NAME", Value: "x"}, {Key: "CHAPTER9", Value: "1"}}, 0},
		{"picture decoded, not a tag",
			[][2]string{{"metadata_block_picture", base64.StdEncoding.EncodeToString(pic)}, {"a", "b"}},
			[]container.Tag{{Key: "a", Value: "b"}}, 1},
		{"bad base64 picture dropped", [][2]string{{"METADATA_BLOCK_PICTURE", "!!"}}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, pics, err := VorbisTags(tt.pairs, nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.List())
			assert.Len(t, pics, tt.pics)
		})
	}
}
