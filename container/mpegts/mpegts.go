package mpegts

import (
	"encoding/binary"
	"math/bits"
	"slices"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/aac"
	"github.com/mediaprobe/mediaprobe/codec/dts"
	"github.com/mediaprobe/mediaprobe/codec/es"
	"github.com/mediaprobe/mediaprobe/codec/mpegaudio"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/pes"
)

// Demuxer returns the demuxer of MPEG transport streams (.ts, .m2ts).
func Demuxer() container.Demuxer {
	return container.Demuxer{
		Name:       name,
		LongName:   longName,
		Extensions: "ts,m2t,m2ts,mts",
		Probe:      probe,
		Read:       read,
	}
}

// name and longName are ffprobe's format_name and format_long_name.
const (
	name     = "mpegts"
	longName = "MPEG-TS (MPEG-2 Transport Stream)"
)

const (
	// maxStreamData bounds the payload kept per stream for the codec
	// layer: parameter sets, sequence headers and the first audio frames.
	maxStreamData = 256 << 10
	// startPackets is how many PES packets of a stream are searched for
	// the lowest PTS (the start time, which a reordered video stream
	// reaches only after its first frames).
	startPackets = 8

	patPID  = 0x0000
	sdtPID  = 0x0011
	eitPID  = 0x0012
	nullPID = 0x1FFF

	maxStreamsPerProgram = 128 // MAX_STREAMS_PER_PROGRAM
	maxPIDsPerProgram    = maxStreamsPerProgram + 2
)

// pesStream is what the demuxer knows of one PES PID: FFmpeg's
// PESContext, plus what the probe keeps of its first packets.
type pesStream struct {
	pid          int
	streamType   int
	requestProbe int
	st           *container.Stream // nil until the first PES header (auto-guessed PIDs)

	inPES   bool   // inside a PES packet whose start was seen
	hdr     []byte // the PES header being assembled
	hdrDone bool
	data    []byte // payload of the first packets, up to maxStreamData
	// ends are the ends in data of its packets (PES packets), where
	// FFmpeg's parsers begin a new buffer and after which probe_codec may
	// run the content probes.
	ends    []int
	pts     []int64
	dts     []int64 // decode timestamps of the first es.FPSFrames packets
	packets int     // PES packets in the head
	// remaining is the payload left in a PES packet of known length, -1
	// for an unbounded one.
	remaining int
	// described are the codec and the probed flag es.DescribeStream was
	// given, which the analysis replay gives the mpegaudio parser again.
	describedAs string
	probed      bool
	streamID    byte
	dur         pes.Duration
	start       int64
	frame       int64 // ticks of one frame
	// early marks a stream that existed when avformat_find_stream_info
	// began (made by the PMT read in read_header): only those have their
	// decoder opened before any packet, with the codec the PMT declared.
	early bool
}

// program is FFmpeg's internal Program plus what AVProgram shows.
type program struct {
	id       int
	pmtPID   int
	pcrPID   int
	pids     []int
	streams  []int // stream indexes
	tags     container.Tags
	pmtFound bool
	inPAT    bool
}

// demux is the state of one read: the PID filters and programs.
type demux struct {
	src         container.Source
	info        *container.Info
	sections    map[int]*sectionFilter
	pes         map[int]*pesStream
	order       []*pesStream // in creation order
	programs    []*program   // AVPrograms, in creation order
	crcValidity [8192]int8
	currentPID  int
	autoGuess   bool
	headerDone  bool // the first PMT has been read (read_header's stop)
	epg         bool
	err         error
	collect     bool  // gather payloads (head) rather than tail timestamps
	tailBytes   int64 // PES payload bytes read in the tail window
	tailLimit   int64
	inHeader    bool // read_header's pass
	wrap        pes.Wrap
	// lastPCR is the last PCR (27 MHz) of each PID with a filter.
	lastPCR map[int]int64
	cues    []*cueStream
	// emitted lists, in order, the PES packets the demuxer hands to
	// avformat_find_stream_info: at the next packet start of their PID or
	// when their length is reached.
	emitted []emission
}

// emission is one PES packet handed on: its stream and the end of its
// payload in the stream's data.
type emission struct {
	p   *pesStream
	end int
}

