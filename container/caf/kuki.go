package caf

import (
	"math"

	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/alac"
	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
)

// The ALAC cookie sizes of read_kuki_chunk: the old style is a 12-byte
// 'frma' atom then the 36-byte 'alac' atom; the new style is the 24-byte
// configuration alone.
const (
	alacPreamble = 12
	alacNewKuki  = 24
)

// maxKuki is the largest cookie FFmpeg takes (INT_MAX minus the padding).
const maxKuki = math.MaxInt32 - 64

// readKuki reads the magic cookie as read_kuki_chunk does, by codec: AAC's
// MPEG-4 ES descriptor, ALAC's configuration in either style, FLAC's dfLa
// box, nothing for Opus, and the whole chunk as extradata for the others.
// Every failure fails the header.
func readKuki(r *reader, off, size int64, s *state) error {
	st := s.st
	bad := func(format string, args ...any) error {
		return container.Errorf(name, "kuki", off, container.ErrMalformed, format, args...)
	}
	if size < 0 || size > maxKuki {
		return bad("cookie of %d bytes", size)
	}
	switch st.CodecName {
	case "aac":
		// The descriptor must lie within the chunk and the object.
		b, err := container.ReadAt(r.src, off, min(size, r.avail(off)), name, "kuki")
		if err != nil {
			return err
		}
		oti, dsi, ok := esds(b)
		if !ok || dsi == nil || otherCodec(oti) {
			return bad("invalid AAC magic cookie")
		}
		st.ExtradataSize = len(dsi)
		// ff_mp4_read_dec_config_descr: the configuration's channels and
		// rate; the decoder opened with it gives the layout.
		if a, err := aac.ParseAudioSpecificConfig(dsi); err == nil {
			st.Channels = a.Channels
			st.SampleRate = a.OutputSampleRate()
			if n := a.CodecName(); n != "" {
				st.CodecName = n
			}
			st.Channels = a.OutputChannels()
			s.asc, s.hasASC = a, true
		}
	case "alac":
		if size < alacNewKuki {
			return bad("invalid ALAC magic cookie of %d bytes", size)
		}
		var pre [alacPreamble]byte
		if r.avail(off) < alacPreamble {
			return bad("failed to read preamble")
		}
		if err := r.fill(pre[:], off); err != nil {
			return err
		}
		var x [alac.ExtradataSize]byte
		if string(pre[4:]) == "frmaalac" {
			if size < alacPreamble+alac.ExtradataSize || r.avail(off+alacPreamble) < alac.ExtradataSize {
				return bad("invalid ALAC magic cookie")
			}
			if err := r.fill(x[:], off+alacPreamble); err != nil {
				return err
			}
		} else {
			// The new style: the atom header is made up around it.
			copy(x[:], []byte{0, 0, 0, 36, 'a', 'l', 'a', 'c', 0, 0, 0, 0})
			copy(x[12:], pre[:])
			if r.avail(off+alacPreamble) < alacNewKuki-alacPreamble {
				return bad("failed to read new kuki header")
			}
			if err := r.fill(x[24:], off+alacPreamble); err != nil {
				return err
			}
		}
		c, err := alac.ParseConfig(x[:])
		if err != nil {
			return err
		}
		s.alac = &c
		st.ExtradataSize = alac.ExtradataSize
	case "flac":
		const hdr = 16
		if size < hdr+flaccodec.StreamInfoSize {
			return bad("invalid FLAC magic cookie")
		}
		var b [hdr + flaccodec.StreamInfoSize]byte
		if r.avail(off) < hdr+flaccodec.StreamInfoSize {
			return container.Errorf(name, "kuki", off, container.ErrTruncated, "FLAC magic cookie")
		}
		if err := r.fill(b[:], off); err != nil {
			return err
		}
		// version 0, flags, 'dfLa', version 0, flags, then a STREAMINFO
		// block header (its type and 34-byte length; the last flag is
		// only warned about).
		if b[0] != 0 || string(b[4:8]) != "dfLa" || b[8] != 0 ||
			b[12]&0x7f != 0 || int(b[13])<<16|int(b[14])<<8|int(b[15]) != flaccodec.StreamInfoSize {
			return bad("invalid FLAC magic cookie")
		}
		si, err := flaccodec.ParseStreamInfo(b[hdr:])
		if err != nil {
			return err
		}
		s.flac = &si
		st.ExtradataSize = flaccodec.StreamInfoSize
	case "opus":
		// No extradata; more than two channels is not supported.
		if st.Channels > 2 {
			return container.Errorf(name, "kuki", off, container.ErrUnsupported, "multichannel Opus in CAF")
		}
	default:
		// ff_get_extradata: the whole chunk, which must be in the object.
		if size > r.avail(off) {
			return container.Errorf(name, "kuki", off, container.ErrTruncated, "cookie of %d bytes, %d left", size, r.avail(off))
		}
		st.ExtradataSize = int(size)
	}
	return nil
}

