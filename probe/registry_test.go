package probe

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/container/mp3"
)

// TestRegistry: every demuxer of the table is complete, names are unique,
// and the leading ID3v2 pictures become streams exactly for the formats
// avformat_open_input names (mp3, aac, tta, wav).
// noExtensions are the formats FFmpeg gives no file extensions.
var noExtensions = map[string]bool{"mpegvideo": true, "mpeg": true, "asf": true, "image2": true,
	"au": true, "caf": true, "amr": true, "amrnb": true, "amrwb": true, "mpc8": true, "dsf": true,
	"iff": true, "srt": true, "ass": true}

func TestRegistry(t *testing.T) {
	names := map[string]bool{}
	var pictures []string
	for _, dm := range demuxers {
		assert.NotEmpty(t, dm.Name)
		assert.NotEmpty(t, dm.LongName, dm.Name)
		// FFmpeg gives raw MPEG video, MPEG-PS, ASF, AU, CAF, the AMR
		// formats, Musepack SV8, DSF, IFF, SubRip, ASS and the image
		// demuxers none
		// (image2 scores the name itself).
		if !noExtensions[dm.Name] && !strings.HasSuffix(dm.Name, "_pipe") {
			assert.NotEmpty(t, dm.Extensions, dm.Name)
		}
		assert.NotNil(t, dm.Probe, dm.Name)
		assert.NotNil(t, dm.Read, dm.Name)
		assert.False(t, names[dm.Name], "%s registered twice", dm.Name)
		names[dm.Name] = true
		if dm.Flags&container.ID3v2Pictures != 0 {
			pictures = append(pictures, dm.Name)
		}
	}
	assert.ElementsMatch(t, []string{"mp3", "aac", "tta", "wav"}, pictures)
}

// TestRegistryUnchangeable: a Demuxer value a caller holds is a copy; what
// the caller does with it does not reach detection.
func TestRegistryUnchangeable(t *testing.T) {
	d := mp3.Demuxer()
	d.Probe = func([]byte) int { return 100 }
	d.Extensions = "txt"
	for _, dm := range demuxers {
		if dm.Name == "mp3" {
			assert.Equal(t, "mp2,mp3,m2a,mpa", dm.Extensions)
			assert.Equal(t, 0, dm.Probe([]byte("plain text, no frame sync")))
		}
	}
	assert.True(t, matchExt("Song.MP3", "mp2,mp3"))
	assert.False(t, matchExt("song.mp3.txt", "mp2,mp3"))
	assert.False(t, matchExt("noext", "mp2,mp3"))
}
