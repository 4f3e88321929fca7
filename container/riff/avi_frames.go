package riff

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/dts"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/codec/ffv1"
	"github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/codec/vp8"
	"github.com/mediaprobe/mediaprobe/codec/vp9"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// maxFirstPacket is how much of a stream's first packet is read: the
// codec headers (parameter sets, a VOL, JPEG tables, an audio frame
// header) are at its start.
const maxFirstPacket = 64 << 10

// maxSyncScan bounds the bytes the packet search steps over byte by byte
// (avi_sync's resynchronisation), and maxPacketBytes the bytes of first
// packets read for all streams together.
const (
	maxSyncScan    = 1 << 20
	maxPacketBytes = 4 << 20
)

// probeSize is FFmpeg's default probesize: how far into movi the first
// packets are looked for when there is no index.
const probeSize = 5000000

// syncWindow is how much the packet search reads at a time.
const syncWindow = 4 << 10

// syncWindowBuf is the bytes the packet search holds: buf, of which b (at
// off) is filled.
type syncWindowBuf struct {
	buf, b []byte
	off    int64
}

// packetRef locates one packet: the chunk header's offset and the payload
// size.
type packetRef struct {
	pos, size int64
}

// firstPacket returns the offset of the first packet chunk after the movi
// list type, found as avi_sync finds it, or 0 when there is none.
func (a *aviState) firstPacket() (int64, error) {
	p, _, ok, err := a.sync(a.moviList + 4)
	if err != nil || !ok {
		return 0, err
	}
	return p.pos, nil
}

// sync looks for the next packet chunk from off as avidec.c avi_sync does
// when it gathers a packet's position: a two-digit stream number of a
// stream that exists, a two-character type, and a size that fits in the
// file; JUNK, idx1, indx and ix## chunks are skipped by their size, a LIST
// header by its 12 bytes (its packets are read inside it), and anything
// else one byte at a time. It returns the packet, its stream and whether
// one was found within maxSyncScan bytes.
func (a *aviState) sync(off int64) (packetRef, int, bool, error) {
	nb := uint32(len(a.streams))
	// The window is kept from one search to the next, which usually
	// starts within it.
	byteAt := func(p int64) (uint32, bool) {
		if p < 0 || p >= a.ioFsize {
			return 0, false
		}
		w := &a.syncWin
		if w.b == nil || p < w.off || p >= w.off+int64(len(w.b)) {
			if cap(w.buf) == 0 {
				w.buf = make([]byte, syncWindow)
			}
			n, _ := a.src.ReadAt(w.buf[:min(int64(syncWindow), a.ioFsize-p)], p)
			if n <= 0 {
				return 0, false
			}
			w.b, w.off = w.buf[:n], p
		}
		return uint32(w.b[p-w.off]), true
	}
	digits := func(x, y uint32) uint32 {
		if x >= '0' && x <= '9' && y >= '0' && y <= '9' {
			return (x-'0')*10 + (y - '0')
		}
		return 100
	}
	stepped := int64(0)
restart:
	if err := a.src.Budget().Visit(aviName, "packet", off); err != nil {
		return packetRef{}, 0, false, err
	}
	d := [8]uint32{}
	for i := range d {
		d[i] = 0xFFFFFFFF
	}
	for i := off; ; i++ {
		c, ok := byteAt(i)
		if !ok {
			return packetRef{}, 0, false, nil
		}
		if stepped++; stepped > maxSyncScan {
			return packetRef{}, 0, false, nil
		}
		copy(d[:7], d[1:])
		d[7] = c
		size := int64(d[4] | d[5]<<8 | d[6]<<16 | d[7]<<24)
		if d[4] > 255 || d[5] > 255 || d[6] > 255 || i+size > a.fsize || d[0] > 127 {
			continue
		}
		skip := func(n int64) {
			off = i + 1 + n
		}
		n := digits(d[2], d[3])
		if d[0] == 'i' && d[1] == 'x' && n < nb ||
			d[0] == 'J' && d[1] == 'U' && d[2] == 'N' && d[3] == 'K' ||
			d[0] == 'i' && d[1] == 'd' && d[2] == 'x' && d[3] == '1' ||
			d[0] == 'i' && d[1] == 'n' && d[2] == 'd' && d[3] == 'x' {
			skip(size)
			goto restart
		}
		if d[0] == 'L' && d[1] == 'I' && d[2] == 'S' && d[3] == 'T' {
			skip(4)
			goto restart
		}
		n = digits(d[0], d[1])
		if i&1 == 0 && digits(d[1], d[2]) < nb {
			continue
		}
		if d[2] == 'i' && d[3] == 'x' && n < nb {
			skip(size)
			goto restart
		}
		if n < nb {
			if d[2] == 'p' && d[3] == 'c' && size <= 4*256+4 {
				skip(size) // a palette change, not a packet
				goto restart
			}
			if d[2] < 128 && d[3] < 128 {
				return packetRef{pos: i - 7, size: size}, int(n), true, nil
			}
		}
	}
}

