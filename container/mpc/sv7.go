package mpc

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

const (
	sv7Name     = "mpc"
	sv7LongName = "Musepack"
	// frameSamples is MPC_FRAMESIZE, the samples of one SV7 frame and the
	// numerator of the stream time base.
	frameSamples = 1152
	// sv7HeaderSize is the magic, the version, the frame count and the 16
	// bytes of extradata.
	sv7HeaderSize = 4 + 4 + 16
	// seekEntrySize is sizeof(MPCFrame): mpc.c refuses a frame count whose
	// seek entries would total UINT_MAX bytes or more.
	seekEntrySize = 16
	// bands is BANDS of libavcodec/mpc.h: the decoders refuse more.
	bands = 32
)

// sampleRates are mpc_rate and mpc8_rate, by the 2- or 3-bit index.
var sampleRates = [...]int{44100, 48000, 37800, 32000}

// SV7 returns the demuxer that reads Musepack SV7 files ("mpc").
func SV7() container.Demuxer {
	return container.Demuxer{
		Name:       sv7Name,
		LongName:   sv7LongName,
		Extensions: "mpc",
		Probe:      probeSV7,
		Read:       readSV7,
	}
}

// probeSV7 scores as mpc_probe: "MP+" and version 0x07 or 0x17 are
// certain.
func probeSV7(b []byte) int {
	if len(b) >= 4 && string(b[:3]) == "MP+" && (b[3] == 0x07 || b[3] == 0x17) {
		return 100
	}
	return 0
}

// readSV7 mirrors mpc_read_header and mpc7_decode_init. A file either of
// them refuses yields a nil Info and the error.
func readSV7(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	var h [sv7HeaderSize]byte
	n, _ := src.ReadAt(h[:], start)
	if n < 4 || string(h[:3]) != "MP+" {
		return nil, demuxkit.Errorf(sv7Name, "header", start, container.ErrMalformed, "not a Musepack file")
	}
	if h[3] != 0x07 && h[3] != 0x17 {
		return nil, demuxkit.Errorf(sv7Name, "header", start, container.ErrUnsupported, "stream version %#02x", h[3])
	}
	if n < sv7HeaderSize {
		// ff_get_extradata fails on a short read.
		return nil, demuxkit.Errorf(sv7Name, "header", start, container.ErrTruncated, "%d of %d header bytes", n, sv7HeaderSize)
	}
	frames := binary.LittleEndian.Uint32(h[4:])
	if uint64(frames)*seekEntrySize >= math.MaxUint32 {
		return nil, demuxkit.Errorf(sv7Name, "header", start, container.ErrMalformed, "%d frames", frames)
	}
	extra := h[8:]
	// mpc7_decode_init reads the extradata as 32-bit little-endian words,
	// most significant bit first: IS, MSS, then six bits of max band.
	if maxBand := binary.LittleEndian.Uint32(extra) >> 24 & 0x3F; maxBand >= bands {
		return nil, demuxkit.Errorf(sv7Name, "header", start+8, container.ErrMalformed, "max band %d", maxBand)
	}

	info := container.NewInfo(sv7Name, sv7LongName)
	info.Format.DataOffset = start + sv7HeaderSize
	st, err := src.Budget().AddStream(info, container.Audio, sv7Name, start)
	if err != nil {
		return nil, err
	}
	rate := sampleRates[extra[2]&3]
	st.CodecName = "musepack7"
	st.SampleRate = rate
	st.Channels = 2
	st.ChannelLayout = "stereo"
	st.SampleFmt = "s16p"
	st.ExtradataSize = 16
	// avpriv_set_pts_info reduces the time base.
	st.TimeBase = container.Rational{Num: frameSamples, Den: int64(rate)}.Reduce(math.MaxInt32)
	st.StartPTS = 0
	st.DurationTS = int64(frames)

	// APEv2 first; ID3v1 only when it gave no tags.
	if err := apeTags(src, info); err != nil {
		return nil, err
	}
	if info.Format.Tags.Len() == 0 {
		if err := id3v1(src, info); err != nil {
			return nil, err
		}
	}
	return info, nil
}

// apeTags reads the APEv2 tag at the end into the empty format tags, as
// ff_ape_parse_tag does, with the streams of its binary items. A broken
// tag keeps what was read.
func apeTags(src container.Source, info *container.Info) error {
	ape, _ := tags.ReadAPE(src, src.Size())
	if ape == nil {
		return nil
	}
	// Keys are unique already: setting them one by one into empty tags
	// gives the same list.
	info.Format.Tags = ape.Tags
	return tags.APEStreams(info, src, ape)
}

// id3v1 reads an ID3v1 tag at the end, as ff_id3v1_read does for objects
// larger than the tag.
func id3v1(src container.Source, info *container.Info) error {
	size := src.Size()
	if size <= tags.ID3v1Size {
		return nil
	}
	b, err := demuxkit.ReadAt(src, size-tags.ID3v1Size, tags.ID3v1Size, sv7Name, "id3v1")
	switch {
	case err == nil:
		info.Format.Tags = tags.ParseID3v1(b)
	case errors.Is(err, container.ErrLimit) || !errors.Is(err, container.ErrTruncated):
		return err
	}
	return nil
}
