package caf

import (
	"math"

	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/alac"
	"github.com/mediaprobe/mediaprobe/codec/esds"
	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
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
		return demuxkit.Errorf(name, "kuki", off, container.ErrMalformed, format, args...)
	}
	if size < 0 || size > maxKuki {
		return bad("cookie of %d bytes", size)
	}
	switch st.CodecName {
	case "aac":
		// The descriptor must lie within the chunk and the object.
		b, err := demuxkit.ReadAt(r.src, off, min(size, r.avail(off)), name, "kuki")
		if err != nil {
			return err
		}
		// ff_mov_read_esds fails the cookie without a whole
		// configuration, or when the object type names another codec
		// than AAC (unlisted types leave the stream AAC).
		e := esds.Parse(b)
		if id, listed := esds.Lookup(e.ObjectType); !e.HasConfig || !e.Complete() || listed && id != "aac" {
			return bad("invalid AAC magic cookie")
		}
		dsi := e.Specific
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
			return demuxkit.Errorf(name, "kuki", off, container.ErrTruncated, "FLAC magic cookie")
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
			return demuxkit.Errorf(name, "kuki", off, container.ErrUnsupported, "multichannel Opus in CAF")
		}
	default:
		// ff_get_extradata: the whole chunk, which must be in the object.
		if size > r.avail(off) {
			return demuxkit.Errorf(name, "kuki", off, container.ErrTruncated, "cookie of %d bytes, %d left", size, r.avail(off))
		}
		st.ExtradataSize = int(size)
	}
	return nil
}
