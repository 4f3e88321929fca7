package mp4

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/esds"
	flaccodec "github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/container"
)

// readEsds reads the ES_Descriptor (codec/esds): the objectTypeIndication
// chooses the codec and, for AAC, the AudioSpecificConfig gives the
// channels and the sample rate, which ffprobe shows over the sample
// entry's.
func (d *demuxer) readEsds(t *track, p []byte) {
	st := t.st
	e := esds.Parse(p)
	if !e.HasConfig {
		return
	}
	// ff_mp4_read_dec_config_descr: the average bit rate is the
	// stream's until the index gives one (a track with samples and a
	// duration), as in an init segment.
	st.BitRate = int64(e.AvgBitRate)
	if id, _ := esds.Lookup(e.ObjectType); id != "" {
		st.CodecName = id
	}
	dsi := e.Specific
	if len(dsi) == 0 {
		return
	}
	st.ExtradataSize = len(dsi)
	if st.Type == container.Video && len(dsi) <= maxCodecConfig {
		t.config = append(t.config[:0], dsi...) // the decoder's extradata
	}
	if st.CodecName != "aac" {
		return
	}
	a, err := aac.ParseAudioSpecificConfig(dsi)
	if err != nil {
		return
	}
	t.asc, t.hasASC = a, true
	// What ff_mp4_read_dec_config_descr and then the decoder set: the
	// output rate (SBR's when signalled) and channels, not the entry's.
	st.Channels = a.OutputChannels()
	st.SampleRate = a.OutputSampleRate()
	st.CodecName = a.CodecName()
}

// readDfla reads the FLACSpecificBox: a version, then one metadata block
// that must be a 34-byte STREAMINFO (mov_read_dfla), which becomes the
// extradata; the FLAC decoder opened with it reports the stream's
// parameters (codec/flac).
func (d *demuxer) readDfla(t *track, p []byte) {
	if len(p) < 4+4+flaccodec.StreamInfoSize {
		return
	}
	hdr := p[4:8]
	if hdr[0]&0x7f != 0 || int(hdr[1])<<16|int(hdr[2])<<8|int(hdr[3]) != flaccodec.StreamInfoSize {
		return
	}
	st := t.st
	st.ExtradataSize = flaccodec.StreamInfoSize
	si, err := flaccodec.ParseStreamInfo(p[8 : 8+flaccodec.StreamInfoSize])
	if err != nil {
		return
	}
	_ = si.Describe(st) // a block the decoder refuses leaves its fields unknown
}

// finalizeCodec applies mov_finalize_stsd_codec and what
// avformat_find_stream_info learns from opening the decoder: the sample
// format, the AAC profile, the channel layout, the forced AMR parameters.
func (d *demuxer) finalizeCodec(t *track) {
	st := t.st
	if st.Type != container.Audio {
		return
	}
	if st.SampleRate == 0 && t.timeScale > 1 {
		st.SampleRate = int(t.timeScale)
	}
	switch st.CodecName {
	case "qcelp":
		st.Channels, st.ChannelLayout = 1, "mono"
		if t.format != "Qclp" {
			st.SampleRate = 8000
		}
	case "amr_nb":
		st.Channels, st.ChannelLayout, st.SampleRate = 1, "mono", 8000
	case "amr_wb":
		st.Channels, st.ChannelLayout, st.SampleRate = 1, "mono", 16000
	case "alac":
		switch {
		case st.BitsPerRawSample == 16:
			st.SampleFmt = "s16p"
		case st.BitsPerRawSample > 16:
			st.SampleFmt = "s32p"
		}
	case "aac":
		if t.hasASC {
			st.ChannelLayout = t.asc.Layout()
		}
	case "opus":
		if st.ExtradataSize == 0 {
			// No dOps: the decoder opens for one or two channels only,
			// mono or stereo (ff_opus_parse_extradata without extradata).
			st.ChannelLayout = codec.LayoutName(codec.DecoderLayout("opus", st.Channels))
		}
	}
	if st.SampleFmt == "" {
		st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
	}
	if st.BitsPerRawSample == 0 {
		// What the decoder sets as it opens (pcm_decode_init: the
		// width of the PCM codecs decoded to 32-bit samples).
		st.BitsPerRawSample = codec.BitsPerRawSample(st.CodecName)
	}
	if st.ChannelLayout == "" && st.CodecName != "opus" { // Opus: dOps or the case above
		if m := codec.DecoderLayout(st.CodecName, st.Channels); m != 0 {
			// The decoder's own layout for the count (FLAC, ALAC, MPEG
			// audio) and, for the speech codecs, its channel count.
			st.Channels, st.ChannelLayout = codec.LayoutChannels(m), codec.LayoutName(m)
		} else if layoutDecoders[st.CodecName] {
			// These decoders take the layout from the bitstream; the
			// default layout for the count stands for it. PCM and the
			// others leave it unspecified, and ffprobe prints none.
			st.ChannelLayout = codec.DefaultLayout(st.Channels)
		}
	}
}

// layoutDecoders are the decoders whose layout comes from the bitstream
// (the first frame, or a configuration mediaprobe did not find), given
// the default layout for the channel count.
var layoutDecoders = map[string]bool{
	"ac3": true, "eac3": true, "dts": true, "truehd": true, "mlp": true, "aac": true,
}
