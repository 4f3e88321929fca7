package mp3

import (
	"errors"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/tags"
)

// Demuxer returns the demuxer that reads MP2/3 (MPEG audio layer 2/3) files.
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "mp2,mp3,m2a,mpa",
		Flags:      container.ID3v2Pictures,
		Probe:      mpegaudio.Probe,
		Read:       read,
	}
}

const (
	name     = "mp3"
	longName = "MP2/3 (MPEG audio layer 2/3)"
	format   = "mp3"
	// timeBase is mp3_read_header's 1/14112000, the least common multiple
	// of all MPEG audio sample rates, so every frame duration is exact.
	timeBase = 14112000
	// junkScan is how far mp3_read_header looks for two consecutive frames.
	junkScan = 64 * 1024
	// junkChunk is how much of the junk scan is read at a time.
	junkChunk = 8 << 10
	// maxFrameSize is the largest MPEG audio frame (Layer II, 384 kbit/s,
	// 32 kHz, padded).
	maxFrameSize = 2881
	// id3v1Size is the length of an ID3v1 tag.
	id3v1Size = 128
)

func read(src container.Source, start int64, opts container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	st, err := src.Budget().AddStream(info, container.Audio, format, start)
	if err != nil {
		return nil, err
	}
	st.CodecName = "mp3"
	st.TimeBase = container.Rational{Num: 1, Den: timeBase}
	st.StartPTS = 0 // mp3_read_header sets st->start_time = 0

	if err := readTags(src, info); err != nil {
		return nil, err
	}

	// mp3_parse_vbr_tags: a Xing/Info/VBRI header in the frame at start.
	pos := start
	vt, err := readVBRTag(src, start)
	if err != nil {
		return nil, err
	}
	if vt != nil && vt.replayGain != nil {
		st.ExportReplayGain(*vt.replayGain)
	}
	// mp3_read_header then exports the REPLAYGAIN_* tags of the ID3v2 (or
	// ID3v1) tag, replacing the LAME tag's values when they name a gain.
	st.ExportReplayGain(container.ReplayGainFromTags(info.Format.Tags))
	if vt != nil {
		if vt.startSkip > 0 {
			st.StartPTS = container.Rescale(int64(vt.startSkip), timeBase, int64(vt.sampleRate))
		}
		if vt.encoderTag {
			st.Tags.Set("encoder", vt.encoder)
		}
		if vt.used {
			pos = start + int64(vt.frameSize)
			if vt.frames > 0 {
				st.DurationTS = int64(vt.frames) * int64(vt.spf) * (timeBase / int64(vt.sampleRate))
			}
			if vt.bytes > 0 && vt.frames > 0 && !vt.cbr {
				st.BitRate = container.Rescale(int64(vt.bytes), 8*int64(vt.sampleRate), int64(vt.frames)*int64(vt.spf))
			}
		}
	}

	// The junk skip of mp3_read_header: the data starts at the first frame
	// whose successor is a frame of the same stream.
	pos, err = skipJunk(src, pos)
	if err != nil {
		return nil, err
	}
	if pos > start {
		info.Format.DataOffset = pos
	}

	// What avformat_find_stream_info learns from the mpegaudio parser.
	p, err := parseFirstFrames(src, pos, st.BitRate)
	if err != nil {
		return nil, err
	}
	if p.found {
		st.CodecName = p.codec
		st.SampleRate = p.sampleRate
		st.Channels = p.channels
		// The demuxer declares AV_CODEC_ID_MP3 and the parser changes the id
		// only later, so avformat_find_stream_info opens the mp3 decoder
		// (mp3float) even for a Layer I or II stream: its sample format and
		// its mono or stereo layout from the frame's mode.
		st.ChannelLayout = codec.LayoutName(codec.DecoderLayout("mp3", p.channels))
		st.SampleFmt = codec.SampleFormat("mp3", p.channels)
	}
	st.BitRate = p.bitRate

	if opts.AccurateDuration && st.DurationTS == container.NoPTS {
		if samples, sr, err := countSamples(src, pos); err != nil {
			return info, err
		} else if sr > 0 {
			st.DurationTS = samples * (timeBase / int64(sr))
		}
	}
	return info, nil
}

// readTags sets the format tags as mp3_read_header leaves them: the
// leading ID3v2 tags (avformat_open_input read them; mp3dec adopts them
// and, for mp3, ff_id3v2_parse_priv adds the PRIV frames) or, when those
// hold no entry, the ID3v1 tag at the end of the file (ff_id3v1_read). The
// APEv2 tag is not read: ffmpeg 5.1's mp3 demuxer ignores it.
func readTags(src container.Source, info *container.Info) error {
	id3, err := tags.ReadID3v2(src, 0)
	if err != nil && isLimit(err) {
		return err
	}
	if id3 != nil && id3.Tags.Len() > 0 {
		info.Format.Tags = id3.Tags.Clone()
		for k, v := range id3.Priv.All() {
			info.Format.Tags.AddIfAbsent(k, v)
		}
		return nil
	}
	if size := src.Size(); size > id3v1Size {
		b, err := demuxkit.ReadAt(src, size-id3v1Size, id3v1Size, format, "id3v1")
		if err != nil {
			return err
		}
		info.Format.Tags = tags.ParseID3v1(b)
	}
	if id3 != nil {
		for k, v := range id3.Priv.All() {
			info.Format.Tags.AddIfAbsent(k, v)
		}
	}
	return nil
}

