package wma

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestDescribe(t *testing.T) {
	// wmalossless, 24 bits, channel mask 0x3F (5.1).
	ex := []byte{24, 0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	st := &container.Stream{CodecName: "wmalossless", Channels: 2, SampleFmt: ""}
	Describe(st, ex)
	assert.Equal(t, "s32p", st.SampleFmt)
	assert.Equal(t, 24, st.BitsPerRawSample)
	assert.Equal(t, 6, st.Channels)
	assert.Equal(t, "5.1", st.ChannelLayout)

	// wmapro keeps fltp; a zero mask leaves the layout unset.
	st = &container.Stream{CodecName: "wmapro", Channels: 2, SampleFmt: "fltp"}
	Describe(st, make([]byte, 18))
	assert.Equal(t, "fltp", st.SampleFmt)
	assert.Equal(t, "", st.ChannelLayout)
	assert.Equal(t, 2, st.Channels)

	// Short extradata: nothing from it.
	st = &container.Stream{CodecName: "wmalossless", Channels: 2}
	Describe(st, ex[:10])
	assert.Equal(t, "", st.SampleFmt)

	st = &container.Stream{CodecName: "wmavoice", Channels: 2}
	Describe(st, nil)
	assert.Equal(t, 1, st.Channels)
	assert.Equal(t, "mono", st.ChannelLayout)

	st = &container.Stream{CodecName: "wmav2", Channels: 2}
	Describe(st, ex)
	assert.Equal(t, "", st.ChannelLayout)
}
