package mpc

import (
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

const (
	sv8Name     = "mpc8"
	sv8LongName = "Musepack SV8"
	// window is how much of the object a packet walk reads at a time.
	window = 4 << 10
)

// SV8 returns the demuxer that reads Musepack SV8 files ("mpc8").
func SV8() container.Demuxer {
	return container.Demuxer{
		Name:     sv8Name,
		LongName: sv8LongName,
		// mpc8.c declares no extensions.
		Probe: probeSV8,
		Read:  readSV8,
	}
}

// probeSV8 scores as mpc8_probe: after "MPCK", packets whose keys are two
// capital letters are followed to SH, whose size must be 11 to 28 with a
// non-zero CRC (certain); a packet running past the buffer scores one
// below an extension match. Like FFmpeg's, the walk may look a few bytes
// past the buffer, into what FFmpeg pads with zeros.
func probeSV8(b []byte) int {
	if len(b) < 16 || string(b[:4]) != "MPCK" {
		return 0
	}
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	end := 4 + len(b) // bs_end: the walk starts at 4, the end is 4 too far
	for p := 4; p < end+3; {
		header := at(p) == 'S' && at(p+1) == 'H'
		if at(p) < 'A' || at(p) > 'Z' || at(p+1) < 'A' || at(p+1) > 'Z' {
			return 0
		}
		p += 2
		// bs_get_v: at most 10 bytes, minus their count.
		var v uint64
		n := 0
		for {
			c := at(p)
			p++
			v = v<<7 | uint64(c&0x7F)
			n++
			if n > 10 {
				return 0 // -1 < 2
			}
			if c&0x80 == 0 {
				break
			}
		}
		size := int64(v - uint64(n))
		if size < 2 {
			return 0
		}
		if size >= int64(end-p)+2 {
			return 50 - 1
		}
		if header {
			if size < 11 || size > 28 {
				return 0
			}
			if at(p) == 0 && at(p+1) == 0 && at(p+2) == 0 && at(p+3) == 0 {
				return 0
			}
			return 100
		}
		p += int(size) - 2
	}
	return 0
}

// byteReader reads the object a byte at a time through a window, as
// avio_r8 does: past the end it returns 0 without moving and records that
// the end was reached (avio_feof).
type byteReader struct {
	src     container.Source
	pos     int64
	eof     bool
	buf     []byte
	bufOff  int64
	scratch []byte
	err     error
}

func (r *byteReader) r8() byte {
	if r.pos >= r.src.Size() || r.pos < 0 {
		r.eof = true
		return 0
	}
	if r.pos < r.bufOff || r.pos >= r.bufOff+int64(len(r.buf)) {
		n := min(window, r.src.Size()-r.pos)
		b, err := demuxkit.ReadScratch(r.src, &r.scratch, r.pos, n, sv8Name, "packet")
		if err != nil {
			r.err, r.eof = err, true
			return 0
		}
		r.buf, r.bufOff = b, r.pos
	}
	c := r.buf[r.pos-r.bufOff]
	r.pos++
	return c
}

// maxSeek is the furthest offset a seek reaches in ffprobe 5.1's file
// protocol on Linux ext4 (lseek past the file system's largest file size,
// 16 TiB less a block, fails with EINVAL), which the goldens come from.
const maxSeek = 1<<44 - 4096

// skip is avio_skip: a target past maxSeek (or past INT64_MAX) makes the
// seek fail, and the reader stays where it is; a target past the end of
// the object is reached, and the next read meets the end. A skip of 0
// returns at once, keeping the end-of-file state.
func (r *byteReader) skip(n int64) {
	if n == 0 || n > maxSeek-r.pos {
		return
	}
	r.pos += n
	r.eof = false
}

// varlen is ffio_read_varlen: seven bits a byte while the top bit is set,
// with no bound on the length (the end of the object stops it).
func (r *byteReader) varlen() uint64 {
	var v uint64
	for {
		c := r.r8()
		v = v<<7 + uint64(c&0x7F)
		if c&0x80 == 0 || r.eof {
			return v
		}
	}
}

// chunkHeader is mpc8_get_chunk_header: the key and the packet size less
// the header's own bytes.
func (r *byteReader) chunkHeader() (tag string, size int64) {
	pos := r.pos
	a, b := r.r8(), r.r8()
	size = int64(r.varlen()) - (r.pos - pos)
	return string([]byte{a, b}), size
}

// readSV8 mirrors mpc8_read_header and mpc8_decode_init. A file either of
// them refuses yields a nil Info and the error.
func readSV8(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	r := &byteReader{src: src, pos: start}
	if string([]byte{r.r8(), r.r8(), r.r8(), r.r8()}) != "MPCK" {
		return nil, demuxkit.Errorf(sv8Name, "header", start, container.ErrMalformed, "not a Musepack8 file")
	}
	var tag string
	var size int64
	for !r.eof {
		pos := r.pos
		if err := src.Budget().Visit(sv8Name, "packet", pos); err != nil {
			return nil, err
		}
		tag, size = r.chunkHeader()
		if r.err != nil {
			return nil, r.err
		}
		if size < 0 {
			return nil, demuxkit.Errorf(sv8Name, "packet", pos, container.ErrMalformed, "invalid chunk length")
		}
		if tag == "SH" {
			break
		}
		// mpc8_handle_chunk skips every packet (SO's seek table only
		// serves seeking).
		r.skip(size)
	}
	if tag != "SH" || r.eof {
		return nil, demuxkit.Errorf(sv8Name, "header", start, container.ErrMalformed, "stream header not found")
	}
	sh := r.pos
	r.pos += 4 // CRC
	if ver := r.r8(); ver != 8 {
		return nil, demuxkit.Errorf(sv8Name, "stream header", sh, container.ErrUnsupported, "stream version %d", ver)
	}
	samples := int64(r.varlen())
	r.varlen() // beginning silence
	e0, e1 := r.r8(), r.r8()
	if r.err != nil {
		return nil, r.err
	}
	if r.eof {
		// ff_get_extradata fails on a short read.
		return nil, demuxkit.Errorf(sv8Name, "stream header", sh, container.ErrTruncated, "no stream parameters")
	}
	rateIndex := e0 >> 5
	if int(rateIndex) >= len(sampleRates) {
		// mpc8_rate holds -1 there, which avformat refuses.
		return nil, demuxkit.Errorf(sv8Name, "stream header", sh, container.ErrMalformed, "invalid sample rate index %d", rateIndex)
	}
	channels := int(e1>>4) + 1
	// mpc8_decode_init: at most 31 bands and 2 channels.
	if maxBands := int(e0&0x1F) + 1; maxBands >= bands {
		return nil, demuxkit.Errorf(sv8Name, "stream header", sh, container.ErrMalformed, "max bands %d", maxBands)
	}
	if channels > 2 {
		return nil, demuxkit.Errorf(sv8Name, "stream header", sh, container.ErrUnsupported, "%d channels", channels)
	}

	info := container.NewInfo(sv8Name, sv8LongName)
	st, err := src.Budget().AddStream(info, container.Audio, sv8Name, sh)
	if err != nil {
		return nil, err
	}
	rate := sampleRates[rateIndex]
	// The demuxer takes two bits of the three-bit frames-per-packet field
	// for the time base.
	frame := int64(frameSamples) << ((e1 & 3) * 2)
	st.CodecName = "musepack8"
	st.SampleRate = rate
	st.Channels = channels
	st.ChannelLayout = map[int]string{1: "mono", 2: "stereo"}[channels]
	st.SampleFmt = "s16p"
	st.ExtradataSize = 2
	st.TimeBase = container.Rational{Num: frame, Den: int64(rate)}.Reduce(math.MaxInt32)
	st.StartPTS = 0
	// c->samples is an int64 read from a uint64: C division truncates
	// towards zero.
	st.DurationTS = samples / frame
	if rest := size - (r.pos - sh); rest > 0 {
		r.skip(rest)
	}
	info.Format.DataOffset = r.pos

	if err := apeTags(src, info); err != nil {
		return nil, err
	}
	return info, nil
}
