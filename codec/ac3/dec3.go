package ac3

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// DEC3 is the EC3SpecificBox of an MP4 E-AC-3 sample entry (ETSI TS 102
// 366 F.6): the programme's data rate and one entry per independent
// substream.
type DEC3 struct {
	// DataRate is data_rate, the programme's bit rate in kbit/s.
	DataRate uint16
	// NumIndSub is num_ind_sub: the independent substreams minus one.
	NumIndSub uint8
	// Substreams are the independent substreams' entries, as many as the
	// box holds of the NumIndSub+1 it declares.
	Substreams []EC3Substream
}

// EC3Substream is one independent substream of a dec3 box.
type EC3Substream struct {
	Fscod uint8 // sample rate code
	Bsid  uint8 // bit stream identification
	// Reserved is the reserved bit before asvc; mov_read_dec3 reads it as
	// part of the service type (see DEC3.ServiceType).
	Reserved uint8
	Asvc     bool  // asvc: the substream is an associated service
	Bsmod    uint8 // bit stream mode
	Acmod    uint8 // audio coding mode
	LFEOn    bool  // lfeon
	// NumDepSub is num_dep_sub, the dependent substreams of this one.
	NumDepSub uint8
	// ChanLoc is chan_loc, the channel locations the dependent substreams
	// add (bit 8 Lc/Rc ... bit 0 Lvh/Rvh, TS 102 366 Table F.6.1), when
	// NumDepSub is not 0.
	ChanLoc uint16
}

// ParseDEC3 reads a dec3 box payload (after the box header). It needs the
// data rate and the first substream (5 bytes), which is all mov_read_dec3
// reads; the other substreams are read as far as the box holds them, and a
// cut entry is reported with container.ErrTruncated together with the
// entries before it.
func ParseDEC3(b []byte) (DEC3, error) {
	var d DEC3
	if len(b) < 5 {
		return d, demuxkit.Errorf("ac3", "dec3", 0, container.ErrTruncated, "%d of 5 bytes", len(b))
	}
	r := bits.NewReader(b)
	d.DataRate = uint16(r.Bits(13))
	d.NumIndSub = uint8(r.Bits(3))
	for i := 0; i <= int(d.NumIndSub); i++ {
		var s EC3Substream
		s.Fscod = uint8(r.Bits(2))
		s.Bsid = uint8(r.Bits(5))
		s.Reserved = uint8(r.Bits(1))
		s.Asvc = r.Flag()
		s.Bsmod = uint8(r.Bits(3))
		s.Acmod = uint8(r.Bits(3))
		s.LFEOn = r.Flag()
		r.Skip(3) // reserved
		s.NumDepSub = uint8(r.Bits(4))
		if r.Err() != nil {
			return d, cutDEC3(i, d.NumIndSub, len(b))
		}
		// The fields mov_read_dec3 reads end here; chan_loc may run past a
		// 5-byte box, which still describes the stream.
		if s.NumDepSub > 0 {
			s.ChanLoc = uint16(r.Bits(9))
		} else {
			r.Skip(1) // reserved
		}
		d.Substreams = append(d.Substreams, s)
		if r.Err() != nil {
			return d, cutDEC3(i, d.NumIndSub, len(b))
		}
	}
	return d, nil
}

// cutDEC3 is the error of a dec3 box that ends inside substream i.
func cutDEC3(i int, numIndSub uint8, n int) error {
	return demuxkit.Errorf("ac3", "dec3", 0, container.ErrTruncated,
		"substream %d of %d cut at %d bytes", i+1, int(numIndSub)+1, n)
}

// Layout returns the channel layout mov_read_dec3 sets: the first
// independent substream's acmod and lfeon, without the dependent
// substreams (FFmpeg's decoder adds those once it decodes a frame).
func (d DEC3) Layout() uint64 {
	if len(d.Substreams) == 0 {
		return 0
	}
	s := d.Substreams[0]
	return codec.AC3Layout(uint(s.Acmod), s.LFEOn)
}

// ServiceType returns the audio service type mov_read_dec3 stores as the
// stream's side data. It reads five bits where bsmod has three, so the
// reserved bit and asvc come with it (an associated service of bsmod 2 is
// 10); karaoke replaces 7 when the layout has more than one channel.
func (d DEC3) ServiceType() container.AudioService {
	if len(d.Substreams) == 0 {
		return container.AudioServiceMain
	}
	s := d.Substreams[0]
	v := s.Reserved<<4 | s.Bsmod
	if s.Asvc {
		v |= 8
	}
	return serviceType(v, codec.LayoutChannels(d.Layout()))
}

// Describe sets on st what mov_read_dec3 sets: the channel layout and
// count of the first independent substream, and the Audio Service Type
// side data. The decoder replaces the layout (and sets the bit rate) once
// a frame is decoded (see Packet.Describe); the side data stays.
func (d DEC3) Describe(st *container.Stream) {
	mask := d.Layout()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
	st.AddSideData(container.AudioServiceType{Type: d.ServiceType()})
}
