package wavpack

import (
	"testing"

	"github.com/mediaprobe/mediaprobe/container"
)

// FuzzParseMetadata walks arbitrary sub-blocks: it must end, and a
// successful walk reports a DSD shift within five bits. The same bytes go
// through ParseHeader and, as a Matroska frame, DescribeMatroskaFrame.
func FuzzParseMetadata(f *testing.F) {
	f.Add([]byte{0x0D, 1, 4, 0x33})
	f.Add([]byte{0x67, 2, 0xE8, 0x03, 0x00, 0x00})
	f.Add([]byte{0xCE, 2, 0, 0, 0x02, 0x03, 0xAA, 0xBB})
	f.Add([]byte{0x40, 0x00, 0x40, 0x00})
	f.Add([]byte{0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x0D, 0x01, 0x06, 0x3F})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMetadata(b)
		if err == nil && m.RateShift > 31 {
			t.Fatalf("rate shift %d", m.RateShift)
		}
		if len(b) >= HeaderSize {
			_, _ = ParseHeader(b)
		}
		st := &container.Stream{}
		DescribeMatroskaFrame(st, b)
		if st.Channels < 0 || st.Channels > 32 {
			t.Fatalf("%d channels", st.Channels)
		}
	})
}
