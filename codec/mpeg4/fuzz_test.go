package mpeg4

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParse checks that any input parses without panicking, fails only
// with the container categories, and that whatever configuration comes
// back gives a stream Fill can set, within the ranges the syntax allows.
func FuzzParse(f *testing.F) {
	for _, s := range []string{lavcSimpleDSI, lavcBFramesM4V, lavcQpelM4V, lavcAspectM4V, xvidDSI, xvidPackedDSI} {
		f.Add(unhex(f, s))
	}
	v := defaultVOL()
	v.sprite, v.points, v.cutAfterPoints = SpriteStatic, 4, true
	f.Add(join(vos(1), vo(true, 1, []uint64{1, 1, 1}), v.bytes()))
	v = defaultVOL()
	v.res = 0
	f.Add(join(vos(0xE1), v.bytes()))
	f.Add([]byte{0, 0, 1, UserDataStartCode, 'D', 'i', 'v', 'X', '5', 'b', '1', 'p'})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
			!errors.Is(err, container.ErrUnsupported) {
			t.Fatalf("error %v wraps no category", err)
		}
		if c == nil {
			if err == nil {
				t.Fatal("no configuration and no error")
			}
			return
		}
		if times, _ := VOPTimes(b, c.VideoObjectLayer, 30); len(times) > 30 {
			t.Fatalf("%d VOP times, asked for 30", len(times))
		}
		st := container.NewInfo("", "").AddStream(container.Video)
		c.Fill(st)
		if st.Width < 0 || st.Width >= 1<<14 || st.Height < 0 || st.Height >= 1<<14 {
			t.Fatalf("size %dx%d", st.Width, st.Height)
		}
		if st.Level < container.LevelUnknown || st.Level > 15 {
			t.Fatalf("level %d", st.Level)
		}
		if sar := st.SampleAspectRatio; sar.Num < 0 || sar.Den < 0 || (sar.Num == 0) != (sar.Den == 0) {
			t.Fatalf("sample aspect ratio %v", sar)
		}
		if len(c.UserData) > maxUserData {
			t.Fatalf("%d user data strings", len(c.UserData))
		}
		for _, u := range c.UserData {
			if len(u) > 255 {
				t.Fatalf("user data of %d bytes", len(u))
			}
		}
		_ = c.FrameRate()
		_ = c.ParserHasBFrames()
		_ = c.Options()
	})
}
