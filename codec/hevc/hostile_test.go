package hevc

import (
	"bytes"
	"encoding/binary"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

// allocBytes returns the bytes f allocates and how long it takes.
func allocBytes(f func()) (uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, d
}

// hvccHeader is the 23-byte header of an hvcC record claiming n arrays.
func hvccHeader(n byte) []byte {
	h := hvccOf()
	h[22] = n
	return h
}

// TestHVCCCountsPastData: numOfArrays is 8 bits, so a record claims at
// most 255 arrays of 65535 units, 16.7 million units, here in 26 bytes.
// The first unit's length is missing, which is the one error FFmpeg's
// decoder refuses a record for ("Invalid NAL unit size in extradata",
// after which ffprobe 5.1 exits: the hvcc_claims golden); nothing is
// allocated for the claims.
func TestHVCCCountsPastData(t *testing.T) {
	b := append(hvccHeader(255), 0x80|NALSPS, 0xFF, 0xFF)
	var x *Extradata
	var err error
	n, d := allocBytes(func() { x, err = ParseExtradata(b) })
	require.Error(t, err)
	assert.ErrorIs(t, err, container.ErrMalformed)
	require.NotNil(t, x.HVCC)
	assert.Len(t, x.HVCC.Arrays, 1)
	assert.Less(t, n, uint64(16<<10))
	assert.Less(t, d, time.Second)

	// Arrays whose headers are missing are read by FFmpeg as empty ones:
	// no error, no parameter sets.
	x, err = ParseExtradata(hvccHeader(255))
	require.NoError(t, err)
	assert.Nil(t, x.ActiveSPS())
	_, err = ParseHVCC(hvccHeader(255))
	assert.ErrorIs(t, err, container.ErrTruncated)
}

// TestHVCCEmptyUnits: an array of 65535 units of no bytes, all present
// (131 KB), before real parameter sets. FFmpeg passes over the empty
// units (the hvcc_1000_empty golden has 1000 of them); so does this, in
// linear time and without an allocation per unit.
func TestHVCCEmptyUnits(t *testing.T) {
	b := hvccOf(vpsMain(), spsMain(spsOpts{}), ppsMain())
	empty := append([]byte{0x80 | NALAUD, 0xFF, 0xFF}, make([]byte, 2*65535)...)
	b = append(b[:hvccHeaderSize:hvccHeaderSize], append(empty, b[hvccHeaderSize:]...)...)
	b[22] = 4
	var x *Extradata
	var err error
	n, d := allocBytes(func() { x, err = ParseExtradata(b) })
	require.NoError(t, err)
	assert.Empty(t, x.Errors)
	require.NotNil(t, x.ActiveSPS())
	units := 0
	for range x.HVCC.Arrays[0].Units() {
		units++
	}
	assert.Equal(t, 65535, units)
	assert.Less(t, n, uint64(64<<10))
	assert.Less(t, d, time.Second)
}

// TestSPSMaxSubLayers8: sps_max_sub_layers_minus1 is 3 bits, and 7 (eight
// sub-layers) is past HEVC's seven; FFmpeg refuses the SPS (the maxsub8
// golden: ffprobe reports no picture parameters).
func TestSPSMaxSubLayers8(t *testing.T) {
	nal := spsMain(spsOpts{maxSubLayersMinus1: 7})
	_, err := ParseSPS(nal)
	assert.ErrorIs(t, err, container.ErrMalformed)
	x, err := ParseExtradata(hvccOf(vpsMain(), nal, ppsMain()))
	require.NoError(t, err)
	assert.Nil(t, x.ActiveSPS())
	assert.ErrorIs(t, x.Describe(&container.Stream{}), ErrNoSPS)
}

// TestSPSLog2MaxPicOrderCnt200: log2_max_pic_order_cnt_lsb_minus4 may be
// at most 12; 196 (a 200-bit POC) would size the long-term POC fields
// that follow. Refused, as FFmpeg refuses it (the poc200 golden).
func TestSPSLog2MaxPicOrderCnt200(t *testing.T) {
	_, err := ParseSPS(spsMain(spsOpts{log2MaxPOCMinus4: 196}))
	assert.ErrorIs(t, err, container.ErrMalformed)
	_, err = ParseSPS(spsMain(spsOpts{log2MaxPOCMinus4: 12}))
	assert.NoError(t, err)
}

// TestSPSShortTermRefPicSets65: num_short_term_ref_pic_sets may be 64 at
// most (the rps64 and rps65 goldens); a count with few bits behind it
// stops at the end of the data.
func TestSPSShortTermRefPicSets65(t *testing.T) {
	sets := func(n uint64, write uint64) func(w *bitWriter) {
		return func(w *bitWriter) {
			w.ue(n)
			for i := uint64(0); i < write; i++ {
				if i > 0 {
					w.flag(false) // inter_ref_pic_set_prediction_flag
				}
				w.ue(1).ue(0).ue(0).flag(true) // one picture, one before
			}
		}
	}
	_, err := ParseSPS(spsMain(spsOpts{stRPS: sets(65, 65)}))
	assert.ErrorIs(t, err, container.ErrMalformed)
	s, err := ParseSPS(spsMain(spsOpts{stRPS: sets(64, 64)}))
	require.NoError(t, err)
	assert.Len(t, s.STRefPicSets, 64)
	// 64 sets claimed, two written: the reader runs out.
	s, err = ParseSPS(spsMain(spsOpts{stRPS: sets(64, 2)}))
	assert.ErrorIs(t, err, container.ErrTruncated)
	assert.LessOrEqual(t, len(s.STRefPicSets), 64)
}

// TestSPSScalingListPastEnd: scaling_list_data() cut short: the SPS runs
// past the end of its unit, which FFmpeg refuses ("Overread SPS").
func TestSPSScalingListPastEnd(t *testing.T) {
	coded := func(w *bitWriter) {
		for size := 0; size < 4; size++ {
			for m := 0; m < 6; m++ {
				if size == 3 && m%3 != 0 {
					continue
				}
				w.flag(true)
				if size > 1 {
					w.se(0)
				}
				for i := 0; i < 16<<min(2*size, 2); i++ {
					w.se(-1)
				}
			}
		}
	}
	full := spsMain(spsOpts{scaling: coded})
	_, err := ParseSPS(full)
	require.NoError(t, err)
	cut := spsMain(spsOpts{scaling: coded, cut: 300})
	_, err = ParseSPS(cut)
	assert.ErrorIs(t, err, container.ErrTruncated)
	var ps ParamSets
	require.NoError(t, ps.DecodeNAL(vpsMain()))
	assert.Error(t, ps.DecodeNAL(cut))
	assert.Nil(t, ps.ActiveSPS())
}

// TestSPSVUIPastEnd: a VUI cut in its timing information. FFmpeg reads it
// a second time as timing information from the default display window
// flag, runs past the end again and refuses the SPS; a VUI that the second
// reading fits is kept (the vui_overread golden).
func TestSPSVUIPastEnd(t *testing.T) {
	vui := func(w *bitWriter) {
		w.u(8, 0)                           // flags up to default_display_window_flag
		w.flag(true).u(32, 1).u(32, 25)     // timing info
		w.flag(true).flag(true).ue(1 << 20) // poc proportional, a long ue(v)
	}
	nal := spsMain(spsOpts{vui: vui})
	cut := nal[:len(nal)-6]
	s, err := ParseSPS(cut)
	assert.ErrorIs(t, err, container.ErrTruncated)
	require.NotNil(t, s)
	assert.True(t, s.VUI.AlternateSyntax)

	saved := spsMain(spsOpts{vui: func(w *bitWriter) {
		w.u(7, 0)
		for _, b := range []uint64{0, 0, 1, 0, 0, 0, 0, 0, 0, 0} { // the vui_overread golden's tail
			w.u(1, b)
		}
	}})
	s, err = ParseSPS(saved)
	require.NoError(t, err)
	assert.True(t, s.VUI.AlternateSyntax)
}

// TestVPSLayerSetsPastData: the layer_id_included_flags that
// vps_num_layer_sets_minus1 and vps_max_layer_id claim (1023 x 64 bits)
// must fit in what is left of the VPS.
func TestVPSLayerSetsPastData(t *testing.T) {
	w := &bitWriter{}
	w.u(4, 0).u(2, 3).u(6, 0).u(3, 0).flag(true).u(16, 0xFFFF)
	ptlMain(w)
	w.flag(true).ue(4).ue(2).ue(0)
	w.u(6, 63).ue(1023).u(64, 0)
	_, err := ParseVPS(nalUnit(NALVPS, w))
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestSEIPayloadPastUnit: payload sizes of 255-byte runs that claim more
// than the unit holds end the unit with an error.
func TestSEIPayloadPastUnit(t *testing.T) {
	sei := []byte{NALSEIPrefix << 1, 1, 147}
	sei = append(sei, bytes.Repeat([]byte{0xFF}, 1000)...)
	sei = append(sei, 0x10, 0x80)
	x, err := ParseExtradata(hvccOf(vpsMain(), spsMain(spsOpts{}), sei))
	require.NoError(t, err)
	require.Len(t, x.Errors, 1)
	assert.ErrorIs(t, x.Errors[0], container.ErrTruncated)
	assert.False(t, x.SEI.AlternativeTransferPresent)
}

// TestAnnexBStartCodesOnly: a megabyte of start codes and nothing else is
// scanned in linear time, with nothing kept.
func TestAnnexBStartCodesOnly(t *testing.T) {
	b := bytes.Repeat([]byte{0, 0, 1}, 1<<20/3)
	n, d := allocBytes(func() {
		ex, ok := ScanAnnexB(b)
		assert.False(t, ok)
		assert.Empty(t, ex)
		x, err := ParseExtradata(b)
		require.NoError(t, err)
		assert.Nil(t, x.ActiveSPS())
	})
	assert.Less(t, n, uint64(1<<20))
	assert.Less(t, d, 2*time.Second)
}

// TestNALLengthPastPacket: a length-prefixed packet whose second length
// runs past its end is not decoded at all, as ff_h2645_packet_split fails
// before hevc_decode_nal_units decodes anything.
func TestNALLengthPastPacket(t *testing.T) {
	var b []byte
	for _, u := range [][]byte{vpsMain(), spsMain(spsOpts{})} {
		b = binary.BigEndian.AppendUint32(b, uint32(len(u)))
		b = append(b, u...)
	}
	var ps ParamSets
	require.NoError(t, ps.DecodeNALUnits(b, 4))
	assert.NotNil(t, ps.ActiveSPS())

	var bad ParamSets
	b = binary.BigEndian.AppendUint32(b, 1<<30)
	b = append(b, ppsMain()...)
	assert.ErrorIs(t, bad.DecodeNALUnits(b, 4), container.ErrMalformed)
	assert.Nil(t, bad.VPS[0])
}

// TestErrorsBounded: errors are kept up to a limit, whatever the number
// of refused units.
func TestErrorsBounded(t *testing.T) {
	var ps ParamSets
	for i := 0; i < 1000; i++ {
		ps.DecodeNAL(ppsMain()) // no SPS
	}
	assert.Len(t, ps.Errors, maxErrors)
}
