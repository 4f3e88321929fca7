package hostile

import (
	"encoding/binary"
	"math"
)

// FLV builders: an FLV file of one script tag and a few PCM audio tags.

// flvTag is one FLV tag (type, body, timestamp 0) and its PreviousTagSize.
func flvTag(typ byte, body []byte) []byte {
	n := len(body)
	return Cat([]byte{typ, byte(n >> 16), byte(n >> 8), byte(n), 0, 0, 0, 0, 0, 0, 0}, body, BE32(uint32(n+11)))
}

// flvAMFString is an AMF0 string without its type marker.
func flvAMFString(s string) []byte { return Cat(BE16(uint16(len(s))), []byte(s)) }

func flvAMFNumber(v float64) []byte { return Cat([]byte{0}, BE64(math.Float64bits(v))) }

// flvWithMeta returns an FLV file whose onMetaData value is meta (an AMF0
// value with its marker), followed by four tags of 16-bit mono PCM at
// 44.1 kHz, 10 ms each.
func flvWithMeta(meta []byte) []byte {
	b := Cat([]byte{'F', 'L', 'V', 1, 4, 0, 0, 0, 9, 0, 0, 0, 0},
		flvTag(18, Cat([]byte{2}, flvAMFString("onMetaData"), meta)))
	for i := 0; i < 4; i++ {
		t := flvTag(8, Cat([]byte{0x3e}, Zeros(882)))
		binary.BigEndian.PutUint16(t[5:], uint16(10*i)) // timestamp, low bytes
		b = Cat(b, t)
	}
	return b
}

// FLVKeyframes returns an FLV file whose onMetaData has a keyframes
// object whose times and filepositions arrays claim 10^9 entries each
// and hold n (9 bytes each: 1.8 MB for n = 100,000). FFmpeg refuses the
// index (a count of 2^28 or more) without allocating; its strict-array
// loop then walks to the end of the tag, and the metadata parse fails
// there.
func FLVKeyframes(n int) []byte {
	arr := func() []byte {
		b := make([]byte, 0, 5+9*n)
		b = append(b, 0x0a)
		b = binary.BigEndian.AppendUint32(b, 1e9)
		for i := 0; i < n; i++ {
			b = append(b, flvAMFNumber(float64(i))...)
		}
		return b
	}
	meta := Cat([]byte{8}, BE32(3),
		flvAMFString("encoder"), []byte{2}, flvAMFString("hostile"),
		flvAMFString("keyframes"), []byte{3},
		flvAMFString("times"), arr(), flvAMFString("filepositions"), arr(), []byte{0, 0, 9},
		flvAMFString("duration"), flvAMFNumber(0.04),
		[]byte{0, 0, 9})
	return flvWithMeta(meta)
}

// FLVMetaKeys returns an FLV file whose onMetaData holds n distinct
// string-valued keys key000000, key000001, .. (21 bytes each: 1 MB for
// n = 50,000), each a format tag (flvdec.c amf_parse_object).
func FLVMetaKeys(n int) []byte {
	b := make([]byte, 0, 5+21*n+3)
	b = append(b, 8)
	b = binary.BigEndian.AppendUint32(b, uint32(n))
	for i := 0; i < n; i++ {
		b = append(b, flvAMFString(keyName("key", i))...)
		b = append(b, 2)
		b = append(b, flvAMFString(keyName("v", i))...)
	}
	b = append(b, 0, 0, 9)
	return flvWithMeta(b)
}
