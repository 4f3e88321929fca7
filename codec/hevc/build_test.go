package hevc

import "encoding/binary"

// bitWriter builds bitstreams for the tests, most significant bit first,
// with the Exp-Golomb codes of H.265 9.2. testdata/craft.py is the same
// builder for the goldens.
type bitWriter struct {
	bits []byte // one bit a byte
}

func (w *bitWriter) u(n int, v uint64) *bitWriter {
	for i := n - 1; i >= 0; i-- {
		w.bits = append(w.bits, byte(v>>uint(i)&1))
	}
	return w
}

func (w *bitWriter) flag(b bool) *bitWriter {
	if b {
		return w.u(1, 1)
	}
	return w.u(1, 0)
}

func (w *bitWriter) ue(v uint64) *bitWriter {
	v++
	n := 0
	for v>>uint(n) > 1 {
		n++
	}
	return w.u(n, 0).u(n+1, v)
}

func (w *bitWriter) se(v int64) *bitWriter {
	if v > 0 {
		return w.ue(uint64(2*v - 1))
	}
	return w.ue(uint64(-2 * v))
}

// trailing appends rbsp_trailing_bits().
func (w *bitWriter) trailing() *bitWriter {
	w.u(1, 1)
	for len(w.bits)%8 != 0 {
		w.u(1, 0)
	}
	return w
}

// bytes packs the bits, padding the last byte with zeros.
func (w *bitWriter) bytes() []byte {
	out := make([]byte, (len(w.bits)+7)/8)
	for i, b := range w.bits {
		out[i/8] |= b << (7 - uint(i%8))
	}
	return out
}

