package ac3

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// DAC3 is the AC3SpecificBox of an MP4 AC-3 sample entry (ETSI TS 102 366
// F.4): the fields of the stream's sync frames that a player needs before
// the first frame.
type DAC3 struct {
	Fscod uint8 // sample rate code, as in the syncinfo
	Bsid  uint8 // bit stream identification
	Bsmod uint8 // bit stream mode (audio service)
	Acmod uint8 // audio coding mode
	LFEOn bool  // lfeon
	// BitRateCode is bit_rate_code, frmsizecod>>1 of the frames: the
	// nominal bit rate.
	BitRateCode uint8
}

// ParseDAC3 reads a dac3 box payload (after the box header): 3 bytes.
// Errors wrap container.ErrTruncated. Reserved codes are not refused, as
// mov_read_dac3 refuses none; the methods give 0 for them.
func ParseDAC3(b []byte) (DAC3, error) {
	var d DAC3
	if len(b) < 3 {
		return d, demuxkit.Errorf("ac3", "dac3", 0, container.ErrTruncated, "%d of 3 bytes", len(b))
	}
	r := bits.NewReader(b[:3])
	d.Fscod = uint8(r.Bits(2))
	d.Bsid = uint8(r.Bits(5))
	d.Bsmod = uint8(r.Bits(3))
	d.Acmod = uint8(r.Bits(3))
	d.LFEOn = r.Flag()
	d.BitRateCode = uint8(r.Bits(5))
	return d, nil
}

// SampleRate returns the sample rate of Fscod in Hz, 0 for the reserved
// code 3. (mov_read_dac3 does not set the rate; the sample entry does.)
func (d DAC3) SampleRate() int {
	if d.Fscod == 3 {
		return 0
	}
	return sampleRates[d.Fscod]
}

// BitRate returns the nominal bit rate of BitRateCode in bit/s, 0 for the
// reserved codes above 18. It is the rate FFmpeg's parser reports for the
// frames of a constant rate stream.
func (d DAC3) BitRate() int64 {
	if int(d.BitRateCode) >= len(nominalRates) {
		return 0
	}
	return int64(nominalRates[d.BitRateCode]) * 1000
}

// Layout returns the channel layout of Acmod and LFEOn as a mask.
func (d DAC3) Layout() uint64 { return codec.AC3Layout(uint(d.Acmod), d.LFEOn) }

// ServiceType returns the audio service type mov_read_dac3 stores as the
// stream's side data: Bsmod, karaoke for 7 when the layout has more than
// one channel.
func (d DAC3) ServiceType() container.AudioService {
	return serviceType(d.Bsmod, codec.LayoutChannels(d.Layout()))
}

// Describe sets on st what mov_read_dac3 sets: the channel layout and
// count, and the Audio Service Type side data. The decoder replaces the
// layout once a frame is decoded (see Packet.Describe); the side data
// stays.
func (d DAC3) Describe(st *container.Stream) {
	mask := d.Layout()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
	st.AddSideData(container.AudioServiceType{Type: d.ServiceType()})
}
