package hevc

import (
	"encoding/binary"
	"math"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// The SEI payload types FFmpeg 5.1's HEVC decoder reads (H.265 Annex D,
// libavcodec/sei.h).
const (
	SEIPicTiming                    = 1
	SEIUserDataRegisteredITUTT35    = 4
	SEIUserDataUnregistered         = 5
	SEIFilmGrainCharacteristics     = 19
	SEIFramePackingArrangement      = 45
	SEIDisplayOrientation           = 47
	SEIActiveParameterSets          = 129
	SEIDecodedPictureHash           = 132
	SEITimeCode                     = 136
	SEIMasteringDisplayColourVolume = 137
	SEIContentLightLevelInfo        = 144
	SEIAlternativeTransfer          = 147
	// seiHashHM is the payload type HM 8.1 gave the decoded picture hash
	// in prefix SEI, which FFmpeg still reads there.
	seiHashHM = 256
)

// SEI is what FFmpeg's HEVC decoder keeps of the SEI messages it reads
// with the parameter sets (HEVCSEI) that ffprobe reports for the stream
// (export_stream_params_from_sei in libavcodec/hevcdec.c): closed
// captions, film grain and a preferred transfer characteristic.
//
// The mastering display colour volume and content light level messages
// are checked (their length decides whether the messages after them are
// read) but not kept: FFmpeg 5.1 attaches them to decoded frames, and
// ffprobe -show_streams prints no side data from them.
type SEI struct {
	// A53CCCount is the number of cc_data triplets of ATSC A/53 closed
	// captions (user_data_registered_itu_t_t35, "GA94") gathered; any
	// makes the decoder report closed captions.
	A53CCCount int
	// FilmGrain is set when the last film_grain_characteristics message
	// was read whole and did not cancel.
	FilmGrain bool
	// AlternativeTransferPresent and PreferredTransferCharacteristics are
	// the last alternative_transfer_characteristics message.
	AlternativeTransferPresent       bool
	PreferredTransferCharacteristics uint8
	// ActiveSPSID is active_seq_parameter_set_id of the last
	// active_parameter_sets message, the SPS FFmpeg consults for a
	// pic_timing message.
	ActiveSPSID uint32
	// PictureStruct is what decode_nal_sei_pic_timing makes of the last
	// pic_timing message's pic_struct, where that SPS's VUI has
	// frame_field_info_present_flag: one of the PictureStruct constants.
	PictureStruct int
}

// The picture structures decode_nal_sei_pic_timing sets
// (AV_PICTURE_STRUCTURE_* and libavcodec/hevc_sei.h).
const (
	PictureStructUnknown  = 0
	PictureStructTop      = 1 // pic_struct 1, 9, 11
	PictureStructBottom   = 2 // pic_struct 2, 10, 12
	PictureStructDoubling = 7 // pic_struct 7
	PictureStructTripling = 8 // pic_struct 8
)

// maxSPSIDs is the largest num_sps_ids_minus1 + 1 (H.265 D.3.6).
const maxSPSIDs = 16

// decodeSEI reads the messages of an SEI NAL unit in order, as
// ff_hevc_decode_nal_sei does, into ps.SEI. The first message FFmpeg
// refuses ends the unit with an error; the messages before it count.
func (ps *ParamSets) decodeSEI(u unit) error {
	const what = "sei"
	// The messages are bytes: those of the unit's bits after the header.
	b := u.rbsp[nalHeaderSize:]
	b = b[:(u.nbits-8*nalHeaderSize)/8]
	off := nalHeaderSize
	for {
		typ, size := 0, 0
		for c := byte(0xFF); c == 0xFF; {
			if len(b) < 2 || typ > math.MaxInt32-255 {
				return demuxkit.Errorf("hevc", what, int64(off), container.ErrTruncated, "payload type cut short")
			}
			c, b, off = b[0], b[1:], off+1
			typ += int(c)
		}
		for c := byte(0xFF); c == 0xFF; {
			if len(b) < 1+size {
				return demuxkit.Errorf("hevc", what, int64(off), container.ErrTruncated, "payload size cut short")
			}
			c, b, off = b[0], b[1:], off+1
			size += int(c)
		}
		if len(b) < size {
			return demuxkit.Errorf("hevc", what, int64(off), container.ErrTruncated, "payload type %d of %d bytes, %d left", typ, size, len(b))
		}
		var err error
		if u.hdr.Type == NALSEIPrefix {
			err = ps.prefixSEI(typ, b[:size])
		}
		// Of the suffix messages FFmpeg reads only the picture hash,
		// which cannot fail.
		if err != nil {
			return demuxkit.Errorf("hevc", what, int64(off), container.ErrMalformed, "payload type %d: %v", typ, err)
		}
		b, off = b[size:], off+size
		if len(b) == 0 {
			return nil
		}
	}
}

// seiError is a refused SEI message; decodeSEI gives it an offset.
type seiError string

func (e seiError) Error() string { return string(e) }

// prefixSEI reads one message of a prefix SEI unit (decode_nal_sei_prefix
// in libavcodec/hevc_sei.c), with FFmpeg's checks.
func (ps *ParamSets) prefixSEI(typ int, p []byte) error {
	switch typ {
	case SEIPicTiming:
		// decode_nal_sei_pic_timing needs the active SPS; its only
		// product, the picture structure, is the parser's concern.
		sps := ps.SPS[ps.SEI.ActiveSPSID]
		if sps == nil {
			return seiError("pic_timing without an active sps")
		}
		if sps.VUI.FrameFieldInfoPresentFlag {
			ps.SEI.PictureStruct = PictureStructUnknown
			if len(p) > 0 {
				switch p[0] >> 4 { // pic_struct
				case 1, 9, 11:
					ps.SEI.PictureStruct = PictureStructTop
				case 2, 10, 12:
					ps.SEI.PictureStruct = PictureStructBottom
				case 7:
					ps.SEI.PictureStruct = PictureStructDoubling
				case 8:
					ps.SEI.PictureStruct = PictureStructTripling
				}
			}
		}
	case SEIMasteringDisplayColourVolume:
		if len(p) < 24 {
			return seiError("mastering_display_colour_volume too short")
		}
	case SEIContentLightLevelInfo:
		if len(p) < 4 {
			return seiError("content_light_level_info too short")
		}
	case SEIActiveParameterSets:
		r := bits.NewReader(p)
		r.Skip(4 + 1 + 1) // active_video_parameter_set_id, self_contained_cvs_flag, no_parameter_set_update_flag
		if r.UE()+1 > maxSPSIDs {
			return seiError("num_sps_ids_minus1 above 15")
		}
		id := r.UE()
		if id >= MaxSPSCount {
			return seiError("active_seq_parameter_set_id above 15")
		}
		ps.SEI.ActiveSPSID = uint32(id)
	case SEIUserDataRegisteredITUTT35:
		return ps.t35SEI(p)
	case SEIUserDataUnregistered:
		if len(p) < 16 {
			return seiError("user_data_unregistered too short")
		}
	case SEIAlternativeTransfer:
		if len(p) < 1 {
			return seiError("alternative_transfer_characteristics too short")
		}
		ps.SEI.AlternativeTransferPresent = true
		ps.SEI.PreferredTransferCharacteristics = p[0]
	case SEIFilmGrainCharacteristics:
		return ps.filmGrainSEI(p)
	}
	// The decoded picture hash, frame packing, display orientation and
	// time code messages are read without a check that can fail; the
	// other types are skipped.
	return nil
}

// The ITU-T T.35 codes FFmpeg recognises.
const (
	t35CountryUS      = 0xB5
	t35CountryChina   = 0x26
	t35CountryEscape  = 0xFF
	t35ProviderATSC   = 0x31
	t35ProviderSMPTE  = 0x3C
	t35ProviderCUVA   = 0x04
	t35UserIDGA94     = 0x47413934 // "GA94"
	a53UserDataTypeCC = 3
	a53HeaderBytes    = 3
	a53BytesPerCC     = 3
)

// t35SEI reads user_data_registered_itu_t_t35 as
// decode_nal_sei_user_data_registered_itu_t_t35 does: ATSC A/53 captions
// are counted; HDR10+ (SMPTE ST 2094-40) and HDR Vivid (CUVA 005.1)
// metadata are only checked, as FFmpeg refuses them.
func (ps *ParamSets) t35SEI(p []byte) error {
	if len(p) < 3 {
		return seiError("itu_t_t35 too short")
	}
	country := p[0]
	p = p[1:]
	if country == t35CountryEscape {
		if len(p) < 3 {
			return seiError("itu_t_t35 too short")
		}
		p = p[1:]
	}
	if country != t35CountryUS && country != t35CountryChina {
		return nil
	}
	provider := binary.BigEndian.Uint16(p)
	p = p[2:]
	switch provider {
	case t35ProviderCUVA:
		if len(p) < 2 {
			return seiError("cuva itu_t_t35 too short")
		}
		if binary.BigEndian.Uint16(p) == cuvaOrientedCode && !hdrVividValid(p[2:]) {
			return seiError("hdr vivid metadata refused")
		}
	case t35ProviderSMPTE:
		if len(p) < 3 {
			return seiError("smpte itu_t_t35 too short")
		}
		if binary.BigEndian.Uint16(p) == smpte2094_40OrientedCode && p[2] == smpte2094_40Application && !hdr10PlusValid(p[3:]) {
			return seiError("hdr10+ metadata refused")
		}
	case t35ProviderATSC:
		if len(p) < 4 {
			return seiError("atsc itu_t_t35 too short")
		}
		if binary.BigEndian.Uint32(p) == t35UserIDGA94 {
			return ps.a53SEI(p[4:])
		}
	}
	return nil
}

// a53SEI reads ATSC A/53 cc_data as ff_parse_a53_cc (libavcodec/atsc_a53.c)
// does: only caption data with process_cc_data_flag and a non-zero
// cc_count counts, and the triplets and a marker byte must fit.
func (ps *ParamSets) a53SEI(p []byte) error {
	if len(p) < a53HeaderBytes {
		return seiError("a53 cc_data too short")
	}
	if p[0] != a53UserDataTypeCC || p[1]&0x40 == 0 { // user_data_type_code, process_cc_data_flag
		return nil
	}
	n := int(p[1] & 0x1F) // cc_count
	if n == 0 {
		return nil
	}
	if n*a53BytesPerCC >= len(p)-a53HeaderBytes {
		return seiError("a53 cc_count past the payload")
	}
	ps.SEI.A53CCCount += n
	return nil
}

// filmGrainSEI reads film_grain_characteristics as
// decode_film_grain_characteristics does: a cancel flag clears the film
// grain, and a component with more than six model values is refused (and
// clears it too).
func (ps *ParamSets) filmGrainSEI(p []byte) error {
	r := bits.NewReader(p)
	ps.SEI.FilmGrain = false
	if r.Flag() { // film_grain_characteristics_cancel_flag
		return nil
	}
	r.Skip(2)     // film_grain_model_id
	if r.Flag() { // separate_colour_description_present_flag
		r.Skip(3 + 3 + 1 + 8 + 8 + 8)
	}
	r.Skip(2 + 4) // blending_mode_id, log2_scale_factor
	var present [3]bool
	for c := range present {
		present[c] = r.Flag()
	}
	for c := range present {
		if !present[c] {
			continue
		}
		intervals := int(r.U8()) + 1
		values := int(r.Bits(3)) + 1
		if values > 6 {
			return seiError("film grain num_model_values above 6")
		}
		for i := 0; i < intervals && r.Err() == nil; i++ {
			r.Skip(16) // intensity_interval_lower_bound, _upper_bound
			for j := 0; j < values; j++ {
				r.SE() // comp_model_value
			}
		}
	}
	r.Skip(1) // film_grain_characteristics_persistence_flag
	ps.SEI.FilmGrain = true
	return nil
}