// cueStream is an SCTE-35 stream: its packets are sections, timed by
// the last PCR of their program (scte_data_cb).
type cueStream struct {
	st    *container.Stream
	start int64
	dur   pes.Duration
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
	ps := packetSize(head)
	d := &demux{src: src, info: info, sections: map[int]*sectionFilter{}, pes: map[int]*pesStream{}, collect: true, lastPCR: map[int]int64{}}
	d.sections[sdtPID] = newSectionFilter((*demux).sdt)
	d.sections[patPID] = newSectionFilter((*demux).pat)
	d.sections[eitPID] = newSectionFilter((*demux).eit)

	// read_header: sections only, until the first PMT.
	d.inHeader = true
	d.scan(head, start, ps, true)
	d.inHeader = false
	// avformat_find_stream_info starts again from the beginning, after a
	// seek that resets the continuity and section versions, and creates
	// streams for PES PIDs no PMT announced.
	d.resetAfterSeek()
	d.autoGuess = true
	d.headerDone = true
	d.scan(head, start, ps, false)
	if d.err != nil {
		return nil, d.err
	}
	d.describe()
	d.tail(start, ps)
	if d.err != nil {
		return nil, d.err
	}
	d.finish()
	return info, nil
}

// resetAfterSeek is what handle_packets does when it finds the position
// moved: PES filters skip to the next packet start and sections are read
// again as if new.
func (d *demux) resetAfterSeek() {
	for _, f := range d.sections {
		f.lastVer = -1
		f.buf = f.buf[:0]
		f.endReached = false
		f.hsize = -1
	}
	for _, p := range d.pes {
		p.inPES = false
	}
}

// scan walks the transport packets of b (at offset base in the object).
// In header mode it stops after the first PMT.
func (d *demux) scan(b []byte, base int64, ps int, header bool) {
	lastCC := map[int]int{}
	pos := 0
	for d.err == nil {
		if !d.collect && d.tailBytes >= d.tailLimit {
			return
		}
		if header && d.headerDone {
			return
		}
		p := pos
		if ps == dvhsPacketSize {
			p += 4
		}
		if p+tsPacketSize > len(b) {
			return
		}
		if b[p] != syncByte {
			// mpegts_resync: the next sync byte.
			next := -1
			for i := p + 1; i < len(b); i++ {
				if b[i] == syncByte {
					next = i
					break
				}
			}
			if next < 0 {
				return
			}
			pos = next
			if ps == dvhsPacketSize {
				pos -= 4
			}
			continue
		}
		if err := d.src.Budget().Visit(name, "packet", base+int64(p)); err != nil {
			d.err = err
			return
		}
		d.packet(b[p:p+tsPacketSize], lastCC, header)
		pos += ps
	}
}

// packet is handle_packet for one 188-byte packet.
func (d *demux) packet(pkt []byte, lastCC map[int]int, header bool) {
	pid := (int(pkt[1])<<8 | int(pkt[2])) & 0x1FFF
	isStart := pkt[1]&0x40 != 0
	sec := d.sections[pid]
	ps := d.pes[pid]
	if sec == nil && ps == nil {
		if !d.autoGuess || !isStart || pid == nullPID {
			return
		}
		ps = d.addPES(pid)
	}
	afc := (pkt[3] >> 4) & 3
	if afc == 0 {
		return
	}
	hasAdaptation, hasPayload := afc&2 != 0, afc&1 != 0
	discontinuity := hasAdaptation && pkt[4] != 0 && pkt[5]&0x80 != 0
	cc := int(pkt[3] & 0xF)
	last, seen := lastCC[pid]
	expected := last
	if hasPayload {
		expected = (last + 1) & 0xF
	}
	ccOK := pid == nullPID || discontinuity || !seen || expected == cc
	lastCC[pid] = cc
	p := 4
	if hasAdaptation {
		if pkt[4] >= 7 && pkt[5]&0x10 != 0 { // parse_pcr
			base := int64(binary.BigEndian.Uint32(pkt[6:]))<<1 | int64(pkt[10]>>7)
			d.lastPCR[pid] = base*300 + int64(pkt[10]&1)<<8 | int64(pkt[11])
		}
		p += int(pkt[4]) + 1
	}
	if p >= tsPacketSize || !hasPayload {
		return
	}
	payload := pkt[p:]
	d.currentPID = pid
	if sec != nil {
		if isStart {
			n := int(payload[0])
			payload = payload[1:]
			if n > len(payload) {
				return
			}
			if n > 0 && ccOK {
				sec.write(d, pid, payload[:n], false)
				if d.sections[pid] != sec {
					return
				}
			}
			payload = payload[n:]
			if len(payload) > 0 {
				sec.write(d, pid, payload, true)
			}
		} else if ccOK {
			sec.write(d, pid, payload, false)
		}
		return
	}
	if header {
		return
	}
	d.pesData(ps, payload, isStart)
}

