package adts

import (
	"errors"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads raw ADTS AAC (Advanced Audio Coding) files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "aac",
		Flags:      container.ID3v2Pictures,
		Probe:      probe,
		Read:       read,
	}
}

// name and longName are ffprobe's format_name and format_long_name.
const (
	name     = "aac"
	longName = "raw ADTS AAC (Advanced Audio Coding)"
)

// timeBase is the stream time base adts_aac_read_header sets: the least
// common multiple of all ADTS sample rates, so that every frame duration is
// a whole number of ticks.
var timeBase = container.Rational{Num: 1, Den: 28224000}

// resyncLimit bounds the search for the first syncword. FFmpeg's
// adts_aac_resync searches up to probesize (5,000,000 bytes); the probe has
// already found frames in its head (at most 1 MiB), so a larger window
// would only buy reads over garbage.
const resyncLimit = 1 << 20

// read mirrors aacdec.c adts_aac_read_header, plus what
// avformat_find_stream_info learns from the first packets: the parser's
// average bit rate and the decoder's sample format, profile and layout.
// Durations are left unknown: ffprobe estimates them from the bit rate and
// the size (demux.c estimate_timings_from_bit_rate).
func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	size := src.Size()
	info.Format.Size = size

	// ff_id3v1_read, then APE only when ID3v1 gave no tags.
	if size > tags.ID3v1Size { // ff_id3v1_read wants more than the tag
		b, err := demuxkit.ReadAt(src, size-tags.ID3v1Size, tags.ID3v1Size, name, "id3v1")
		switch {
		case err == nil:
			info.Format.Tags = tags.ParseID3v1(b)
		case errors.Is(err, container.ErrLimit) || !errors.Is(err, container.ErrTruncated):
			// A limit or an I/O failure ends the probe; a short read is
			// just no tag, as ff_id3v1_read treats it.
			return nil, err
		}
	}

	// avformat_new_stream comes first in read_header, so the audio stream
	// is index 0 and APE binary items follow it.
	st, err := src.Budget().AddStream(info, container.Audio, name, start)
	if err != nil {
		return nil, err
	}
	if info.Format.Tags.Len() == 0 {
		// ff_ape_parse_tag: a malformed item ends the walk, keeping what
		// was read; a malformed footer means no tag.
		if ape, _ := tags.ReadAPE(src, size); ape != nil {
			// Its keys are unique already: setting them one by one into
			// the empty format tags would give the same list.
			info.Format.Tags = ape.Tags
			if err := tags.APEStreams(info, src, ape); err != nil {
				return nil, err
			}
		}
	}

	first, err := resync(src, start, size)
	if err != nil {
		return nil, err
	}
	info.Format.DataOffset = first

	st.CodecName = "aac"
	st.TimeBase = timeBase
	st.SampleFmt = codec.SampleFormat("aac", 0)

	var hb [aac.ADTSHeaderSize]byte
	if err := demuxkit.ReadFull(src, hb[:], first, name, "frame header"); err != nil {
		return info, err
	}
	h, err := aac.ParseADTSHeader(hb[:])
	if err != nil {
		// FFmpeg keeps the stream; the decoder then fails and ffprobe
		// prints what it knows: the codec alone.
		return info, demuxkit.Errorf(name, "frame header", first, container.ErrMalformed, "%v", err)
	}
	describe(src, st, h, first)

	var lead *tags.ID3v2
	if start > 0 {
		// The probe package adds the leading tag's pictures and tags after
		// Read; they matter here too. Errors were the probe's to report.
		lead, _ = tags.ReadID3v2(src, 0)
	}
	var id3At []int64
	incomplete := incompleteStreams(info) || lead != nil && undecodablePicture(src, lead.Pictures)
	st.BitRate, id3At = averageBitRate(src, first, size, incomplete)
	if len(id3At) > 0 {
		info.Format.Tags = mergeID3(src, info.Format.Tags, lead, id3At)
	}
	return info, nil
}

// incompleteStreams reports whether a stream from the APE tag will never
// have its codec parameters: an attachment or skipped item (no codec), or
// a picture whose image gave no dimensions.
func incompleteStreams(info *container.Info) bool {
	for _, st := range info.Streams[1:] {
		if st.CodecName == "" || st.Type != container.Video || st.Width == 0 || st.Height == 0 {
			return true
		}
	}
	return false
}

