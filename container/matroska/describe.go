package matroska

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/av1"
	"github.com/mediaprobe/mediaprobe/codec/dnxhd"
	"github.com/mediaprobe/mediaprobe/codec/dts"
	"github.com/mediaprobe/mediaprobe/codec/dvdsub"
	"github.com/mediaprobe/mediaprobe/codec/ffv1"
	"github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/codec/h264"
	"github.com/mediaprobe/mediaprobe/codec/hevc"
	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/codec/mlp"
	"github.com/mediaprobe/mediaprobe/codec/mpeg4"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/codec/mpegvideo"
	"github.com/mediaprobe/mediaprobe/codec/opus"
	"github.com/mediaprobe/mediaprobe/codec/pgs"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/codec/prores"
	"github.com/mediaprobe/mediaprobe/codec/theora"
	"github.com/mediaprobe/mediaprobe/codec/vorbis"
	"github.com/mediaprobe/mediaprobe/codec/vp8"
	"github.com/mediaprobe/mediaprobe/codec/vp9"
	"github.com/mediaprobe/mediaprobe/codec/wavpack"
	"github.com/mediaprobe/mediaprobe/container"
)

// finishStreams sets each track's start and lets the codecs fill what
// their decoders and parsers report from the extradata and the first
// frame; then the attached pictures are described from their bytes.
func (d *demuxer) finishStreams() {
	for _, t := range d.tracks {
		st := t.st
		if st == nil {
			continue
		}
		st.StartPTS = t.firstPTS
		if !t.seen {
			d.describe(t)
		}
		if st.CodecName == "h264" && !t.delayKnown && t.count <= h264GuessFrames && !d.scanBounded {
			// Matroska blocks have no decoding timestamps: FFmpeg guesses
			// them, and so the start time, only once the decoding delay is
			// (has_decode_delay_been_guessed), here after 7 decoded frames,
			// from the packet after them, which the stream does not have.
			st.StartPTS = container.NoPTS
		}
		if reorderedTooShort(st.CodecName, st.HasBFrames, t.count) && !d.scanBounded {
			// With a known delay the first decoding timestamp is guessed
			// from the presentation times of has_b_frames packets
			// (select_from_pts_buffer), one more for H.264, whose
			// decoder's delay is known only once a frame is decoded.
			st.StartPTS = container.NoPTS
		}
		if st.Type == container.Video {
			frameRates(t, st)
		}
	}
	for _, a := range d.attachments {
		if a.st != nil && a.st.Picture != nil {
			_ = picture.Describe(a.st, d.src, a.dataOff, a.dataLen, *a.mime)
		}
	}
}

// reorderedTooShort reports a stream of reordered frames too short for
// FFmpeg to guess a decoding timestamp: an H.264 track of fewer than
// has_b_frames+2 blocks, an HEVC one of fewer than has_b_frames+1.
func reorderedTooShort(codecName string, hasBFrames, blocks int) bool {
	switch {
	case hasBFrames <= 0:
		return false
	case codecName == "h264":
		return blocks < hasBFrames+2
	case codecName == "hevc":
		return blocks < hasBFrames+1
	}
	return false
}

// h264GuessFrames is how many decoded frames has_decode_delay_been_guessed
// waits for when the SPS does not decide the H.264 decoding delay.
const h264GuessFrames = 7

// describe lets the codec describe the track once its first frame is
// read (or none is), and sets what find_stream_info then waits for.
func (d *demuxer) describe(t *track) {
	if t.encodings == 1 && t.encType != 0 && t.first != nil {
		// An encrypted track's frames reach no decoder or parser (ffprobe
		// reports neither the AC-3 layout nor the VP9 pixel format), the
		// VP9 parser's profile excepted.
		if t.st.CodecName == "vp9" {
			if p, ok := vp9.ParserProfile(t.first); ok {
				t.st.Profile = vp9.ProfileName(p)
			}
		}
		t.first = nil
	}
	switch t.st.Type {
	case container.Video:
		describeVideo(t, t.st)
		t.need = videoNeed(t)
	case container.Audio:
		describeAudio(t, t.st)
	case container.Subtitle:
		if t.st.CodecName == "dvd_subtitle" {
			// The decoder reads the size from the .idx text in the
			// extradata.
			if w, h, ok := dvdsub.Size(t.priv); ok {
				t.st.Width, t.st.Height = w, h
			}
		}
		if t.st.CodecName == "hdmv_pgs_subtitle" {
			if w, h, ok := pgs.VideoSize(t.first); ok {
				t.st.Width, t.st.Height = w, h
			}
		}
	}
}

