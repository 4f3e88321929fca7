package aiff

import (
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads Audio IFF files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "aif,aiff,afc,aifc",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "aiff"
	longName = "Audio IFF"
)

// probe scores as aiffdec.c aiff_probe: a FORM of type AIFF or AIFC is a
// certain match.
func probe(head []byte) int {
	if len(head) >= 12 && string(head[:4]) == "FORM" && string(head[8:11]) == "AIF" &&
		(head[11] == 'F' || head[11] == 'C') {
		return 100
	}
	return 0
}

// reader reads fields the way FFmpeg's AVIOContext does: past the end of
// the object the missing bytes read as zeros. eof records that a chunk
// header was read there: FFmpeg's end-of-file flag, which the next chunk
// header then sees (every other read is followed by a seek, which clears
// the flag).
type reader struct {
	src container.Source
	eof bool
}

// fill reads len(b) bytes at off, zeros past the end of the object, and
// reports whether the object ended first.
func (r *reader) fill(b []byte, off int64) error {
	_, err := r.fillEOF(b, off)
	return err
}

func (r *reader) fillEOF(b []byte, off int64) (bool, error) {
	clear(b)
	if off >= r.src.Size() {
		return true, nil
	}
	n := min(int64(len(b)), r.src.Size()-off)
	return n < int64(len(b)), demuxkit.ReadFull(r.src, b[:n], off, name, "chunk")
}

// The chunk ids aiff_read_header acts on.
var (
	idCOMM = tagOf("COMM")
	idID3  = tagOf("ID3 ")
	idFVER = tagOf("FVER")
	idNAME = tagOf("NAME")
	idAUTH = tagOf("AUTH")
	idCopy = tagOf("(c) ")
	idANNO = tagOf("ANNO")
	idSSND = tagOf("SSND")
	idWave = tagOf("wave")
	idCHAN = tagOf("CHAN")
	idAPCM = tagOf("APCM")
)

// textKeys are the text chunks and the keys get_meta gives them.
var textKeys = map[uint32]string{idNAME: "title", idAUTH: "author", idCopy: "copyright", idANNO: "comment"}

// read parses the chunks as aiff_read_header does.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := &reader{src: src}
	var hdr [12]byte
	if err := r.fill(hdr[:], start); err != nil {
		return nil, err
	}
	if r.eof || string(hdr[:4]) != "FORM" {
		return nil, demuxkit.Errorf(name, "FORM", start, container.ErrMalformed, "no FORM header")
	}
	filesize := int64(int32(binary.BigEndian.Uint32(hdr[4:])))
	if filesize < 0 {
		filesize = math.MaxInt32 // get_tag
	}
	var aifc bool
	switch string(hdr[8:]) {
	case "AIFF":
	case "AIFC":
		aifc = true
	default:
		return nil, demuxkit.Errorf(name, "FORM", start, container.ErrMalformed, "form type %q", hdr[8:])
	}
	filesize -= 4
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	var c *comm
	var meta container.Tags
	pos := start + 12
	ssnd := int64(0) // the absolute offset of the sound data, 0 until SSND
	version := uint32(0)
	if aifc {
		version = aiffC1
	}
	extraBlockDuration := -1 // set by a wave chunk of QDM2/QDMC
