package wavpack

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"

	"github.com/mediaprobe/mediaprobe/codec"
	wv "github.com/mediaprobe/mediaprobe/codec/wavpack"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads WavPack files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "wv",
		Probe:      probe,
		Read:       read,
	}
}

const (
	name     = "wv"
	longName = "WavPack"
)

// The stream versions wvdec.c accepts.
const (
	minVersion = 0x402
	maxVersion = 0x410
)

// probe scores as wvdec.c wv_probe: more than 32 bytes, "wvpk", a block
// size ff_wv_parse_header accepts and a known version.
func probe(head []byte) int {
	if len(head) <= 32 || string(head[:4]) != "wvpk" {
		return 0
	}
	size := binary.LittleEndian.Uint32(head[4:])
	ver := binary.LittleEndian.Uint16(head[8:])
	if size >= 24 && size <= wv.BlockLimit && ver >= minVersion && ver <= maxVersion {
		return 100
	}
	return 0
}

// defaultTimeBase is the time base avformat_new_stream gives a stream,
// which stays when avpriv_set_pts_info refuses a rate of 0.
var defaultTimeBase = container.Rational{Num: 1, Den: 90000}

// read mirrors wv_read_header: block headers from start until one holds
// samples, the stream from it, then the tags at the tail.
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	size := src.Size()
	pos := start
	var h wv.Header
	for {
		if err := src.Budget().Visit(name, "block", pos); err != nil {
			return nil, err
		}
		var b [wv.HeaderSize]byte
		if pos > size || size-pos < wv.HeaderSize {
			return nil, demuxkit.Errorf(name, "block", pos, container.ErrTruncated, "no block header")
		}
		if err := demuxkit.ReadFull(src, b[:], pos, name, "block"); err != nil {
			return nil, err
		}
		var err error
		h, err = wv.ParseHeader(b[:])
		if err != nil {
			return nil, demuxkit.Errorf(name, "block", pos, container.ErrMalformed, "%v", err)
		}
		if h.Version < minVersion || h.Version > maxVersion {
			return nil, demuxkit.Errorf(name, "block", pos, container.ErrUnsupported, "version 0x%03x", h.Version)
		}
		if h.Samples != 0 {
			break
		}
		// Blocks with no samples carry no audio information.
		pos += wv.HeaderSize + int64(h.BlockSize)
	}
	body := pos + wv.HeaderSize
	blockEnd := body + int64(h.BlockSize)

	flags := h.Flags
	dsd := flags&wv.FlagDSD != 0
	rateX := 1
	if dsd {
		rateX = 4
	}
	chmask := uint32(codec.LayoutStereo)
	if flags&wv.FlagMono != 0 {
		chmask = codec.LayoutMono
	}
	rate := h.Rate()
	multi := h.Multichannel()
	nch := 2 - int(flags&wv.FlagMono>>2)
	if multi {
		// The previous block's channels, of which there are none yet.
		nch, chmask = 0, 0
	}
	var meta *wv.Metadata
	if rate == -1 || nch == 0 || dsd {
		// The sub-blocks up to the block's end or the object's.
		n := min(int64(h.BlockSize), max(size-body, 0))
		b, err := demuxkit.ReadAt(src, body, n, name, "block")
		if err != nil {
			return nil, err
		}
		m, err := wv.ParseMetadata(b)
		if err != nil {
			return nil, demuxkit.Errorf(name, "block", pos, container.ErrMalformed, "%v", err)
		}
		meta = &m
		if m.HasChannels {
			nch, chmask = m.Channels, m.ChannelMask
		}
		if m.HasDSD {
			rateX = 1 << m.RateShift
		}
		if m.Rate != -1 {
			rate = m.Rate
		}
		if rate == -1 || int64(rate)*int64(rateX) >= math.MaxInt32 {
			return nil, demuxkit.Errorf(name, "block", pos, container.ErrMalformed, "cannot determine the sample rate")
		}
	}

	info := container.NewInfo(name, longName)
	info.Format.DataOffset = body
	st, err := src.Budget().AddStream(info, container.Audio, name, pos)
	if err != nil {
		return nil, err
	}
	st.CodecName = "wavpack"
	st.ExtradataSize = 2 // the version
	st.SampleRate = rate * rateX
	// av_channel_layout_from_mask: the mask decides, whatever the count.
	st.Channels = bits.OnesCount32(chmask)
	st.ChannelLayout = codec.LayoutName(uint64(chmask))
	st.TimeBase = defaultTimeBase
	if st.SampleRate > 0 {
		st.TimeBase = container.Rational{Num: 1, Den: int64(st.SampleRate)}
		st.StartPTS = 0
		if h.TotalSamples != wv.UnknownSamples {
			st.DurationTS = int64(h.TotalSamples)
		}
	}
	if decodes(h, meta, nch, chmask, blockEnd <= size) {
		st.SampleFmt, st.BitsPerRawSample = wv.DecoderFormat(flags)
	}

	// ff_ape_parse_tag, then ff_id3v1_read when the metadata is empty.
	if ape, err := tags.ReadAPE(src, size); ape != nil {
		info.Format.Tags = ape.Tags
		if err := tags.APEStreams(info, src, ape); err != nil {
			return info, err
		}
	} else if err != nil && errors.Is(err, container.ErrLimit) {
		return info, err
	}
	if info.Format.Tags.Len() == 0 && size > tags.ID3v1Size {
		b, err := demuxkit.ReadAt(src, size-tags.ID3v1Size, tags.ID3v1Size, name, "id3v1")
		if err != nil {
			return info, err
		}
		info.Format.Tags = tags.ParseID3v1(b)
	}
	return info, nil
}

// decodes reports whether the wavpack decoder decodes the first frame, so
// that avformat_find_stream_info learns its sample format: the block must
// lie inside the object and, read for the stream, hold packed samples; a
// multichannel block must name a channel mask whose count matches the
// channel count it gives (wavpack_decode_block, "Channel mask does not
// match the channel count").
func decodes(h wv.Header, meta *wv.Metadata, nch int, chmask uint32, whole bool) bool {
	if !whole {
		return false
	}
	if meta != nil && !meta.HasData {
		return false
	}
	if h.Multichannel() {
		if chmask == 0 || (nch != 0 && bits.OnesCount32(chmask) != nch) {
			return false
		}
	}
	return true
}
