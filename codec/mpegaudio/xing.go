package mpegaudio

import "encoding/binary"

// The flags of a Xing/Info header.
const (
	XingFrames = 0x01
	XingBytes  = 0x02
	XingTOC    = 0x04
	XingQScale = 0x08
)

// InfoTag is what the first frame of a stream says about the whole stream:
// a Xing or Info header, optionally extended by LAME (or by ffmpeg's own
// muxer, which writes "Lavf"/"Lavc" in the same layout).
type InfoTag struct {
	// CBR is set for an "Info" header (LAME's name for a CBR stream),
	// clear for "Xing".
	CBR   bool
	Flags uint32
	// Frames and Bytes are 0 when their flag is clear.
	Frames, Bytes uint32
	// Encoder is the 9-byte encoder version string ("LAME3.100", "Lavf"),
	// cut at the first NUL.
	Encoder string
	// Gapless is set when the encoder string starts with LAME, Lavf or Lavc:
	// only then does mp3_parse_info_tag trust Delay and Padding.
	Gapless        bool
	Delay, Padding int
	// CRCValid reports whether the tag's CRC-16 matches the bytes before it;
	// ffmpeg exports the encoder name and replay gain only then.
	CRCValid bool
}

// xingOffset is where the Xing/Info magic lies after the 4-byte header:
// after the side information, whose size depends on the version and the
// channel count (mp3dec.c xing_offtbl; the optional CRC is ignored as
// ffmpeg ignores it).
func xingOffset(h Header) int {
	switch {
	case !h.LSF && h.Channels != 1:
		return 4 + 32
	case h.LSF && h.Channels == 1:
		return 4 + 9
	}
	return 4 + 17
}

// cursor reads big-endian fields from a frame, returning zeros past its
// end as avio does at the end of a file, so that a short frame decodes as
// ffmpeg decodes it.
type cursor struct {
	b   []byte
	off int
}

func (c *cursor) bytes(n int) []byte {
	out := make([]byte, n)
	if c.off < len(c.b) {
		copy(out, c.b[c.off:])
	}
	c.off += n
	return out
}

func (c *cursor) u32() uint32 { return binary.BigEndian.Uint32(c.bytes(4)) }
func (c *cursor) u24() uint32 {
	b := c.bytes(3)
	return uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
}
func (c *cursor) skip(n int) { c.off += n }

// ParseInfoTag reads the Xing/Info header and its LAME extension from
// frame, the bytes of a Layer III frame starting at its header (at least
// the frame; missing bytes read as zeros). It returns false when there is
// no Xing or Info magic, as mp3_parse_info_tag does.
func ParseInfoTag(frame []byte, h Header) (InfoTag, bool) {
	c := cursor{b: frame, off: xingOffset(h)}
	magic := string(c.bytes(4))
	if magic != "Xing" && magic != "Info" {
		return InfoTag{}, false
	}
	t := InfoTag{CBR: magic == "Info"}
	t.Flags = c.u32()
	if t.Flags&XingFrames != 0 {
		t.Frames = c.u32()
	}
	if t.Flags&XingBytes != 0 {
		t.Bytes = c.u32()
	}
	if t.Flags&XingTOC != 0 {
		c.skip(100)
	}
	if t.Flags&XingQScale != 0 {
		c.skip(4)
	}
	version := c.bytes(9)
	for i, b := range version {
		if b == 0 {
			version = version[:i]
			break
		}
	}
	t.Encoder = string(version)
	c.skip(1 + 1 + 4 + 2 + 2 + 1 + 1) // revision/method, lowpass, peak, radio and audiophile gain, flags, ABR rate
	delays := c.u24()
	if len(version) >= 4 {
		switch string(version[:4]) {
		case "LAME", "Lavf", "Lavc":
			t.Gapless = true
			t.Delay = int(delays >> 12)
			t.Padding = int(delays & 0xfff)
		}
	}
	c.skip(1 + 1 + 2 + 4 + 2) // misc, mp3 gain, preset/surround, music length, music CRC
	crcAt := c.off
	stored := binary.BigEndian.Uint16(c.bytes(2))
	t.CRCValid = stored == crc16(frame, crcAt)
	return t, true
}

// crc16 is the CRC-16 (polynomial 0x8005, reflected as 0xA001, initial 0)
// of the first n bytes of b, zeros standing in for missing bytes, as
// ffmpeg's ff_crcA001_update over the bytes the demuxer read.
func crc16(b []byte, n int) uint16 {
	var crc uint16
	for i := 0; i < n; i++ {
		var x byte
		if i < len(b) {
			x = b[i]
		}
		crc ^= uint16(x)
		for k := 0; k < 8; k++ {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xa001
			} else {
				crc >>= 1
			}
		}
	}
	return crc
}

// VBRI is Fraunhofer's VBR header, always 32 bytes after the frame header.
type VBRI struct {
	Bytes, Frames uint32
}

// ParseVBRI reads a version-1 VBRI header from frame (the bytes from the
// frame header on), as mp3_parse_vbri_tag does.
func ParseVBRI(frame []byte) (VBRI, bool) {
	c := cursor{b: frame, off: 4 + 32}
	if string(c.bytes(4)) != "VBRI" {
		return VBRI{}, false
	}
	if binary.BigEndian.Uint16(c.bytes(2)) != 1 {
		return VBRI{}, false
	}
	c.skip(4) // delay, quality
	v := VBRI{Bytes: c.u32()}
	v.Frames = c.u32()
	return v, true
}

// InfoTagSize is how many bytes of a frame ParseInfoTag and ParseVBRI may
// look at: the largest Xing header with every field and its LAME extension.
const InfoTagSize = 4 + 32 + 4 + 4 + 4 + 4 + 100 + 4 + 36 + 2