loop:
	for filesize > 0 {
		if err := src.Budget().Visit(name, "chunk", pos); err != nil {
			return nil, err
		}
		if r.eof {
			// get_tag: a header read at the end of the object fails.
			return nil, demuxkit.Errorf(name, "chunk", pos, container.ErrTruncated, "end of the object before the sound data")
		}
		var h [8]byte
		eof, err := r.fillEOF(h[:], pos)
		if err != nil {
			return nil, err
		}
		r.eof = eof
		id := binary.LittleEndian.Uint32(h[:])
		size := int64(int32(binary.BigEndian.Uint32(h[4:])))
		if size < 0 {
			size = math.MaxInt32
		}
		if size >= math.MaxInt32-8 {
			filesize = 0
		} else {
			filesize -= size + 8
		}
		body := pos + 8
		next := body + size
		switch id {
		case idCOMM:
			var b [commReadLen]byte
			n := commReadLen
			if !(aifc && version == aiffC1) {
				n = 18 // AIFF reads no compression type
			}
			if err := r.fill(b[:n], body); err != nil {
				return nil, err
			}
			cm, err := parseComm(b, size, aifc && version == aiffC1, body)
			if err != nil {
				return nil, err
			}
			c = cm
			// get_aiff_header consumes the pad byte of an odd chunk, and the
			// loop below skips one more.
			next = body + size + size&1
			if ssnd > 0 {
				// COMM after SSND: the header is complete.
				break loop
			}
		case idID3:
			// ff_id3v2_read searches no further than the chunk.
			lim := &limited{Source: src, size: min(src.Size(), next)}
			id3, err := tags.ReadID3v2(lim, body)
			if err != nil && errors.Is(err, container.ErrLimit) {
				return nil, err
			}
			if id3 != nil {
				for k, v := range id3.Tags.All() {
					// Text frames never overwrite (id3v2.c read_ttag).
					meta.AddIfAbsent(k, v)
				}
				if err := tags.PictureStreams(info, src, id3.Pictures); err != nil {
					return nil, err
				}
				next = max(next, id3.End)
			}
		case idFVER:
			v := [4]byte{}
			if err := r.fill(v[:], body); err != nil {
				return nil, err
			}
			version = binary.BigEndian.Uint32(v[:])
			// Only the version is consumed, whatever the chunk's size.
			next = body + 4
		case idNAME, idAUTH, idCopy, idANNO:
			have := min(size, max(src.Size()-body, 0))
			b, err := demuxkit.ReadAt(src, body, have, name, "text chunk")
			if err != nil {
				return nil, err
			}
			meta.Set(textKeys[id], cString(b))
		case idSSND:
			if size < 8 {
				return nil, demuxkit.Errorf(name, "SSND", pos, container.ErrMalformed, "SSND of %d bytes", size)
			}
			var b [4]byte
			if err := r.fill(b[:], body); err != nil {
				return nil, err
			}
			ssnd = body + 8 + int64(binary.BigEndian.Uint32(b[:]))
		case idWave:
			if size > 1<<30 {
				return nil, demuxkit.Errorf(name, "wave", pos, container.ErrMalformed, "wave chunk of %d bytes", size)
			}
			if body > src.Size() || size > src.Size()-body {
				// ff_get_extradata fails on a short read, and so does the header.
				return nil, demuxkit.Errorf(name, "wave", pos, container.ErrTruncated, "wave chunk of %d bytes", size)
			}
			st.ExtradataSize = int(size)
			if c != nil && (c.codecName == "qdmc" || c.codecName == "qdm2") && size >= 48 && c.blockAlign == 0 {
				var b [48]byte
				if err := r.fill(b[:], body); err != nil {
					return nil, err
				}
				c.blockAlign = int(int32(binary.BigEndian.Uint32(b[44:])))
				extraBlockDuration = int(int32(binary.BigEndian.Uint32(b[36:])))
			} else if c != nil && c.codecName == "qcelp" {
				rate := byte(0)
				if size >= 25 {
					var b [1]byte
					if err := r.fill(b[:], body+24); err != nil {
						return nil, err
					}
					rate = b[0]
				}
				c.blockAlign = 35 // full rate
				if rate == 'H' {
					c.blockAlign = 17
				}
				extraBlockDuration = 160
				c.bitRate = int64(c.sampleRate) * int64(c.blockAlign<<3) / 160
			}
		case idCHAN:
			if err := readCHAN(r, body, size, st); err != nil {
				return nil, err
			}
		case idAPCM:
			// XA ADPCM: the block size is in the chunk, and the sound
			// follows at once.
			var b [8]byte
			if err := r.fill(b[:], body); err != nil {
				return nil, err
			}
			if c == nil {
				c = &comm{}
			}
			c.codecName = "adpcm_xa"
			c.blockAlign = int(int32(binary.BigEndian.Uint32(b[4:])))
			ssnd = body + 8
			break loop
		case 0:
			if ssnd > 0 && c != nil && c.blockAlign != 0 {
				break loop
			}
		}
		if size&1 != 0 {
			filesize--
			next++
		}
		pos = next
	}
	if c == nil || c.blockAlign <= 0 {
		if c != nil && c.codecName == "qcelp" {
			c.blockAlign = 35 // "qcelp without wave chunk, assuming full rate"
		} else {
			return nil, demuxkit.Errorf(name, "", start, container.ErrMalformed, "could not find COMM tag or invalid block_align value")
		}
	}
	if extraBlockDuration >= 0 {
		c.blockDuration = extraBlockDuration
	}
	st.CodecName = c.codecName
	st.CodecTag = c.codecTag
	st.Channels = c.channels
	st.SampleRate = c.sampleRate
	st.BitRate = c.bitRate
	// What the decoder reports once avformat_find_stream_info opened it:
	// its sample format and, for some codecs, its own layout and channel
	// count (GSM is mono whatever COMM says).
	st.SampleFmt = codec.SampleFormat(c.codecName, c.channels)
	if m := codec.DecoderLayout(c.codecName, c.channels); m != 0 {
		st.Channels, st.ChannelLayout = codec.LayoutChannels(m), codec.LayoutName(m)
	}
	st.BitsPerRawSample = codec.BitsPerRawSample(c.codecName)
	if c.sampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(c.sampleRate)}
	}
	st.StartPTS = 0
	st.DurationTS = c.numFrames * int64(c.blockDuration)
	st.NbFrames = c.numFrames
	info.Format.DataOffset = ssnd
	info.Format.Tags = meta
	return info, nil
}

// limited is a Source that ends early, to bound a tag reader to a chunk.
type limited struct {
	container.Source
	size int64
}

func (l *limited) Size() int64 { return l.size }

func (l *limited) ReadAt(p []byte, off int64) (int, error) {
	if off >= l.size {
		return 0, io.EOF
	}
	if int64(len(p)) > l.size-off {
		n, err := l.Source.ReadAt(p[:l.size-off], off)
		if err == nil {
			err = io.EOF
		}
		return n, err
	}
	return l.Source.ReadAt(p, off)
}

// cString returns b up to its first NUL, as get_meta stores it.
func cString(b []byte) string {
	for i, x := range b {
		if x == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
