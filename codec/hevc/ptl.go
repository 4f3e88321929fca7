package hevc

import (
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The general_profile_idc values FFmpeg 5.1 names (FF_PROFILE_HEVC_*).
const (
	ProfileMain             = 1
	ProfileMain10           = 2
	ProfileMainStillPicture = 3
	ProfileRExt             = 4
)

// ProfileName returns the name ffprobe 5.1 prints for a profile
// (ff_hevc_profiles in libavcodec/profiles.c), "" for the profiles it has
// no name for (ffprobe then prints the number).
func ProfileName(profile int) string {
	switch profile {
	case ProfileMain:
		return "Main"
	case ProfileMain10:
		return "Main 10"
	case ProfileMainStillPicture:
		return "Main Still Picture"
	case ProfileRExt:
		return "Rext"
	}
	return ""
}

// ProfileInfo is the part of profile_tier_level() (H.265 7.3.3) that the
// general layer and each sub-layer with sub_layer_profile_present_flag
// have: the general_* or sub_layer_* syntax elements, less the prefix.
// The constraint flags that the profile does not define are read as the
// reserved bits they are and left false.
type ProfileInfo struct {
	ProfileSpace uint8
	TierFlag     bool
	ProfileIDC   uint8 // as coded; see Profile
	// ProfileCompatibilityFlags holds profile_compatibility_flag[j] in bit
	// 31-j, in the order they are coded.
	ProfileCompatibilityFlags uint32
	ProgressiveSourceFlag     bool
	InterlacedSourceFlag      bool
	NonPackedConstraintFlag   bool
	FrameOnlyConstraintFlag   bool

	Max12BitConstraintFlag       bool
	Max10BitConstraintFlag       bool
	Max8BitConstraintFlag        bool
	Max422ChromaConstraintFlag   bool
	Max420ChromaConstraintFlag   bool
	MaxMonochromeConstraintFlag  bool
	IntraConstraintFlag          bool
	OnePictureOnlyConstraintFlag bool
	LowerBitRateConstraintFlag   bool
	Max14BitConstraintFlag       bool
	InbldFlag                    bool
	LevelIDC                     uint8 // general_level_idc or sub_layer_level_idc; 0 when not present
}

// ProfileCompatible reports profile_compatibility_flag[j].
func (p *ProfileInfo) ProfileCompatible(j int) bool {
	return j >= 0 && j < 32 && p.ProfileCompatibilityFlags>>(31-j)&1 == 1
}

// Profile returns the profile FFmpeg takes for the layer, which the
// decoder reports (decode_profile_tier_level in libavcodec/hevc_ps.c):
// ProfileIDC, or when that is 0 the lowest j >= 1 whose compatibility
// flag is set (0 if none is).
func (p *ProfileInfo) Profile() int {
	if p.ProfileIDC != 0 {
		return int(p.ProfileIDC)
	}
	for j := 1; j < 32; j++ {
		if p.ProfileCompatible(j) {
			return j
		}
	}
	return 0
}

// ProfileTierLevel is profile_tier_level(1, maxNumSubLayersMinus1)
// (H.265 7.3.3) as the VPS and the SPS carry it.
type ProfileTierLevel struct {
	General ProfileInfo
	// SubLayerProfilePresentFlag, SubLayerLevelPresentFlag and SubLayers
	// are indexed by sub-layer, below maxNumSubLayersMinus1.
	SubLayerProfilePresentFlag [MaxSubLayers - 1]bool
	SubLayerLevelPresentFlag   [MaxSubLayers - 1]bool
	SubLayers                  [MaxSubLayers - 1]ProfileInfo
}

// ptlBits is the size of the part ProfileInfo reads before the level: the
// fixed 88 bits of profile space, tier, profile, compatibility flags,
// source flags and the 43 constraint or reserved bits and the inbld bit.
const ptlBits = 2 + 1 + 5 + 32 + 4 + 43 + 1

// parse reads the profile part of the layer, as decode_profile_tier_level
// does: it refuses (false) when fewer than ptlBits bits are left.
func (p *ProfileInfo) parse(r bitSource) bool {
	if r.Left() < ptlBits {
		return false
	}
	p.ProfileSpace = uint8(r.Bits(2))
	p.TierFlag = r.Flag()
	p.ProfileIDC = uint8(r.Bits(5))
	p.ProfileCompatibilityFlags = r.U32()
	p.ProgressiveSourceFlag = r.Flag()
	p.InterlacedSourceFlag = r.Flag()
	p.NonPackedConstraintFlag = r.Flag()
	p.FrameOnlyConstraintFlag = r.Flag()
	// Which constraint flags the next 43 bits hold depends on the
	// profile, FFmpeg's effective one included (H.265 7.3.3).
	idc := p.Profile()
	is := func(js ...int) bool {
		for _, j := range js {
			if idc == j || p.ProfileCompatible(j) {
				return true
			}
		}
		return false
	}
	switch {
	case is(4, 5, 6, 7, 8, 9, 10):
		p.Max12BitConstraintFlag = r.Flag()
		p.Max10BitConstraintFlag = r.Flag()
		p.Max8BitConstraintFlag = r.Flag()
		p.Max422ChromaConstraintFlag = r.Flag()
		p.Max420ChromaConstraintFlag = r.Flag()
		p.MaxMonochromeConstraintFlag = r.Flag()
		p.IntraConstraintFlag = r.Flag()
		p.OnePictureOnlyConstraintFlag = r.Flag()
		p.LowerBitRateConstraintFlag = r.Flag()
		if is(5, 9, 10) {
			p.Max14BitConstraintFlag = r.Flag()
			r.Skip(33)
		} else {
			r.Skip(34)
		}
	case is(2):
		r.Skip(7)
		p.OnePictureOnlyConstraintFlag = r.Flag()
		r.Skip(35)
	default:
		r.Skip(43)
	}
	if is(1, 2, 3, 4, 5, 9) {
		p.InbldFlag = r.Flag()
	} else {
		r.Skip(1)
	}
	return true
}

// parseProfileTierLevel reads profile_tier_level(1, maxSubLayers-1) with
// the checks of parse_ptl (libavcodec/hevc_ps.c): the general part needs
// its 88 bits and then the level and the sub-layer flags their 8 and 16,
// each sub-layer profile its 88 and each sub-layer level its 8.
func parseProfileTierLevel(r bitSource, what string, maxSubLayers int) (ProfileTierLevel, error) {
	var p ProfileTierLevel
	flagBits := 0
	if maxSubLayers > 1 {
		flagBits = 16
	}
	if !p.General.parse(r) || r.Left() < 8+flagBits {
		return p, errorAt(what, r, container.ErrTruncated, "profile_tier_level too short")
	}
	p.General.LevelIDC = r.U8()
	for i := 0; i < maxSubLayers-1; i++ {
		p.SubLayerProfilePresentFlag[i] = r.Flag()
		p.SubLayerLevelPresentFlag[i] = r.Flag()
	}
	if maxSubLayers > 1 {
		r.Skip(2 * (8 - (maxSubLayers - 1))) // reserved_zero_2bits
	}
	for i := 0; i < maxSubLayers-1; i++ {
		sl := &p.SubLayers[i]
		if p.SubLayerProfilePresentFlag[i] && !sl.parse(r) {
			return p, errorAt(what, r, container.ErrTruncated, "profile_tier_level of sub-layer %d too short", i)
		}
		if p.SubLayerLevelPresentFlag[i] {
			if r.Left() < 8 {
				return p, errorAt(what, r, container.ErrTruncated, "no sub_layer_level_idc for sub-layer %d", i)
			}
			sl.LevelIDC = r.U8()
		}
	}
	return p, nil
}

// errorAt reports a problem in a parameter set at the reader's byte
// position within its RBSP.
func errorAt(what string, r bitSource, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("hevc", what, int64(r.BitPos()/8), kind, detail, args...)
}
