package tta

import (
	"encoding/binary"
	"errors"
	"hash/crc32"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

const (
	name     = "tta"
	longName = "TTA (True Audio)"

	// headerSize is the header ff_get_extradata hands the decoder: magic,
	// format, channels, bits, rate, samples and the header CRC.
	headerSize = 22
	// maxFrames is ttadec.c's bound on the seek table: (INT_MAX-4)/4
	// entries, so that its byte size fits an int.
	maxFrames = (1<<31 - 1 - 4) / 4
	// tableChunk is the piece of the seek table read at a time for its CRC.
	tableChunk = 64 << 10
)

// Demuxer returns the demuxer that reads TTA files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "tta",
		// avformat_open_input makes pictures of the leading ID3v2 APIC
		// frames for tta, as for mp3, aac and wav.
		Flags: container.ID3v2Pictures,
		Probe: probe,
		Read:  read,
	}
}

// probe scores as tta_probe: the magic, format 1 (simple) or 2
// (encrypted) and non-zero channels, bits and rate make an extension match
// plus 30.
func probe(b []byte) int {
	if len(b) < 14 || string(b[:4]) != "TTA1" {
		return 0
	}
	le := binary.LittleEndian
	if f := le.Uint16(b[4:]); f != 1 && f != 2 {
		return 0
	}
	if le.Uint16(b[6:]) == 0 || le.Uint16(b[8:]) == 0 || le.Uint32(b[10:]) == 0 {
		return 0
	}
	return 50 + 30
}

// fileHeader is the TTA header.
type fileHeader struct {
	Format     int // 1 simple, 2 encrypted
	Channels   int
	Bits       int    // bits per sample
	SampleRate int32  // as read: ttadec.c takes it as a signed int
	Samples    uint32 // samples per channel
}

// parseHeader reads the fixed 22 bytes and checks the header CRC.
func parseHeader(b []byte) (fileHeader, bool) {
	le := binary.LittleEndian
	h := fileHeader{
		Format:     int(le.Uint16(b[4:])),
		Channels:   int(le.Uint16(b[6:])),
		Bits:       int(le.Uint16(b[8:])),
		SampleRate: int32(le.Uint32(b[10:])),
		Samples:    le.Uint32(b[14:]),
	}
	return h, crc32.ChecksumIEEE(b[:18]) == le.Uint32(b[18:])
}

// read mirrors tta_read_header, then what tta_decode_init reports. A file
// FFmpeg fails to open, or whose decoder fails to open (ffprobe then gives
// up), yields a nil Info and the error.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	size := src.Size()

	// ff_id3v1_read comes first.
	if size > tags.ID3v1Size {
		b, err := demuxkit.ReadAt(src, size-tags.ID3v1Size, tags.ID3v1Size, name, "id3v1")
		switch {
		case err == nil:
			info.Format.Tags = tags.ParseID3v1(b)
		case errors.Is(err, container.ErrLimit) || !errors.Is(err, container.ErrTruncated):
			return nil, err
		}
	}

	var hb [headerSize]byte
	if err := demuxkit.ReadFull(src, hb[:], start, name, "header"); err != nil {
		return nil, err
	}
	if string(hb[:4]) != "TTA1" {
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "no TTA1 magic")
	}
	h, crcOK := parseHeader(hb[:])
	switch {
	case h.SampleRate <= 0 || h.SampleRate > 1000000:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "sample rate %d", h.SampleRate)
	case h.Samples == 0:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "no samples")
	case !crcOK:
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "header CRC error")
	}
	frames := frameCount(h)
	if frames <= 0 || frames >= maxFrames {
		return nil, demuxkit.Errorf(name, "seek table", start+headerSize, container.ErrMalformed, "%d frames", frames)
	}
	tableOff := start + headerSize
	end, err := checkTable(src, tableOff, frames)
	if err != nil {
		return nil, err
	}
	info.Format.DataOffset = end

	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "tta"
	st.SampleRate = int(h.SampleRate)
	st.Channels = h.Channels
	st.TimeBase = container.Rational{Num: 1, Den: int64(h.SampleRate)}
	st.StartPTS = 0
	st.DurationTS = int64(h.Samples)
	st.ExtradataSize = headerSize
	if err := decoder(st, h, start); err != nil {
		return nil, err
	}

	// ff_ape_parse_tag: its items are set over the ID3v1 ones. A broken tag
	// keeps what was read, as ffmpeg goes on.
	if ape, _ := tags.ReadAPE(src, size); ape != nil {
		for _, t := range ape.Tags.List() {
			info.Format.Tags.Set(t.Key, t.Value)
		}
		if err := tags.APEStreams(info, src, ape); err != nil {
			return nil, err
		}
	}
	return info, nil
}

