package dts

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

// TestCorpus takes the first DTS packet of each DTS stream of the shared
// corpus (from its first sync word; a packet of the container holds one
// frame, and the frame's own sizes bound what is read) and compares it
// with ffprobe's stream.
func TestCorpus(t *testing.T) {
	n := 0
	corpustest.Walk(t, func(p string, gj []byte) {
		// MPEG-TS splits a packet across 188-byte transport packets, so
		// the file's bytes from the sync word on are not the packet.
		if ext := filepath.Ext(p); ext == ".ts" || ext == ".m2ts" {
			return
		}
		var doc struct {
			Streams []struct {
				CodecName        string `json:"codec_name"`
				Profile          string `json:"profile"`
				SampleRate       string `json:"sample_rate"`
				Channels         int    `json:"channels"`
				ChannelLayout    string `json:"channel_layout"`
				SampleFmt        string `json:"sample_fmt"`
				BitsPerRawSample string `json:"bits_per_raw_sample"`
				BitRate          string `json:"bit_rate"`
			} `json:"streams"`
		}
		if json.Unmarshal(gj, &doc) != nil {
			return
		}
		for _, s := range doc.Streams {
			if s.CodecName != "dts" {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return
			}
			i := firstSync(b)
			if i < 0 {
				return
			}
			pkt := b[i:]
			if len(pkt) > 64<<10 {
				pkt = pkt[:64<<10]
			}
			f, err := ParseFrame(pkt)
			if !assert.NoError(t, err, p) {
				return
			}
			n++
			var st container.Stream
			f.Describe(&st)
			assert.Equal(t, s.Profile, st.Profile, p)
			assert.Equal(t, s.SampleRate, strconv.Itoa(st.SampleRate), p)
			assert.Equal(t, s.Channels, st.Channels, p)
			assert.Equal(t, s.ChannelLayout, st.ChannelLayout, p)
			assert.Equal(t, s.SampleFmt, st.SampleFmt, p)
			raw := ""
			if st.BitsPerRawSample != 0 {
				raw = strconv.Itoa(st.BitsPerRawSample)
			}
			assert.Equal(t, s.BitsPerRawSample, raw, p)
			rate := ""
			if st.BitRate != 0 {
				rate = strconv.FormatInt(st.BitRate, 10)
			}
			// The container's bit rate stands where the decoder reports
			// none (MP4's, from the sample sizes).
			if rate != "" || filepath.Ext(p) != ".mp4" {
				assert.Equal(t, s.BitRate, rate, p)
			}
			return
		}
	})
	t.Logf("%d streams compared", n)
}

// firstSync returns the offset of the first DTS sync word in b, -1 if none.
func firstSync(b []byte) int {
	first := -1
	for _, sync := range [][]byte{{0x7f, 0xfe, 0x80, 0x01}, {0x64, 0x58, 0x20, 0x25}, {0xfe, 0x7f, 0x01, 0x80},
		{0x1f, 0xff, 0xe8, 0x00}, {0xff, 0x1f, 0x00, 0xe8}} {
		if i := bytes.Index(b, sync); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}