func isLimit(err error) bool {
	return err != nil && errors.Is(err, container.ErrLimit)
}

// vbrTag is what mp3_parse_vbr_tags learns from the first frame.
type vbrTag struct {
	used          bool // frames or bytes known: the frame is skipped
	frameSize     int
	sampleRate    int
	spf           int
	frames, bytes uint32
	cbr           bool
	startSkip     int // encoder delay + 528 + 1, 0 without a LAME tag
	encoder       string
	encoderTag    bool
	// replayGain is the LAME tag's, set when the tag's CRC holds (as
	// the encoder name is).
	replayGain *container.ReplayGain
}

// readVBRTag reads the frame at off and its Xing/Info/VBRI header, as
// mp3_parse_vbr_tags and mp3_parse_info_tag do. It returns nil when the
// frame is not Layer III or not a frame.
func readVBRTag(src container.Source, off int64) (*vbrTag, error) {
	size := src.Size()
	if off < 0 || off > size-4 {
		return nil, nil
	}
	n := min(int64(mpegaudio.InfoTagSize), size-off)
	b, err := demuxkit.ReadAt(src, off, n, format, "vbr tag")
	if err != nil {
		return nil, err
	}
	h, err := mpegaudio.DecodeBytes(b)
	if err != nil || h.Layer != 3 {
		return nil, nil
	}
	vt := &vbrTag{frameSize: h.FrameSize, sampleRate: h.SampleRate, spf: h.SamplesPerFrame()}
	if it, ok := mpegaudio.ParseInfoTag(b, h); ok {
		vt.cbr = it.CBR
		vt.frames, vt.bytes = it.Frames, it.Bytes
		// An "invalid concatenated file": the object is more than 1/16
		// larger than the stream the tag describes, so its frame count is
		// dropped (mp3_parse_info_tag).
		fsize := uint64(0)
		if size >= off+4 {
			fsize = uint64(size - off - 4)
		}
		if hb := uint64(it.Bytes); fsize != 0 && hb != 0 {
			lo, hi := min(fsize, hb), max(fsize, hb)
			if fsize > hb && hi-lo > lo>>4 {
				vt.frames = 0
			}
		}
		if it.Gapless {
			vt.startSkip = it.Delay + 528 + 1
		}
		if it.CRCValid {
			vt.encoder, vt.encoderTag = it.Encoder, true
			rg := lameReplayGain(b, h, it.Flags)
			vt.replayGain = &rg
		}
	}
	if v, ok := mpegaudio.ParseVBRI(b); ok {
		vt.bytes, vt.frames = v.Bytes, v.Frames
	}
	vt.used = vt.frames != 0 || vt.bytes != 0
	return vt, nil
}

// frameAt returns the header at pos when it is a usable frame header, as
// mp3dec.c check() does.
func frameAt(src container.Source, pos int64) (mpegaudio.Header, bool) {
	var b [4]byte
	if n, _ := src.ReadAt(b[:], pos); n < 4 {
		return mpegaudio.Header{}, false
	}
	h, err := mpegaudio.DecodeBytes(b[:])
	return h, err == nil
}

// skipJunk finds the first of two consecutive frames of one stream within
// 64 KiB of off, as mp3_read_header does. Like ffmpeg, it fails when the
// search or a frame's successor runs past the end of the object (ffmpeg
// cannot seek there and gives up on the file). The scan reads in chunks.
func skipJunk(src container.Source, off int64) (int64, error) {
	size := src.Size()
	// A sliding window of junkChunk bytes: a clean file costs one small
	// read, a file with junk one read per chunk it scans.
	var win []byte
	winOff := int64(-1)
	var werr error
	at := func(p int64) (mpegaudio.Header, bool) {
		if p < 0 || p > size-4 {
			return mpegaudio.Header{}, false
		}
		if winOff < 0 || p < winOff || p > winOff+int64(len(win))-4 {
			// The window holds a chunk of candidates plus the largest
			// frame after the last one, so the successor checks of one
			// chunk do not move it.
			n := min(size-p, junkChunk+maxFrameSize+4)
			b, err := demuxkit.ReadAt(src, p, n, format, "frame sync")
			if err != nil {
				werr = err
				return mpegaudio.Header{}, false
			}
			win, winOff = b, p
		}
		h, err := mpegaudio.DecodeBytes(win[p-winOff:])
		return h, err == nil
	}
	for i := int64(0); i < junkScan; i++ {
		p := off + i
		if p > size {
			return 0, demuxkit.Errorf(format, "frame sync", p, container.ErrTruncated,
				"no two consecutive frames before the end of the object")
		}
		h, ok := at(p)
		if werr != nil {
			return 0, werr
		}
		if !ok {
			continue
		}
		if int64(h.FrameSize) > size-p {
			return 0, demuxkit.Errorf(format, "frame header", p, container.ErrTruncated,
				"frame of %d bytes runs past the end of the object", h.FrameSize)
		}
		if h2, ok := at(p + int64(h.FrameSize)); ok && h.Raw&mpegaudio.MP3Mask == h2.Raw&mpegaudio.MP3Mask {
			return p, nil
		}
		if werr != nil {
			return 0, werr
		}
	}
	return off, nil
}