// undecodablePicture reports whether an attached picture would leave its
// stream without dimensions: avformat_find_stream_info then never sees
// every stream complete and reads on (see averageBitRate).
func undecodablePicture(src container.Source, pics []tags.APIC) bool {
	for _, a := range pics {
		var st container.Stream
		var err error
		if a.Decoded {
			err = picture.DescribeBytes(&st, a.Data, a.MIME)
		} else {
			err = picture.Describe(&st, src, a.Offset, a.Length, a.MIME)
		}
		if err != nil || st.Width == 0 || st.Height == 0 {
			return true
		}
	}
	return false
}

// mergeID3 reproduces the format tags after avformat_find_stream_info has
// read packets past ID3v2 tags: the demuxer's tags (ID3v1), or else the
// leading ID3v2 tags that avformat_open_input adopted, and the leading
// PRIV entries, then each mid-stream
// tag's text and PRIV entries copied over them (handle_id3, av_dict_copy).
func mergeID3(src container.Source, t container.Tags, lead *tags.ID3v2, id3At []int64) container.Tags {
	if t.Len() == 0 && lead != nil {
		t = lead.Tags.Clone()
	}
	if lead != nil {
		// ff_id3v2_parse_priv adds the leading tag's PRIV frames after
		// whichever tags were adopted.
		for k, v := range lead.Priv.All() {
			t.Set(k, v)
		}
	}
	for _, off := range id3At {
		mid, err := tags.ReadID3v2(src, off)
		if err != nil || mid == nil {
			continue
		}
		for k, v := range mid.Tags.All() {
			t.Set(k, v)
		}
		for k, v := range mid.Priv.All() {
			t.Set(k, v)
		}
	}
	return t
}

// describe fills what the decoder reports after its first frame
// (aacdec_template.c parse_adts_frame_header): the profile is the ADTS
// profile field, the channels and layout come from the channel
// configuration, or from the PCE that opens the frame when it is 0.
func describe(src container.Source, st *container.Stream, h aac.ADTSHeader, off int64) {
	st.Profile = aac.ProfileName(h.ObjectType())
	st.SampleRate = h.SampleRate()
	st.Channels = aac.Channels(h.ChannelConfig)
	st.ChannelLayout = aac.ChannelLayout(h.ChannelConfig)
	if h.ChannelConfig != 0 {
		return
	}
	// A PCE is at most a few dozen bytes; 64 covers every element count
	// short of the comment field, which is not needed.
	n := min(int64(64), int64(h.FrameLength-h.HeaderSize()), src.Size()-off-int64(h.HeaderSize()))
	if n <= 0 {
		return
	}
	raw := make([]byte, n)
	if err := demuxkit.ReadFull(src, raw, off+int64(h.HeaderSize()), name, "program config element"); err != nil {
		return
	}
	if p, ok, err := aac.ParsePCEAfterADTS(raw); err == nil && ok {
		st.Channels = p.Channels()
		st.ChannelLayout = p.Layout()
	}
}

// resync finds the first syncword at or after start, as adts_aac_resync
// does: 12 bits 0xFFF, nothing else checked.
func resync(src container.Source, start, size int64) (int64, error) {
	const chunk = 4096
	var buf [chunk + 1]byte
	end := size
	if end-start > resyncLimit {
		end = start + resyncLimit
	}
	for off := start; off < end-1; off += chunk {
		n := min(int64(len(buf)), size-off)
		b := buf[:n]
		if err := demuxkit.ReadFull(src, b, off, name, "sync"); err != nil {
			return 0, err
		}
		for i := 0; i+1 < len(b); i++ {
			if b[i] == 0xFF && b[i+1]&0xF0 == 0xF0 {
				return off + int64(i), nil
			}
		}
	}
	if end == size {
		return 0, demuxkit.Errorf(name, "sync", start, container.ErrTruncated, "no ADTS syncword before the end")
	}
	return 0, demuxkit.Errorf(name, "sync", start, container.ErrMalformed, "no ADTS syncword in %d bytes", end-start)
}
