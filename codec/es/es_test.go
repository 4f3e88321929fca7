package es

import (
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func TestDescribeMPEG1Sequence(t *testing.T) {
	// A 64x48 MPEG-1 sequence header at 25 frames/s, then a GOP and a
	// picture start code.
	data := []byte{0, 0, 1, 0xB3, 0x04, 0x00, 0x30, 0x13, 0x00, 0xFA, 0x20, 0xA0,
		0, 0, 1, 0xB8, 0, 8, 0, 0, 0, 0, 1, 0x00, 0, 0x0F, 0xFF, 0xF8}
	st := &container.Stream{CodecName: "mpeg1video"}
	fr := Describe(st, data)
	if fr != (container.Rational{Num: 25, Den: 1}) || st.Width != 64 || st.Height != 48 || st.CodecName != "mpeg1video" {
		t.Errorf("got rate %v, stream %dx%d %s", fr, st.Width, st.Height, st.CodecName)
	}
}

func TestDescribeOtherCodec(t *testing.T) {
	st := &container.Stream{CodecName: "vp8", Width: 7}
	if fr := Describe(st, []byte{0, 0, 1, 0xB3}); fr.Valid() || st.Width != 7 {
		t.Errorf("vp8 described from an MPEG start code: rate %v width %d", fr, st.Width)
	}
	for _, name := range []string{"h264", "hevc", "mpeg4", "mpeg2video", "av1"} {
		st := &container.Stream{CodecName: name}
		if fr := Describe(st, nil); fr.Valid() {
			t.Errorf("%s: rate %v from no data", name, fr)
		}
	}
}

func TestRecordRefusesAnnexB(t *testing.T) {
	for _, name := range []string{"h264", "hevc", "av1", "mpeg4"} {
		st := &container.Stream{CodecName: name}
		_, ok := Record(st, []byte{0, 0, 0, 1, 0x67, 0x42}, nil)
		if ok {
			t.Errorf("%s: Annex B taken for a configuration record", name)
		}
	}
}
