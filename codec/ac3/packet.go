package ac3

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
)

// frameBufferSize is AC3_FRAME_BUFFER_SIZE: the decoder copies no more of
// a packet than this into its buffer.
const frameBufferSize = 32768

// minTrailing is the most a packet may hold after a frame without the
// decoder looking for a dependent frame there (ac3_decode_frame skips up
// to 16 bytes of padding).
const minTrailing = 16

// Packet is what FFmpeg's decoder takes from one packet
// (ac3_decode_frame): an independent frame (AC-3, or E-AC-3 substream 0)
// and the E-AC-3 dependent frames that follow it in the packet, which add
// channels to it (a 7.1 programme is a 5.1 independent substream and a
// dependent one). In MP4 a sample holds them all; in raw streams,
// Matroska and MPEG-TS FFmpeg's parser puts a frame and its dependent
// frames in one packet.
type Packet struct {
	Independent SyncFrame // the AC-3 frame, or E-AC-3 substream 0's independent frame
	// Dependent are the dependent frames the decoder decodes after the
	// independent one: those with substream id 0 and the same number of
	// blocks and sample rate as the frame before them.
	Dependent []SyncFrame
}

// ParsePacket reads the frames of a packet as ac3_decode_frame does. b
// should start with the frame's syncword and hold the whole packet (a
// header alone gives the independent frame, without the dependent frames
// that would follow it). A byte-swapped stream (0x770B, as some WAV files
// carry AC-3) is read swapped, as the decoder reads it.
//
// It refuses what the decoder does not decode: a frame ParseSyncFrame
// refuses, a dependent frame with no independent frame before it, an
// E-AC-3 substream other than 0 (container.ErrUnsupported: FFmpeg 5.1
// skips it), and reduced sample rate E-AC-3 (container.ErrUnsupported,
// returned with the parsed packet). A dependent frame the decoder would
// refuse ends the packet.
func ParsePacket(b []byte) (Packet, error) {
	var p Packet
	if len(b) > frameBufferSize {
		b = b[:frameBufferSize]
	}
	if len(b) >= 2 && b[0] == 0x77 && b[1] == 0x0B {
		b = swap16(b)
	}
	f, err := parseSyncFrame(b, 0)
	p.Independent = f
	if err != nil {
		return p, err
	}
	if f.IsEAC3() {
		switch {
		case f.Strmtyp == StrmtypDependent:
			return p, errorf(0, container.ErrMalformed, "dependent frame without an independent frame")
		case f.Substreamid != 0:
			return p, errorf(0, container.ErrUnsupported, "substream %d", f.Substreamid)
		case f.Fscod == 3:
			return p, errorf(0, container.ErrUnsupported, "reduced sample rate %d Hz", f.SampleRate())
		}
	}
	prev := f
	for off := prev.FrameSize(); len(b)-off > minTrailing; off += prev.FrameSize() {
		// Each frame is at least 8 bytes, so the loop ends within
		// len(b)/8 rounds.
		d, err := parseSyncFrame(b[off:], int64(off))
		if err != nil || !d.IsEAC3() || d.Strmtyp != StrmtypDependent ||
			d.NumBlocks() != prev.NumBlocks() || d.SampleRate() != prev.SampleRate() || d.Substreamid != 0 {
			break
		}
		p.Dependent = append(p.Dependent, d)
		if codec.LayoutChannels(p.Layout()) > maxChannels {
			// ac3_decode_frame: "Too many channels coded".
			p.Dependent = p.Dependent[:len(p.Dependent)-1]
			break
		}
		prev = d
	}
	return p, nil
}

// swap16 returns b with the bytes of each 16-bit word swapped.
func swap16(b []byte) []byte {
	s := make([]byte, len(b)&^1)
	for i := 0; i+1 < len(b); i += 2 {
		s[i], s[i+1] = b[i+1], b[i]
	}
	return s
}

// last returns the frame the decoder decoded last, and the one before it
// (the zero frame when there is only one).
func (p Packet) last() (last, prev SyncFrame, dependent bool) {
	n := len(p.Dependent)
	switch n {
	case 0:
		return p.Independent, SyncFrame{}, false
	case 1:
		return p.Dependent[0], p.Independent, true
	}
	return p.Dependent[n-1], p.Dependent[n-2], true
}

// SampleRate returns the decoder's sample rate in Hz.
func (p Packet) SampleRate() int { return p.Independent.SampleRate() }

// Layout returns the decoder's channel layout as a mask. Without a
// dependent frame it is the independent frame's. With one, ac3_decode_frame
// takes the layout of the frame before the last (the independent frame,
// for the usual single dependent frame) and adds the channels of the
// custom channel map (the last map a dependent frame carried; none without
// one): a 5.1 independent substream and a dependent one mapping Lrs/Rrs
// make 7.1.
func (p Packet) Layout() uint64 {
	last, prev, dependent := p.last()
	if !dependent {
		return last.Layout()
	}
	var chanmap uint16
	for _, d := range p.Dependent {
		if d.Chanmape {
			chanmap = d.Chanmap
		}
	}
	return prev.Layout() | channelMap(chanmap)
}

// Channels returns the decoder's channel count.
func (p Packet) Channels() int { return codec.LayoutChannels(p.Layout()) }

// BitRate returns the bit rate the decoder reports in bit/s
// (ac3_decode_frame): the last frame's rate plus the rate of the frame
// before it when that was a dependent frame's predecessor, so an
// independent and a dependent E-AC-3 frame add up. ffprobe prints this for
// E-AC-3; for AC-3 it prints the parser's average of the frames' nominal
// rates, which for the first frame is the same.
func (p Packet) BitRate() int64 {
	last, prev, dependent := p.last()
	if !dependent {
		return last.BitRate()
	}
	return last.BitRate() + prev.BitRate()
}

// ServiceType returns the audio service type the decoder reports
// (ac3_decode_frame): the last frame's Bsmod, karaoke for 7 with more than
// one channel in that frame. E-AC-3 carries Bsmod only in the
// informational metadata, so without it the service is main. Where no
// parser runs after the decoder (MP4, Matroska) avformat_find_stream_info
// derives the disposition from this value
// ([container.AudioService.Disposition]).
func (p Packet) ServiceType() container.AudioService {
	last, _, _ := p.last()
	return serviceType(last.Bsmod, last.Channels())
}

// SampleFmt is the sample format of FFmpeg's AC-3 and E-AC-3 decoders
// (the float ones, which libavcodec registers first): planar float.
const SampleFmt = "fltp"

// Describe sets on st what ffprobe prints for a stream whose first packet
// is p: the sample rate, the channels and their layout, the sample format
// and the bit rate (BitRate; containers that know AC-3's nominal rate
// from elsewhere, such as dac3, give the same value). It sets no profile
// (FFmpeg 5.1 has none for either codec) and leaves the disposition and
// side data to the container: see ServiceType and
// SyncFrame.ParserServiceType.
func (p Packet) Describe(st *container.Stream) {
	st.SampleRate = p.SampleRate()
	mask := p.Layout()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
	st.SampleFmt = SampleFmt
	st.BitRate = p.BitRate()
}
