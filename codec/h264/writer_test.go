package h264

// A bit writer and SPS/PPS marshallers, for building test inputs from
// syntax element values: the tests state the fields, and the parser must
// give them back.

type bitWriter struct {
	b []byte
	n int // bits written
}

func (w *bitWriter) u(n int, v uint64) {
	for i := n - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>uint(i)&1 == 1 {
			w.b[len(w.b)-1] |= 0x80 >> uint(w.n%8)
		}
		w.n++
	}
}

func (w *bitWriter) flag(f bool) {
	if f {
		w.u(1, 1)
	} else {
		w.u(1, 0)
	}
}

func (w *bitWriter) ue(v uint64) {
	v++
	n := 0
	for v>>uint(n) > 1 {
		n++
	}
	w.u(n, 0)
	w.u(n+1, v)
}

func (w *bitWriter) se(v int64) {
	if v > 0 {
		w.ue(uint64(2*v - 1))
	} else {
		w.ue(uint64(-2 * v))
	}
}

// trailing writes rbsp_trailing_bits.
func (w *bitWriter) trailing() {
	w.u(1, 1)
	for w.n%8 != 0 {
		w.u(1, 0)
	}
}

// nal returns the header byte and the escaped payload.
func (w *bitWriter) nal(header byte) []byte {
	return append([]byte{header}, escapeRBSP(w.b)...)
}

// escapeRBSP inserts emulation prevention bytes (7.4.1).
func escapeRBSP(rbsp []byte) []byte {
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
	return out
}

// spsBits writes seq_parameter_set_data for s (without trailing bits).
func spsBits(w *bitWriter, s *SPS) {
	w.u(8, uint64(s.ProfileIDC))
	for _, f := range []bool{s.ConstraintSet0Flag, s.ConstraintSet1Flag, s.ConstraintSet2Flag,
		s.ConstraintSet3Flag, s.ConstraintSet4Flag, s.ConstraintSet5Flag} {
		w.flag(f)
	}
	w.u(2, uint64(s.ReservedZero2Bits))
	w.u(8, uint64(s.LevelIDC))
	w.ue(uint64(s.SeqParameterSetID))
	if hasChromaInfo(s.ProfileIDC) {
		w.ue(uint64(s.ChromaFormatIDC))
		if s.ChromaFormatIDC == 3 {
			w.flag(s.SeparateColourPlaneFlag)
		}
		w.ue(uint64(s.BitDepthLumaMinus8))
		w.ue(uint64(s.BitDepthChromaMinus8))
		w.flag(s.QpprimeYZeroTransformBypassFlag)
		w.flag(s.SeqScalingMatrixPresentFlag)
		if s.SeqScalingMatrixPresentFlag {
			n := 8
			if s.ChromaFormatIDC == 3 {
				n = 12
			}
			scalingBits(w, &s.ScalingMatrix, n)
		}
	}
	w.ue(uint64(s.Log2MaxFrameNumMinus4))
	w.ue(uint64(s.PicOrderCntType))
	switch s.PicOrderCntType {
	case 0:
		w.ue(uint64(s.Log2MaxPicOrderCntLsbMinus4))
	case 1:
		w.flag(s.DeltaPicOrderAlwaysZeroFlag)
		w.se(int64(s.OffsetForNonRefPic))
		w.se(int64(s.OffsetForTopToBottomField))
		w.ue(uint64(s.NumRefFramesInPicOrderCntCycle))
		for _, o := range s.OffsetForRefFrame {
			w.se(int64(o))
		}
	}
	w.ue(uint64(s.MaxNumRefFrames))
	w.flag(s.GapsInFrameNumValueAllowedFlag)
	w.ue(uint64(s.PicWidthInMbsMinus1))
	w.ue(uint64(s.PicHeightInMapUnitsMinus1))
	w.flag(s.FrameMbsOnlyFlag)
	if !s.FrameMbsOnlyFlag {
		w.flag(s.MbAdaptiveFrameFieldFlag)
	}
	w.flag(s.Direct8x8InferenceFlag)
	w.flag(s.FrameCroppingFlag)
	if s.FrameCroppingFlag {
		w.ue(uint64(s.FrameCropLeftOffset))
		w.ue(uint64(s.FrameCropRightOffset))
		w.ue(uint64(s.FrameCropTopOffset))
		w.ue(uint64(s.FrameCropBottomOffset))
	}
	w.flag(s.VUIParametersPresentFlag)
	if s.VUIParametersPresentFlag {
		vuiBits(w, &s.VUI)
	}
}

// scalingBits writes n scaling lists; a present list is coded as the
// deltas from each value to the next, so that the parser reads back the
// list (a list whose first value is 0 codes useDefaultScalingMatrixFlag).
func scalingBits(w *bitWriter, m *ScalingMatrix, n int) {
	for i := 0; i < n; i++ {
		w.flag(m.ScalingListPresentFlag[i])
		if !m.ScalingListPresentFlag[i] {
			continue
		}
		var list []uint8
		if i < 6 {
			list = m.ScalingList4x4[i][:]
			if m.UseDefaultScalingMatrix4x4Flag[i] {
				w.se(-8)
				continue
			}
		} else {
			list = m.ScalingList8x8[i-6][:]
			if m.UseDefaultScalingMatrix8x8Flag[i-6] {
				w.se(-8)
				continue
			}
		}
		last := 8
		for _, v := range list {
			d := (int(v) - last + 256) % 256
			if d > 127 {
				d -= 256
			}
			w.se(int64(d))
			last = int(v)
		}
	}
}

