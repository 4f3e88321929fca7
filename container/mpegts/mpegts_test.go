package mpegts

import (
	"encoding/binary"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/pes"
)

// tsWriter builds transport streams for tests, with a continuity counter
// per PID.
type tsWriter struct {
	b  []byte
	cc map[int]byte
}

func newTS() *tsWriter { return &tsWriter{cc: map[int]byte{}} }

// packet appends one 188-byte packet carrying payload (at most 184
// bytes), padded with an adaptation field.
func (w *tsWriter) packet(pid int, start bool, payload []byte) {
	p := make([]byte, 4, tsPacketSize)
	p[0] = syncByte
	p[1] = byte(pid >> 8 & 0x1F)
	if start {
		p[1] |= 0x40
	}
	p[2] = byte(pid)
	fill := 184 - len(payload)
	if fill > 0 {
		p[3] = 0x30 | w.cc[pid]
		p = append(p, byte(fill-1))
		if fill > 1 {
			p = append(p, 0)
			for range fill - 2 {
				p = append(p, 0xFF)
			}
		}
	} else {
		p[3] = 0x10 | w.cc[pid]
	}
	w.cc[pid] = (w.cc[pid] + 1) & 0xF
	w.b = append(w.b, append(p, payload...)...)
}

// section appends a PSI section (long form, CRC added) on pid, split over
// as many packets as it needs.
func (w *tsWriter) section(pid int, tid byte, id int, body []byte) {
	sec := w.sectionBytes(tid, id, body)
	w.sectionRaw(pid, sec)
}

func (w *tsWriter) sectionBytes(tid byte, id int, body []byte) []byte {
	n := 5 + len(body) + 4
	sec := []byte{tid, 0xB0 | byte(n>>8&0xF), byte(n), byte(id >> 8), byte(id), 0xC1, 0, 0}
	sec = append(sec, body...)
	return binary.BigEndian.AppendUint32(sec, crc32(sec))
}

func (w *tsWriter) sectionRaw(pid int, sec []byte) {
	data := append([]byte{0}, sec...) // pointer field
	for first := true; len(data) > 0 || first; first = false {
		n := min(len(data), 184)
		w.packet(pid, first, data[:n])
		data = data[n:]
	}
}

// pes appends a PES packet of stream id sid with a PTS.
func (w *tsWriter) pes(pid int, sid byte, pts int64, payload []byte) {
	h := []byte{0, 0, 1, sid, 0, 0, 0x80, 0x80, 5}
	h = append(h, ptsBytes(0x21, pts)...)
	data := append(h, payload...)
	for first := true; len(data) > 0; first = false {
		n := min(len(data), 184)
		w.packet(pid, first, data[:n])
		data = data[n:]
	}
}

func ptsBytes(prefix byte, ts int64) []byte {
	return []byte{prefix | byte(ts>>29&0x0E), byte(ts >> 22), byte(ts>>14) | 1, byte(ts >> 7), byte(ts<<1) | 1}
}

func pat(programs ...[2]int) []byte {
	var b []byte
	for _, p := range programs {
		b = append(b, byte(p[0]>>8), byte(p[0]), 0xE0|byte(p[1]>>8), byte(p[1]))
	}
	return b
}

// esEntry is one PMT stream entry.
func esEntry(streamType byte, pid int, descs ...byte) []byte {
	return append([]byte{streamType, 0xE0 | byte(pid>>8), byte(pid), 0xF0 | byte(len(descs)>>8), byte(len(descs))}, descs...)
}

func pmt(pcr int, entries ...[]byte) []byte {
	b := []byte{0xE0 | byte(pcr>>8), byte(pcr), 0xF0, 0}
	for _, e := range entries {
		b = append(b, e...)
	}
	return b
}

func sdt(sid int, provider, service string) []byte {
	desc := append([]byte{descService, byte(3 + len(provider) + len(service)), 1, byte(len(provider))}, provider...)
	desc = append(append(desc, byte(len(service))), service...)
	b := []byte{0, 1, 0xFF, byte(sid >> 8), byte(sid), 0xFC, 0x80 | byte(len(desc)>>8), byte(len(desc))}
	return append(b, desc...)
}

// mp2Frame is a 48 kHz, 128 kbit/s, stereo MPEG-1 layer II frame.
func mp2Frame() []byte {
	f := make([]byte, 384)
	copy(f, []byte{0xFF, 0xFD, 0x84, 0x00})
	return f
}

