package aac

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// ProgramConfig is a program_config_element (ISO/IEC 14496-3, 4.4.1.1,
// Table 4.2): the channel elements of a stream whose channelConfiguration
// is 0. Only the element counts that decide the channel count and layout
// are kept.
type ProgramConfig struct {
	ObjectType    int // object_type (2 bits: profile, as in ADTS)
	SamplingIndex int
	// FrontCPE..BackCPE count the channel pair elements among the front,
	// side and back elements; Front..Back count all of them.
	Front, Side, Back          int
	FrontCPE, SideCPE, BackCPE int
	LFE                        int
	// CenterFirst reports that the first front element is a single
	// channel element, the centre that the decoder expects first when
	// the front has an odd channel count.
	CenterFirst bool
}

// Channels is the number of output channels: two per channel pair
// element, one per single channel and LFE element.
func (p ProgramConfig) Channels() int {
	return p.Front + p.FrontCPE + p.Side + p.SideCPE + p.Back + p.BackCPE + p.LFE
}

// Layout returns the layout name ffprobe prints for the common element
// arrangements, "" for the others (for which FFmpeg's decoder,
// aacdec_template.c sniff_channel_order, may print a custom or unknown
// layout).
func (p ProgramConfig) Layout() string {
	front := p.Front + p.FrontCPE
	side := p.Side + p.SideCPE
	back := p.Back + p.BackCPE
	if front%2 == 1 && !p.CenterFirst {
		// FFmpeg's own encoder writes L/R before C; ffprobe 5.1 then
		// prints an unknown layout.
		return ""
	}
	type key struct{ f, s, b, l int }
	switch (key{front, side, back, p.LFE}) {
	case key{1, 0, 0, 0}:
		return "mono"
	case key{2, 0, 0, 0}:
		return "stereo"
	case key{2, 0, 0, 1}:
		return "2.1"
	case key{2, 0, 2, 0}:
		return "quad"
	case key{4, 2, 0, 0}:
		return "6.0(front)"
	case key{3, 0, 0, 0}:
		return "3.0"
	case key{3, 0, 1, 0}:
		return "4.0"
	case key{3, 0, 2, 0}:
		return "5.0"
	case key{3, 0, 2, 1}:
		return "5.1"
	case key{3, 2, 2, 1}:
		return "7.1"
	}
	return ""
}

// parsePCE reads a program_config_element from r (positioned after any
// element id). Each element count is at most 15, so the loops are bounded
// by the syntax itself.
func parsePCE(r *bits.Reader) (ProgramConfig, error) {
	var p ProgramConfig
	r.Skip(4) // element_instance_tag
	p.ObjectType = int(r.Bits(2))
	p.SamplingIndex = int(r.Bits(4))
	p.Front = int(r.Bits(4))
	p.Side = int(r.Bits(4))
	p.Back = int(r.Bits(4))
	p.LFE = int(r.Bits(2))
	assoc := int(r.Bits(3))
	cc := int(r.Bits(4))
	if r.Flag() { // mono_mixdown_present
		r.Skip(4)
	}
	if r.Flag() { // stereo_mixdown_present
		r.Skip(4)
	}
	if r.Flag() { // matrix_mixdown_idx_present
		r.Skip(3)
	}
	// elements counts the channel pair elements among n elements and
	// reports whether the first is a single channel element.
	elements := func(n int) (cpe int, firstSCE bool) {
		for i := 0; i < n; i++ {
			isCPE := r.Flag()
			if isCPE {
				cpe++
			}
			if i == 0 {
				firstSCE = !isCPE
			}
			r.Skip(4) // element_tag_select
		}
		return cpe, firstSCE
	}
	p.FrontCPE, p.CenterFirst = elements(p.Front)
	p.SideCPE, _ = elements(p.Side)
	p.BackCPE, _ = elements(p.Back)
	r.Skip(4 * p.LFE) // lfe_element_tag_select
	r.Skip(4 * assoc) // assoc_data_element_tag_select
	r.Skip(5 * cc)    // cc_element_is_ind_sw, valid_cc_element_tag_select
	if r.Err() != nil {
		return p, demuxkit.Errorf("aac", "program config element", int64(r.BitLen()/8), container.ErrTruncated, "ends after %d bits", r.BitPos())
	}
	return p, nil
}