func vuiBits(w *bitWriter, v *VUI) {
	w.flag(v.AspectRatioInfoPresentFlag)
	if v.AspectRatioInfoPresentFlag {
		w.u(8, uint64(v.AspectRatioIDC))
		if v.AspectRatioIDC == extendedSAR {
			w.u(16, uint64(v.SARWidth))
			w.u(16, uint64(v.SARHeight))
		}
	}
	w.flag(v.OverscanInfoPresentFlag)
	if v.OverscanInfoPresentFlag {
		w.flag(v.OverscanAppropriateFlag)
	}
	w.flag(v.VideoSignalTypePresentFlag)
	if v.VideoSignalTypePresentFlag {
		w.u(3, uint64(v.VideoFormat))
		w.flag(v.VideoFullRangeFlag)
		w.flag(v.ColourDescriptionPresentFlag)
		if v.ColourDescriptionPresentFlag {
			w.u(8, uint64(v.ColourPrimaries))
			w.u(8, uint64(v.TransferCharacteristics))
			w.u(8, uint64(v.MatrixCoefficients))
		}
	}
	w.flag(v.ChromaLocInfoPresentFlag)
	if v.ChromaLocInfoPresentFlag {
		w.ue(uint64(v.ChromaSampleLocTypeTopField))
		w.ue(uint64(v.ChromaSampleLocTypeBottomField))
	}
	if v.Truncated {
		return
	}
	w.flag(v.TimingInfoPresentFlag)
	if v.TimingInfoPresentFlag {
		w.u(32, uint64(v.NumUnitsInTick))
		w.u(32, uint64(v.TimeScale))
		w.flag(v.FixedFrameRateFlag)
	}
	w.flag(v.NALHRDParametersPresentFlag)
	if v.NALHRDParametersPresentFlag {
		hrdBits(w, &v.NALHRD)
	}
	w.flag(v.VCLHRDParametersPresentFlag)
	if v.VCLHRDParametersPresentFlag {
		hrdBits(w, &v.VCLHRD)
	}
	if v.NALHRDParametersPresentFlag || v.VCLHRDParametersPresentFlag {
		w.flag(v.LowDelayHRDFlag)
	}
	w.flag(v.PicStructPresentFlag)
	w.flag(v.BitstreamRestrictionFlag)
	if v.BitstreamRestrictionFlag {
		w.flag(v.MotionVectorsOverPicBoundariesFlag)
		w.ue(uint64(v.MaxBytesPerPicDenom))
		w.ue(uint64(v.MaxBitsPerMbDenom))
		w.ue(uint64(v.Log2MaxMvLengthHorizontal))
		w.ue(uint64(v.Log2MaxMvLengthVertical))
		w.ue(uint64(v.MaxNumReorderFrames))
		w.ue(uint64(v.MaxDecFrameBuffering))
	}
}

func hrdBits(w *bitWriter, h *HRD) {
	w.ue(uint64(h.CPBCntMinus1))
	w.u(4, uint64(h.BitRateScale))
	w.u(4, uint64(h.CPBSizeScale))
	for _, e := range h.SchedSel {
		w.ue(uint64(e.BitRateValueMinus1))
		w.ue(uint64(e.CPBSizeValueMinus1))
		w.flag(e.CBRFlag)
	}
	w.u(5, uint64(h.InitialCPBRemovalDelayLengthMinus1))
	w.u(5, uint64(h.CPBRemovalDelayLengthMinus1))
	w.u(5, uint64(h.DPBOutputDelayLengthMinus1))
	w.u(5, uint64(h.TimeOffsetLength))
}

// marshalSPS returns s as an SPS NAL unit (nal_ref_idc 3).
func marshalSPS(s *SPS) []byte {
	var w bitWriter
	spsBits(&w, s)
	w.trailing()
	return w.nal(0x67)
}

// marshalPPS returns p as a PPS NAL unit; the extension is written when
// withExt is set. Slice groups are not written.
func marshalPPS(p *PPS, chromaFormatIDC uint32, withExt bool) []byte {
	var w bitWriter
	w.ue(uint64(p.PicParameterSetID))
	w.ue(uint64(p.SeqParameterSetID))
	w.flag(p.EntropyCodingModeFlag)
	w.flag(p.BottomFieldPicOrderInFramePresentFlag)
	w.ue(0)
	w.ue(uint64(p.NumRefIdxL0DefaultActiveMinus1))
	w.ue(uint64(p.NumRefIdxL1DefaultActiveMinus1))
	w.flag(p.WeightedPredFlag)
	w.u(2, uint64(p.WeightedBipredIDC))
	w.se(int64(p.PicInitQPMinus26))
	w.se(int64(p.PicInitQSMinus26))
	w.se(int64(p.ChromaQPIndexOffset))
	w.flag(p.DeblockingFilterControlPresentFlag)
	w.flag(p.ConstrainedIntraPredFlag)
	w.flag(p.RedundantPicCntPresentFlag)
	if withExt {
		w.flag(p.Transform8x8ModeFlag)
		w.flag(p.PicScalingMatrixPresentFlag)
		if p.PicScalingMatrixPresentFlag {
			n := 6
			if p.Transform8x8ModeFlag {
				n = 8
				if chromaFormatIDC == 3 {
					n = 12
				}
			}
			scalingBits(&w, &p.ScalingMatrix, n)
		}
		w.se(int64(p.SecondChromaQPIndexOffset))
	}
	w.trailing()
	return w.nal(0x68)
}
