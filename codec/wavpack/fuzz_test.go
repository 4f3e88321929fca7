package wavpack

import "testing"

// FuzzParseMetadata walks arbitrary sub-blocks: it must end, and a
// successful walk reports a DSD shift within five bits.
func FuzzParseMetadata(f *testing.F) {
	f.Add([]byte{0x0D, 1, 4, 0x33})
	f.Add([]byte{0x67, 2, 0xE8, 0x03, 0x00, 0x00})
	f.Add([]byte{0xCE, 2, 0, 0, 0x02, 0x03, 0xAA, 0xBB})
	f.Add([]byte{0x40, 0x00, 0x40, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMetadata(b)
		if err == nil && m.RateShift > 31 {
			t.Fatalf("rate shift %d", m.RateShift)
		}
		if len(b) >= HeaderSize {
			_, _ = ParseHeader(b)
		}
	})
}
