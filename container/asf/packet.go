package asf

import (
	"encoding/binary"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/ac3"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/codec/jpeg"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/codec/picture"
	"github.com/mediaprobe/mediaprobe/codec/vp8"
	"github.com/mediaprobe/mediaprobe/codec/vp9"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/rfps"
)

// Bounds of the packet scan: avformat_find_stream_info reads until every
// stream has shown a packet; the probe reads at most this many data
// packets, or bytes of them, for the streams' start times and frame rates.
const (
	maxScanPackets = 1024
	maxScanBytes   = 2 << 20
	// fpsFrames is how many video frames the frame rate is measured over,
	// and fpsMinFrames how many suffice once fpsBytes of packets are read
	// (a high-rate video's frames span many packets).
	// find_stream_info measures 40 frame durations when the time base is
	// as coarse as ASF's milliseconds, or 5 s (max_analyze_duration).
	fpsFrames    = 41
	fpsMinFrames = 8
	fpsBytes     = 1 << 20
	maxAnalyzeMS = 5000
	// The packets past the first firstWindow bytes are fetched ahead in
	// ranges that double up to maxScanWindow.
	firstWindow   = 64 << 10
	maxScanWindow = 512 << 10
)

// frameHeaderSize is FRAME_HEADER_SIZE: a payload header is never shorter.
const frameHeaderSize = 6

// streamScan is what the scan learns of one stream.
type streamScan struct {
	first     int64 // first packet's timestamp (ms, preroll removed)
	seen      bool
	isPTS     bool // the first timestamp is a presentation time (payload extension 0x2A)
	described bool
	inObj     bool    // a media object of the stream has started
	stamps    []int64 // the first video timestamps
}

// scanPackets walks the first data packets from off, as asf_get_packet
// and asf_read_frame_header do, noting each stream's first media object
// timestamp, and sets the streams' start times and video frame rates.
// end is the end of the data object, or -1 when unknown.
func (r *reader) scanPackets(off, end int64) error {
	var scans [128]streamScan
	pos := off
	pending := func() bool {
		for id, st := range r.byID {
			if st == nil {
				continue
			}
			s := &scans[id]
			if !s.seen || st.Type == container.Video && !st.IsCover() &&
				(len(s.stamps) < fpsMinFrames || len(s.stamps) < fpsFrames && pos-off < fpsBytes) {
				return true
			}
		}
		return false
	}
	limit := min(r.src.Size(), off+maxScanBytes)
	if end >= 0 {
		limit = min(limit, end)
	}
	pktSize := int64(r.hdr.maxPktSize)
	// Past the first 64 KiB the packets are fetched ahead in ranges that
	// double up to 512 KiB, so that a high-rate stream's frames cost few
	// reads.
	var buf []byte
	ahead, chunk := off+firstWindow, int64(2*firstWindow)
	for n := 0; n < maxScanPackets && pos < limit && pending(); n++ {
		size := pktSize
		if size <= 0 || size >= 1<<29 {
			size = 64 << 10
		}
		size = min(size, limit-pos)
		if pos+size > ahead {
			n := min(max(size, chunk), limit-pos)
			chunk = min(2*chunk, maxScanWindow)
			demuxkit.Prefetch(r.src, pos, n)
			ahead = pos + n
		}
		b, err := demuxkit.ReadScratch(r.src, &buf, pos, size, name, "data packet")
		if err != nil {
			return err
		}
		next, ok := r.packet(b, &scans)
		if !ok || next <= 0 {
			break
		}
		pos += next
	}
	for id, st := range r.byID {
		s := &scans[id]
		if st != nil && st.Type == container.Video {
			// Without a rate from the timestamps find_stream_info takes
			// the time base's inverse.
			st.RFrameRate = container.Rational{Num: 1000, Den: 1}
		}
		if st == nil || !s.seen {
			continue
		}
		// compute_pkt_fields gives a packet with only a decoding time its
		// presentation time only when frames cannot be reordered: not for
		// H.264 and HEVC (onein_oneout), nor with B-frames (a delay).
		if s.isPTS || st.CodecName != "h264" && st.CodecName != "hevc" && st.HasBFrames == 0 {
			st.StartPTS = s.first
		}
		if st.Type == container.Video && !st.IsCover() {
			st.RFrameRate, st.AvgFrameRate = frameRates(st.CodecName, r.codecRates[id], s.stamps, st.RFrameRate)
		}
	}
	return nil
}