// addPES opens a PES filter on pid (add_pes_stream); its stream is
// created at its first PES header, or by the PMT.
func (d *demux) addPES(pid int) *pesStream {
	p := &pesStream{pid: pid, streamType: -1, dur: pes.NewDuration(), start: pes.NoPTS}
	d.pes[pid] = p
	delete(d.sections, pid)
	return p
}

// newStream creates the stream of p (avformat_new_stream), id the PID.
func (d *demux) newStream(p *pesStream) bool {
	st, err := d.src.Budget().AddStream(d.info, container.Unknown, name, 0)
	if err != nil {
		d.err = err
		return false
	}
	st.ID, st.HasID = int64(p.pid), true
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
	p.st = st
	p.early = d.inHeader
	d.order = append(d.order, p)
	return true
}

// pesData is mpegts_push_data, reduced to what the probe keeps: the
// timestamps of each PES header and the payload of the first packets.
func (d *demux) pesData(p *pesStream, b []byte, isStart bool) {
	if isStart {
		if len(b) < 6 || b[0] != 0 || b[1] != 0 || b[2] != 1 || b[3] == pes.PaddingStream {
			p.inPES = false
			return
		}
		if p.st == nil {
			if !d.newStream(p) {
				return
			}
			p.setStreamInfo(0, 0)
		}
		if p.inPES {
			d.emit(p)
		}
		p.inPES, p.hdrDone = true, false
		p.hdr = p.hdr[:0]
		p.streamID = b[3]
	}
	if !p.inPES {
		return
	}
	if !p.hdrDone {
		need := 6
		if pes.HasHeader(p.streamID) {
			need = 9
			if len(p.hdr)+len(b) >= 9 {
				all := append(p.hdr[:len(p.hdr):len(p.hdr)], b...)
				need = 9 + int(all[8])
			}
		}
		take := min(need-len(p.hdr), len(b))
		p.hdr = append(p.hdr, b[:take]...)
		b = b[take:]
		if len(p.hdr) < need {
			if need > 9 || len(p.hdr) < 9 {
				return
			}
		}
		if len(p.hdr) < need {
			return
		}
		p.hdrDone = true
		h, err := pes.Parse(p.hdr)
		if err != nil {
			p.inPES = false
			return
		}
		if d.collect {
			p.packets++
		}
		p.remaining = -1
		if h.Length > 0 {
			p.remaining = max(h.Length+6-len(p.hdr), 0)
		}
		d.timestamp(p, h.PTS, h.DTS)
	}
	done := false
	if p.remaining >= 0 {
		b = b[:min(len(b), p.remaining)]
		p.remaining -= len(b)
		done = p.remaining == 0
	}
	if d.collect && len(p.data) < maxStreamData && len(b) > 0 {
		n := min(len(b), maxStreamData-len(p.data))
		if err := d.src.Budget().Alloc(name, "payload", 0, int64(n)); err != nil {
			d.err = err
			return
		}
		p.data = append(p.data, b[:n]...)
	}
	if !d.collect {
		d.tailBytes += int64(len(b))
	}
	if done {
		// The packet is complete: handed on now, and what follows until
		// the next packet start is skipped.
		d.emit(p)
		p.inPES = false
	}
}

// emit hands on the PES packet of p that ends at the end of its data.
func (d *demux) emit(p *pesStream) {
	p.packetEnd()
	if d.collect && len(d.emitted) < maxEmissions {
		d.emitted = append(d.emitted, emission{p, len(p.data)})
	}
}

// maxEmissions bounds the PES packets noted in the head (one per
// transport packet at most).
const maxEmissions = pes.HeadSize / tsPacketSize