// describeVideo applies the video decoders: the container's fields are
// set, and the codec keeps or replaces them as the decoder does.
func describeVideo(t *track, st *container.Stream) {
	switch st.CodecName {
	case "h264":
		p, _ := h264.ParseExtradata(t.priv)
		if p == nil {
			if len(t.priv) == 0 && t.first != nil {
				// Annex B in the blocks, no configuration.
				st.ExtradataSize = 0
				h264.ScanAnnexB(t.first)
			}
			return
		}
		p.Fill(st)
		if s := p.Active(); s != nil {
			if n, ok := s.HasBFrames(); ok && n > 0 && n == st.HasBFrames {
				t.delayKnown = true
			}
			t.codecRate, _ = s.FrameRate()
		}
		if st.FieldOrder == "" {
			// The parser's field order fills in where the container
			// (FlagInterlaced) said nothing.
			if order := p.PictureFieldOrder(t.first, p.NALLengthSize); order != "" {
				st.FieldOrder = order
			}
		}
	case "hevc":
		if x, _ := hevc.ParseExtradata(t.priv); x != nil {
			_ = x.Describe(st)
		}
	case "av1":
		_, _ = av1.Describe(st, t.priv, t.first)
	case "vp8":
		if h, _ := vp8.ParseFrameHeader(t.first); h != nil {
			h.FillStream(st)
		}
	case "vp9":
		// Matroska runs the VP9 parser, which reports the profile of any
		// packet (an encrypted one too).
		if p, ok := vp9.ParserProfile(t.first); ok {
			st.Profile = vp9.ProfileName(p)
		}
		if h, _ := vp9.ParseHeader(t.first); h != nil {
			h.FillStream(st)
		}
	case "mpeg4":
		b := t.priv
		if len(b) == 0 {
			b = t.first
		}
		if c, _ := mpeg4.Parse(b); c != nil {
			c.Fill(st)
		}
	case "mpeg1video", "mpeg2video":
		if st.ExtradataSize == 0 {
			st.ExtradataSize = mpegvideo.ExtradataSize(t.first)
		}
		b := append(append([]byte(nil), t.priv...), t.first...)
		if h, _ := mpegvideo.Parse(b); h != nil {
			h.Fill(st)
		}
	case "mjpeg":
		_ = jpeg.DescribeFrame(st, t.first, len(t.first))
	case "theora":
		if b, ok := xiphFirst(t.priv); ok {
			if id, err := theora.ParseIdentification(b); err == nil {
				_ = id.Describe(st)
			}
		}
	case "prores":
		if f := t.first; f != nil {
			size := min(t.firstSize, 1<<31-9)
			if len(f) < 8 || string(f[4:8]) != "icpf" {
				// Matroska stores the frames without their size and
				// 'icpf' atom header, which matroska_parse_prores
				// restores for the decoder.
				h := make([]byte, 8, 8+len(f))
				binary.BigEndian.PutUint32(h, uint32(size+8))
				copy(h[4:], "icpf")
				f, size = append(h, f...), size+8
			}
			_ = prores.Describe(st, f, int(size))
		} else {
			prores.DescribeTag(st)
		}
	case "dnxhd":
		_ = dnxhd.Describe(st, t.first, int(min(t.firstSize, 1<<31-1)))
	case "png", "gif":
		// Each frame is an image, whose header the decoder reads as it
		// does a cover's.
		if t.first != nil {
			sar := st.SampleAspectRatio
			_ = picture.DescribeBytes(st, t.first, "image/"+st.CodecName)
			if sar.Valid() {
				st.SampleAspectRatio = sar // the container's, which ffprobe prefers
			}
		}
	case "ffv1":
		ffv1.Describe(st, t.priv, t.first)
	case "rawvideo":
		// rawdec.c raw_init: by the fourcc (V_UNCOMPRESSED's ColourSpace
		// or the VfW tag), else the bit count.
		st.PixFmt = codec.RawVideoPixFmt(st.CodecTag, st.BitsPerSample)
	default:
		// The decoders that choose their output format when opened.
		if !codec.DescribeInit(st, st.BitsPerSample, t.priv) {
			if pf := codec.FramePixFmt(st.CodecName, t.first, int(min(t.firstSize, 1<<31-1))); pf != "" {
				st.PixFmt = pf
			}
		}
	}
}