// describeFirst lets the decoder of a codec that FFmpeg learns from the
// first frame describe it: MPEG-4 Part 2, H.264 and HEVC without
// extradata (returning the frame rate their headers give), Motion JPEG,
// PNG, MPEG audio, AC-3.
func describeFirst(st *container.Stream, frame []byte, size int) (codecRate container.Rational) {
	switch st.CodecName {
	case "mpeg4":
		if st.ExtradataSize == 0 {
			codecRate = es.MPEG4(st, frame)
		}
	case "h264":
		if st.ExtradataSize == 0 {
			codecRate = es.H264(st, frame)
		}
	case "hevc":
		if st.ExtradataSize == 0 {
			codecRate = es.HEVC(st, frame)
		}
	case "mjpeg":
		_ = jpeg.DescribeFrame(st, frame, size)
	case "vp8":
		if h, _ := vp8.ParseFrameHeader(frame); h != nil {
			h.FillStream(st)
			// ASF runs no VP8 parser, which is what reports these.
			st.Profile, st.FieldOrder = "", ""
		}
	case "vp9":
		if h, _ := vp9.ParseHeader(frame); h != nil {
			h.FillStream(st)
		}
	case "png":
		// Each frame is a PNG image, whose header chunks the decoder
		// reads as it does a cover's.
		sar := st.SampleAspectRatio
		_ = picture.DescribeBytes(st, frame, "image/png")
		if sar.Valid() {
			st.SampleAspectRatio = sar
		}
	case "mp1", "mp2", "mp3":
		// The decoder's first frame: channels, layout and rate, and the
		// bit rate when the WAVEFORMATEX has none.
		if h, err := mpegaudio.DecodeBytes(frame); err == nil {
			st.Channels = h.Channels
			st.ChannelLayout = codec.LayoutName(codec.DecoderLayout(st.CodecName, h.Channels))
			st.SampleRate = h.SampleRate
			if st.BitRate == 0 {
				st.BitRate = int64(h.BitRate)
			}
			st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
		}
	case "ac3", "eac3":
		if p, err := ac3.ParsePacket(frame); err == nil {
			rate := st.BitRate
			p.Describe(st)
			if rate != 0 {
				st.BitRate = rate // the WAVEFORMATEX's stands
			}
		}
	}
	return codecRate
}

// twoBits reads a field whose length code is two bits (DO_2BITS): 0 absent
// (def), 1 a byte, 2 a word, 3 a dword.
func twoBits(b []byte, p *int, code byte, def uint32) (uint32, bool) {
	var n int
	switch code & 3 {
	case 0:
		return def, true
	case 1:
		n = 1
	case 2:
		n = 2
	case 3:
		n = 4
	}
	if *p+n > len(b) {
		return 0, false
	}
	var v uint32
	switch n {
	case 1:
		v = uint32(b[*p])
	case 2:
		v = uint32(binary.LittleEndian.Uint16(b[*p:]))
	case 4:
		v = binary.LittleEndian.Uint32(b[*p:])
	}
	*p += n
	return v, true
}

// packet parses one data packet at the start of b and returns the length
// to the next; ok is false when the packet is malformed.
func (r *reader) packet(b []byte, scans *[128]streamScan) (next int64, ok bool) {
	p := 0
	u8 := func() (byte, bool) {
		if p >= len(b) {
			return 0, false
		}
		p++
		return b[p-1], true
	}
	c, ok := u8()
	if !ok {
		return 0, false
	}
	if c&0x80 != 0 {
		// Error correction data: its length is in the low bits.
		if c&0x60 == 0 {
			p += int(c & 0x0F)
		}
		if c, ok = u8(); !ok {
			return 0, false
		}
	}
	flags := c
	prop, ok := u8()
	if !ok {
		return 0, false
	}
	length, ok1 := twoBits(b, &p, flags>>5, r.hdr.maxPktSize)
	_, ok2 := twoBits(b, &p, flags>>1, 0)
	pad, ok3 := twoBits(b, &p, flags>>3, 0)
	if !ok1 || !ok2 || !ok3 || length == 0 || length >= 1<<29 || pad >= length {
		return 0, false
	}
	if p+6 > len(b) {
		return 0, false
	}
	p += 6 // send time, duration
	segments, segType := 1, byte(0x80)
	if flags&1 != 0 {
		if segType, ok = u8(); !ok {
			return 0, false
		}
		segments = int(segType & 0x3f)
	}
	if uint32(p) > length-pad {
		return 0, false
	}
	next = int64(length)
	if length < r.hdr.minPktSize {
		next = int64(r.hdr.minPktSize)
	}
	payEnd := min(int(length-pad), len(b))
	for ; segments > 0 && payEnd-p >= frameHeaderSize; segments-- {
		if p+1 > payEnd {
			break
		}
		num, _ := u8()
		id := int(num & 0x7f)
		_, ok1 := twoBits(b, &p, prop>>4, 0)
		fragOff, ok2 := twoBits(b, &p, prop>>2, 0)
		replic, ok3 := twoBits(b, &p, prop, 0)
		if !ok1 || !ok2 || !ok3 || p+int(replic) > payEnd {
			break
		}
		ts := int64(-1)
		objSize := 0
		isPTS := false
		switch {
		case replic >= 8:
			objSize = int(binary.LittleEndian.Uint32(b[p:]) & (1<<24 - 1))
			ts = int64(binary.LittleEndian.Uint32(b[p+4:]))
			isPTS = r.payloadExts(b[p+8:p+int(replic)], id, &ts)
			p += int(replic)
		case replic == 1:
			ts = int64(fragOff) // compressed payloads: the offset is the time
			fragOff = 0
			p++ // time delta
		case replic != 0:
			return next, true
		}
		fragSize := uint32(payEnd - p)
		if flags&1 != 0 {
			v, ok := twoBits(b, &p, segType>>6, 0)
			if !ok {
				break
			}
			fragSize = v
		}
		if st := r.byID[id]; st != nil && ts >= 0 {
			s := &scans[id]
			if fragOff == 0 || s.inObj {
				s.inObj = true
				if fragOff == 0 {
					t := ts - int64(r.hdr.preroll)
					if !s.seen {
						s.seen, s.first, s.isPTS = true, t, isPTS
					}
					if !s.described {
						s.described = true
						if cr := describeFirst(st, b[p:min(p+int(fragSize), payEnd)], max(objSize, int(fragSize))); cr.Valid() {
							r.codecRates[id] = cr
						}
					}
					if st.Type == container.Video && len(s.stamps) < fpsFrames &&
						(len(s.stamps) == 0 || t-s.stamps[0] < maxAnalyzeMS) {
						s.stamps = append(s.stamps, t)
					}
				}
			}
		}
		p += int(fragSize)
		if p > payEnd {
			break
		}
	}
	return next, true
}