// esds reads the MPEG-4 ES descriptor of an AAC cookie as ff_mov_read_esds
// does (version and flags, an ES_Descriptor or a bare ES id, then the
// DecoderConfigDescriptor), and returns the objectTypeIndication and the
// DecoderSpecificInfo, which must lie within b. ok is false when b ends
// before the configuration is read.
func esds(b []byte) (oti byte, dsi []byte, ok bool) {
	p := 4 // version and flags
	u8 := func() (byte, bool) {
		if p >= len(b) {
			return 0, false
		}
		p++
		return b[p-1], true
	}
	descr := func() (tag byte, n int, ok bool) {
		// ff_mp4_read_descr: a tag and up to four 7-bit length groups.
		if tag, ok = u8(); !ok {
			return 0, 0, false
		}
		for i := 0; i < 4; i++ {
			c, ok := u8()
			if !ok {
				return 0, 0, false
			}
			n = n<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		return tag, n, true
	}
	tag, _, ok := descr()
	if !ok {
		return 0, nil, false
	}
	if tag == 0x03 { // ES_DescrTag: ff_mp4_parse_es_descr
		p += 2
		flags, ok := u8()
		if !ok {
			return 0, nil, false
		}
		if flags&0x80 != 0 { // streamDependenceFlag
			p += 2
		}
		if flags&0x40 != 0 { // URL_Flag
			n, ok := u8()
			if !ok {
				return 0, nil, false
			}
			p += int(n)
		}
		if flags&0x20 != 0 { // OCRstreamFlag
			p += 2
		}
	} else {
		p += 2 // ES id
	}
	if tag, _, ok = descr(); !ok || tag != 0x04 { // DecoderConfigDescrTag
		return 0, nil, false
	}
	if oti, ok = u8(); !ok {
		return 0, nil, false
	}
	p += 1 + 3 + 4 + 4 // stream type, buffer size, max and average bit rates
	tag, n, ok := descr()
	if !ok || tag != 0x05 { // DecSpecificInfoTag
		return oti, nil, ok
	}
	if oti == 0x69 || oti == 0x6b || n == 0 || n > len(b)-p {
		return oti, nil, false
	}
	return oti, b[p : p+n], true
}

// otherCodec reports whether an objectTypeIndication names a codec other
// than AAC in ff_mp4_obj_type (isom.c), which turns the stream into it and
// fails the AAC cookie; unknown types leave the stream AAC.
func otherCodec(oti byte) bool {
	switch oti {
	case 0x08, 0x20, 0x21, 0x23, 0x61, 0x60, 0x62, 0x63, 0x64, 0x65, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E,
		0xA3, 0xA4, 0xA5, 0xA6, 0xA9, 0xAD, 0xB1, 0xC1, 0xD0, 0xD1, 0xDD, 0xE0, 0xE1, 0x01, 0x02:
		return true
	}
	return false
}