// describeAudio applies the audio decoders, from the CodecPrivate or the
// first frame.
func describeAudio(t *track, st *container.Stream) {
	switch st.CodecName {
	case "aac":
		if a, err := aac.ParseAudioSpecificConfig(t.priv); err == nil {
			st.Channels = a.OutputChannels()
			st.SampleRate = a.OutputSampleRate()
			st.ChannelLayout = a.Layout()
			if t.first != nil {
				st.Profile = a.Profile()
			}
		}
	case "opus":
		st.SampleRate = 48000
		if h, err := opus.ParseHead(t.priv); err == nil {
			st.Channels = int(h.ChannelCount)
			st.ChannelLayout = h.ChannelLayout()
		} else {
			st.ChannelLayout = codec.LayoutName(codec.DecoderLayout("opus", st.Channels))
		}
	case "wavpack":
		wavpack.DescribeMatroskaFrame(st, t.first)
	case "truehd", "mlp":
		// Matroska runs the MLP parser after the decoder.
		if m, err := mlp.ParseAccessUnit(t.first); err == nil {
			m.DescribeParsed(st)
		}
	case "vorbis":
		if id, ok := vorbisID(t.priv); ok {
			st.Channels = int(id.AudioChannels)
			st.SampleRate = int(id.AudioSampleRate)
			st.ChannelLayout = vorbis.ChannelLayout(st.Channels)
		}
	case "flac":
		// The extradata is the STREAMINFO (flacExtradata).
		if len(t.priv) == flac.StreamInfoSize {
			if si, err := flac.ParseStreamInfo(t.priv); err == nil {
				_ = si.Describe(st)
				if m := t.flacMask; m != 0 && codec.LayoutChannels(m) == st.Channels {
					// ff_flac_set_channel_layout keeps the container's
					// layout when its channel count is STREAMINFO's.
					st.ChannelLayout = codec.LayoutName(m)
				}
			}
		}
	case "tta":
		// tta_decode_init, from the TTA1 header of ttaExtradata: the
		// sample format by bytes per sample (8, 16 or 24 bits).
		if len(t.priv) == ttaExtradataSize {
			bits := int(binary.LittleEndian.Uint16(t.priv[8:]))
			if f := [...]string{"", "u8", "s16", "s32"}; (bits+7)/8 < len(f) {
				st.SampleFmt = f[(bits+7)/8]
				st.BitsPerRawSample = bits
			}
			n := int(binary.LittleEndian.Uint16(t.priv[6:]))
			if m := codec.DecoderLayout("tta", n); m != 0 {
				st.ChannelLayout = codec.LayoutName(m)
			} else if codec.TTANoLayout(n) {
				st.Channels = 0
			}
		}
	case "alac":
		if c := t.priv; len(c) >= 12+24 {
			c = c[12:]
			st.BitsPerRawSample = int(c[5])
			st.Channels = int(c[9])
			st.SampleRate = int(binary.BigEndian.Uint32(c[20:]))
			switch {
			case st.BitsPerRawSample == 16:
				st.SampleFmt = "s16p"
			case st.BitsPerRawSample > 16:
				st.SampleFmt = "s32p"
			}
		}
	case "ac3", "eac3":
		if p, err := ac3.ParsePacket(t.first); err == nil {
			p.Describe(st)
		}
	case "dts":
		if f, err := dts.ParseFrame(t.first); err == nil {
			f.Describe(st)
		}
	case "mp1", "mp2", "mp3":
		if h, err := mpegaudio.DecodeBytes(t.first); err == nil {
			st.Channels = h.Channels
			st.ChannelLayout = h.ChannelLayout()
			st.SampleRate = h.SampleRate
			st.BitRate = int64(h.BitRate)
		}
	}
	if st.SampleFmt == "" {
		st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
	}
	if st.ChannelLayout == "" {
		if m := codec.DecoderLayout(st.CodecName, st.Channels); m != 0 {
			st.Channels, st.ChannelLayout = codec.LayoutChannels(m), codec.LayoutName(m)
		}
	}
	if st.BitsPerRawSample == 0 {
		st.BitsPerRawSample = codec.BitsPerRawSample(st.CodecName)
	}
	if st.BitRate == 0 {
		// avcodec_open2 gives PCM-like codecs their nominal rate.
		if bps := codec.BitsPerSample(st.CodecName); bps > 0 && st.SampleRate > 0 && st.Channels > 0 &&
			int64(st.Channels) <= (1<<62)/int64(st.SampleRate)/int64(bps) {
			st.BitRate = int64(st.SampleRate) * int64(st.Channels) * int64(bps)
		}
	}
}

// vorbisID finds the identification header in a Vorbis CodecPrivate.
func vorbisID(b []byte) (vorbis.Identification, bool) {
	p, ok := xiphFirst(b)
	if !ok {
		return vorbis.Identification{}, false
	}
	id, err := vorbis.ParseIdentification(p)
	return id, err == nil
}

// xiphFirst returns the first of the three headers of a Vorbis or Theora
// CodecPrivate, which are in Xiph lacing: a count of 2, two sizes (runs
// of 255 and a last byte), then the data.
func xiphFirst(b []byte) ([]byte, bool) {
	if len(b) < 3 || b[0] != 2 {
		return nil, false
	}
	i := 1
	var size int
	for i < len(b) {
		size += int(b[i])
		i++
		if b[i-1] != 0xff {
			break
		}
	}
	for i < len(b) && b[i] == 0xff { // the second size
		i++
	}
	i++
	if i > len(b) || size > len(b)-i {
		return nil, false
	}
	return b[i : i+size], true
}
