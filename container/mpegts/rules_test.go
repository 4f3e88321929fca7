package mpegts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/pes"
)

// pcrPacket appends a packet on pid whose adaptation field carries a PCR
// of base (90 kHz) and no payload.
func (w *tsWriter) pcrPacket(pid int, base int64) {
	p := []byte{syncByte, byte(pid >> 8 & 0x1F), byte(pid), 0x20 | w.cc[pid], 183, 0x10,
		byte(base >> 25), byte(base >> 17), byte(base >> 9), byte(base >> 1), byte(base<<7) | 0x7E, 0}
	for len(p) < tsPacketSize {
		p = append(p, 0xFF)
	}
	w.b = append(w.b, p...)
}

func TestPrivateSectionTypeIsPES(t *testing.T) {
	// FFmpeg 5.1's is_pes_stream knows no type 0x05: the stream is a PES
	// stream of unknown type (a DVB AIT prints no codec_type).
	assert.True(t, isPESStream(0x05, 0))
	assert.False(t, isPESStream(0x13, 0))
	assert.False(t, isPESStream(0x86, tag("CUEI")))
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101), esEntry(0x05, 0x102)))
	for i := range 4 {
		w.pes(0x101, 0xC0, 126000+int64(i)*2160, mp2Frame())
	}
	info := readTS(t, w.b)
	require.Len(t, info.Streams, 2)
	s := info.Streams[1]
	assert.Equal(t, container.Unknown, s.Type)
	assert.Empty(t, s.CodecName)
	assert.Equal(t, uint32(5), s.CodecTag)
}

func TestSCTE35TimedByProgramPCR(t *testing.T) {
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	body := []byte{0xE1, 0x01, 0xF0, 6, descRegistration, 4, 'C', 'U', 'E', 'I'}
	body = append(body, esEntry(0x03, 0x101)...)
	body = append(body, esEntry(0x86, 0x258)...)
	w.section(0x1000, pmtTID, 1, body)
	// A cue before any PCR has no timestamp; the next ones take the last
	// PCR of the program's PCR PID.
	w.section(0x258, 0xFC, 0, []byte{1, 2, 3})
	w.pcrPacket(0x101, 63000)
	w.section(0x258, 0xFC, 0, []byte{1, 2, 4})
	for i := range 4 {
		w.pes(0x101, 0xC0, 128000+int64(i)*2160, mp2Frame())
	}
	w.section(0x258, 0xFC, 0, []byte{1, 2, 5})
	info := readTS(t, w.b)
	require.Len(t, info.Streams, 2)
	cue := info.Streams[1]
	assert.Equal(t, "scte_35", cue.CodecName)
	assert.Equal(t, int64(63000), cue.StartPTS)
	assert.Equal(t, pes.NoPTS, cue.DurationTS, "every cue has the same PCR: no duration")
}

func TestContentProbeScores(t *testing.T) {
	// dts_probe skips the first 4 KiB of the probe buffer: a short DTS
	// stream is not named dts, whatever its first bytes.
	short := make([]byte, 2000)
	copy(short, []byte{0x7F, 0xFE, 0x80, 0x01})
	p := &pesStream{st: &container.Stream{}, data: short, requestProbe: 1}
	probeContent(p)
	assert.NotEqual(t, "dts", p.st.CodecName)

	// One MPEG audio frame in a short buffer scores 1: enough for a
	// stream of unknown type (request_probe 1), not for bin_data (4).
	one := append(mp2Frame(), make([]byte, 1000)...)
	p = &pesStream{st: &container.Stream{}, data: one, requestProbe: 1}
	probeContent(p)
	assert.Equal(t, "mp3", p.st.CodecName)
	p = &pesStream{st: &container.Stream{Type: container.Data, CodecName: "bin_data"}, data: one, requestProbe: 4}
	probeContent(p)
	assert.Equal(t, "bin_data", p.st.CodecName)
}

// adtsFrame is an ADTS frame (LC, 48 kHz, stereo) of n bytes.
func adtsFrame(n int) []byte {
	f := make([]byte, n)
	copy(f, []byte{0xFF, 0xF1, 0x4C, 0x80 | byte(n>>11&3), byte(n >> 3), byte(n<<5) | 0x1F, 0xFC})
	return f
}

