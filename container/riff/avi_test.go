package riff

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestProbeAVI(t *testing.T) {
	for _, h := range []string{"RIFF\x10\x00\x00\x00AVI LIST", "RIFF\x10\x00\x00\x00AVIXLIST", "ON2 \x10\x00\x00\x00ON2fLIST", "RIFF\x10\x00\x00\x00AMV LIST"} {
		assert.Equal(t, 100, probeAVI([]byte(h)), h)
	}
	assert.Equal(t, 0, probeAVI(minimalWAV))
	assert.Equal(t, 0, probeAVI([]byte("RIFF\x10\x00\x00\x00AV")))
	// A header with no movi list is refused, as avi_read_header refuses it.
	_, err := AVI().Read(&container.BytesSource{B: []byte("RIFF\x10\x00\x00\x00AVI LIST")}, 0, container.Options{})
	assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
	assert.Contains(t, err.Error(), "avi")
}
