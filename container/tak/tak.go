package tak

import (
	"github.com/mediaprobe/mediaprobe/codec"
	takcodec "github.com/mediaprobe/mediaprobe/codec/tak"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

const (
	name     = "tak"
	longName = "raw TAK"

	// shortSeek is avio's short seek threshold (SHORT_SEEK_THRESHOLD): a
	// forward seek within it is made by reading.
	shortSeek = 32768
)

// Metadata block types (enum TAKMetaDataType).
const (
	typeEnd        = 0
	typeStreamInfo = 1
	typeEncoder    = 4
	typeMD5        = 6
	typeLastFrame  = 7
)

// Demuxer returns the demuxer that reads TAK files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "tak",
		Probe:      probe,
		Read:       read,
	}
}

// probe scores as tak_probe: the magic alone is an extension match.
func probe(b []byte) int {
	if len(b) >= 4 && string(b[:4]) == "tBaK" {
		return 50
	}
	return 0
}

// reader reads the object as an AVIOContext does: a read past the end
// yields zeros for the missing bytes and sets eof (avio_feof), which a
// seek clears.
type reader struct {
	src container.Source
	pos int64
	eof bool
	buf []byte
}

// read returns n bytes at the position, zero-filled past the end; the
// slice is valid until the next call.
func (r *reader) read(n int64, what string) ([]byte, error) {
	have := max(0, min(n, r.src.Size()-r.pos))
	if int64(cap(r.buf)) < n {
		if err := r.src.Budget().Alloc(name, what, r.pos, n-int64(cap(r.buf))); err != nil {
			return nil, err
		}
		r.buf = make([]byte, n)
	}
	b := r.buf[:n]
	clear(b[have:])
	if have > 0 {
		if err := demuxkit.ReadFull(r.src, b[:have], r.pos, name, what); err != nil {
			return nil, err
		}
	}
	if have < n {
		r.eof = true
	}
	r.pos += have
	return b, nil
}

// read mirrors tak_read_header, then tak_decode_init. A file either
// refuses yields a nil Info and the error.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "tak"
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
	r := &reader{src: src, pos: start}
	m, err := r.read(4, "magic")
	if err != nil {
		return nil, err
	}
	if string(m) != "tBaK" {
		// takdec.c goes on with a bare stream, which no decoder opens.
		return nil, demuxkit.Errorf(name, "magic", start, container.ErrMalformed, "no tBaK magic")
	}
	var si *takcodec.StreamInfo
	for !r.eof {
		off := r.pos
		if err := src.Budget().Visit(name, "block", off); err != nil {
			return nil, err
		}
		h, err := r.read(4, "block header")
		if err != nil {
			return nil, err
		}
		typ := h[0] & 0x7F
		size := int64(h[1]) | int64(h[2])<<8 | int64(h[3])<<16
		switch typ {
		case typeStreamInfo, typeLastFrame, typeEncoder:
			if typ == typeStreamInfo && si != nil {
				return nil, demuxkit.Errorf(name, "streaminfo", off, container.ErrMalformed, "second STREAMINFO")
			}
			if size <= 3 {
				return nil, demuxkit.Errorf(name, "block", off, container.ErrMalformed, "block of %d bytes", size)
			}
			if size-3 > src.Size()-r.pos {
				return nil, demuxkit.Errorf(name, "block", off, container.ErrTruncated, "%d bytes, %d left", size-3, src.Size()-r.pos)
			}
			body, err := r.read(size-3, "block")
			if err != nil {
				return nil, err
			}
			switch typ {
			case typeStreamInfo:
				s, _ := takcodec.ParseStreamInfo(body)
				si = &s
				st.ExtradataSize = int(size - 3)
			case typeLastFrame:
				if size != 11 {
					return nil, demuxkit.Errorf(name, "last frame", off, container.ErrMalformed, "block of %d bytes", size)
				}
			}
			if _, err := r.read(3, "CRC"); err != nil {
				return nil, err
			}
		case typeMD5:
			if size != 19 {
				return nil, demuxkit.Errorf(name, "md5", off, container.ErrMalformed, "block of %d bytes", size)
			}
			if _, err := r.read(19, "md5"); err != nil {
				return nil, err
			}
		case typeEnd:
			info.Format.DataOffset = r.pos
			return finish(src, info, st, si, off)
		default:
			// avio_skip. A skip of 0 returns at once, keeping the
			// end-of-file state. A skip past the end within avio's short
			// seek distance reads forward to the end and fails; a longer
			// one is an lseek, which succeeds and clears that state, and
			// the next block header then reads as zeros: an END block.
			// (The distance is counted from the end of the object, as
			// avio's buffer holds the whole of a small file.)
			if size > src.Size()-r.pos && size-(src.Size()-r.pos) <= shortSeek {
				return nil, demuxkit.Errorf(name, "block", off, container.ErrTruncated, "%d bytes, %d left", size, src.Size()-r.pos)
			}
			if size != 0 {
				r.pos += size
				r.eof = false
			}
		}
	}
	return nil, demuxkit.Errorf(name, "block", r.pos, container.ErrTruncated, "no END block")
}

// finish sets the stream from the STREAMINFO and the decoder, and reads
// the APEv2 tag.
func finish(src container.Source, info *container.Info, st *container.Stream, si *takcodec.StreamInfo, off int64) (*container.Info, error) {
	if si == nil || si.SampleFormat() == "" {
		// tak_decode_init refuses a depth other than 8, 16 or 24 (0 when
		// no STREAMINFO came), and ffprobe gives up with it.
		return nil, demuxkit.Errorf(name, "streaminfo", off, container.ErrUnsupported, "no usable STREAMINFO")
	}
	if si.Samples > 0 {
		st.DurationTS = si.Samples
	}
	st.StartPTS = 0
	st.SampleRate = si.SampleRate
	st.TimeBase = container.Rational{Num: 1, Den: int64(si.SampleRate)}
	st.Channels = si.Channels
	if si.Mask != 0 {
		// av_channel_layout_from_mask: the mask's count wins.
		st.Channels, st.ChannelLayout = codec.LayoutChannels(si.Mask), codec.LayoutName(si.Mask)
	}
	st.SampleFmt = si.SampleFormat()
	st.BitsPerRawSample = si.Bits

	if ape, _ := tags.ReadAPE(src, src.Size()); ape != nil {
		info.Format.Tags = ape.Tags
		if err := tags.APEStreams(info, src, ape); err != nil {
			return nil, err
		}
	}
	return info, nil
}
