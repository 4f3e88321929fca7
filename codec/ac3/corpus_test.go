package ac3

import (
	"bytes"
	"encoding/json"
	"github.com/mediaprobe/mediaprobe/internal/corpustest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

// golden is what the corpus test compares of ffprobe's first audio stream.
type golden struct {
	CodecName     string `json:"codec_name"`
	CodecType     string `json:"codec_type"`
	SampleRate    string `json:"sample_rate"`
	Channels      int    `json:"channels"`
	ChannelLayout string `json:"channel_layout"`
	BitRate       string `json:"bit_rate"`
	SideData      []struct {
		Type        string `json:"side_data_type"`
		ServiceType int    `json:"service_type"`
	} `json:"side_data_list"`
}

// corpusFiles calls fn for each file of the shared corpus with one of the
// extensions and an ffprobe golden, with the golden's first audio stream.
func corpusFiles(t *testing.T, exts []string, fn func(path string, b []byte, g golden)) {
	corpustest.Walk(t, func(p string, gj []byte) {
		ext := strings.ToLower(filepath.Ext(p))
		found := false
		for _, e := range exts {
			found = found || e == ext
		}
		if !found {
			return
		}
		var doc struct {
			Streams []golden `json:"streams"`
		}
		if json.Unmarshal(gj, &doc) != nil {
			return
		}
		for _, s := range doc.Streams {
			if s.CodecType == "audio" {
				if b, err := os.ReadFile(p); err == nil {
					fn(p, b, s)
				}
				break
			}
		}
	})
}

// TestCorpusRaw compares the first packet of each raw .ac3/.eac3 stream
// of the shared corpus with ffprobe's stream.
func TestCorpusRaw(t *testing.T) {
	n := 0
	corpusFiles(t, []string{".ac3", ".eac3"}, func(p string, b []byte, g golden) {
		// The demuxer skips an ID3v2 tag (androidx-media's sample.ac3 has
		// one); the first syncword after it stands for that here.
		if i := bytes.Index(b, []byte{0x0b, 0x77}); i > 0 {
			b = b[i:]
		}
		pk, err := ParsePacket(b)
		if !assert.NoError(t, err, p) {
			return
		}
		n++
		var st container.Stream
		pk.Describe(&st)
		assert.Equal(t, g.SampleRate, strconv.Itoa(st.SampleRate), p)
		assert.Equal(t, g.Channels, st.Channels, p)
		assert.Equal(t, g.ChannelLayout, st.ChannelLayout, p)
		assert.Equal(t, g.BitRate, strconv.FormatInt(st.BitRate, 10), p)
	})
	t.Logf("%d raw streams compared", n)
}

// TestCorpusMP4Boxes compares the dac3/dec3 boxes of the corpus's MP4s
// with ffprobe's Audio Service Type side data.
func TestCorpusMP4Boxes(t *testing.T) {
	n := 0
	corpusFiles(t, []string{".mp4", ".m4a", ".mov"}, func(p string, b []byte, g golden) {
		var side container.Stream
		switch g.CodecName {
		case "ac3":
			d, err := ParseDAC3(boxPayload(b, "dac3"))
			if err != nil {
				return
			}
			d.Describe(&side)
			assert.Equal(t, g.BitRate, strconv.FormatInt(d.BitRate(), 10), p)
		case "eac3":
			d, err := ParseDEC3(boxPayload(b, "dec3"))
			if err != nil {
				return
			}
			d.Describe(&side)
		default:
			return
		}
		n++
		if assert.Len(t, g.SideData, 1, p) {
			assert.Equal(t, "Audio Service Type", g.SideData[0].Type, p)
			ast, _ := container.SideDataOf[container.AudioServiceType](&side)
			assert.Equal(t, g.SideData[0].ServiceType, int(ast.Type), p)
		}
	})
	t.Logf("%d MP4 boxes compared", n)
}

// boxPayload finds the first box of type typ in b, good enough for a test
// over the corpus (the mp4 demuxer walks boxes properly).
func boxPayload(b []byte, typ string) []byte {
	i := bytes.Index(b, []byte(typ))
	if i < 4 {
		return nil
	}
	size := int(b[i-4])<<24 | int(b[i-3])<<16 | int(b[i-2])<<8 | int(b[i-1])
	if size < 8 || i-4+size > len(b) {
		return nil
	}
	return b[i+4 : i-4+size]
}