// timestamp accounts for the PTS of a PES header: the first ones give
// the start, those of the tail the duration.
func (d *demux) timestamp(p *pesStream, pts, dts int64) {
	if dts != pes.NoPTS {
		d.wrap.Set(dts)
	} else {
		d.wrap.Set(pts)
	}
	pts = d.wrap.Unwrap(pts)
	if d.collect {
		if t := d.wrap.Unwrap(dts); t != pes.NoPTS && len(p.dts) < es.FPSFrames {
			p.dts = append(p.dts, t)
		} else if pts != pes.NoPTS && dts == pes.NoPTS && len(p.dts) < es.FPSFrames {
			p.dts = append(p.dts, pts)
		}
		if len(p.pts) < startPackets && pts != pes.NoPTS {
			p.pts = append(p.pts, pts)
		}
		return
	}
	p.dur.Add(pts, p.frame, p.start)
}

// pat is pat_cb: each program of the PAT gets a PMT filter.
func (d *demux) pat(sec []byte, f *sectionFilter) {
	h, b, ok := parseSectionHeader(sec)
	if !ok || h.tid != patTID || !h.currentNext || f.skipIdentical(h) {
		return
	}
	for len(b) >= 4 {
		sid := int(b[0])<<8 | int(b[1])
		pmtPID := (int(b[2])<<8 | int(b[3])) & 0x1FFF
		b = b[4:]
		if pmtPID == d.currentPID {
			break
		}
		if sid == 0 { // the network information table
			continue
		}
		prg := d.program(sid)
		if prg == nil {
			return
		}
		prg.inPAT = true
		prg.pmtPID = pmtPID
		if ex := d.sections[pmtPID]; ex == nil || !ex.pmt {
			// Whatever filter was there gives way to the PMT's.
			delete(d.pes, pmtPID)
			f := newSectionFilter((*demux).pmt)
			f.pmt = true
			d.sections[pmtPID] = f
		}
		if len(prg.pids) > 0 && prg.pids[0] != pmtPID {
			prg.pids = prg.pids[:0]
			prg.pmtFound = false
		}
		prg.addPID(pmtPID)
	}
}

// program returns the program sid, created if new (av_new_program); nil
// past the limit of streams, which also bounds programs.
func (d *demux) program(sid int) *program {
	for _, p := range d.programs {
		if p.id == sid {
			return p
		}
	}
	if len(d.programs) >= d.src.Budget().Limits().MaxStreams {
		return nil
	}
	p := &program{id: sid, pcrPID: -1}
	d.programs = append(d.programs, p)
	return p
}

func (p *program) addPID(pid int) {
	if len(p.pids) >= maxPIDsPerProgram {
		return
	}
	for _, x := range p.pids {
		if x == pid {
			return
		}
	}
	p.pids = append(p.pids, pid)
}

func (p *program) addStream(idx int) {
	for _, x := range p.streams {
		if x == idx {
			return
		}
	}
	p.streams = append(p.streams, idx)
}