// frameCount is ttadec.c's totalframes, with its C arithmetic: the count
// is computed unsigned and stored in an int, so a huge sample count at a
// low rate wraps negative.
func frameCount(h fileHeader) int32 {
	frameSize := uint32(h.SampleRate) * 256 / 245
	last := h.Samples % frameSize
	if last == 0 {
		last = frameSize
	}
	n := h.Samples / frameSize
	if last < frameSize {
		n++
	}
	return int32(n)
}

// checkTable checks that the seek table of frames entries and its CRC are
// in the object (ttadec.c fails at the first entry read past the end) and
// that the CRC matches, reading the table in pieces. It returns the offset
// after the table's CRC.
func checkTable(src container.Source, off int64, frames int32) (int64, error) {
	n := 4 * int64(frames)
	if n > src.Size()-off {
		return 0, demuxkit.Errorf(name, "seek table", off, container.ErrTruncated, "%d frames, %d bytes left", frames, src.Size()-off)
	}
	var buf []byte
	crc := uint32(0)
	for pos := int64(0); pos < n; {
		k := min(n-pos, tableChunk)
		b, err := demuxkit.ReadScratch(src, &buf, off+pos, k, name, "seek table")
		if err != nil {
			return 0, err
		}
		crc = crc32.Update(crc, crc32.IEEETable, b)
		pos += k
	}
	// The CRC read itself is not checked for the end of the object: a
	// missing CRC reads as zeros.
	var cb [4]byte
	if _, err := src.ReadAt(cb[:], off+n); err != nil && src.Size()-(off+n) >= 4 {
		return 0, demuxkit.Errorf(name, "seek table", off+n, container.ErrTruncated, "%v", err)
	}
	if binary.LittleEndian.Uint32(cb[:]) != crc {
		return 0, demuxkit.Errorf(name, "seek table", off+n, container.ErrMalformed, "seek table CRC error")
	}
	return off + n + 4, nil
}

// decoder sets what tta_decode_init reports, or fails where it fails (and
// ffprobe with it).
func decoder(st *container.Stream, h fileHeader, off int64) error {
	switch {
	case h.Format > 2:
		return demuxkit.Errorf(name, "header", off, container.ErrMalformed, "invalid format %d", h.Format)
	case h.Format == 2:
		return demuxkit.Errorf(name, "header", off, container.ErrUnsupported, "encrypted stream")
	case h.Channels == 0 || h.Channels > 16:
		return demuxkit.Errorf(name, "header", off, container.ErrMalformed, "%d channels", h.Channels)
	}
	switch (h.Bits + 7) / 8 {
	case 1:
		st.SampleFmt = "u8"
	case 2:
		st.SampleFmt = "s16"
	case 3:
		st.SampleFmt = "s32"
	default:
		return demuxkit.Errorf(name, "header", off, container.ErrUnsupported, "%d bits per sample", h.Bits)
	}
	st.BitsPerRawSample = h.Bits
	if m := codec.DecoderLayout("tta", h.Channels); m != 0 {
		st.ChannelLayout = codec.LayoutName(m)
	} else if codec.TTANoLayout(h.Channels) {
		st.Channels = 0
	}
	return nil
}
