package es

import (
	"encoding/binary"
	"math/bits"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/dts"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
)

// DescribeAudio fills st from data, the first bytes of an audio elementary
// stream of codec st.CodecName (mp1/mp2/mp3, ADTS aac, ac3/eac3, dts), as
// the parser and decoder do on the first packets of an MPEG-TS or MPEG-PS
// stream. It returns the samples of one frame, which FFmpeg's
// compute_frame_duration gives a packet of the stream (0 when unknown),
// and whether the stream was described. DTS and E-AC-3 give 0: FFmpeg
// gives their packets no duration.
func DescribeAudio(st *container.Stream, data []byte) (frameSamples int, ok bool) {
	switch st.CodecName {
	case "mp1", "mp2", "mp3":
		return mpegAudio(st, data, nil, st.CodecName)
	case "aac":
		return adts(st, data)
	case "aac_latm":
		return latm(st, data)
	case "ac3", "eac3":
		return ac3Audio(st, data)
	case "dts":
		return dtsAudio(st, data)
	}
	return 0, false
}

// mpegAudio runs the mpegaudio parser's header search over data: a frame
// header counts once the headers before it agree (a header of another
// layer than the container declared needs one more), and a byte that
// starts no header after the first four resets the count. The first
// header that counts describes the stream and names the codec.
//
// declared is the codec the container declared, "" when the content was
// probed first. ends are the ends of the packets in data (nil: one
// packet): the parser takes each packet as a buffer of its own, and the
// count is reset only past a buffer's first four bytes, which a packet's
// start, like a frame's end, begins again. The header state runs on
// across packets.
//
// When no header counts, the decoder still describes the stream from the
// first packet the parser gives it that starts with a header: the parser
// cuts its output at the end of every frame it skips, counted or not
// (mpegaudio_decode_frame takes the header at the start of its packet).
func mpegAudio(st *container.Stream, data []byte, ends []int, declared string) (int, bool) {
	return mpegAudioUpTo(st, data, ends, declared, averageFirst)
}

// How mpegAudioUpTo sets the bit rate.
const (
	averageFirst = iota // the first header's (DescribeAudio: other containers)
	averageFiveS        // the parser's average over 5 s of frames (MPEG-TS/PS)
	averageAll          // the parser's average over all of data
)

// mpegAudioUpTo is mpegAudio with the bit rate as average says.
func mpegAudioUpTo(st *container.Stream, data []byte, ends []int, declared string, average int) (int, bool) {
	count := 0
	var header, state uint32
	// The parser's bit rate: a running integer average over the headers
	// that count (avctx->bit_rate += (rate - avg) / n, n the headers
	// counted since the last reset), up to the end of the analysis: 5 s
	// of frames after the first two.
	described := false
	samples := 0
	var avg int64
	frames := 0
	parserCodec := st.CodecName
	decodable := -1 // the first parser output that starts with a header
	if validHeader(data) {
		decodable = 0
	}
	for i, start := 0, 0; i < len(data); {
		for len(ends) > 0 && ends[0] <= i {
			if ends[0] == i {
				start = i
			}
			ends = ends[1:]
		}
		state = state<<8 | uint32(data[i])
		i++
		h, err := mpegaudio.Decode(state)
		if err != nil || h.FrameSize < 4 {
			if i-start > 4 {
				count = -2
			}
			continue
		}
		threshold := 0
		if declared != "" && declared != h.CodecName() {
			threshold = 1
		}
		if header != 0 && !mpegaudio.SameStream(state, header) {
			count = -3
		}
		header = state
		count++
		if count > threshold {
			if !described {
				// The decoder is the container's codec (mp3float for
				// MPEG-TS's mp3, mp2 for MPEG-PS), opened before the
				// parser renames the codec after the layer: its sample
				// format is what ffprobe prints.
				decoder := declared
				if decoder == "" {
					decoder = h.CodecName()
				}
				st.CodecName = h.CodecName()
				st.SampleRate = h.SampleRate
				st.Channels = h.Channels
				st.ChannelLayout = codec.LayoutName(codec.DecoderLayout(st.CodecName, h.Channels))
				st.SampleFmt = codec.SampleFormat(decoder, h.Channels)
				samples = h.SamplesPerFrame()
				described = true
			}
		}
		// The parser's threshold is one more header while the codec it
		// was given (the container's, or the probe's) is not the one of
		// the header; the first header that counts renames it.
		parserThreshold := 0
		if parserCodec != "" && parserCodec != h.CodecName() {
			parserThreshold = 1
		}
		if count > parserThreshold {
			parserCodec = h.CodecName()
			avg += (int64(h.BitRate) - avg) / int64(count-parserThreshold)
			st.BitRate = avg
			frames++
			if average == averageFirst && described {
				st.BitRate = int64(h.BitRate)
				return samples, true
			}
			if average == averageFiveS && described && h.SampleRate > 0 && int64(frames-3)*int64(h.SamplesPerFrame())*1000000 >= maxAnalyzeMicros*int64(h.SampleRate) {
				return samples, true
			}
		}
		// The rest of the frame is skipped; the search resumes after it.
		i += h.FrameSize - 4
		start, state = i, 0
		if decodable < 0 && i < len(data) && validHeader(data[i:]) {
			decodable = i
		}
	}
	if described {
		return samples, true
	}
	if decodable < 0 {
		return 0, false
	}
	h, _ := mpegaudio.Decode(binary.BigEndian.Uint32(data[decodable:]))
	decoder := st.CodecName
	if decoder == "" {
		decoder = h.CodecName()
	}
	st.CodecName = decoder
	st.SampleRate = h.SampleRate
	st.Channels = h.Channels
	st.ChannelLayout = codec.LayoutName(codec.DecoderLayout(decoder, h.Channels))
	st.SampleFmt = codec.SampleFormat(decoder, h.Channels)
	st.BitRate = int64(h.BitRate)
	// The packet's duration comes from the codec, not the header
	// (av_get_audio_frame_duration2 without a frame size).
	if decoder == "mp1" {
		return 384, true
	}
	return 1152, true
}

