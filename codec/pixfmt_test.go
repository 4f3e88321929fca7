package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDVPixFmt(t *testing.T) {
	frame := func(dsf, apt, stype byte) []byte {
		b := make([]byte, 80*6)
		b[3] = dsf << 7
		b[4] = apt
		b[80*5+48+3] = stype
		return b
	}
	assert.Equal(t, "yuv420p", DVPixFmt(frame(1, 0, 0), 144000, Fourcc("dvsd"), 720, 576))
	assert.Equal(t, "yuv411p", DVPixFmt(frame(1, 1, 0), 144000, Fourcc("dvsd"), 720, 576)) // DVCPRO
	assert.Equal(t, "yuv411p", DVPixFmt(frame(0, 0, 0), 120000, Fourcc("dvsd"), 720, 480))
	assert.Equal(t, "yuv422p", DVPixFmt(frame(1, 0, 4), 288000, Fourcc("dv50"), 720, 576))
	assert.Equal(t, "", DVPixFmt(frame(1, 0, 9), 1000, 0, 0, 0))
	assert.Equal(t, "", DVPixFmt(make([]byte, 100), 100, 0, 0, 0))
}

func TestDecoderPixFmt(t *testing.T) {
	pf, loc := DecoderPixFmt("h263", 24)
	assert.Equal(t, [2]string{"yuv420p", "center"}, [2]string{pf, loc})
	pf, _ = DecoderPixFmt("cinepak", 8)
	assert.Equal(t, "pal8", pf)
	pf, _ = DecoderPixFmt("h264", 24)
	assert.Equal(t, "", pf)
	assert.Equal(t, "bgr24", RawVideoPixFmt(0, 24))
	assert.Equal(t, "yuv420p", RawVideoPixFmt(Fourcc("I420"), 12))
	assert.Equal(t, "", RawVideoPixFmt(Fourcc("ABCD"), 12))
}