// escape inserts emulation prevention bytes into an RBSP (H.265 7.4.2).
func escape(rbsp []byte) []byte {
	var out []byte
	zeros := 0
	for _, c := range rbsp {
		if zeros >= 2 && c <= 3 {
			out = append(out, 3)
			zeros = 0
		}
		out = append(out, c)
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	if zeros >= 2 {
		out = append(out, 3)
	}
	return out
}

// nalUnit makes a NAL unit of type typ (layer 0, temporal id 0) whose
// payload is w's bits, with trailing bits and emulation prevention.
func nalUnit(typ uint8, w *bitWriter) []byte {
	h := (&bitWriter{}).u(1, 0).u(6, uint64(typ)).u(6, 0).u(3, 1)
	h.bits = append(h.bits, w.bits...)
	return escape(h.trailing().bytes())
}

// ptlMain writes profile_tier_level() of the Main profile, level 2
// (general_level_idc 60), for one sub-layer.
func ptlMain(w *bitWriter) {
	w.u(2, 0).flag(false).u(5, 1).u(32, 1<<30) // general_profile_space, tier, idc 1, compatible with 1
	w.u(4, 0b1001).u(43, 0).u(1, 0)            // source flags, constraint flags, inbld
	w.u(8, 60)                                 // general_level_idc
}

// vpsMain is a VPS for one sub-layer of the Main profile.
func vpsMain() []byte { return vpsReorder(2) }

// vpsReorder is vpsMain with another vps_max_num_reorder_pics.
func vpsReorder(reorder uint64) []byte {
	w := &bitWriter{}
	w.u(4, 0).u(2, 3).u(6, 0).u(3, 0).flag(true).u(16, 0xFFFF) // id 0, base layer flags, layers, sub-layers, nesting, reserved
	ptlMain(w)
	w.flag(true).ue(4).ue(reorder).ue(0) // ordering info: 5 pictures buffered
	w.u(6, 0).ue(0)                      // vps_max_layer_id, vps_num_layer_sets_minus1
	w.flag(false).flag(false)            // no timing info, no extension
	return nalUnit(NALVPS, w)
}

// spsOpts vary the SPS spsMain writes; the zero value is a 320x240
// 4:2:0 8-bit SPS with two reordered pictures and no VUI.
type spsOpts struct {
	maxSubLayersMinus1 uint64
	log2MaxPOCMinus4   uint64
	stRPS              func(w *bitWriter) // writes num_short_term_ref_pic_sets and the sets
	scaling            func(w *bitWriter) // writes scaling_list_data()
	vui                func(w *bitWriter) // writes vui_parameters()
	cut                int                // bits to keep, 0 for all
}

// spsMain writes an SPS of the Main profile, varied by o.
func spsMain(o spsOpts) []byte {
	w := &bitWriter{}
	w.u(4, 0).u(3, o.maxSubLayersMinus1).flag(true) // sps_video_parameter_set_id, sps_max_sub_layers_minus1, nesting
	ptlMain(w)
	w.ue(0).ue(1).ue(320).ue(240).flag(false) // sps id, 4:2:0, size, no conformance window
	w.ue(0).ue(0).ue(o.log2MaxPOCMinus4)      // bit depths 8, log2_max_pic_order_cnt_lsb_minus4
	w.flag(false).ue(4).ue(2).ue(0)           // ordering info of the highest sub-layer
	w.ue(0).ue(3).ue(0).ue(3).ue(1).ue(1)     // CB 8..64, TB 4..32, hierarchy depths
	if o.scaling != nil {
		w.flag(true).flag(true) // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
		o.scaling(w)
	} else {
		w.flag(false)
	}
	w.flag(false).flag(true).flag(false) // amp, sao, pcm
	if o.stRPS != nil {
		o.stRPS(w)
	} else {
		w.ue(0)
	}
	w.flag(false).flag(true).flag(true) // long-term refs, temporal mvp, strong intra smoothing
	if o.vui != nil {
		w.flag(true)
		o.vui(w)
	} else {
		w.flag(false)
	}
	w.flag(false) // sps_extension_present_flag
	if o.cut > 0 && o.cut < len(w.bits) {
		w.bits = w.bits[:o.cut]
	}
	return nalUnit(NALSPS, w)
}

// ppsMain is a PPS for SPS 0 with default values.
func ppsMain() []byte {
	w := &bitWriter{}
	w.ue(0).ue(0).flag(false).flag(false).u(3, 0).flag(true).flag(false) // ids, flags, sign data hiding, cabac init
	w.ue(0).ue(0).se(0).flag(false).flag(false).flag(false)              // ref idx, init qp, flags, no cu qp delta
	w.se(0).se(0).flag(false).flag(false).flag(false).flag(false)        // cb, cr offsets, flags
	w.flag(false).flag(false).flag(true).flag(false).flag(false)         // no tiles, wpp; loop filter; no deblocking control, scaling
	w.flag(false).ue(0).flag(false).flag(false)                          // lists modification, merge level, extensions
	return nalUnit(NALPPS, w)
}

// hvccOf makes an hvcC record (lengthSizeMinusOne 3) of the arrays, one
// NAL unit type an array.
func hvccOf(units ...[]byte) []byte {
	b := []byte{
		1,             // configurationVersion
		0x01,          // general_profile_space 0, tier 0, profile 1
		0x60, 0, 0, 0, // general_profile_compatibility_flags
		0x90, 0, 0, 0, 0, 0, // general_constraint_indicator_flags
		60,      // general_level_idc
		0xF0, 0, // min_spatial_segmentation_idc
		0xFC,       // parallelismType
		0xFD,       // chromaFormat 1
		0xF8, 0xF8, // bit depths 8
		0, 0, // avgFrameRate
		0x0F,             // constantFrameRate 0, numTemporalLayers 1, temporalIdNested 1, lengthSizeMinusOne 3
		byte(len(units)), // numOfArrays
	}
	for _, u := range units {
		b = append(b, 0x80|u[0]>>1&0x3F, 0, 1) // array_completeness, type, numNalus
		b = binary.BigEndian.AppendUint16(b, uint16(len(u)))
		b = append(b, u...)
	}
	return b
}
