package caf

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/alac"
	"github.com/mediaprobe/mediaprobe/codec/es"
	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Demuxer returns the demuxer that reads Core Audio Format files. FFmpeg
// gives it no file extensions: detection is by the magic alone.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

const (
	name     = "caf"
	longName = "Apple CAF (Core Audio Format)"
)

// probe scores as cafdec.c probe: the magic "caff" and version 1 are a
// certain match.
func probe(head []byte) int {
	if len(head) >= 6 && string(head[:4]) == "caff" && binary.BigEndian.Uint16(head[4:]) == 1 {
		return 100
	}
	return 0
}

// reader reads fields the way FFmpeg's AVIOContext does: past the end of
// the object the missing bytes read as zeros and the end-of-file flag is
// set, which a seek clears.
type reader struct {
	src container.Source
	eof bool
}

// fill reads len(b) bytes at off, zeros past the end of the object.
func (r *reader) fill(b []byte, off int64) error {
	clear(b)
	if off >= r.src.Size() {
		r.eof = r.eof || len(b) > 0
		return nil
	}
	n := min(int64(len(b)), r.src.Size()-off)
	if n < int64(len(b)) {
		r.eof = true
	}
	return demuxkit.ReadFull(r.src, b[:n], off, name, "chunk")
}

// avail is how many bytes of the object lie at and after off.
func (r *reader) avail(off int64) int64 { return max(r.src.Size()-off, 0) }

// firstFrameBytes is how much of the data is searched for the first frame
// header of MPEG audio and AC-3.
const firstFrameBytes = 4096

// state is what read_header keeps between chunks (CafContext).
type state struct {
	desc      desc
	st        *container.Stream
	foundData bool
	dataStart int64
	dataSize  int64
	duration  int64 // st->duration from the packet table, NoPTS without one
	nbIndex   int64 // index entries the packet table added

	// The magic cookie, as the decoder is configured by it.
	alac   *alac.Config
	flac   *flaccodec.StreamInfo
	asc    aac.AudioSpecificConfig
	hasASC bool
}

// read parses the chunks as cafdec.c read_header does.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := &reader{src: src}
	var hdr [8 + 12 + descSize]byte // file header, desc chunk header, desc
	if err := r.fill(hdr[:], start); err != nil {
		return nil, err
	}
	if string(hdr[8:12]) != "desc" {
		return nil, demuxkit.Errorf(name, "desc", start+8, container.ErrMalformed, "desc chunk not present")
	}
	if n := int64(binary.BigEndian.Uint64(hdr[12:])); n != descSize {
		return nil, demuxkit.Errorf(name, "desc", start+8, container.ErrMalformed, "desc chunk of %d bytes", n)
	}
	d, err := parseDesc(hdr[20:], start+20)
	if err != nil {
		return nil, err
	}
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	s := &state{desc: d, st: st, duration: container.NoPTS}
	d.fill(st)
	pos := start + int64(len(hdr)) // where the next chunk header is read
loop:
	for !r.eof {
		// Stop at the data chunk when its size is unknown; the object is
		// seekable, so otherwise the walk goes on past it.
		if s.foundData && s.dataSize < 0 {
			break
		}
		if err := src.Budget().Visit(name, "chunk", pos); err != nil {
			return info, err
		}
		var h [12]byte
		if err := r.fill(h[:], pos); err != nil {
			return info, err
		}
		if r.eof {
			break
		}
		id := string(h[:4])
		size := int64(binary.BigEndian.Uint64(h[4:]))
		body := pos + 12
		next := body // where a chunk of size <= 0 leaves the reader
		switch id {
		case "data":
			s.dataStart = body + 4 // after the edit count
			s.dataSize = size - 4
			if size < 0 {
				s.dataSize = -1
			}
			if s.dataSize > math.MaxInt64-s.dataStart {
				return info, demuxkit.Errorf(name, "data", pos, container.ErrMalformed, "data chunk of %d bytes", size)
			}
			s.foundData = true
			next = s.dataStart
		case "chan":
			if err := readChan(r, body, size, st); err != nil {
				return info, err
			}
		case "kuki":
			if err := readKuki(r, body, size, s); err != nil {
				return info, err
			}
		case "pakt":
			if err := readPakt(r, body, size, s); err != nil {
				return info, err
			}
		case "info":
			n, err := readInfo(r, body, size, &info.Format.Tags)
			if err != nil {
				return info, err
			}
			next = body + n
		default: // and "free"
			if size < 0 && s.foundData {
				break loop
			}
			if size < 0 {
				return info, demuxkit.Errorf(name, id, pos, container.ErrMalformed, "chunk of size %d", size)
			}
		}
		if size > 0 {
			if body > math.MaxInt64-size {
				return info, demuxkit.Errorf(name, id, pos, container.ErrMalformed, "chunk of size %d", size)
			}
			next = body + size
			r.eof = false // avio_seek clears the end-of-file flag
		}
		pos = next
	}
	if !s.foundData {
		return info, demuxkit.Errorf(name, "data", pos, container.ErrMalformed, "no data chunk")
	}
	off, err := s.finish(r, pos)
	if err != nil {
		return info, err
	}
	info.Format.DataOffset = off
	return info, nil
}

// finish is read_header after the walk: the frame count or bit rate from
// the data size, the time base, and the decoder's view of the stream. It
// returns where the payload starts (FFmpeg's data_offset): the data
// chunk's samples, or pos where their size is unknown.
func (s *state) finish(r *reader, pos int64) (int64, error) {
	st, d := s.st, s.desc
	// The stream's rate so far: the description's, or an AAC cookie's
	// (ff_mp4_read_dec_config_descr sets it); the decoder's comes after.
	rate := int64(st.SampleRate)
	switch {
	case d.bytesPerPacket > 0 && d.framesPerPacket > 0:
		if s.dataSize > 0 && s.dataSize/int64(d.bytesPerPacket) < math.MaxInt64/int64(d.framesPerPacket) {
			st.NbFrames = s.dataSize / int64(d.bytesPerPacket) * int64(d.framesPerPacket)
		}
	case s.nbIndex > 0 && s.duration > 0:
		perFrame := s.dataSize / s.duration
		if rate != 0 && perFrame > math.MaxInt64/rate/8 {
			return 0, demuxkit.Errorf(name, "pakt", 0, container.ErrMalformed, "bit rate overflows")
		}
		st.BitRate = rate * 8 * perFrame
	default:
		return 0, demuxkit.Errorf(name, "pakt", 0, container.ErrMalformed, "missing packet table, required when block size or frame size are variable")
	}
	if rate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: rate}
	}
	st.StartPTS = 0
	st.DurationTS = s.duration
	if s.dataSize >= 0 {
		pos = s.dataStart
	}
	s.decoder()
	switch st.CodecName {
	case "mp1", "mp2", "mp3", "ac3", "eac3":
		// These decoders give the stream the bit rate of its first frame
		// where the container has none, as ffprobe shows: the frame
		// header is looked for in the first bytes of the data.
		if st.BitRate == 0 {
			n := min(r.avail(s.dataStart), firstFrameBytes)
			if s.dataSize >= 0 {
				n = min(n, s.dataSize)
			}
			b, err := demuxkit.ReadAt(r.src, s.dataStart, n, name, "data")
			if err != nil {
				return 0, err
			}
			scratch := *st
			if _, ok := es.DescribeAudio(&scratch, b); ok {
				st.BitRate = scratch.BitRate
			}
		}
	}
	return pos, nil
}
