package ac3

import (
	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/bits"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// Stream types of an E-AC-3 frame (strmtyp, A/52 Table E2.1).
const (
	StrmtypIndependent = 0 // an independent substream
	StrmtypDependent   = 1 // a dependent substream: more channels for the independent one before it
	StrmtypAC3Convert  = 2 // an independent substream converted from AC-3
)

// SyncFrame is the header of one AC-3 or E-AC-3 frame: the syncinfo and
// the bsi (A/52 5.3.1, 5.3.2 and E.1.2.2), read as FFmpeg's parser and
// decoder read them (ff_ac3_parse_header, parse_frame_header,
// ff_eac3_parse_header). Fields that a frame of the other kind does not
// carry are zero. The bsi is read up to the fields ffprobe's values depend
// on: origbs for AC-3, the informational metadata for E-AC-3.
type SyncFrame struct {
	// CRC1 is crc1, the checksum of the first 5/8 of an AC-3 frame.
	CRC1 uint16
	// Fscod is the sample rate code: 48, 44.1 or 32 kHz; 3 is reserved in
	// AC-3 and selects Fscod2 in E-AC-3.
	Fscod uint8
	// Frmsizecod is the AC-3 frame size code (0..37), which gives the
	// nominal bit rate and, with Fscod, the frame size.
	Frmsizecod uint8

	// Strmtyp is the E-AC-3 stream type (StrmtypIndependent, ...).
	Strmtyp uint8
	// Substreamid is the E-AC-3 substream id (0..7). FFmpeg 5.1 decodes
	// only substream 0 and its dependent substreams.
	Substreamid uint8
	// Frmsiz is the E-AC-3 frame size in 16-bit words, minus 1.
	Frmsiz uint16
	// Fscod2 is the reduced sample rate code of E-AC-3 (24, 22.05 or
	// 16 kHz) when Fscod is 3.
	Fscod2 uint8
	// Numblkscod is the E-AC-3 number of audio blocks code: 1, 2, 3 or 6
	// blocks of 256 samples; 3 (six blocks) when Fscod is 3.
	Numblkscod uint8

	// Bsid is the bit stream identification: up to 8 for AC-3, 9 and 10
	// for its half and quarter sample rates, 11 to 16 for E-AC-3.
	Bsid uint8
	// Bsmod is the bit stream mode, the audio service (0 main, 1 music and
	// effects, 2 visually impaired, 3 hearing impaired, 4 dialogue,
	// 5 commentary, 6 emergency, 7 voice over or karaoke). E-AC-3 carries
	// it in the informational metadata; it is 0 without.
	Bsmod uint8
	// Acmod is the audio coding mode: 0 dual mono (1+1), 1 1/0, 2 2/0,
	// 3 3/0, 4 2/1, 5 3/1, 6 2/2, 7 3/2.
	Acmod uint8
	// Cmixlev and Surmixlev are the AC-3 centre and surround mix level
	// codes, where Acmod has a centre and surround channels.
	Cmixlev, Surmixlev uint8
	// Dsurmod is the Dolby Surround mode of a 2/0 stream (0 not indicated,
	// 1 not encoded, 2 encoded).
	Dsurmod uint8
	// LFEOn is lfeon: the low frequency effects channel is present.
	LFEOn bool
	// Dialnorm is the dialogue normalization code (-1 to -31 dB; 0 is
	// reserved).
	Dialnorm uint8
	// Compre and Compr are the heavy compression gain word and its flag.
	Compre bool
	Compr  uint8 // compr, when Compre is set

	// Chanmape and Chanmap are the custom channel map of an E-AC-3
	// dependent substream: bit 15 (L) to bit 0 (LFE), A/52 Table E2.5.
	Chanmape bool
	Chanmap  uint16 // chanmap, when Chanmape is set
	// Mixmdate and Infomdate flag the E-AC-3 mixing and informational
	// metadata.
	Mixmdate, Infomdate bool
	// Copyrightb and Origbs are the copyright and original bit stream
	// flags (E-AC-3: in the informational metadata).
	Copyrightb, Origbs bool
}

// IsEAC3 reports whether the frame has the E-AC-3 syntax (Bsid above 10),
// which makes the stream "eac3" for FFmpeg's parser.
func (f SyncFrame) IsEAC3() bool { return f.Bsid > 10 }

// srShift is how far the sample rate is halved: AC-3 bsid 9 and 10
// (A/52 Annex D, FFmpeg's sr_shift) and E-AC-3 fscod2.
func (f SyncFrame) srShift() uint {
	switch {
	case !f.IsEAC3() && f.Bsid > 8:
		return uint(f.Bsid - 8)
	case f.IsEAC3() && f.Fscod == 3:
		return 1
	}
	return 0
}

// SampleRate returns the sample rate in Hz.
func (f SyncFrame) SampleRate() int {
	if f.IsEAC3() && f.Fscod == 3 {
		return sampleRates[f.Fscod2%3] >> 1
	}
	return sampleRates[f.Fscod%3] >> f.srShift()
}

// NumBlocks returns the audio blocks of 256 samples per channel in the
// frame: 6 for AC-3.
func (f SyncFrame) NumBlocks() int {
	if !f.IsEAC3() || f.Fscod == 3 {
		return 6
	}
	return blocksPerFrame[f.Numblkscod&3]
}

// Samples returns the samples per channel in the frame.
func (f SyncFrame) Samples() int { return f.NumBlocks() * 256 }

// FrameSize returns the size of the frame in bytes.
func (f SyncFrame) FrameSize() int {
	if f.IsEAC3() {
		return (int(f.Frmsiz) + 1) * 2
	}
	return frameWords(f.Frmsizecod%38, f.Fscod%3) * 2
}

// BitRate returns the frame's bit rate in bit/s as ff_ac3_parse_header
// computes it: AC-3's nominal rate of Frmsizecod (halved for bsid 9 and
// quartered for 10), E-AC-3's frame bits over the frame's duration,
// truncated.
func (f SyncFrame) BitRate() int64 {
	if f.IsEAC3() {
		return int64(f.FrameSize()) * 8 * int64(f.SampleRate()) / int64(f.Samples())
	}
	return int64(nominalRates[(f.Frmsizecod%38)>>1]) * 1000 >> f.srShift()
}

// Channels returns the channels of the frame, the LFE included.
func (f SyncFrame) Channels() int {
	n := fullBandwidthChannels[f.Acmod&7]
	if f.LFEOn {
		n++
	}
	return n
}

// Layout returns the frame's channel layout as a mask: Acmod's channels
// plus the LFE (codec.AC3Layout, ff_ac3_channel_layout_tab); dual mono is
// stereo.
func (f SyncFrame) Layout() uint64 { return codec.AC3Layout(uint(f.Acmod), f.LFEOn) }

// serviceType applies FFmpeg's rule for the audio service type: the bit
// stream mode, except that mode 7 with more than one channel is karaoke
// (ac3_sync, ac3_decode_frame, mov_read_dac3).
func serviceType(bsmod uint8, channels int) container.AudioService {
	if bsmod == 7 && channels > 1 {
		return container.AudioServiceKaraoke
	}
	return container.AudioService(bsmod)
}

// ParserServiceType returns the audio service type FFmpeg 5.1's AC-3
// parser reports for the frame (ac3_sync): Bsmod with the karaoke rule for
// AC-3, and main (0) for E-AC-3, whose bsmod the 5.1 parser does not read.
// Where the parser runs after the decoder (raw streams, MPEG-TS),
// avformat_find_stream_info derives the disposition from this value.
func (f SyncFrame) ParserServiceType() container.AudioService {
	if f.IsEAC3() {
		return container.AudioServiceMain
	}
	return serviceType(f.Bsmod, f.Channels())
}

// ParseSyncFrame reads the frame header at the start of b. It refuses what
// ff_ac3_parse_header refuses: a missing syncword, bsid above 16, AC-3
// fscod 3 or frmsizecod above 37, E-AC-3 strmtyp 3, a frame size under
// 7 bytes, and fscod2 3; and an E-AC-3 custom channel map of more than
// 16 channels, which ff_eac3_parse_header refuses. Errors wrap
// container.ErrMalformed, or container.ErrTruncated when b ends inside the
// header; the fields read before the error are returned with it.
func ParseSyncFrame(b []byte) (SyncFrame, error) { return parseSyncFrame(b, 0) }

// parseSyncFrame is ParseSyncFrame for a frame at offset off of a packet,
// for the error messages.
func parseSyncFrame(b []byte, off int64) (SyncFrame, error) {
	var f SyncFrame
	if len(b) < headerSize {
		return f, errorf(off, container.ErrTruncated, "%d of %d bytes", len(b), headerSize)
	}
	r := bits.NewReader(b)
	if r.Bits(16) != 0x0B77 {
		return f, errorf(off, container.ErrMalformed, "no syncword")
	}
	// bsid sits at bit 40 in both syntaxes; FFmpeg peeks it to choose one.
	f.Bsid = b[5] >> 3
	if f.Bsid > 16 {
		return f, errorf(off, container.ErrMalformed, "bsid %d", f.Bsid)
	}
	var err error
	if f.IsEAC3() {
		err = f.readEAC3(r, off)
	} else {
		err = f.readAC3(r, off)
	}
	if err != nil {
		return f, err
	}
	if r.Err() != nil {
		return f, errorf(off, container.ErrTruncated, "bsi cut at %d bytes", len(b))
	}
	return f, nil
}

// readAC3 reads the AC-3 syncinfo after the syncword and the bsi through
// origbs (A/52 5.3.1, 5.3.2).
func (f *SyncFrame) readAC3(r *bits.Reader, off int64) error {
	f.CRC1 = uint16(r.Bits(16))
	f.Fscod = uint8(r.Bits(2))
	if f.Fscod == 3 {
		return errorf(off, container.ErrMalformed, "fscod 3")
	}
	f.Frmsizecod = uint8(r.Bits(6))
	if f.Frmsizecod > 37 {
		return errorf(off, container.ErrMalformed, "frmsizecod %d", f.Frmsizecod)
	}
	r.Skip(5) // bsid, already read
	f.Bsmod = uint8(r.Bits(3))
	f.Acmod = uint8(r.Bits(3))
	if f.Acmod&1 != 0 && f.Acmod != 1 {
		f.Cmixlev = uint8(r.Bits(2))
	}
	if f.Acmod&4 != 0 {
		f.Surmixlev = uint8(r.Bits(2))
	}
	if f.Acmod == 2 {
		f.Dsurmod = uint8(r.Bits(2))
	}
	f.LFEOn = r.Flag()
	for i := 0; i < dualMono(f.Acmod); i++ {
		dialnorm := uint8(r.Bits(5))
		compre := r.Flag()
		var compr uint8
		if compre {
			compr = uint8(r.Bits(8))
		}
		if i == 0 {
			f.Dialnorm, f.Compre, f.Compr = dialnorm, compre, compr
		}
		if r.Flag() { // langcode
			r.Skip(8) // langcod
		}
		if r.Flag() { // audprodie
			r.Skip(7) // mixlevel, roomtyp
		}
	}
	f.Copyrightb = r.Flag()
	f.Origbs = r.Flag()
	return nil
}

// dualMono returns how many times the per-programme fields repeat: twice
// for the two mono channels of acmod 0.
func dualMono(acmod uint8) int {
	if acmod == 0 {
		return 2
	}
	return 1
}

// readEAC3 reads the E-AC-3 bsi after the syncword through the
// informational metadata (A/52 E.1.2.2), skipping the mixing metadata as
// ff_eac3_parse_header does.
func (f *SyncFrame) readEAC3(r *bits.Reader, off int64) error {
	f.Strmtyp = uint8(r.Bits(2))
	if f.Strmtyp == 3 {
		return errorf(off, container.ErrMalformed, "strmtyp 3")
	}
	f.Substreamid = uint8(r.Bits(3))
	f.Frmsiz = uint16(r.Bits(11))
	if f.FrameSize() < headerSize {
		return errorf(off, container.ErrMalformed, "frame size %d bytes", f.FrameSize())
	}
	f.Fscod = uint8(r.Bits(2))
	if f.Fscod == 3 {
		f.Fscod2 = uint8(r.Bits(2))
		if f.Fscod2 == 3 {
			return errorf(off, container.ErrMalformed, "fscod2 3")
		}
		f.Numblkscod = 3
	} else {
		f.Numblkscod = uint8(r.Bits(2))
	}
	f.Acmod = uint8(r.Bits(3))
	f.LFEOn = r.Flag()
	r.Skip(5) // bsid, already read
	for i := 0; i < dualMono(f.Acmod); i++ {
		dialnorm := uint8(r.Bits(5))
		compre := r.Flag()
		var compr uint8
		if compre {
			compr = uint8(r.Bits(8))
		}
		if i == 0 {
			f.Dialnorm, f.Compre, f.Compr = dialnorm, compre, compr
		}
	}
	if f.Strmtyp == StrmtypDependent {
		f.Chanmape = r.Flag()
		if f.Chanmape {
			f.Chanmap = uint16(r.Bits(16))
			if n := codec.LayoutChannels(channelMap(f.Chanmap)); n > maxChannels {
				return errorf(off, container.ErrMalformed, "chanmap %#04x maps %d channels", f.Chanmap, n)
			}
		}
	}
	f.Mixmdate = r.Flag()
	if f.Mixmdate {
		f.skipMixingMetadata(r)
	}
	f.Infomdate = r.Flag()
	if f.Infomdate {
		f.Bsmod = uint8(r.Bits(3))
		f.Copyrightb = r.Flag()
		f.Origbs = r.Flag()
		if f.Acmod == 2 {
			f.Dsurmod = uint8(r.Bits(2))
			r.Skip(2) // dheadphonmod
		}
		if f.Acmod >= 6 {
			r.Skip(2) // dsurexmod
		}
		for i := 0; i < dualMono(f.Acmod); i++ {
			if r.Flag() { // audprodie
				r.Skip(8) // mixlevel, roomtyp, adconvtyp
			}
		}
		if f.Fscod != 3 {
			r.Skip(1) // sourcefscod
		}
	}
	return nil
}

// skipMixingMetadata skips the E-AC-3 mixing metadata (A/52 E.1.2.2,
// mixmdate set), field by field as ff_eac3_parse_header skips it.
func (f *SyncFrame) skipMixingMetadata(r *bits.Reader) {
	if f.Acmod > 2 {
		r.Skip(2) // dmixmod
		if f.Acmod&1 != 0 {
			r.Skip(6) // ltrtcmixlev, lorocmixlev
		}
		if f.Acmod&4 != 0 {
			r.Skip(6) // ltrtsurmixlev, lorosurmixlev
		}
	}
	if f.LFEOn && r.Flag() { // lfemixlevcode
		r.Skip(5)
	}
	if f.Strmtyp != StrmtypIndependent {
		return
	}
	for i := 0; i < dualMono(f.Acmod); i++ {
		if r.Flag() { // pgmscle
			r.Skip(6)
		}
	}
	if r.Flag() { // extpgmscle
		r.Skip(6)
	}
	switch r.Bits(2) { // mixdef
	case 1:
		r.Skip(5)
	case 2:
		r.Skip(12)
	case 3:
		r.Skip((int(r.Bits(5)) + 2) * 8) // mixdeflen
	}
	if f.Acmod < 2 {
		for i := 0; i < dualMono(f.Acmod); i++ {
			if r.Flag() { // paninfoe
				r.Skip(14) // panmean, paninfo
			}
		}
	}
	if r.Flag() { // frmmixcfginfoe
		n := f.NumBlocks()
		for blk := 0; blk < n; blk++ {
			if n == 1 || r.Flag() { // blkmixcfginfoe
				r.Skip(5)
			}
		}
	}
}

// errorf builds the package's errors: "ac3: sync frame at 0x...: ...".
func errorf(off int64, kind error, detail string, args ...any) error {
	return demuxkit.Errorf("ac3", "sync frame", off, kind, detail, args...)
}
