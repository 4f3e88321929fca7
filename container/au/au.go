package au

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Demuxer returns the demuxer that reads Sun AU files. FFmpeg gives it no
// file extensions: detection is by the magic alone.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

const (
	name     = "au"
	longName = "Sun AU"
	// headerSize is the fixed part of the header.
	headerSize = 24
	// unknownSize is the data size of a file written without seeking back.
	unknownSize = 0xffffffff
	// blockSize is au.c's BLOCK_SIZE, which bounds the channel count.
	blockSize = 1024
)

// probe scores as au_probe: the magic ".snd" is a certain match.
func probe(head []byte) int {
	if len(head) >= 4 && string(head[:4]) == ".snd" {
		return 100
	}
	return 0
}

// encodings maps the encoding field to codecs as codec_au_tags does.
var encodings = map[uint32]string{
	1: "pcm_mulaw", 2: "pcm_s8", 3: "pcm_s16be", 4: "pcm_s24be", 5: "pcm_s32be",
	6: "pcm_f32be", 7: "pcm_f64be", 23: "adpcm_g726le", 24: "adpcm_g722",
	25: "adpcm_g726le", 26: "adpcm_g726le", 27: "pcm_alaw",
	0x37323632: "adpcm_g726le", // '7262', big-endian
}

// read parses the header as au_read_header does.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	var h [headerSize]byte
	if src.Size()-start < headerSize {
		return nil, demuxkit.Errorf(name, "header", start, container.ErrTruncated, "%d-byte header", src.Size()-start)
	}
	if err := demuxkit.ReadFull(src, h[:], start, name, "header"); err != nil {
		return nil, err
	}
	if string(h[:4]) != ".snd" {
		return nil, demuxkit.Errorf(name, "header", start, container.ErrMalformed, "no .snd magic")
	}
	size := int32(binary.BigEndian.Uint32(h[4:]))
	dataSize := binary.BigEndian.Uint32(h[8:])
	if int32(dataSize) < 0 && dataSize != unknownSize {
		return nil, demuxkit.Errorf(name, "header", start+8, container.ErrMalformed, "negative data size %d", int32(dataSize))
	}
	id := binary.BigEndian.Uint32(h[12:])
	rate := binary.BigEndian.Uint32(h[16:])
	channels := binary.BigEndian.Uint32(h[20:])
	info := container.NewInfo(name, longName)
	dataOff := start + headerSize
	if size > headerSize {
		n, err := readAnnotation(src, dataOff, int64(size)-headerSize, &info.Format.Tags)
		if err != nil {
			return nil, err
		}
		dataOff += n
	}
	codecName, ok := encodings[id]
	if !ok {
		return nil, demuxkit.Errorf(name, "header", start+12, container.ErrUnsupported, "unknown or unsupported codec tag %d", id)
	}
	bps := uint32(codec.BitsPerSample(codecName))
	var ba uint32
	if codecName == "adpcm_g726le" {
		if id == 0x37323632 {
			bps = 2
		} else {
			bps = [...]uint32{4, 0, 3, 5}[id-23]
			ba = bps
		}
	} else if bps == 0 {
		return nil, demuxkit.Errorf(name, "header", start+12, container.ErrUnsupported, "unknown bits per sample")
	}
	if channels == 0 || channels >= math.MaxInt32/(blockSize*bps>>3) {
		return nil, demuxkit.Errorf(name, "header", start+20, container.ErrMalformed, "invalid number of channels %d", channels)
	}
	if rate == 0 || rate > math.MaxInt32 {
		return nil, demuxkit.Errorf(name, "header", start+16, container.ErrMalformed, "invalid sample rate %d", rate)
	}
	_ = ba // block_align: no field ffprobe prints
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = codecName
	st.CodecTag = id
	st.Channels = int(channels)
	st.SampleRate = int(rate)
	st.BitRate = int64(channels * rate * bps) // unsigned 32-bit, as au.c computes it
	if dataSize != unknownSize {
		st.DurationTS = int64(dataSize) << 3 / (int64(channels) * int64(bps))
	}
	st.StartPTS = 0
	st.TimeBase = container.Rational{Num: 1, Den: int64(rate)}
	codec.FillDecoded(st)
	info.Format.DataOffset = dataOff
	return info, nil
}

// annotationKeys are the annotation keys au_read_annotation keeps, as it
// names the tags.
var annotationKeys = [...]string{"title", "artist", "album", "track", "genre"}

// readAnnotation reads the annotation field of n bytes at off as
// au_read_annotation does: "key=value" entries ended by a newline or a
// NUL, a NUL where a key starts ending the field. It returns how many
// bytes it consumed. FFmpeg reads byte by byte and fails on meeting the
// end of the object before the field's end (one zero byte past the end
// is read as such first).
func readAnnotation(src container.Source, off, n int64, meta *container.Tags) (int64, error) {
	have := max(src.Size()-off, 0)
	if n > have+1 {
		return 0, demuxkit.Errorf(name, "annotation", off, container.ErrTruncated, "annotation of %d bytes, %d left", n, have)
	}
	b, err := demuxkit.ReadAt(src, off, min(n, have), name, "annotation")
	if err != nil {
		return 0, err
	}
	if int64(len(b)) < n {
		b = append(b, 0)
	}
	var key, value strings.Builder
	const (
		parseKey = iota
		parseValue
		parseFinished
	)
	state := parseKey
	for _, c := range b {
		switch state {
		case parseKey:
			switch c {
			case 0:
				state = parseFinished
			case '=':
				state = parseValue
			default:
				key.WriteByte(c)
			}
		case parseValue:
			if c == 0 || c == '\n' {
				for _, k := range annotationKeys {
					if strings.EqualFold(k, key.String()) {
						meta.Set(k, value.String())
						break
					}
				}
				key.Reset()
				value.Reset()
				state = parseKey
				if c == 0 {
					state = parseFinished
				}
			} else {
				value.WriteByte(c)
			}
		}
	}
	return n, nil
}
