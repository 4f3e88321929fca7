package container

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestAccessors(t *testing.T) {
	info := NewInfo("ogg", "Ogg")
	assert.Zero(t, info.Duration(), "unknown")
	info.Format.Duration = 1_500_000
	assert.Equal(t, 1500*time.Millisecond, info.Duration())

	cover := info.AddStream(Video)
	cover.Disposition = DispositionAttachedPic
	audio := info.AddStream(Audio)
	audio.TimeBase = Rational{Num: 1, Den: 44100}
	audio.DurationTS = 66150
	audio.Tags.Set("TITLE", "Song")
	video := info.AddStream(Video)

	assert.Equal(t, 1500*time.Millisecond, audio.Duration())
	assert.Zero(t, video.Duration(), "unknown")
	assert.Same(t, audio, info.FirstAudio())
	assert.Same(t, video, info.FirstVideo(), "a cover is not the video")
	assert.Equal(t, []*Stream{cover}, info.Covers())

	title, ok := info.Tag("title")
	assert.True(t, ok)
	assert.Equal(t, "Song", title, "the stream's comment when the format has none")
	info.Format.Tags.Set("title", "Container")
	title, _ = info.Tag("Title")
	assert.Equal(t, "Container", title)
	_, ok = info.Tag("artist")
	assert.False(t, ok)
	assert.Nil(t, NewInfo("x", "x").FirstAudio())
}
