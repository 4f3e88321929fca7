package ogg

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// msbWriter packs bits most significant first, as Theora headers do.
type msbWriter struct {
	b []byte
	n int
}

func (w *msbWriter) put(v uint64, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		w.b[len(w.b)-1] |= byte(v>>uint(i)&1) << (7 - w.n%8)
		w.n++
	}
}

func theoraID() []byte {
	w := &msbWriter{b: []byte("\x80theora")}
	w.n = len(w.b) * 8
	w.put(0x030201, 24) // VMAJ VMIN VREV
	w.put(11, 16)       // FMBW: 176 pixels
	w.put(9, 16)        // FMBH: 144 pixels
	w.put(176, 24)      // PICW
	w.put(144, 24)      // PICH
	w.put(0, 8)         // PICX
	w.put(0, 8)         // PICY
	w.put(30, 32)       // FRN
	w.put(1, 32)        // FRD
	w.put(1, 24)        // PARN
	w.put(1, 24)        // PARD
	w.put(0, 8)         // CS
	w.put(0, 24)        // NOMBR
	w.put(0, 6)         // QUAL
	w.put(6, 5)         // KFGSHIFT
	w.put(0, 2)         // PF: 4:2:0
	w.put(0, 3)         // reserved
	return w.b
}

func TestReadTheora(t *testing.T) {
	id := theoraID()
	require.Len(t, id, 42)
	comment := cat([]byte("\x81theora"), vorbisComment("enc", "TITLE=v"))
	setup := cat([]byte("\x82theora"), make([]byte, 10))
	frame := []byte{0x30, 0, 0}
	file := cat(
		oggPage(flagBOS, 0, 5, 0, false, id),
		oggPage(0, 0, 5, 1, false, comment, setup),
		// Key frame 1, one frame after it: frames 1 and 2 end here.
		oggPage(0, 1<<6|1, 5, 2, false, frame, frame),
		oggPage(flagEOS, 20<<6|4, 5, 3, false, frame),
	)
	info, err := readBytes(t, file)
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	st := info.Streams[0]
	assert.Equal(t, container.Video, st.Type)
	assert.Equal(t, "theora", st.CodecName)
	assert.Equal(t, 176, st.Width)
	assert.Equal(t, 144, st.Height)
	assert.Equal(t, "yuv420p", st.PixFmt)
	assert.Equal(t, container.Rational{Num: 1, Den: 30}, st.TimeBase)
	assert.Equal(t, container.Rational{Num: 30, Den: 1}, st.RFrameRate)
	// The only stream has its first timestamped packet at once, so
	// avformat_find_stream_info reads one packet and estimates no
	// average rate (ffprobe prints 0/0 for every video-only Ogg Theora
	// file ffmpeg writes).
	assert.Equal(t, container.Rational{}, st.AvgFrameRate)
	assert.Equal(t, 42+2+len(comment)+2+len(setup)+2, st.ExtradataSize)
	assert.Equal(t, int64(0), st.StartPTS)
	assert.Equal(t, int64(24), st.DurationTS)
	assert.Equal(t, []container.Tag{{Key: "TITLE", Value: "v"}}, st.Tags.List())
}
