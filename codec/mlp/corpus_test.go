package mlp

import (
	"bytes"
	"encoding/json"
	"github.com/mediaprobe/mediaprobe/internal/corpustest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

// TestCorpus finds the first major sync of each TrueHD or MLP stream of
// the shared corpus and compares it with ffprobe's stream; and the dmlp
// box of MP4s.
func TestCorpus(t *testing.T) {
	n := 0
	corpustest.Walk(t, func(p string, gj []byte) {
		var doc struct {
			Streams []struct {
				CodecName        string `json:"codec_name"`
				SampleRate       string `json:"sample_rate"`
				Channels         int    `json:"channels"`
				ChannelLayout    string `json:"channel_layout"`
				SampleFmt        string `json:"sample_fmt"`
				BitsPerRawSample string `json:"bits_per_raw_sample"`
			} `json:"streams"`
		}
		if json.Unmarshal(gj, &doc) != nil {
			return
		}
		for _, s := range doc.Streams {
			if s.CodecName != "truehd" && s.CodecName != "mlp" {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return
			}
			i := bytes.Index(b, []byte{0xf8, 0x72, 0x6f})
			if i < 0 {
				return
			}
			m, err := ParseMajorSync(b[i:])
			if !assert.NoError(t, err, p) {
				return
			}
			n++
			var st container.Stream
			describeAs(m, &st, filepath.Ext(p) != ".mp4")
			assert.Equal(t, s.CodecName, m.CodecName(), p)
			assert.Equal(t, s.SampleRate, strconv.Itoa(st.SampleRate), p)
			assert.Equal(t, s.Channels, st.Channels, p)
			assert.Equal(t, s.ChannelLayout, st.ChannelLayout, p)
			assert.Equal(t, s.SampleFmt, st.SampleFmt, p)
			assert.Equal(t, s.BitsPerRawSample, strconv.Itoa(st.BitsPerRawSample), p)
			if j := bytes.Index(b, []byte("dmlp")); j > 0 && j+14 <= len(b) {
				d, err := ParseDMLP(b[j+4 : j+14])
				if assert.NoError(t, err, p) {
					var box container.Stream
					d.Describe(&box)
					assert.Equal(t, s.ChannelLayout, box.ChannelLayout, p)
				}
			}
			return
		}
	})
	t.Logf("%d streams compared", n)
}
