package mp3

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
)

// lameReplayGain reads the ReplayGain fields of the LAME extension of the
// Xing/Info header in frame (the bytes from the frame header on), as
// mp3_parse_info_tag does: the peak as a 9.23 fixed-point fraction of full
// scale, then the radio (track) and audiophile (album) gains, each a
// 16-bit field whose name code is, as mp3dec.c reads it with MIDDLE_BITS(v,
// 13, 15), bits 13 and 14 (1 radio, 2 audiophile; anything else leaves the
// gain unknown), bit 9 its sign and the low 8 bits its magnitude in 0.1 dB. Bytes past the end of frame read
// as zero, as avio does at the end of the object.
//
// mpegaudio.ParseInfoTag skips these fields; their offset follows from the
// same layout: the side information (mp3dec.c xing_offtbl), "Xing" or
// "Info", the flags, the optional frame count, byte count, TOC and quality,
// the 9-byte encoder version, the revision and the lowpass byte.
func lameReplayGain(frame []byte, h mpegaudio.Header, flags uint32) container.ReplayGain {
	off := 4 + 17
	switch {
	case !h.LSF && h.Channels != 1:
		off = 4 + 32
	case h.LSF && h.Channels == 1:
		off = 4 + 9
	}
	off += 4 + 4 // magic, flags
	if flags&mpegaudio.XingFrames != 0 {
		off += 4
	}
	if flags&mpegaudio.XingBytes != 0 {
		off += 4
	}
	if flags&mpegaudio.XingTOC != 0 {
		off += 100
	}
	if flags&mpegaudio.XingQScale != 0 {
		off += 4
	}
	off += 9 + 1 + 1 // encoder version, revision and VBR method, lowpass
	var f [8]byte
	if off < len(frame) {
		copy(f[:], frame[off:])
	}
	rg := container.ReplayGain{TrackGain: container.GainUnknown, AlbumGain: container.GainUnknown}
	rg.TrackPeak = uint32(container.Rescale(int64(binary.BigEndian.Uint32(f[0:])), 100000, 1<<23))
	if v := binary.BigEndian.Uint16(f[4:]); v>>13&3 == 1 {
		rg.TrackGain = lameGain(v)
	}
	if v := binary.BigEndian.Uint16(f[6:]); v>>13&3 == 2 {
		rg.AlbumGain = lameGain(v)
	}
	return rg
}

// lameGain is a LAME ReplayGain field's gain in microbels: MIDDLE_BITS(v,
// 0, 8) * 10000, negated when the sign bit (9) is set. mp3dec.c takes 8
// bits of the 9-bit magnitude; so do we.
func lameGain(v uint16) int32 {
	g := int32(v&0xff) * 10000
	if v&(1<<9) != 0 {
		g = -g
	}
	return g
}
