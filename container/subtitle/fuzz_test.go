package subtitle

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// assHeaderByReader measures the ASS header as assdec.c does, reading the
// text through the text reader byte by byte (its get_line: up to a LF,
// which is kept, or a 0, which ends the line and, first, the script): the
// reference the one-slice path of readASS must agree with.
func assHeaderByReader(b []byte) int {
	r := newTextReader(b)
	header := 0
	var line []byte
	for {
		line = line[:0]
		for {
			c := r.next()
			if c == 0 {
				break
			}
			line = append(line, c)
			if c == '\n' {
				break
			}
		}
		if len(line) == 0 {
			return header
		}
		if !isDialogue(line) {
			header += len(line)
		}
	}
}

// FuzzRead: every probe scores 0 or 100 without panicking; every Read
// returns promptly through a source with tight limits, with an error
// that wraps a sentinel; the ASS header never exceeds the text and
// agrees with the byte-by-byte reference.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sub_*"))
	for _, p := range seeds {
		if filepath.Ext(p) == ".json" {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\nhi\n"))
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n"))
	f.Add([]byte(assHead + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n"))
	f.Add(u16(assHead+"; \u00e9\U0001F600\nDialogue: 0,0:00:01.00,0:00:02.00,x\n", false))
	f.Add([]byte{0xff, 0xfe, 0x00, 0xd8})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, dm := range []container.Demuxer{WebVTT(), SRT(), ASS()} {
			if s := dm.Probe(b); s != 0 && s != 100 {
				t.Fatalf("%s: probe score %d", dm.Name, s)
			}
			src := &demuxkit.BytesSource{B: b, Limit: 3 * int64(len(b)/2+1),
				Limits: container.Limits{MaxStructures: 1000}}
			info, err := dm.Read(src, 0, container.Options{})
			if err != nil {
				if !errors.Is(err, container.ErrLimit) && !errors.Is(err, container.ErrTruncated) {
					t.Fatalf("%s: error %v wraps no sentinel", dm.Name, err)
				}
				continue
			}
			if len(info.Streams) != 1 || info.Streams[0].Type != container.Subtitle {
				t.Fatalf("%s: streams %+v", dm.Name, info.Streams)
			}
			if dm.Name != "ass" {
				continue
			}
			got := info.Streams[0].ExtradataSize
			if got > 3*len(b)/2 {
				t.Fatalf("header %d bytes from %d", got, len(b))
			}
			if want := assHeaderByReader(b); got != want {
				t.Fatalf("header %d bytes, byte by byte %d", got, want)
			}
		}
	})
}
