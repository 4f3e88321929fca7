package vorbis

import (
	"errors"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

func FuzzParseSetup(f *testing.F) {
	f.Add(idHeader(0, 2, 44100, 112000, 0xB8, 1), setup(false, true), []byte{0, 2, 6})
	f.Add(idHeader(0, 1, 8000, 0, 0x88, 1), setup(false), []byte{0})
	f.Fuzz(func(t *testing.T, idb, setupb, packets []byte) {
		id, err := ParseIdentification(idb)
		if err != nil {
			if !errors.Is(err, container.ErrMalformed) {
				t.Fatalf("unexpected error %v", err)
			}
			id = Identification{Blocksize0: 8, Blocksize1: 11}
		}
		p, err := NewParser(id, setupb)
		if err != nil {
			if !errors.Is(err, container.ErrMalformed) && !errors.Is(err, container.ErrUnsupported) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(p.blockflag) == 0 || len(p.blockflag) > maxModes {
			t.Fatalf("%d modes", len(p.blockflag))
		}
		for _, b := range packets {
			d, _, err := p.Duration(b)
			if err == nil && (d < 0 || d > 1<<13) {
				t.Fatalf("duration %d", d)
			}
		}
	})
}