// firstPackets returns the first packet of each stream: from the index
// where it has entries, else from the packets at the start of movi, read
// as avi_read_packet reads them.
func (a *aviState) firstPackets() ([]packetRef, error) {
	refs := make([]packetRef, len(a.streams))
	missing := 0
	for i, s := range a.streams {
		if s.entries > 0 {
			refs[i] = packetRef{pos: s.firstPos, size: s.firstSize}
		} else {
			refs[i].pos = -1
			missing++
		}
	}
	// avformat_find_stream_info reads at most probesize bytes of packets
	// (5 MB): a stream with no packet in them stays undescribed, and the
	// rest of movi is never walked.
	off := a.moviList + 4
	end := min(a.moviEnd, addClamp(off, probeSize))
	for missing > 0 && off < end {
		p, n, ok, err := a.sync(off)
		if err != nil || !ok {
			return refs, err
		}
		if refs[n].pos < 0 && p.size > 0 {
			refs[n] = p
			missing--
		}
		off = p.pos + 8 + p.size
	}
	return refs, nil
}

// describeStreams lets the codec packages fill in what FFmpeg's parsers
// and decoders report after the first packet of each stream.
func (a *aviState) describeStreams() error {
	refs, err := a.firstPackets()
	if err != nil {
		return err
	}
	var buf []byte
	total := int64(0)
	for i, s := range a.streams {
		st := s.st
		ref := refs[i]
		var pkt []byte
		if ref.pos >= 0 && ref.size > 0 && total < maxPacketBytes {
			n := min(ref.size, maxFirstPacket, max(a.ioFsize-(ref.pos+8), 0))
			if n > 0 {
				b, err := demuxkit.ReadScratch(a.src, &buf, ref.pos+8, n, aviName, "packet")
				if err != nil {
					return err
				}
				pkt = b
				total += n
			}
		}
		switch st.Type {
		case container.Video:
			a.describeVideo(s, pkt, ref.size)
		case container.Audio:
			a.describeAudio(s, pkt, ref)
		}
	}
	return nil
}

// describeVideo fills a video stream from its extradata and first packet.
func (a *aviState) describeVideo(s *aviStream, pkt []byte, size int64) {
	st := s.st
	var codecRate container.Rational
	defer func() { st.RFrameRate = rFrameRate(st, s.stamps, codecRate) }()
	switch st.CodecName {
	case "h264", "hevc", "mpeg4", "mpeg1video", "mpeg2video", "av1":
		data := pkt
		if len(s.extradata) > 0 {
			data = append(append([]byte(nil), s.extradata...), pkt...)
		}
		// A decoder configuration record (a stream copied from MP4 or
		// Matroska): length-prefixed NAL units or OBUs follow.
		if r, ok := es.Record(st, s.extradata, pkt); ok {
			codecRate = r
			break
		}
		if len(data) > 0 {
			exSize := st.ExtradataSize
			codecRate = es.Describe(st, data)
			if len(s.extradata) > 0 {
				st.ExtradataSize = exSize // the container's extradata is kept
			}
		}
		if st.CodecName == "mpeg4" && st.DecoderOptions == nil {
			// No VOL: the decoder still exports its options, and its
			// init's chroma location, which ffprobe prints.
			st.DecoderOptions = container.MPEG4Options{}
			st.ChromaLocation = "left"
		}
	case "mjpeg":
		if len(pkt) > 0 {
			_ = jpeg.DescribeFrame(st, pkt, int(min(size, 1<<31-1)))
		}
	case "vp8":
		if len(pkt) > 0 {
			h, _ := vp8.ParseFrameHeader(pkt)
			h.FillStream(st)
		}
	case "vp9":
		// The decoder's profile, format and range from the first frame.
		if h, _ := vp9.ParseHeader(pkt); h != nil {
			h.FillStream(st)
		}
	case "dvvideo":
		if pf := codec.DVPixFmt(pkt, int(min(size, 1<<31-1)), st.CodecTag, st.Width, st.Height); pf != "" {
			st.PixFmt, st.ChromaLocation = pf, "topleft"
		}
	case "png", "gif":
		// Each frame is an image, whose header the decoder reads as it
		// does a cover's.
		if len(pkt) > 0 {
			_ = picture.DescribeBytes(st, pkt, "image/"+st.CodecName)
		}
	case "ffv1":
		ffv1.Describe(st, s.extradata, pkt)
	case "rawvideo":
		st.PixFmt = codec.RawVideoPixFmt(st.CodecTag, s.bitCount)
	default:
		if !codec.DescribeInit(st, s.bitCount, s.extradata) {
			if pf := codec.FramePixFmt(st.CodecName, pkt, int(min(size, 1<<31-1))); pf != "" {
				st.PixFmt = pf
			}
		}
	}
	if s.vprpSAR.Valid() {
		st.SampleAspectRatio = s.vprpSAR
	}
}