func readTS(t *testing.T, b []byte) *container.Info {
	t.Helper()
	info, err := read(&demuxkit.BytesSource{B: b, Limit: 32 << 20}, 0, container.Options{})
	require.NoError(t, err)
	return info
}

func TestCRC(t *testing.T) {
	// A PAT as FFmpeg's muxer writes it: program 1 on PID 0x1000.
	sec := []byte{0x00, 0xB0, 0x0D, 0x00, 0x01, 0xC1, 0x00, 0x00, 0x00, 0x01, 0xF0, 0x00, 0x2A, 0xB1, 0x04, 0xB2}
	assert.Zero(t, crc32(sec))
	sec[9] ^= 1
	assert.NotZero(t, crc32(sec))
}

func TestParseSectionHeader(t *testing.T) {
	w := newTS()
	sec := w.sectionBytes(pmtTID, 0x1234, []byte{1, 2, 3})
	h, body, ok := parseSectionHeader(sec)
	require.True(t, ok)
	assert.Equal(t, sectionHeader{tid: pmtTID, id: 0x1234, version: 0, currentNext: true}, h)
	assert.Equal(t, []byte{1, 2, 3}, body)
	_, _, ok = parseSectionHeader(sec[:10])
	assert.False(t, ok)
}

func TestProgramsAndStreams(t *testing.T) {
	w := newTS()
	w.section(sdtPID, sdtTID, 1, sdt(1, "Prov", "Chan"))
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	lang := []byte{descISO639, 4, 'f', 'r', 'a', 2}
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101, lang...), esEntry(0x06, 0x102)))
	for i := range 6 {
		w.pes(0x101, 0xC0, 126000+int64(i)*2160, mp2Frame())
	}
	info := readTS(t, w.b)
	require.Len(t, info.Streams, 2)
	a := info.Streams[0]
	assert.Equal(t, "mp2", a.CodecName)
	assert.Equal(t, 48000, a.SampleRate)
	assert.Equal(t, int64(0x101), a.ID)
	assert.Equal(t, uint32(3), a.CodecTag)
	lng, _ := a.Tags.Get("language")
	assert.Equal(t, "fra", lng)
	assert.NotZero(t, a.Disposition&container.DispositionHearingImpaired)
	assert.Equal(t, int64(126000), a.StartPTS)
	assert.Equal(t, int64(5*2160+2160), a.DurationTS)
	d := info.Streams[1]
	assert.Equal(t, container.Data, d.Type)
	assert.Equal(t, "bin_data", d.CodecName)
	assert.Equal(t, 1, info.Format.NbPrograms)
	require.Len(t, info.Programs, 1)
	name, _ := info.Programs[0].Tags.Get("service_name")
	assert.Equal(t, "Chan", name)
	assert.Equal(t, []int{0, 1}, info.Programs[0].Streams)
	assert.Equal(t, 0x101, info.Programs[0].PCRPID)
}

func TestBadCRCIgnored(t *testing.T) {
	w := newTS()
	sec := w.sectionBytes(patTID, 1, pat([2]int{1, 0x1000}))
	sec[len(sec)-1] ^= 0xFF
	w.sectionRaw(patPID, sec)
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101)))
	for range 12 {
		w.packet(nullPID, false, make([]byte, 184))
	}
	info := readTS(t, w.b)
	assert.Empty(t, info.Streams, "a PAT with a bad CRC opens no PMT filter")
	assert.Zero(t, info.Format.NbPrograms)
}

func TestProbe(t *testing.T) {
	w := newTS()
	for range 20 {
		w.packet(nullPID, false, make([]byte, 184))
	}
	assert.Equal(t, 50, probe(w.b[:2048]))
	assert.Equal(t, 100, probe(w.b[:204*11]))
	assert.Zero(t, probe(make([]byte, 2048)))
	assert.Zero(t, probe(nil))
}

