package vc1

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseExtradata reads any bytes as wmv3 and as vc1 extradata: no
// panic, only container sentinels, and for what is accepted a description
// with a profile, the decoder's pixel format, and a size and aspect ratio
// that are not negative; the parser's field order never panics either.
func FuzzParseExtradata(f *testing.F) {
	hd := adv{level: 3, chroma: 1, w: 1920, h: 1080, disp: true, dispW: 1440, dispH: 1080, color: true, prim: 1, trc: 1, matrix: 1}
	f.Add(wvc1(hd.build(), entry(0, 0, false, 0)), 1920, 1080)
	f.Add(wvc1(adv{level: 4, chroma: 1, w: 720, h: 480, pulldown: true, interlace: true, hrd: []uint64{1, 2}}.build(), entry(640, 480, true, 2)), 0, 0)
	f.Add(structC{profile: 1, maxB: 1, loop: true, fastTx: true, fastUVMC: true}.build(), 352, 288)
	f.Add(structC{profile: 1, sprite: true, fastUVMC: true, spriteW: 352, spriteH: 288}.build(), 0, 0)
	f.Fuzz(func(t *testing.T, b []byte, w, h int) {
		for _, parse := range []func([]byte) (Config, error){ParseWMV3, ParseWVC1} {
			c, err := parse(b)
			if err != nil {
				if !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrUnsupported) {
					t.Fatalf("unexpected error %v", err)
				}
				continue
			}
			st := container.Stream{Width: w & 0x3FFF, Height: h & 0x3FFF}
			c.Describe(&st)
			if st.Profile == "" || st.PixFmt != "yuv420p" || st.Width < 0 || st.Height < 0 ||
				st.SampleAspectRatio.Num < 0 || st.SampleAspectRatio.Den < 0 {
				t.Fatalf("description: %+v", st)
			}
			_ = c.Sequence.ParserFieldOrder(b)
			_ = c.Sequence.FrameRate()
		}
	})
}