// pmt is pmt_cb: the streams of a program, with their descriptors.
func (d *demux) pmt(sec []byte, f *sectionFilter) {
	h, b, ok := parseSectionHeader(sec)
	if !ok || h.tid != pmtTID || !h.currentNext || f.skipIdentical(h) {
		return
	}
	var prg *program
	for _, p := range d.programs {
		if p.id == h.id && p.inPAT {
			prg = p
		}
	}
	if prg != nil && len(prg.pids) > 0 && prg.pids[0] != d.currentPID {
		return
	}
	av := d.findProgram(h.id)
	if av != nil {
		av.streams = av.streams[:0]
	}
	if prg != nil {
		prg.pids = prg.pids[:0]
		prg.pmtFound = false
		prg.addPID(d.currentPID)
	}
	if len(b) < 2 {
		return
	}
	pcrPID := (int(b[0])<<8 | int(b[1])) & 0x1FFF
	b = b[2:]
	if prg != nil {
		prg.addPID(pcrPID)
	}
	if av != nil {
		av.pcrPID = pcrPID
	}
	if len(b) < 2 {
		return
	}
	infoLen := (int(b[0])<<8 | int(b[1])) & 0xFFF
	b = b[2:]
	var progReg uint32
	for infoLen >= 2 && len(b) >= 2 {
		t, l := b[0], int(b[1])
		b = b[2:]
		infoLen -= 2
		if l > infoLen || l > len(b) {
			break
		}
		infoLen -= l
		if t == descRegistration && l >= 4 {
			progReg = tag(string(b[:4]))
		}
		b = b[l:]
	}
	if infoLen > len(b) {
		return
	}
	b = b[infoLen:]
	if len(b) == 0 {
		return
	}
	d.headerDone = true
	if prg != nil {
		prg.pmtFound = true
	}
	for range maxStreamsPerProgram {
		if len(b) < 1 {
			break
		}
		streamType := int(b[0])
		if len(b) < 3 {
			return
		}
		pid := (int(b[1])<<8 | int(b[2])) & 0x1FFF
		b = b[3:]
		if pid == d.currentPID {
			return
		}
		var st *container.Stream
		var ps *pesStream
		if x := d.pes[pid]; x != nil {
			ps = x
			if ps.st == nil && !d.newStream(ps) {
				return
			}
			st = ps.st
		} else if isPESStream(streamType, progReg) {
			ps = d.addPES(pid)
			if !d.newStream(ps) {
				return
			}
			st = ps.st
		} else {
			for _, s := range d.info.Streams {
				if s.HasID && s.ID == int64(pid) {
					st = s
				}
			}
			if st == nil {
				s, err := d.src.Budget().AddStream(d.info, container.Data, name, 0)
				if err != nil {
					d.err = err
					return
				}
				s.ID, s.HasID = int64(pid), true
				s.TimeBase = container.Rational{Num: 1, Den: 90000}
				if streamType == typeSCTE35 && progReg == tag("CUEI") {
					s.CodecName = "scte_35"
					c := &cueStream{st: s, start: pes.NoPTS, dur: pes.NewDuration()}
					d.cues = append(d.cues, c)
					f := newSectionFilter(func(d *demux, _ []byte, _ *sectionFilter) { d.cue(c) })
					delete(d.pes, pid)
					d.sections[pid] = f
				}
				st = s
			}
		}
		if ps != nil && ps.streamType != streamType {
			ps.setStreamInfo(streamType, progReg)
		}
		if prg != nil {
			prg.addPID(pid)
		}
		if av != nil {
			av.addStream(st.Index)
		}
		if len(b) < 2 {
			return
		}
		l := (int(b[0])<<8 | int(b[1])) & 0xFFF
		b = b[2:]
		if l > len(b) {
			return
		}
		descs := b[:l]
		b = b[l:]
		if ps == nil {
			ps = &pesStream{st: st}
		}
		for ok := true; ok; {
			descs, ok = ps.parseDescriptor(descs, streamType)
		}
	}
}

// cue is scte_data_cb: each SCTE-35 section is a packet whose PTS is the
// last PCR of the first program that holds the stream, if it has one.
// Sections before avformat_find_stream_info (in read_header) are dropped.
func (d *demux) cue(c *cueStream) {
	if d.inHeader {
		return
	}
	pts := pes.NoPTS
	for _, prg := range d.programs {
		if !slices.Contains(prg.streams, c.st.Index) {
			continue
		}
		if prg.pcrPID >= 0 {
			if pcr, ok := d.lastPCR[prg.pcrPID]; ok && (d.sections[prg.pcrPID] != nil || d.pes[prg.pcrPID] != nil) {
				pts = d.wrap.Unwrap(pcr / 300)
			}
		}
		break
	}
	if pts == pes.NoPTS {
		return
	}
	if d.collect {
		if c.start == pes.NoPTS {
			c.start = pts
		}
		return
	}
	c.dur.Add(pts, 0, c.start)
}

// findProgram returns the AVProgram sid, nil if there is none.
func (d *demux) findProgram(sid int) *program {
	for _, p := range d.programs {
		if p.id == sid {
			return p
		}
	}
	return nil
}

// sdt is sdt_cb: service names become the tags of the programs, which
// are created if the PAT did not list them.
func (d *demux) sdt(sec []byte, f *sectionFilter) {
	h, b, ok := parseSectionHeader(sec)
	if !ok || h.tid != sdtTID || !h.currentNext || f.skipIdentical(h) {
		return
	}
	if len(b) < 3 {
		return
	}
	b = b[3:]
	for len(b) >= 5 {
		sid := int(b[0])<<8 | int(b[1])
		l := (int(b[3])<<8 | int(b[4])) & 0xFFF
		b = b[5:]
		if l > len(b) {
			return
		}
		descs := b[:l]
		b = b[l:]
		for len(descs) >= 2 {
			t, n := descs[0], int(descs[1])
			if 2+n > len(descs) {
				break
			}
			body := descs[2 : 2+n]
			descs = descs[2+n:]
			if t != descService || len(body) < 1 {
				continue
			}
			provider, rest, ok := str8(body[1:])
			if !ok {
				continue
			}
			service, _, ok := str8(rest)
			if !ok {
				continue
			}
			if prg := d.program(sid); prg != nil {
				prg.tags.Set("service_name", service)
				prg.tags.Set("service_provider", provider)
			}
		}
	}
}