func TestPacketSizes(t *testing.T) {
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101)))
	for i := range 40 {
		w.pes(0x101, 0xC0, 90000+int64(i)*2160, mp2Frame())
	}
	for _, ps := range []int{dvhsPacketSize, fecPacketSize} {
		var b []byte
		for i := 0; i < len(w.b); i += tsPacketSize {
			if ps == dvhsPacketSize {
				b = append(b, 0, 0, 0, 0)
			}
			b = append(b, w.b[i:i+tsPacketSize]...)
			if ps == fecPacketSize {
				b = append(b, make([]byte, 16)...)
			}
		}
		assert.Equal(t, ps, packetSize(b))
		info := readTS(t, b)
		require.Len(t, info.Streams, 1, "packet size %d", ps)
		assert.Equal(t, "mp2", info.Streams[0].CodecName)
		assert.Equal(t, int64(90000), info.Streams[0].StartPTS)
		assert.Equal(t, int64(40*2160), info.Streams[0].DurationTS)
	}
}

// TestHostileNoPAT: a stream of PES packets with no PAT or PMT. As FFmpeg
// does after its header scan, the PIDs are guessed from their PES
// headers, and the content names the codec.
func TestHostileNoPAT(t *testing.T) {
	w := newTS()
	for i := range 50 {
		w.pes(0x44, 0xC0, 9000+int64(i)*2160, mp2Frame())
	}
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: w.b}}
	begin := time.Now()
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Less(t, time.Since(begin), time.Second)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, "mp2", info.Streams[0].CodecName)
	assert.Equal(t, int64(0x44), info.Streams[0].ID)
	assert.Zero(t, info.Format.NbPrograms)
	assert.LessOrEqual(t, src.Bytes, 2*int64(len(w.b)))
}

// TestHostilePMT10000Streams: a PMT whose entries would describe 10^4
// streams. A section holds at most 4096 bytes and FFmpeg reads at most
// 128 streams of a program, so at most 128 streams exist.
func TestHostilePMT10000Streams(t *testing.T) {
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	var entries [][]byte
	for i := range 10000 {
		entries = append(entries, esEntry(0x1b, 0x20+i%8000))
	}
	body := pmt(0x20, entries...)
	// The section length field holds 12 bits: the section claims the most
	// it can and its bytes run on for all 10^4 entries.
	sec := append([]byte{pmtTID, 0xBF, 0xFF, 0, 1, 0xC1, 0, 0}, body...)
	w.sectionRaw(0x1000, sec)
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: w.b, Limit: 32 << 20}}
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.LessOrEqual(t, len(info.Streams), maxStreamsPerProgram)
	// The same PMT cut to the section limit with a valid CRC.
	w = newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	n := (maxSectionSize - 3 - 5 - 4 - 4) / 5
	w.section(0x1000, pmtTID, 1, pmt(0x20, entries[:n]...))
	info = readTS(t, w.b)
	assert.Len(t, info.Streams, maxStreamsPerProgram)
}

// nullSource is 1 GB of null packets, made on demand.
type nullSource struct {
	size          int64
	budget        *container.Budget
	reads, nbytes int64
}

func (s *nullSource) ReadAt(p []byte, off int64) (int, error) {
	s.reads++
	n := 0
	for ; n < len(p) && off+int64(n) < s.size; n++ {
		switch (off + int64(n)) % tsPacketSize {
		case 0:
			p[n] = syncByte
		case 1:
			p[n] = 0x1F
		case 2:
			p[n] = 0xFF
		case 3:
			p[n] = 0x10
		default:
			p[n] = 0xFF
		}
	}
	s.nbytes += int64(n)
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (s *nullSource) Size() int64               { return s.size }
func (s *nullSource) Budget() *container.Budget { return s.budget }

// TestHostileGigabyteOfNullPackets: the probe reads a bounded head and
// tail of a 1 GB object of null packets, whatever its size.
func TestHostileGigabyteOfNullPackets(t *testing.T) {
	src := &nullSource{size: 1 << 30, budget: container.NewBudget(nil, container.Limits{})}
	assert.Equal(t, 100+10-10, probe(make2048(src)))
	begin := time.Now()
	info, err := read(src, 0, container.Options{})
	require.NoError(t, err)
	assert.Empty(t, info.Streams)
	assert.Less(t, time.Since(begin), 5*time.Second)
	assert.LessOrEqual(t, src.nbytes, int64(pes.HeadSize+2*pes.TailWindow+2048))
	assert.LessOrEqual(t, src.reads, int64(3))
}

func make2048(src *nullSource) []byte {
	b := make([]byte, 2048*2)
	src.ReadAt(b, 0)
	return b
}