func TestAnalysisEndsAfterFiveSeconds(t *testing.T) {
	// An audio-only stream: 8 frames in the first PES packet, 6 in each
	// after. The first packet's frames have no duration (the decoder has
	// not set its frame size when the parser splits them), so the
	// analysis ends at frame 244, and the parser has seen the 248 frames
	// of its packet: their average is the bit rate (as ffprobe 5.1 says
	// of such a file).
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	w.section(0x1000, pmtTID, 1, pmt(0x100, esEntry(0x0f, 0x100)))
	var want, n int64
	frame := 0
	for pkt := 0; frame < 400; pkt++ {
		count := 6
		if pkt == 0 {
			count = 8
		}
		var payload []byte
		for range count {
			size := 200 + frame*7%90
			payload = append(payload, adtsFrame(size)...)
			frame++
			if frame <= 248 {
				n++
				want += (int64(size)*8*48000/1024 - want) / n
			}
		}
		w.pes(0x100, 0xC0, 90000+int64(frame)*1920, payload)
	}
	info := readTS(t, w.b)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, "aac", info.Streams[0].CodecName)
	assert.Equal(t, want, info.Streams[0].BitRate)
}

func TestAnalysisVideoPacketsOnePESLate(t *testing.T) {
	// Audio and video PES packets alternate, one frame each. The video
	// reaches 5 s of counted packets at its 123rd (120 x 3750 ticks),
	// which its parser hands on only with the 124th PES packet, after the
	// 124th audio packet: the AAC bit rate averages 124 frames.
	v := &pesStream{st: &container.Stream{Type: container.Video, CodecName: "mpeg2video"}, frame: 3750}
	a := &pesStream{st: &container.Stream{Type: container.Audio, CodecName: "aac", SampleRate: 48000}}
	d := &demux{order: []*pesStream{v, a}}
	var want, n int64
	for i := range 200 {
		size := 200 + i*13%70
		a.data = append(a.data, adtsFrame(size)...)
		d.emitted = append(d.emitted, emission{a, len(a.data)})
		if i < 124 {
			n++
			want += (int64(size)*8*48000/1024 - want) / n
		}
		v.data = append(v.data, 0)
		d.emitted = append(d.emitted, emission{v, len(v.data)})
	}
	d.analysisCut()
	assert.Equal(t, want, a.st.BitRate)
}

func TestAnalysisMPEGAudioFramesAllCount(t *testing.T) {
	// MPEG audio packets have a duration from the first (unlike AAC's):
	// 44.1 kHz layer III frames of 2351 ticks reach 5 s at the 195th,
	// in the PES packet that ends with the 200th.
	a := &pesStream{st: &container.Stream{Type: container.Audio, CodecName: "mp3", SampleRate: 44100}, describedAs: "mp3"}
	d := &demux{order: []*pesStream{a}}
	idx := []byte{9, 5, 14}
	rates := []int64{128000, 64000, 320000}
	var want, n int64
	for i := range 300 {
		k := i % 3
		f := make([]byte, 144*int(rates[k])/44100)
		copy(f, []byte{0xFF, 0xFB, idx[k] << 4, 0x00})
		a.data = append(a.data, f...)
		if i < 200 {
			n++
			want += (rates[k] - want) / n
		}
		if i%10 == 9 {
			d.emitted = append(d.emitted, emission{a, len(a.data)})
		}
	}
	d.analysisCut()
	assert.Equal(t, want, a.st.BitRate)
}

func TestDecoderInitForStreamsWithoutPackets(t *testing.T) {
	// Streams the PMT declares and no packet describes: what the decoder
	// sets when opened.
	w := newTS()
	w.section(patPID, patTID, 1, pat([2]int{1, 0x1000}))
	ttx := []byte{descTeletext, 5, 'd', 'e', 'u', 0x09, 0x00}
	ac3 := []byte{descAC3, 1, 0}
	w.section(0x1000, pmtTID, 1, pmt(0x101, esEntry(0x03, 0x101), esEntry(0x06, 0x150, ttx...),
		esEntry(0x06, 0x151, ac3...), esEntry(0x04, 0x152)))
	for i := range 4 {
		w.pes(0x101, 0xC0, 126000+int64(i)*2160, mp2Frame())
	}
	info := readTS(t, w.b)
	require.Len(t, info.Streams, 4)
	assert.Equal(t, "dvb_teletext", info.Streams[1].CodecName)
	assert.Equal(t, 492, info.Streams[1].Width)
	assert.Equal(t, 250, info.Streams[1].Height)
	assert.Equal(t, "ac3", info.Streams[2].CodecName)
	assert.Equal(t, "fltp", info.Streams[2].SampleFmt)
	assert.Zero(t, info.Streams[2].SampleRate)
	assert.Equal(t, "mp3", info.Streams[3].CodecName)
	assert.Equal(t, "fltp", info.Streams[3].SampleFmt)
}