// validHeader reports whether b starts with an MPEG audio frame header
// the decoder accepts.
func validHeader(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	_, err := mpegaudio.Decode(binary.BigEndian.Uint32(b))
	return err == nil
}

// maxAnalyzeMicros is avformat_find_stream_info's max_analyze_duration.
const maxAnalyzeMicros = 5000000

// adts describes the first ADTS frame and gives the stream the running
// integer average of the frames' bit rates, avg += (rate-avg)/n, as
// aac_ac3_parser.c computes it over the frames it parses.
func adts(st *container.Stream, data []byte) (int, bool) {
	first := -1
	var h0 aac.ADTSHeader
	for i := 0; i+aac.ADTSHeaderSize <= len(data); i++ {
		if !aac.IsADTSSync(data[i:]) {
			continue
		}
		h, err := aac.ParseADTSHeader(data[i : i+aac.ADTSHeaderSize])
		if err != nil {
			continue
		}
		first, h0 = i, h
		break
	}
	if first < 0 {
		return 0, false
	}
	st.Profile = aac.ProfileName(h0.ObjectType())
	st.SampleRate = h0.SampleRate()
	st.Channels = aac.Channels(h0.ChannelConfig)
	st.ChannelLayout = aac.ChannelLayout(h0.ChannelConfig)
	st.SampleFmt = codec.SampleFormat("aac", st.Channels)
	var avg, n int64
	for p := first; p+aac.ADTSHeaderSize <= len(data); {
		h, err := aac.ParseADTSHeader(data[p : p+aac.ADTSHeaderSize])
		if err != nil || h.FrameLength < aac.ADTSHeaderSize || p+h.FrameLength > len(data) {
			break
		}
		n++
		avg += (h.BitRate() - avg) / n // Go and C both truncate toward zero
		p += h.FrameLength
		// avformat_find_stream_info stops at the packet whose stream has
		// been analysed for max_analyze_duration (5 s), counting the
		// durations of the packets after the first.
		if rate := int64(h.SampleRate()); rate > 0 && ((n-1)*1024*1000000+rate/2)/rate >= maxAnalyzeMicros {
			break
		}
	}
	if n == 0 {
		avg = h0.BitRate()
	}
	st.BitRate = avg
	return 1024, true
}

// ac3Audio decodes the first AC-3 or E-AC-3 packet.
func ac3Audio(st *container.Stream, data []byte) (int, bool) {
	for i := 0; i+2 <= len(data); i++ {
		if data[i] != 0x0B || data[i+1] != 0x77 {
			continue
		}
		p, err := ac3.ParsePacket(data[i:])
		if err != nil {
			continue
		}
		if p.Independent.IsEAC3() {
			st.CodecName = "eac3"
		} else {
			st.CodecName = "ac3"
		}
		p.Describe(st)
		if st.CodecName == "eac3" {
			// Only AC-3 has a fixed frame duration in FFmpeg
			// (get_audio_frame_duration); E-AC-3 packets get none.
			return 0, true
		}
		return p.Independent.Samples(), true
	}
	return 0, false
}

