package mpegps

import (
	"bytes"
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/pes"
)

// Demuxer returns the demuxer of MPEG program streams (.mpg, .vob).
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:     name,
		LongName: longName,
		Probe:    probe,
		Read:     read,
	}
}

// name and longName are ffprobe's format_name and format_long_name.
const (
	name     = "mpeg"
	longName = "MPEG-PS (MPEG-2 Program Stream)"
)

const (
	// maxStreamData bounds the payload kept per stream for the codec layer.
	maxStreamData = 256 << 10
	// startPackets is how many packets of a stream are searched for the
	// lowest PTS.
	startPackets = 8
)

// stream is one stream and what the probe keeps of its first packets.
type stream struct {
	id           int
	st           *container.Stream
	requestProbe int
	data         []byte
	pts          []int64
	start        int64
	frame        int64
	dur          pes.Duration
}

// demux is the state of one read.
type demux struct {
	src     container.Source
	info    *container.Info
	streams []*stream
	psm     [256]byte // stream types of the program stream map
	sofdec  int
	dvd     bool
	head    bool // the head: streams are made and payloads kept
	read    int64
	wrap    pes.Wrap
	limit   int64
	err     error
}

func read(src container.Source, start int64, _ container.Options) (*container.Info, error) {
	info := container.NewInfo(name, longName)
	size := src.Size()
	info.Format.Size = size
	head, err := demuxkit.ReadUpTo(src, start, pes.HeadSize, name, "head")
	if err != nil {
		return nil, err
	}
	if len(head) == 0 {
		return nil, demuxkit.Errorf(name, "head", start, container.ErrTruncated, "no packets")
	}
	d := &demux{src: src, info: info, head: true}
	if bytes.HasPrefix(head, []byte("Sofdec")) {
		d.sofdec = 1
	}
	d.walk(head, start)
	if d.err != nil {
		return nil, d.err
	}
	for _, s := range d.streams {
		// Every stream is made after avformat_find_stream_info began
		// (the demuxer has no header), so its decoder is chosen after the
		// parser has named the codec.
		s.frame = es.DescribeStream(s.st, s.data, nil, true)
		// A PES packet may hold many frames or part of one: only MPEG
		// video, whose pictures FewFrames counts, is judged.
		es.FewFrames(s.st, s.data, 3, len(s.data) < maxStreamData)
		s.start = pes.Start(s.pts)
		s.data = nil
	}
	d.head = false
	d.tail(start)
	if d.err != nil {
		return nil, d.err
	}
	for _, s := range d.streams {
		s.st.StartPTS = s.start
		s.st.DurationTS = s.dur.Value
	}
	return info, nil
}

// nextStartCode finds the next 00 00 01 xx at or after p
// (find_next_start_code, which mpegps_read_packet calls again after each
// MAX_SYNC_SIZE bytes without one) and returns the code and the offset
// after it; ok is false at the end.
func nextStartCode(b []byte, p int) (code, next int, ok bool) {
	if p < 0 || p >= len(b) {
		return 0, 0, false
	}
	i := bytes.Index(b[p:], []byte{0, 0, 1})
	if i < 0 || p+i+4 > len(b) {
		return 0, 0, false
	}
	i += p
	return 0x100 | int(b[i+3]), i + 4, true
}

// walk reads the PES packets of b (at base in the object), as
// mpegps_read_pes_header and mpegps_read_packet do.
func (d *demux) walk(b []byte, base int64) {
	p := 0
	for d.err == nil {
		if !d.head && d.read >= d.limit {
			return
		}
		code, q, ok := nextStartCode(b, p)
		if !ok {
			return
		}
		if err := d.src.Budget().Visit(name, "packet", base+int64(q)); err != nil {
			d.err = err
			return
		}
		p = q // on any error, scanning resumes after the start code
		switch code {
		case packStartCode, systemHeader:
			continue
		case paddingStream:
			if q+2 <= len(b) {
				p = q + 2 + int(binary.BigEndian.Uint16(b[q:]))
			}
			continue
		case privateStream2:
			if !d.privateStream2(b, q) {
				if q+2 <= len(b) {
					p = q + 2 + int(binary.BigEndian.Uint16(b[q:]))
				}
				continue
			}
		case programStreamMp:
			d.parsePSM(b[q:])
			continue
		}
		if !(code >= 0x1C0 && code <= 0x1EF || code == privateStream1 || code == privateStream2 || code == 0x1FD) {
			continue
		}
		if q+2 > len(b) {
			return
		}
		length := int(binary.BigEndian.Uint16(b[q:]))
		pkt := b[q-4:]
		if 6+length > len(pkt) {
			return // the packet runs past what was read
		}
		pkt = pkt[:6+length]
		pts, dts := pes.NoPTS, pes.NoPTS
		payload := pkt[6:]
		if code != privateStream2 {
			h, err := pes.Parse(pkt)
			if err != nil || h.PayloadOffset > len(pkt) {
				continue
			}
			pts, dts = h.PTS, h.DTS
			payload = pkt[h.PayloadOffset:]
			if h.ExtendedStreamID != 0 {
				code = (code&0xFF)<<8 | int(h.ExtendedStreamID)
			}
		}
		p = q + 2 + length
		rawAC3 := false
		if code == privateStream1 {
			if len(payload) < 1 {
				continue
			}
			code = int(payload[0])
			if code == 0x0B && len(payload) >= 2 && payload[1] == 0x77 {
				code, rawAC3 = 0x80, true
			} else {
				payload = payload[1:]
			}
		}
		if code >= 0x80 && code <= 0xCF {
			if len(payload) < 4 {
				continue
			}
			if !rawAC3 {
				payload = payload[3:]
				if code >= 0xB0 && code <= 0xBF {
					payload = payload[1:]
				}
			}
		}
		s := d.find(code)
		if s == nil {
			if !d.head {
				continue
			}
			if s = d.newStream(code, payload); s == nil {
				continue
			}
		}
		if dts != pes.NoPTS {
			d.wrap.Set(dts)
		} else {
			d.wrap.Set(pts)
		}
		d.packet(s, d.wrap.Unwrap(pts), payload)
	}
}

