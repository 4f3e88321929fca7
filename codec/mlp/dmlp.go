package mlp

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// dmlpSize is the size mov_read_dmlp requires of the box payload.
const dmlpSize = 10

// DMLP is the MLPSpecificBox of an MP4 TrueHD sample entry ("mlpa"): the
// major sync's format_info and peak data rate.
type DMLP struct {
	FormatInfo   TrueHDFormatInfo // format_info, as in the major sync
	PeakDataRate uint16           // peak_data_rate, as in the major sync
}

// ParseDMLP reads a dmlp box payload (after the box header). Like
// mov_read_dmlp it needs 10 bytes; errors wrap container.ErrTruncated.
func ParseDMLP(b []byte) (DMLP, error) {
	var d DMLP
	if len(b) < dmlpSize {
		return d, demuxkit.Errorf("mlp", "dmlp", 0, container.ErrTruncated, "%d of %d bytes", len(b), dmlpSize)
	}
	r := bits.NewReader(b[:dmlpSize])
	d.FormatInfo = readTrueHDFormatInfo(r)
	d.PeakDataRate = uint16(r.Bits(15))
	return d, nil
}

// Layout returns the channel layout mov_read_dmlp sets: the 8-channel
// presentation's assignment when it is not 0, the 6-channel one's
// otherwise.
func (d DMLP) Layout() uint64 {
	if d.FormatInfo.EightChPresentationChannelAssignment != 0 {
		return d.FormatInfo.EightChLayout()
	}
	return d.FormatInfo.SixChLayout()
}

// Describe sets on st what mov_read_dmlp sets: the sample rate (0 for an
// unknown rate) and the channel layout and count. The decoder replaces
// them, and sets the sample format, once it has read the first access
// unit (see MajorSync.Describe).
func (d DMLP) Describe(st *container.Stream) {
	st.SampleRate = d.FormatInfo.SampleRate()
	mask := d.Layout()
	st.Channels = codec.LayoutChannels(mask)
	st.ChannelLayout = codec.LayoutName(mask)
}