// dtsAudio decodes the first DTS frame.
func dtsAudio(st *container.Stream, data []byte) (int, bool) {
	f, err := dts.ParseFrame(data)
	if err != nil {
		return 0, false
	}
	f.Describe(st)
	return 0, true
}

func isMPEGAudio(name string) bool { return name == "mp1" || name == "mp2" || name == "mp3" }

// latm describes the first LOAS frame (ISO/IEC 14496-3 1.7.3) whose
// AudioMuxElement carries a StreamMuxConfig of audioMuxVersion 0, as the
// aac_latm decoder reads it: the AudioSpecificConfig starts at its 41st
// bit, byte-aligned, and the bytes it takes are the decoder's extradata.
func latm(st *container.Stream, data []byte) (int, bool) {
	for i := 0; i+8 <= len(data); i++ {
		if data[i] != 0x56 || data[i+1]&0xE0 != 0xE0 {
			continue
		}
		mux := data[i+3]
		// useSameStreamMux 0, audioMuxVersion 0.
		if mux&0xC0 != 0 {
			continue
		}
		asc := data[i+5:]
		n := ascBytes(asc)
		if n == 0 || n > len(asc) {
			continue
		}
		a, err := aac.ParseAudioSpecificConfig(asc[:n])
		if err != nil {
			continue
		}
		st.ExtradataSize = n
		st.Profile = a.Profile()
		st.SampleRate = a.OutputSampleRate()
		st.Channels = a.OutputChannels()
		st.ChannelLayout = a.Layout()
		st.SampleFmt = codec.SampleFormat("aac_latm", st.Channels)
		return latmFrameSamples(a), true
	}
	return 0, false
}

// latmFrameSamples is the frame_size the AAC decoder sets once it has
// decoded a frame (aac_decode_frame_int): 1024 samples, or 960 with
// frameLengthFlag, doubled when explicit SBR raises the output rate.
// compute_frame_duration gives the packets that duration in the tail.
func latmFrameSamples(a aac.AudioSpecificConfig) int {
	n := 1024
	if a.FrameLengthShort {
		n = 960
	}
	if a.SBR && a.ExtSampleRate > a.SampleRate {
		n *= 2
	}
	return n
}

// ascBytes is the length in bytes of the AudioSpecificConfig at the
// start of b for the common object types (GASpecificConfig without
// extensions), 0 when b is too short to tell.
func ascBytes(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	bits := uint64(0)
	for _, c := range b[:min(len(b), 8)] {
		bits = bits<<8 | uint64(c)
	}
	total := min(len(b), 8) * 8
	at := func(pos, n int) int {
		if pos+n > total {
			return -1
		}
		return int(bits >> (total - pos - n) & (1<<n - 1))
	}
	pos := 0
	ot := at(pos, 5)
	pos += 5
	if ot == 31 {
		ot = 32 + at(pos, 6)
		pos += 6
	}
	if at(pos, 4) == 15 {
		pos += 24
	}
	pos += 4 + 4 // sampling index, channel configuration
	if ot == 5 || ot == 29 {
		if at(pos, 4) == 15 {
			pos += 24
		}
		pos += 4 + 5
	}
	pos += 3 // GASpecificConfig: frameLengthFlag, dependsOnCoreCoder, extensionFlag
	if pos > total {
		return 0
	}
	return (pos + 7) / 8
}

// pcmBluray reads the 4-byte header of the first packet of a Blu-ray
// LPCM stream as pcm_bluray_parse_header does, and returns the samples of
// that packet (get_audio_frame_duration: the payload after the header
// over the channels, rounded up to a pair, times the sample size).
func pcmBluray(st *container.Stream, pkt []byte) (int, bool) {
	if len(pkt) < 4 {
		return 0, false
	}
	layouts := [16]uint64{0, codec.LayoutMono, 0, codec.LayoutStereo, codec.LayoutSurround, codec.Layout2_1,
		codec.Layout4Point0, codec.Layout2_2, codec.Layout5Point0, codec.Layout5Point1, codec.Layout7Point0, codec.Layout7Point1}
	bps := [4]int{0, 16, 20, 24}[pkt[3]>>6]
	rate := map[byte]int{1: 48000, 4: 96000, 5: 192000}[pkt[2]&0x0F]
	layout := layouts[pkt[2]>>4]
	if bps == 0 || rate == 0 || layout == 0 {
		return 0, false
	}
	ch := bits.OnesCount64(layout)
	st.SampleRate, st.Channels = rate, ch
	st.ChannelLayout = codec.LayoutName(layout)
	st.SampleFmt = "s16"
	if bps != 16 {
		st.SampleFmt = "s32"
		st.BitsPerRawSample = bps
	}
	pairs := (ch + 1) &^ 1
	st.BitRate = int64(pairs * rate * bps)
	return (len(pkt) - 4) / (pairs * bps / 8), true
}