// describeAudio fills an audio stream from its first packet.
func (a *aviState) describeAudio(s *aviStream, pkt []byte, ref packetRef) {
	st := s.st
	switch st.CodecName {
	case "mp1", "mp2", "mp3":
		// Chunks need not start on a frame (CBR audio with a sample size
		// is cut anywhere): the parser finds the first frame.
		if i := mpegAudioSync(pkt); i >= 0 {
			decodeMPEGAudio(a.src, st, ref.pos+8+int64(i))
		}
	case "aac":
		// The AudioSpecificConfig in the extradata, else an ADTS header.
		if len(s.extradata) > 0 {
			if c, err := aac.ParseAudioSpecificConfig(s.extradata); err == nil {
				st.Channels, st.SampleRate = c.OutputChannels(), c.OutputSampleRate()
				st.ChannelLayout, st.Profile = c.Layout(), c.Profile()
			}
		} else if h, err := aac.ParseADTSHeader(pkt); err == nil {
			st.SampleRate = h.SampleRate()
			if n := aac.Channels(h.ChannelConfig); n > 0 {
				st.Channels, st.ChannelLayout = n, aac.ChannelLayout(h.ChannelConfig)
			}
			st.Profile = aac.ProfileName(h.ObjectType())
		}
	case "dts":
		// The decoder's first frame (the parser finds it).
		for i := 0; i+4 <= len(pkt) && i < maxAudioSync; i++ {
			if f, err := dts.ParseFrame(pkt[i:]); err == nil {
				rate := st.BitRate
				f.Describe(st)
				if rate != 0 {
					st.BitRate = rate
				}
				break
			}
		}
	case "flac":
		// The decoder opens with the STREAMINFO in the extradata.
		if b, ok := flac.ExtradataStreamInfo(s.extradata); ok {
			if si, err := flac.ParseStreamInfo(b); err == nil {
				_ = si.Describe(st)
			}
		}
	case "ac3", "eac3":
		// The AC-3 decoder sets its frames' bit rate over the container's
		// (ac3dec.c), unlike the MPEG audio one (decodeMPEGAudio).
		for i := 0; i+1 < len(pkt) && i < maxAudioSync; i++ {
			if pkt[i] == 0x0B && pkt[i+1] == 0x77 || pkt[i] == 0x77 && pkt[i+1] == 0x0B {
				if p, err := ac3.ParsePacket(pkt[i:]); err == nil {
					p.Describe(st)
					break
				}
			}
		}
	}
}

// maxAudioSync is how far into a first audio packet a frame is looked for.
const maxAudioSync = 8 << 10

// mpegAudioSync returns the offset of the first MPEG audio frame header in
// b that the next frame's header confirms (when b holds it), or -1.
func mpegAudioSync(b []byte) int {
	for i := 0; i+4 <= len(b) && i < maxAudioSync; i++ {
		if b[i] != 0xFF {
			continue
		}
		h, err := mpegaudio.DecodeBytes(b[i:])
		if err != nil {
			continue
		}
		j := i + h.FrameSize
		if h.FrameSize <= 0 || j+4 > len(b) {
			return i
		}
		if n, err := mpegaudio.DecodeBytes(b[j:]); err == nil && mpegaudio.SameStream(h.Raw, n.Raw) {
			return i
		}
	}
	return -1
}

// rFrameRate is the r_frame_rate avformat_find_stream_info sets on an AVI
// video stream. AVI has one packet per tick of the stream's time base,
// less the empty chunks a muxer writes for dropped frames, which have no
// index entry; stamps are the index timestamps of the first packets.
// Where the time base is unreliable as the frame rate (tb_unreliable:
// H.264, HEVC and MPEG-2 always, else a time base, or codec frame rate,
// of 101 ticks a second or more or under 5) ff_rfps_calculate guesses the
// rate from the stamps; otherwise, and when it finds none, the rate is
// the time base's inverse.
func rFrameRate(st *container.Stream, stamps []int64, codecRate container.Rational) container.Rational {
	tb := st.TimeBase
	inverse := container.Rational{Num: tb.Den, Den: tb.Num}
	rate := inverse
	if codecRate.Valid() {
		rate = codecRate
	}
	unreliable := st.CodecName == "h264" || st.CodecName == "hevc" || st.CodecName == "mpeg2video" ||
		st.CodecTag == fourcc("mp4v") || rate.Num >= 101*rate.Den || rate.Num < 5*rate.Den
	if !unreliable || len(stamps) < 2 || !tb.Valid() {
		return inverse
	}
	var deltas []int64
	for i := 1; i < len(stamps); i++ {
		if float64(stamps[i]-stamps[0])*tb.Float() >= maxAnalyzeSeconds {
			break
		}
		deltas = append(deltas, stamps[i]-stamps[i-1])
	}
	if r, _, ok := rfps.Guess(deltas, stamps[0], tb, 0); ok {
		return r
	}
	return inverse
}

// maxAnalyzeSeconds is max_analyze_duration's default.
const maxAnalyzeSeconds = 5