// payloadExts reads the payload extension data of a replicated data block
// for the one FFmpeg takes a timestamp from (0x2A: a presentation time in
// 100 ns, which replaces the media object's time).
func (r *reader) payloadExts(b []byte, id int, ts *int64) (isPTS bool) {
	p := 0
	for _, e := range r.exts[id] {
		size := int(e.size)
		if size == 0xFFFF {
			if p+2 > len(b) {
				return
			}
			size = int(binary.LittleEndian.Uint16(b[p:]))
			p += 2
		}
		if p+size > len(b) {
			return isPTS
		}
		switch {
		case e.typ == 0x2A && size >= 24:
			ts0 := int64(binary.LittleEndian.Uint64(b[p+8:]))
			if ts0 != -1 {
				*ts = ts0 / 10000
			}
			isPTS = true
		case e.typ == 0x54 && size >= 2:
			// The pixel aspect ratio, which FFmpeg sets on the stream.
			if st := r.byID[id]; st != nil && b[p] > 0 && b[p+1] > 0 {
				st.SampleAspectRatio = container.Rational{Num: int64(b[p]), Den: int64(b[p+1])}
			}
		}
		p += size
	}
	return isPTS
}

// frameRates returns the r_frame_rate and avg_frame_rate
// avformat_find_stream_info sets on an ASF video stream from the
// millisecond timestamps of its first packets (fallback is the r_frame_rate
// kept when it finds none). codecRate is the frame rate the decoder or
// parser takes from the codec's headers, 0/0 if none.
//
//   - A time base of 1/1000 is too fine to be the frame rate
//     (tb_unreliable), so ff_rfps_add_frame and ff_rfps_calculate guess
//     r_frame_rate from the timestamps, unless the codec's own rate makes
//     the time base reliable (an MPEG-4 VOL rate from 5 to 100 fps; never
//     for H.264, HEVC and MPEG-2): r_frame_rate is then that rate.
//   - The packets have durations only when the parser knows the codec's
//     rate (compute_frame_duration: a frame of it in whole milliseconds,
//     rounded down, when that is not 0); the average is then their rate,
//     rounded to a standard rate within 1%, counted from the third packet.
//     Without durations the average is the guessed r_frame_rate when the
//     mean spacing matches it. With a reliable time base find_stream_info
//     reads too few packets to count any: no average.
func frameRates(codecName string, codecRate container.Rational, stamps []int64, fallback container.Rational) (rate, avg container.Rational) {
	ms := container.Rational{Num: 1, Den: 1000}
	alwaysUnreliable := codecName == "h264" || codecName == "hevc" || codecName == "mpeg2video"
	if codecRate.Valid() && !alwaysUnreliable && codecRate.Num < 101*codecRate.Den && codecRate.Num >= 5*codecRate.Den {
		return codecRate, container.Rational{}
	}
	rate = fallback
	if len(stamps) < 2 {
		return rate, avg
	}
	deltas := make([]int64, len(stamps)-1)
	for i := range deltas {
		deltas[i] = stamps[i+1] - stamps[i]
	}
	r, avgFromR, ok := rfps.Guess(deltas, stamps[0], ms, 0)
	if ok {
		rate = r
	}
	if codecRate.Valid() {
		// Each packet's duration is one frame of the codec's rate in
		// whole milliseconds, if that is not 0.
		if d := codecRate.Den * 1000 / codecRate.Num; d > 0 {
			if len(stamps) > 2 {
				n := int64(len(stamps) - 2)
				avg = rfps.Average(n, n*d, ms)
			}
			return rate, avg
		}
	}
	if ok && avgFromR {
		avg = r
	}
	return rate, avg
}