// s302m reads the 4-byte AES3 header of the first packet of an SMPTE 302M
// stream as s302m_parse_frame_header does: 48 kHz, 2 to 8 channels of
// 16, 20 or 24 bits, and a bit rate that counts the header of each
// packet. FFmpeg gives its packets no duration.
func s302m(st *container.Stream, pkt []byte) (int, bool) {
	if len(pkt) <= 4 {
		return 0, false
	}
	h := binary.BigEndian.Uint32(pkt)
	size := int(h >> 16)
	ch := int(h>>14&3)*2 + 2
	bps := int(h>>4&3)*4 + 16
	if 4+size != len(pkt) || bps > 24 {
		return 0, false
	}
	st.SampleRate, st.Channels = 48000, ch
	st.SampleFmt, st.BitsPerRawSample = "s16", 16
	if bps > 16 {
		st.SampleFmt, st.BitsPerRawSample = "s32", 24
	}
	layout := map[int]uint64{2: codec.LayoutStereo, 4: codec.LayoutQuad, 6: codec.Layout5Point1Back,
		8: codec.Layout5Point1Back | codec.LayoutStereoDownmix}[ch]
	st.ChannelLayout = codec.LayoutName(layout)
	perSample := ch * (bps + 4)
	if n := len(pkt) * 8 / perSample; n > 0 {
		st.BitRate = int64(48000*perSample + 32*48000/n)
	}
	return 0, true
}

// adtsWalk calls f with each ADTS frame header in data, from the first
// valid one on, until a frame is cut short or a header is invalid.
func adtsWalk(data []byte, f func(aac.ADTSHeader)) {
	p := 0
	for ; p+aac.ADTSHeaderSize <= len(data); p++ {
		if aac.IsADTSSync(data[p:]) {
			if _, err := aac.ParseADTSHeader(data[p : p+aac.ADTSHeaderSize]); err == nil {
				break
			}
		}
	}
	for p+aac.ADTSHeaderSize <= len(data) {
		h, err := aac.ParseADTSHeader(data[p : p+aac.ADTSHeaderSize])
		if err != nil || h.FrameLength < aac.ADTSHeaderSize || p+h.FrameLength > len(data) {
			return
		}
		f(h)
		p += h.FrameLength
	}
}

// ADTSFrames returns the samples of each ADTS frame in data, a whole
// number of PES packets of the stream, as the aac parser splits them:
// what avformat_find_stream_info counts as its packets.
func ADTSFrames(data []byte) []int {
	var out []int
	adtsWalk(data, func(h aac.ADTSHeader) { out = append(out, h.Samples()) })
	return out
}

// ADTSBitRate is the running integer average of the bit rates of all the
// ADTS frames in data, as the aac parser leaves it after parsing them.
func ADTSBitRate(data []byte) int64 {
	var avg, n int64
	adtsWalk(data, func(h aac.ADTSHeader) {
		n++
		avg += (h.BitRate() - avg) / n
	})
	return avg
}

// MPEGAudioBitRate is the bit rate the mpegaudio parser leaves after
// parsing data, which ends where avformat_find_stream_info's analysis
// did; codecName is the stream's codec before any header renamed it,
// declared as for DescribeStream ("" when the content was probed).
func MPEGAudioBitRate(codecName string, data []byte, ends []int, declared string) int64 {
	st := &container.Stream{CodecName: codecName}
	mpegAudioUpTo(st, data, ends, declared, averageAll)
	return st.BitRate
}

// MPEGAudioFrames returns the samples of each MPEG audio frame in data,
// walked from the first valid header from one frame to the next, as the
// parser hands them on (get_audio_frame_duration: 384 for layer I, 576
// for layer III below 32 kHz, else 1152), and their sample rate.
func MPEGAudioFrames(data []byte) (samples []int, rate int) {
	p := 0
	for ; p+4 <= len(data) && !validHeader(data[p:]); p++ {
	}
	for p+4 <= len(data) {
		h, err := mpegaudio.Decode(binary.BigEndian.Uint32(data[p:]))
		if err != nil || h.FrameSize < 4 {
			break
		}
		n := 1152
		switch {
		case h.CodecName() == "mp1":
			n = 384
		case h.CodecName() == "mp3" && h.SampleRate <= 24000:
			n = 576
		}
		samples, rate = append(samples, n), h.SampleRate
		p += h.FrameSize
	}
	return samples, rate
}
