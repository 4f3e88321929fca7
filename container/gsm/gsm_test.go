package gsm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// frames returns n GSM frames: the 0xD signature nibble, then zeros.
func frames(n int) []byte {
	b := make([]byte, n*blockSize)
	for i := 0; i < n; i++ {
		b[i*blockSize] = 0xD0 | byte(i&0x0f)
	}
	return b
}

func TestProbe(t *testing.T) {
	assert.Equal(t, 0, probe(frames(31)), "31 frames: 31>>5 is 0")
	assert.Equal(t, 51, probe(frames(32)))
	assert.Equal(t, 51, probe(frames(62)))
	// One frame without the signature among 63: 63>>5 = 1 is not above 1.
	b := frames(63)
	b[5*blockSize] = 0x20
	assert.Equal(t, 0, probe(b))
	// An incomplete last frame is not looked at.
	assert.Equal(t, 51, probe(append(frames(32), 0x00, 0x00)))
	assert.Equal(t, 0, probe(nil))
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name  string
		b     []byte
		start int64
		want  int64
	}{
		{"frames", frames(40), 0, 0},
		{"after a 66-byte tag", frames(40), 66, 2},
		{"less than a frame", make([]byte, 32), 0, container.NoPTS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := read(&demuxkit.BytesSource{B: tc.b}, tc.start, container.Options{})
			require.NoError(t, err)
			require.Len(t, info.Streams, 1)
			st := info.Streams[0]
			assert.Equal(t, "gsm", st.CodecName)
			assert.Equal(t, 8000, st.SampleRate)
			assert.Equal(t, 1, st.Channels)
			assert.Equal(t, "mono", st.ChannelLayout)
			assert.Equal(t, "s16", st.SampleFmt)
			assert.Equal(t, int64(13200), st.BitRate)
			assert.Equal(t, container.Rational{Num: 1, Den: 50}, st.TimeBase)
			assert.Equal(t, tc.want, st.StartPTS)
			assert.Equal(t, container.NoPTS, st.DurationTS)
			assert.Equal(t, tc.start, info.Format.DataOffset)
		})
	}
}
