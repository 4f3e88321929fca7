package aac

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
)

// esdsConfig finds the first esds box in b and returns its
// DecoderSpecificInfo (ISO/IEC 14496-1 descriptors: ES 0x03,
// DecoderConfig 0x04, DecSpecificInfo 0x05). Good enough for a test that
// walks the shared corpus; the mp4 demuxer walks boxes properly.
func esdsConfig(b []byte) []byte {
	i := bytes.Index(b, []byte("esds"))
	if i < 4 {
		return nil
	}
	size := int(b[i-4])<<24 | int(b[i-3])<<16 | int(b[i-2])<<8 | int(b[i-1])
	if size < 12 || i-4+size > len(b) {
		return nil
	}
	d := b[i+8 : i-4+size] // after version and flags
	readLen := func() int {
		n := 0
		for k := 0; k < 4 && len(d) > 0; k++ {
			c := d[0]
			d = d[1:]
			n = n<<7 | int(c&0x7F)
			if c&0x80 == 0 {
				break
			}
		}
		return n
	}
	for len(d) > 1 {
		tag := d[0]
		d = d[1:]
		n := readLen()
		switch tag {
		case 0x03:
			if len(d) < 3 {
				return nil
			}
			flags := d[2]
			d = d[3:]
			if flags&0x80 != 0 && len(d) >= 2 {
				d = d[2:]
			}
			if flags&0x40 != 0 && len(d) >= 1 {
				d = d[1+int(d[0]):]
			}
			if flags&0x20 != 0 && len(d) >= 2 {
				d = d[2:]
			}
		case 0x04:
			if len(d) < 13 || d[0] != 0x40 {
				return nil
			}
			d = d[13:]
		case 0x05:
			if n > len(d) {
				return nil
			}
			return d[:n]
		default:
			return nil
		}
	}
	return nil
}

// TestCorpusMP4 compares the configuration of the first AAC track of each
// MP4 in the shared corpus with ffprobe's stream, where the corpus exists.
// Streams whose ffprobe profile is HE-AAC with an LC configuration are
// implicit SBR, which this package does not detect (see doc.go).
func TestCorpusMP4(t *testing.T) {
	n := 0
	corpustest.Walk(t, func(p string, gj []byte) {
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".mp4" && ext != ".m4a" && ext != ".mov" && ext != ".3gp" && ext != ".m4b" {
			return
		}
		var golden struct {
			Streams []struct {
				CodecName     string `json:"codec_name"`
				Profile       string `json:"profile"`
				SampleRate    string `json:"sample_rate"`
				Channels      int    `json:"channels"`
				ChannelLayout string `json:"channel_layout"`
			} `json:"streams"`
		}
		if json.Unmarshal(gj, &golden) != nil {
			return
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return
		}
		asc := esdsConfig(b)
		if asc == nil {
			return
		}
		for _, s := range golden.Streams {
			if s.CodecName != "aac" {
				continue
			}
			c, err := ParseAudioSpecificConfig(asc)
			if !assert.NoError(t, err, p) {
				return
			}
			n++
			if s.Profile == "HE-AAC" && c.Profile() == "LC" {
				t.Logf("%s: implicit SBR, not detected", p)
				return
			}
			// No profile: ffprobe decoded no frame (the decoder sets it
			// per frame), e.g. an init segment or a truncated file.
			if s.Profile != "" {
				assert.Equal(t, s.Profile, c.Profile(), p)
			}
			assert.Equal(t, s.SampleRate, strconv.Itoa(c.OutputSampleRate()), p)
			assert.Equal(t, s.Channels, c.OutputChannels(), p)
			if s.ChannelLayout != "" {
				assert.Equal(t, s.ChannelLayout, c.Layout(), p)
			}
			return
		}
	})
	t.Logf("%d AAC configurations compared", n)
}