// eit is eit_cb: any section on the EIT PID gives the file an EPG data
// stream.
func (d *demux) eit(sec []byte, f *sectionFilter) {
	if d.epg {
		return
	}
	d.epg = true
	st, err := d.src.Budget().AddStream(d.info, container.Data, name, 0)
	if err != nil {
		d.err = err
		return
	}
	st.ID, st.HasID = eitPID, true
	st.CodecName = "epg"
	st.TimeBase = container.Rational{Num: 1, Den: 90000}
}

// str8 reads a DVB string preceded by its length (getstr8), without the
// character-set conversion FFmpeg does with iconv for non-Latin tables.
func str8(b []byte) (string, []byte, bool) {
	if len(b) < 1 || int(b[0]) > len(b)-1 {
		return "", nil, false
	}
	n := int(b[0])
	s := b[1 : 1+n]
	if len(s) > 0 && s[0] < 0x20 {
		// A character table selector: FFmpeg converts from it; the
		// common tables (UTF-8, Latin) read the same after it.
		switch {
		case s[0] == 0x10 && len(s) >= 3:
			s = s[3:]
		default:
			s = s[1:]
		}
	}
	return latin1(s), b[1+n:], true
}

// latin1 decodes ISO 6937/8859-1 bytes; ASCII is the usual case.
func latin1(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// describe gives each stream what the codec layer finds in its first
// payload, and its start time.
func (d *demux) describe() {
	for _, p := range d.order {
		st := p.st
		if st == nil {
			continue
		}
		probed := p.requestProbe > 0 || !p.early
		if st.CodecName == "" && st.Type == container.Unknown || st.CodecName == "bin_data" && p.requestProbe > 0 {
			// A PES stream with no codec asks for probing at its first
			// packet (request_probe = 1).
			probeContent(p)
			probed = true
		}
		// A stream probed from its content, or made after
		// avformat_find_stream_info began, has its decoder chosen after
		// the parser has named the codec.
		p.describedAs, p.probed = st.CodecName, probed
		p.frame = es.DescribeStream(st, p.data, p.ends, probed)
		p.frame = es.GuessRate(st, p.dts, p.frame)
		decoderInit(st)
		es.FewFrames(st, p.data, p.packets, len(p.data) < maxStreamData)
		p.start = pes.Start(p.pts)
	}
	d.analysisCut()
	for _, p := range d.order {
		p.data, p.ends = nil, nil
	}
}

// decoderInit gives a stream what its decoder sets when it is opened,
// before any packet (avformat_find_stream_info opens the decoders of the
// streams the PMT made, and of the others at their first packet), for a
// stream whose packets told nothing: the sample format of the MPEG audio,
// AC-3, AAC and Opus decoders (decode_init), and the page size of the
// libzvbi teletext decoder (teletext_init_decoder: 41 x 12 by 25 x 10).
func decoderInit(st *container.Stream) {
	switch st.CodecName {
	case "mp1", "mp2", "mp3", "ac3", "eac3", "aac", "aac_latm", "opus":
		if st.SampleFmt == "" {
			st.SampleFmt = codec.SampleFormat(st.CodecName, st.Channels)
		}
	case "dvb_teletext":
		if st.Width == 0 && st.Height == 0 {
			st.Width, st.Height = 492, 250
		}
	}
}

// maxAnalyzeTicks is max_analyze_duration (5 s) in 90 kHz ticks: the
// analysis of avformat_find_stream_info ends at the first packet of a
// stream whose earlier packets, from its third on, last that long.
const maxAnalyzeTicks = 5 * 90000

// analysisCut replays the packets avformat_find_stream_info reads, in
// the order the demuxer hands them on, to find where its analysis ends,
// and gives each ADTS AAC and MPEG audio stream the average bit rate of
// the frames its parser saw by then (the parser splits each PES packet it
// is given into all its frames at once). Video packets last a frame of the codec's
// rate and come out of the parser one PES packet late; audio frames last
// their samples, except the AAC frames of the first PES packet, parsed
// before the decoder knew its frame size. When a stream
// whose packets cannot be counted (past the data kept) would be needed,
// or the head ends first, the codec layer's own estimate stands.
func (d *demux) analysisCut() {
	type state struct {
		k, t, at int
		first    bool
	}
	states := map[*pesStream]*state{}
	for _, p := range d.order {
		states[p] = &state{first: true}
	}
	for _, ev := range d.emitted {
		p, s := ev.p, states[ev.p]
		if p.st == nil || s == nil || ev.end < s.at {
			continue
		}
		var durs []int
		switch {
		case p.st.Type == container.Video && p.frame > 0:
			// The video parsers find a frame's end at the next frame's
			// start: a PES packet completes the frame of the one before.
			if !s.first {
				durs = []int{int(p.frame)}
			}
			s.first = false
		case (p.st.CodecName == "aac" || isMPEGAudio(p.st.CodecName)) && p.st.SampleRate > 0:
			if ev.end >= maxStreamData {
				return
			}
			var frames []int
			rate := p.st.SampleRate
			if p.st.CodecName == "aac" {
				frames = es.ADTSFrames(p.data[s.at:ev.end])
			} else if frames, rate = es.MPEGAudioFrames(p.data[s.at:ev.end]); rate == 0 {
				rate = p.st.SampleRate
			}
			for _, n := range frames {
				dur := n * 90000 / rate
				if s.first && p.st.CodecName == "aac" {
					// AAC has no fixed frame duration: the decoder's
					// frame size is not known yet.
					dur = 0
				}
				durs = append(durs, dur)
			}
			s.first = false
		default:
			s.at = ev.end
			continue
		}
		s.at = ev.end
		for _, dur := range durs {
			s.k++
			if s.k < 3 {
				continue
			}
			if s.t >= maxAnalyzeTicks {
				for _, q := range d.order {
					d.parsedBitRate(q, states[q].at)
				}
				return
			}
			s.t += dur
		}
	}
}

// parsedBitRate gives an audio stream whose parser averages the bit rates
// of its frames the average over the first at bytes of its data, where
// the analysis ended.
func (d *demux) parsedBitRate(p *pesStream, at int) {
	st := p.st
	switch {
	case st.SampleRate <= 0:
	case st.CodecName == "aac":
		st.BitRate = es.ADTSBitRate(p.data[:at])
	case isMPEGAudio(st.CodecName):
		if p.probed {
			var ends []int
			for _, e := range p.ends {
				if e <= at {
					ends = append(ends, e)
				}
			}
			st.BitRate = es.MPEGAudioBitRate(p.describedAs, p.data[:at], ends, "")
		} else {
			st.BitRate = es.MPEGAudioBitRate(p.describedAs, p.data[:at], nil, p.describedAs)
		}
	}
}

func isMPEGAudio(name string) bool { return name == "mp1" || name == "mp2" || name == "mp3" }

// maxPacketEnds bounds the packet ends kept per stream (at least two
// bytes of payload each in maxStreamData).
const maxPacketEnds = maxStreamData / 2

// packetEnd notes that a packet ended at the end of data.
func (p *pesStream) packetEnd() {
	n := len(p.data)
	if n == 0 || n >= maxStreamData || len(p.ends) >= maxPacketEnds || len(p.ends) > 0 && p.ends[len(p.ends)-1] == n {
		return // no payload yet, past what is kept, or an empty packet
	}
	p.ends = append(p.ends, n)
}

// mp3Probed reports whether the mp3 probe names the stream's codec where
// probe_codec runs it, after each packet that takes the buffer past a
// power of two (av_log2 changes), or at the end of the data: FFmpeg
// keeps the codec a probe once named (set_codec_from_probe_data) even
// when later probes name none. A score below the stream's request_probe
// does not replace the codec it has (bin_data asks for 4, a stream of
// unknown type for 1).
func (p *pesStream) mp3Probed() bool {
	need := max(p.requestProbe, 1)
	last := 0
	for _, end := range p.ends {
		if bits.Len(uint(end)) != bits.Len(uint(last)) && mpegaudio.Probe(p.data[:end]) >= need {
			return true
		}
		last = end
	}
	return mpegaudio.Probe(p.data) >= need
}

// probeContent names the codec of a stream that nothing declared from
// its first bytes, as FFmpeg's set_codec_from_probe_data does by running
// the elementary-stream probes (dts, ac3, adts, mpegvideo, h264, hevc,
// mp3) over its first packets. dts_probe looks at nothing before the
// 4097th byte of the buffer, so a short DTS stream is not named dts.
func probeContent(p *pesStream) {
	st, b := p.st, p.data
	if len(b) < 4 {
		return
	}
	be32 := binary.BigEndian.Uint32(b)
	switch {
	case dts.Probe(b) > 0:
		st.Type, st.CodecName = container.Audio, "dts"
	case b[0] == 0x0B && b[1] == 0x77:
		st.Type, st.CodecName = container.Audio, "ac3"
	case aac.IsADTSSync(b):
		st.Type, st.CodecName = container.Audio, "aac"
	case b[0] == 0x56 && b[1]&0xE0 == 0xE0: // LOAS sync word
		st.Type, st.CodecName = container.Audio, "aac_latm"
	case be32 == 0x000001B3:
		st.Type, st.CodecName = container.Video, "mpeg1video"
	case be32>>8 == 1 || be32 == 1:
		nal := b[3]
		if be32 == 1 {
			if len(b) < 5 {
				return
			}
			nal = b[4]
		}
		switch {
		case nal&0x1F == 7 || nal&0x1F == 9:
			st.Type, st.CodecName = container.Video, "h264"
		case (nal>>1)&0x3F >= 32 && (nal>>1)&0x3F <= 35:
			st.Type, st.CodecName = container.Video, "hevc"
		}
	case p.mp3Probed():
		// The mp3 probe is the most lenient of all: a single frame
		// header anywhere (score 1) names the codec when no other probe
		// does.
		st.Type, st.CodecName = container.Audio, "mp3"
		st.SampleFmt = codec.SampleFormat("mp3", 0)
	}
}

// finish gives the streams their timings and the file its programs.
func (d *demux) finish() {
	for _, p := range d.order {
		if p.st == nil {
			continue
		}
		p.st.StartPTS = p.start
		p.st.DurationTS = p.dur.Value
	}
	for _, c := range d.cues {
		c.st.StartPTS = c.start
		c.st.DurationTS = c.dur.Value
	}
	n := 0
	for _, prg := range d.programs {
		n++
		streams := make([]int, len(prg.streams))
		copy(streams, prg.streams)
		d.info.Programs = append(d.info.Programs, container.Program{
			ID: prg.id, PMTPID: prg.pmtPID, PCRPID: prg.pcrPID, Streams: streams, Tags: prg.tags,
		})
	}
	d.info.Format.NbPrograms = n
}

// tail reads the end of the object for the last timestamps, as
// estimate_timings_from_pts does (pes.Tail): a window of pes.TailWindow
// bytes, grown while an audio or video stream has no duration, and at most
// one more time once any timestamp was found.
func (d *demux) tail(start int64, ps int) {
	d.collect = false
	var buf []byte
	err := pes.Tail(d.src.Size(), start, func(off, limit int64) (anyDur, all bool, err error) {
		d.tailLimit, d.tailBytes = limit, 0
		b, err := demuxkit.ReadScratch(d.src, &buf, off, d.src.Size()-off, name, "tail")
		if err != nil {
			return false, false, err
		}
		for _, p := range d.pes {
			p.inPES = false
		}
		if d.scan(b[align(b, ps):], off, ps, false); d.err != nil {
			return false, false, d.err
		}
		all = true
		for _, p := range d.order {
			if (p.st.Type == container.Video || p.st.Type == container.Audio) && p.dur.Value == pes.NoPTS {
				all = false
			}
		}
		return d.anyDuration(), all, nil
	})
	if err != nil {
		d.err = err
	}
}

// anyDuration reports whether some stream has a duration.
func (d *demux) anyDuration() bool {
	for _, p := range d.order {
		if p.dur.Value != pes.NoPTS {
			return true
		}
	}
	return false
}

// align returns the first offset of b where three packets in a row start
// with the sync byte (or as many as b holds), so that a window that
// starts inside a packet does not take a payload byte for a sync byte.
func align(b []byte, ps int) int {
	lead := 0
	if ps == dvhsPacketSize {
		lead = 4
	}
	for o := 0; o+lead < len(b) && o < ps; o++ {
		ok := true
		for k := 0; k < 3; k++ {
			i := o + lead + k*ps
			if i >= len(b) {
				break
			}
			if b[i] != syncByte {
				ok = false
				break
			}
		}
		if ok {
			return o
		}
	}
	return 0
}
