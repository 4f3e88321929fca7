package esds

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// aacLC is the esds payload ffmpeg's mp4 muxer writes for 44.1 kHz stereo
// AAC LC: an ES_Descriptor with a DecoderConfigDescriptor (type 0x40) and
// a two-byte AudioSpecificConfig, then the SLConfigDescriptor.
var aacLC = []byte{
	0, 0, 0, 0, // version, flags
	0x03, 0x19, 0x00, 0x01, 0x00, // ES_Descriptor, ES id 1, no flags
	0x04, 0x11, 0x40, 0x15, 0, 0, 0, 0, 0x01, 0xF4, 0, 0, 0x01, 0xF4, 0,
	0x05, 0x02, 0x12, 0x10, // DecoderSpecificInfo: AOT 2, index 4, 2 channels
	0x06, 0x01, 0x02,
}

func TestParse(t *testing.T) {
	d := Parse(aacLC)
	assert.True(t, d.HasConfig)
	assert.Equal(t, byte(0x40), d.ObjectType)
	assert.Equal(t, uint32(128000), d.AvgBitRate)
	assert.Equal(t, []byte{0x12, 0x10}, d.Specific)
	assert.True(t, d.Complete())

	// Four-byte lengths (0x80 0x80 0x80 n), as some muxers write them,
	// and a bare ES id instead of an ES_Descriptor.
	long := []byte{0, 0, 0, 0, 0x03, 0x80, 0x80, 0x80, 0x22, 0, 1, 0x80, 0, 0, // stream dependence
		0x04, 0x80, 0x80, 0x80, 0x14, 0x40, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0x05, 0x80, 0x80, 0x80, 0x02, 0x12, 0x10}
	d = Parse(long)
	assert.Equal(t, []byte{0x12, 0x10}, d.Specific)

	// Cut inside the DecoderSpecificInfo: what is there, not complete.
	d = Parse(aacLC[:len(aacLC)-4])
	assert.True(t, d.HasConfig)
	assert.Equal(t, 2, d.SpecificLen)
	assert.Equal(t, []byte{0x12}, d.Specific)
	assert.False(t, d.Complete())

	// Cut inside the average bit rate: none.
	d = Parse(aacLC[:23])
	assert.True(t, d.HasConfig)
	assert.Zero(t, d.AvgBitRate)

	// Cut before the objectTypeIndication, or no DecoderConfigDescriptor.
	assert.False(t, Parse(aacLC[:11]).HasConfig)
	assert.False(t, Parse([]byte{0, 0, 0, 0, 0x03, 0x03, 0, 1, 0, 0x06, 0x01, 0x02}).HasConfig)
	assert.Equal(t, Descriptor{}, Parse(nil))
}

func TestLookup(t *testing.T) {
	for ot, want := range map[byte]string{0x40: "aac", 0x6B: "mp3", 0x21: "h264", 0xA9: "dts"} {
		got, listed := Lookup(ot)
		assert.True(t, listed)
		assert.Equal(t, want, got)
	}
	got, listed := Lookup(0x01)
	assert.True(t, listed, "MPEG-4 Systems is listed")
	assert.Equal(t, "", got)
	_, listed = Lookup(0xFF)
	assert.False(t, listed)
}

// FuzzParse: any payload parses without panicking, and the specific info
// lies within it, no longer than declared.
func FuzzParse(f *testing.F) {
	f.Add(aacLC)
	f.Add([]byte{0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0, 1, 0xE0, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := Parse(b)
		if len(d.Specific) > d.SpecificLen || len(d.Specific) > len(b) {
			t.Fatalf("specific info of %d bytes, %d declared, payload of %d", len(d.Specific), d.SpecificLen, len(b))
		}
		if !d.HasConfig && (d.Specific != nil || d.ObjectType != 0) {
			t.Fatalf("no configuration, yet %+v", d)
		}
	})
}
