package ac3

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseFrameSize: the header fields av_ac3_parse_header checks, and
// the frame sizes they give.
func TestParseFrameSize(t *testing.T) {
	cases := []struct {
		name string
		hdr  []byte
		bsid uint8
		size int
		ok   bool
	}{
		// syncword, crc1, fscod 0 frmsizecod 0x0C (96 kbit/s), bsid 8 bsmod 0
		{"ac3 96k 48kHz", []byte{0x0B, 0x77, 0, 0, 0x0C, 0x40, 0}, 8, 384, true},
		// fscod 1 (44.1 kHz), frmsizecod 0x1D (384 kbit/s, odd: one more word)
		{"ac3 384k 44.1kHz", []byte{0x0B, 0x77, 0, 0, 0x5D, 0x40, 0}, 8, 1672, true},
		{"ac3 fscod 3", []byte{0x0B, 0x77, 0, 0, 0xC0, 0x40, 0}, 8, 0, false},
		{"ac3 frmsizecod 38", []byte{0x0B, 0x77, 0, 0, 0x26, 0x40, 0}, 8, 0, false},
		{"bsid 17", []byte{0x0B, 0x77, 0, 0, 0, 0x88, 0}, 17, 0, false},
		// strmtyp 0, substream 0, frmsiz 0x17F (768 bytes), fscod 0, bsid 16
		{"eac3", []byte{0x0B, 0x77, 0x01, 0x7F, 0x3F, 0x80, 0}, 16, 768, true},
		{"eac3 strmtyp 3", []byte{0x0B, 0x77, 0xC1, 0x7F, 0x3F, 0x80, 0}, 16, 0, false},
		{"eac3 3 bytes", []byte{0x0B, 0x77, 0x00, 0x00, 0x3F, 0x80, 0}, 16, 0, false},
		{"eac3 fscod2 3", []byte{0x0B, 0x77, 0x01, 0x7F, 0xF0, 0x80, 0}, 16, 0, false},
		{"no sync", []byte{0x0B, 0x78, 0, 0, 0x0A, 0x40, 0}, 0, 0, false},
		{"short", []byte{0x0B, 0x77, 0, 0, 0x0A, 0x40}, 0, 0, false},
	}
	for _, c := range cases {
		bsid, size, ok := ParseFrameSize(c.hdr)
		assert.Equal(t, c.ok, ok, c.name)
		if ok {
			assert.Equal(t, c.bsid, bsid, c.name)
			assert.Equal(t, c.size, size, c.name)
		}
	}
}

// TestFrameCRCValid: a frame whose last two bytes are the CRC of the
// rest checks, in either byte order, and a flipped bit does not.
func TestFrameCRCValid(t *testing.T) {
	frame := []byte{0x0B, 0x77, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0}
	var crc uint16
	for _, c := range frame[2:10] {
		crc ^= uint16(c) << 8
		for i := 0; i < 8; i++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x8005
			} else {
				crc <<= 1
			}
		}
	}
	frame[10], frame[11] = byte(crc>>8), byte(crc)
	assert.True(t, FrameCRCValid(frame, false))
	swapped := make([]byte, len(frame))
	for i := 0; i < len(frame); i += 2 {
		swapped[i], swapped[i+1] = frame[i+1], frame[i]
	}
	assert.True(t, FrameCRCValid(swapped, true))
	frame[5] ^= 1
	assert.False(t, FrameCRCValid(frame, false))
}