// privateStream2 reads a private stream 2 packet at q (after its start
// code): it tells Sofdec files and DVD navigation packets apart, and
// reports whether the packet is a DVD navigation packet, which FFmpeg
// turns into a dvd_nav_packet stream.
func (d *demux) privateStream2(b []byte, q int) bool {
	if d.sofdec > 0 {
		return d.dvd
	}
	if q+2 > len(b) {
		return false
	}
	n := int(binary.BigEndian.Uint16(b[q:]))
	if q+2+n > len(b) {
		return false
	}
	buf := b[q+2 : q+2+n]
	if n >= 6 {
		if i := bytes.IndexByte(buf[:n-5], 'S'); i >= 0 && bytes.Equal(buf[i+1:i+6], []byte("ofdec")) {
			d.sofdec = 1
		}
	}
	if d.sofdec == 0 {
		d.sofdec = -1
	}
	if d.sofdec < 0 {
		bcd := func(x byte) (int, bool) { return int(x>>4)*10 + int(x&15), x&15 < 10 }
		clock := func(h, m, s byte) bool {
			hh, ok1 := bcd(h)
			mm, ok2 := bcd(m)
			ss, ok3 := bcd(s)
			return hh <= 23 && mm <= 59 && ss <= 59 && ok1 && ok2 && ok3
		}
		switch {
		case n == 980 && buf[0] == 0: // PCI
			startPTS, endPTS := binary.BigEndian.Uint32(buf[0x0d:]), binary.BigEndian.Uint32(buf[0x11:])
			d.dvd = clock(buf[0x19], buf[0x1a], buf[0x1b]) && endPTS >= startPTS
		case n == 1018 && buf[0] == 1: // DSI
			d.dvd = clock(buf[0x1d], buf[0x1e], buf[0x1f])
		}
	}
	return d.dvd
}

// parsePSM reads the stream types of a program stream map (b after its
// start code), trusting its length over es_map_length, as FFmpeg does.
func (d *demux) parsePSM(b []byte) {
	if len(b) < 6 {
		return
	}
	psmLen := int(binary.BigEndian.Uint16(b))
	infoLen := int(binary.BigEndian.Uint16(b[4:]))
	p := 6 + infoLen + 2
	n := psmLen - infoLen - 10
	for n >= 4 && p+4 <= len(b) {
		typ, id := b[p], b[p+1]
		l := int(binary.BigEndian.Uint16(b[p+2:]))
		d.psm[id] = typ
		p += 4 + l
		n -= 4 + l
	}
}

func (d *demux) find(id int) *stream {
	for _, s := range d.streams {
		if s.id == id {
			return s
		}
	}
	return nil
}

// newStream creates the stream of a packet with id (mpegps_read_packet's
// table); nil for ids FFmpeg skips.
func (d *demux) newStream(id int, payload []byte) *stream {
	t, codecName, probeReq := container.Unknown, "", 0
	switch d.psm[id&0xFF] {
	case 0x01, 0x02:
		t, codecName = container.Video, "mpeg2video"
	case 0x03, 0x04:
		t, codecName = container.Audio, "mp3"
	case 0x0f:
		t, codecName = container.Audio, "aac"
	case 0x10:
		t, codecName = container.Video, "mpeg4"
	case 0x1b:
		t, codecName = container.Video, "h264"
	case 0x24:
		t, codecName = container.Video, "hevc"
	case 0x81:
		t, codecName = container.Audio, "ac3"
	}
	if codecName == "" {
		switch {
		case id >= 0x1E0 && id <= 0x1EF:
			t = container.Video
			if len(payload) >= 8 && bytes.HasPrefix(payload, []byte{0, 0, 1, 0xB0}) && (payload[6] != 0 || payload[7] != 1) {
				codecName = "cavs"
			} else {
				codecName, probeReq = probeVideo(payload), 1
			}
		case id == privateStream2:
			t, codecName = container.Data, "dvd_nav_packet"
		case id >= 0x1C0 && id <= 0x1DF:
			t, codecName = container.Audio, "mp2"
			if d.sofdec > 0 {
				codecName, probeReq = "adpcm_adx", 50
			}
		case id >= 0x80 && id <= 0x87, id >= 0xC0 && id <= 0xCF:
			t, codecName = container.Audio, "ac3"
		case id >= 0x88 && id <= 0x8F, id >= 0x98 && id <= 0x9F:
			t, codecName = container.Audio, "dts"
		case id >= 0xA0 && id <= 0xAF:
			t, codecName = container.Audio, "pcm_dvd"
		case id >= 0xB0 && id <= 0xBF:
			t, codecName = container.Audio, "truehd"
		case id >= 0x20 && id <= 0x3F:
			t, codecName = container.Subtitle, "dvd_subtitle"
		case id >= 0xFD55 && id <= 0xFD5F:
			t, codecName = container.Video, "vc1"
		default:
			return nil
		}
	}
	st, err := d.src.Budget().AddStream(d.info, t, name, 0)
	if err != nil {
		d.err = err
		return nil
	}
	st.ID, st.HasID = int64(id), true
	st.CodecName = codecName
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
	s := &stream{id: id, st: st, requestProbe: probeReq, start: pes.NoPTS, dur: pes.NewDuration()}
	d.streams = append(d.streams, s)
	if codecName == "pcm_dvd" {
		describeLPCM(st, payload)
	}
	return s
}

