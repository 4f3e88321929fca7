package mlp

import "github.com/mediaprobe/mediaprobe/codec"

// assignmentChannels are the channels of each bit of a TrueHD channel
// assignment, bit 0 first (thd_layout in libavcodec/mlp_parse.c): L/R, C,
// LFE, Ls/Rs, Lvh/Rvh, Lc/Rc, Lrs/Rrs, Cs, Ts, Lsd/Rsd, Lw/Rw, Cvh, LFE2.
// These are TrueHD's channel positions, not a table of layouts; they were
// container/mp4's thdLayout.
var assignmentChannels = [13]uint64{
	codec.ChFL | codec.ChFR, codec.ChFC, codec.ChLFE, codec.ChSL | codec.ChSR,
	codec.ChTFL | codec.ChTFR, codec.ChFLC | codec.ChFRC, codec.ChBL | codec.ChBR,
	codec.ChBC, codec.ChTC, codec.ChSDL | codec.ChSDR, codec.ChWL | codec.ChWR,
	codec.ChTFC, codec.ChLFE2,
}

// AssignmentLayout returns the channels of a TrueHD channel assignment (a
// 6- or 8-channel presentation's, or a dmlp box's) as a layout mask
// (truehd_layout in libavcodec/mlp_parse.c); bits above 12 name no
// channel.
func AssignmentLayout(assignment uint16) uint64 { return assignmentLayout(assignment) }

func assignmentLayout(assignment uint16) uint64 {
	var mask uint64
	for i, ch := range assignmentChannels {
		if assignment&(1<<uint(i)) != 0 {
			mask |= ch
		}
	}
	return mask
}

// mlpAssignments are the layouts of MLP's channel assignment codes
// (mlp_layout in libavcodec/mlp_parse.c; DVD-Audio's channel
// assignments): the codes repeat layouts with the channels split
// differently between the two groups, and 21 and above name none.
var mlpAssignments = [21]uint64{
	codec.LayoutMono,
	codec.LayoutStereo,
	codec.Layout2_1,
	codec.LayoutQuad,
	codec.LayoutStereo | codec.ChLFE,
	codec.Layout2_1 | codec.ChLFE,
	codec.LayoutQuad | codec.ChLFE,
	codec.LayoutSurround,
	codec.Layout4Point0,
	codec.Layout5Point0Back,
	codec.LayoutSurround | codec.ChLFE,
	codec.Layout4Point0 | codec.ChLFE,
	codec.Layout5Point1Back,
	codec.Layout4Point0,
	codec.Layout5Point0Back,
	codec.LayoutSurround | codec.ChLFE,
	codec.Layout4Point0 | codec.ChLFE,
	codec.Layout5Point1Back,
	codec.LayoutQuad | codec.ChLFE,
	codec.Layout5Point0Back,
	codec.Layout5Point1Back,
}

// mlpLayout returns the layout of an MLP channel assignment, 0 for codes
// that name none.
func mlpLayout(code uint8) uint64 {
	if int(code) >= len(mlpAssignments) {
		return 0
	}
	return mlpAssignments[code]
}