// probeVideo names the codec of an MPEG video stream id from its first
// bytes, as the elementary-stream probes do (mpegvideo first).
func probeVideo(b []byte) string {
	i := bytes.Index(b, []byte{0, 0, 1})
	if i < 0 || i+3 >= len(b) {
		return "mpeg1video"
	}
	c := b[i+3]
	switch {
	case c == 0xB3:
		return "mpeg1video"
	case c&0x1F == 7 || c&0x1F == 9:
		return "h264"
	case c == 0xB0 || c <= 0x2F:
		return "mpeg4"
	case (c>>1)&0x3F >= 32 && (c>>1)&0x3F <= 35:
		return "hevc"
	}
	return "mpeg1video"
}

// describeLPCM reads the DVD LPCM header the pcm_dvd decoder reads: the
// sample size, rate and channels of the three bytes before the samples.
func describeLPCM(st *container.Stream, b []byte) {
	if len(b) < 3 {
		return
	}
	h := b[1]
	bits := [4]int{16, 20, 24, 0}[h>>6]
	rate := [4]int{48000, 96000, 44100, 32000}[(h>>4)&3]
	ch := int(h&7) + 1
	if bits == 0 {
		return
	}
	st.SampleRate, st.Channels = rate, ch
	st.ChannelLayout = codec.DefaultLayout(ch)
	st.BitsPerRawSample = bits
	if bits == 16 {
		st.SampleFmt = "s16"
	} else {
		st.SampleFmt = "s32"
	}
	st.BitRate = int64(ch * rate * bits)
}

// lpcmTicks is the duration of an LPCM packet of n bytes (its 3-byte
// header included), as get_audio_frame_duration counts pcm_dvd samples.
func lpcmTicks(st *container.Stream, n int) int64 {
	bps, ch := st.BitsPerRawSample, st.Channels
	if bps < 4 || n < 3 || ch <= 0 || st.SampleRate <= 0 {
		return 0
	}
	samples := 2 * ((n - 3) / (bps * 2 / 8 * ch))
	return int64(samples) * 90000 / int64(st.SampleRate)
}

// packet accounts for one packet of s: its PTS, and in the head its
// payload.
func (d *demux) packet(s *stream, pts int64, payload []byte) {
	if !d.head {
		d.read += int64(len(payload))
		frame := s.frame
		if s.st.CodecName == "pcm_dvd" {
			frame = lpcmTicks(s.st, len(payload))
		}
		s.dur.Add(pts, frame, s.start)
		return
	}
	if len(s.pts) < startPackets && pts != pes.NoPTS {
		s.pts = append(s.pts, pts)
	}
	if n := min(len(payload), maxStreamData-len(s.data)); n > 0 {
		if err := d.src.Budget().Alloc(name, "payload", 0, int64(n)); err != nil {
			d.err = err
			return
		}
		s.data = append(s.data, payload[:n]...)
	}
}

// tail reads the end of the object for the last timestamps, as
// estimate_timings_from_pts does (pes.Tail).
func (d *demux) tail(start int64) {
	var buf []byte
	err := pes.Tail(d.src.Size(), start, func(off, limit int64) (anyDur, all bool, err error) {
		d.limit, d.read = limit, 0
		b, err := demuxkit.ReadScratch(d.src, &buf, off, d.src.Size()-off, name, "tail")
		if err != nil {
			return false, false, err
		}
		if d.walk(b, off); d.err != nil {
			return false, false, d.err
		}
		all = true
		for _, s := range d.streams {
			anyDur = anyDur || s.dur.Value != pes.NoPTS
			if (s.st.Type == container.Video || s.st.Type == container.Audio) && s.dur.Value == pes.NoPTS {
				all = false
			}
		}
		return anyDur, all, nil
	})
	if err != nil {
		d.err = err
	}
}
