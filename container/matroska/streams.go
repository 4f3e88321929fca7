package matroska

import (
	"encoding/base64"
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"github.com/mediaprobe/mediaprobe/codec"
	"github.com/mediaprobe/mediaprobe/codec/dovi"
	"github.com/mediaprobe/mediaprobe/codec/flac"
	"github.com/mediaprobe/mediaprobe/codec/wav"
	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/tags"
)

// buildStreams mirrors the end of matroska_read_header: the format's
// duration and tags, a stream per usable track (matroska_parse_tracks),
// the attachments, and the tags converted to the streams and the file.
func (d *demuxer) buildStreams() error {
	f := &d.info.Format
	if d.timeScale == 0 {
		d.timeScale = 1000000
	}
	if d.hasDur && d.duration != 0 {
		v := d.duration * float64(d.timeScale) * 1000 / 1000000
		if v >= math.MinInt64 && v < math.MaxInt64 && !math.IsNaN(v) {
			f.Duration = int64(v)
		}
	}
	setTag(&f.Tags, "title", d.title)
	setTag(&f.Tags, "encoder", d.muxingApp)
	if s, ok := creationTime(d.dateUTC); ok {
		f.Tags.Set("creation_time", s)
	}
	for _, t := range d.tracks {
		if err := d.trackStream(t); err != nil {
			return err
		}
	}
	for _, a := range d.attachments {
		if err := d.attachmentStream(a); err != nil {
			return err
		}
	}
	d.convertTags()
	if d.clusterPos > 0 {
		f.DataOffset = d.clusterPos
	}
	return nil
}

// trackStream creates the stream of one track as matroska_parse_tracks
// does; tracks of another type or without a CodecID have none.
func (d *demuxer) trackStream(t *track) error {
	switch t.typ {
	case trackVideo, trackAudio, trackSubtitle, trackMetadata:
	default:
		return nil
	}
	if !t.hasCodecID {
		return nil
	}
	if t.typ == trackAudio && (t.audio.sampleRate < 0 || t.audio.outSampleRate < 0) {
		return nil
	}
	if t.typ == trackVideo {
		if t.defaultDuration == 0 && t.video.frameRate > 0 {
			t.defaultDuration = uint64(1000000000 / t.video.frameRate)
		}
		if t.video.displayWidth == ^uint64(0) {
			t.video.displayWidth = t.video.pixelWidth
		}
		if t.video.displayHeight == ^uint64(0) {
			t.video.displayHeight = t.video.pixelHeight
		}
		if len(t.video.colourSpace) == 4 {
			t.fourcc = binary.LittleEndian.Uint32(t.video.colourSpace)
		}
	} else if t.typ == trackAudio && t.audio.outSampleRate == 0 {
		t.audio.outSampleRate = t.audio.sampleRate
	}
	var keyID string
	if t.encodings == 1 && t.encType != 0 && len(t.keyID) > 0 {
		keyID = base64.StdEncoding.EncodeToString(t.keyID)
	}
	codecName := codecFor(t.codecID)

	st, err := d.src.Budget().AddStream(d.info, container.Unknown, name, 0)
	if err != nil {
		return err
	}
	t.st = st
	if keyID != "" {
		st.Tags.Set("enc_key_id", keyID)
	}
	extradata := t.priv
	switch {
	case t.codecID == "V_MS/VFW/FOURCC" && len(t.priv) >= codec.BitmapInfoHeaderSize:
		h, _ := codec.ParseBitmapInfoHeader(t.priv)
		t.fourcc = h.Compression
		codecName = codec.BMPCodec(t.fourcc)
		if codecName == "" {
			codecName = codec.MovVideoCodecTag(t.fourcc)
		}
		extradata = h.Extradata
		st.BitsPerSample = int(h.BitCount)
	case t.codecID == "V_QUICKTIME" && len(t.priv) >= 21:
		// get_qt_codec: the CodecPrivate is a sample description, whose
		// size field some muxers leave out (it then starts with a known
		// fourcc and is given one); the whole of it is the extradata.
		p := t.priv
		if codec.MovVideoCodec(string(p[:4])) != "" {
			p = append(binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(p)), uint32(min(4+len(p), math.MaxUint32))), p...)
		}
		t.fourcc = binary.LittleEndian.Uint32(p[4:])
		codecName = codec.MovVideoCodec(string(p[4:8]))
		if codecName == "" && string(p[4:8]) == "SMI " {
			t.fourcc, codecName = codec.Fourcc("SVQ3"), "svq3"
		}
		if len(p) >= 86 {
			st.BitsPerSample = int(binary.BigEndian.Uint16(p[82:]))
		}
		extradata = p
	case t.codecID == "A_MS/ACM" && len(t.priv) >= 14:
		h, err := wav.ParseHeader(t.priv, int64(len(t.priv)), false, 0)
		if err == nil {
			codecName = h.CodecName
			st.CodecTag = h.CodecTag
			st.Channels, st.SampleRate, st.BitRate = h.Channels, h.SampleRate, h.BitRate
			st.ChannelLayout = h.ChannelLayout
			extradata = h.Extradata
			if len(extradata) == 0 {
				extradata = t.priv[min(len(t.priv), 18):]
			}
		}
	case codecName == "pcm_s16be":
		switch t.audio.bitDepth {
		case 8:
			codecName = "pcm_u8"
		case 24:
			codecName = "pcm_s24be"
		case 32:
			codecName = "pcm_s32be"
		}
	case codecName == "pcm_s16le":
		switch t.audio.bitDepth {
		case 8:
			codecName = "pcm_u8"
		case 24:
			codecName = "pcm_s24le"
		case 32:
			codecName = "pcm_s32le"
		}
	case codecName == "pcm_f32le" && t.audio.bitDepth == 64:
		codecName = "pcm_f64le"
	case codecName == "aac" && len(t.priv) == 0:
		extradata = aacExtradata(t)
	case codecName == "alac" && len(t.priv) > 0:
		// The decoder's extradata is the magic cookie in an 'alac' atom.
		extradata = append(append(make([]byte, 0, 12+len(t.priv)), 0, 0, 0, byte(12+len(t.priv)), 'a', 'l', 'a', 'c', 0, 0, 0, 0), t.priv...)
	case codecName == "vp9":
		// matroskadec ignores VP9's CodecPrivate.
		extradata = nil
	case codecName == "prores" && len(t.priv) == 4:
		// The sample entry's fourcc, which the decoder's profile and bit
		// depth follow; it stays the extradata too.
		t.fourcc = binary.LittleEndian.Uint32(t.priv)
	case codecName == "tta":
		extradata = ttaExtradata(t, d.duration*float64(d.timeScale))
	case codecName == "flac" && len(t.priv) > 0:
		extradata = flacExtradata(t, d.src.Budget())
	}
	st.CodecName = codecName
	if t.language != "und" {
		st.Tags.Set("language", t.language)
	}
	setTag(&st.Tags, "title", t.name)
	if t.flagDefault != 0 {
		st.Disposition |= container.DispositionDefault
	}
	if t.flagForced != 0 {
		st.Disposition |= container.DispositionForced
	}
	if t.flagComment != 0 {
		st.Disposition |= container.DispositionComment
	}
	if t.flagHearing != 0 {
		st.Disposition |= container.DispositionHearingImpaired
	}
	if t.flagVisual != 0 {
		st.Disposition |= container.DispositionVisualImpaired
	}
	if t.hasFlagOriginal {
		if t.flagOriginal != 0 {
			st.Disposition |= container.DispositionOriginal
		} else {
			st.Disposition |= container.DispositionDub
		}
	}
	st.ExtradataSize = len(extradata)
	t.priv = extradata

	// avpriv_set_pts_info(st, 64, time_scale * track time scale, 1e9).
	if t.timeScale < 0.01 {
		t.timeScale = 1
	}
	num := float64(d.timeScale) * t.timeScale
	if num >= 1 && num < 1<<32 {
		st.TimeBase = container.Rational{Num: int64(uint32(num)), Den: 1000000000}.Reduce(math.MaxInt32)
	} else {
		st.TimeBase = container.Rational{Num: 1, Den: 1000}
	}
	if st.TimeBase.Num > 0 {
		t.codecDelayTB = container.RescaleQ(int64(min(t.codecDelay, math.MaxInt64)), container.Rational{Num: 1, Den: 1000000000}, st.TimeBase)
	}

	switch {
	case t.typ == trackVideo:
		d.videoStream(t, st)
	case t.typ == trackAudio:
		st.Type = container.Audio
		if st.SampleRate == 0 {
			st.SampleRate = int(math.RoundToEven(t.audio.outSampleRate))
		}
		if st.Channels == 0 {
			st.Channels = int(min(t.audio.channels, 1<<16))
		}
	case codecName == "webvtt":
		st.Type = container.Subtitle
		switch t.codecID {
		case "D_WEBVTT/CAPTIONS":
			st.Disposition |= container.DispositionCaptions
		case "D_WEBVTT/DESCRIPTIONS":
			st.Disposition |= container.DispositionDescriptions
		case "D_WEBVTT/METADATA":
			st.Disposition |= container.DispositionMetadata
		}
	case t.typ == trackSubtitle:
		st.Type = container.Subtitle
	default:
		if codecName != "" {
			st.Type = codec.Type(codecName)
		}
	}
	return nil
}

// aacExtradata makes the AudioSpecificConfig matroskadec builds for an
// A_AAC/... CodecID without CodecPrivate: the profile from the ID, the
// sampling index of the rate, the channels, and an SBR extension when the
// ID says SBR.
func aacExtradata(t *track) []byte {
	profile := 4 // LTP
	for i, p := range []string{"MAIN", "LC", "SSR"} {
		if strings.Contains(t.codecID, p) {
			profile = i + 1
			break
		}
	}
	sri := aacSRI(int(t.audio.sampleRate))
	b := []byte{byte(profile<<3 | (sri&0x0E)>>1), byte((sri&1)<<7 | int(t.audio.channels&0xf)<<3)}
	if strings.Contains(t.codecID, "SBR") {
		sri = aacSRI(int(t.audio.outSampleRate))
		b = append(b, 0x56, 0xE5, byte(0x80|sri<<3))
	}
	return b
}

// aacSRI is matroska_aac_sri: the index of the first table rate not above
// the sample rate.
func aacSRI(rate int) int {
	rates := [...]int{96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350}
	for i, r := range rates {
		if rate >= r {
			return i
		}
	}
	return len(rates) - 1
}

// videoStream sets what matroska_parse_tracks sets on a video stream.
func (d *demuxer) videoStream(t *track, st *container.Stream) {
	v := &t.video
	st.Type = container.Video
	st.CodecTag = t.fourcc
	st.Width, st.Height = int(min(v.pixelWidth, math.MaxInt32)), int(min(v.pixelHeight, math.MaxInt32))
	switch v.interlaced {
	case interlaceInterlaced:
		st.FieldOrder = d.fieldOrder(v.fieldOrder)
	case interlaceProgressive:
		st.FieldOrder = "progressive"
	}
	wMul, hMul := uint64(1), uint64(1)
	if v.stereoMode != 0 && v.stereoMode < stereoModeNB {
		switch v.stereoMode {
		case 1, 11, 8, 9: // left_right, right_left, col_interleaved
			wMul = 2
		case 2, 3, 6, 7: // bottom_top, top_bottom, row_interleaved
			hMul = 2
		}
	}
	if v.displayUnit < displayUnitUnknown && v.displayWidth != 0 && v.displayHeight != 0 &&
		v.displayWidth < 1<<31 && v.displayHeight < 1<<31 {
		num := uint64(st.Height) * v.displayWidth * wMul
		den := uint64(st.Width) * v.displayHeight * hMul
		if num < 1<<62 && den < 1<<62 {
			st.SampleAspectRatio = container.Rational{Num: int64(num), Den: int64(den)}.Reduce(255)
		}
	}
	if t.defaultDuration != 0 {
		num, den := uint64(1000000000), t.defaultDuration
		if den > math.MaxInt64 {
			num, den = num/2, den/2
		}
		st.AvgFrameRate = container.Rational{Num: int64(num), Den: int64(den)}.Reduce(30000)
		if st.AvgFrameRate.Num < st.AvgFrameRate.Den*1000 && st.AvgFrameRate.Num > st.AvgFrameRate.Den*5 {
			st.RFrameRate = st.AvgFrameRate
		}
	}
	if v.stereoMode != 0 && v.stereoMode < stereoModeNB {
		st.Tags.Set("stereo_mode", stereoModes[v.stereoMode])
	}
	if v.alphaMode != 0 {
		st.Tags.Set("alpha_mode", "1")
	}
	if v.stereoMode < stereoModeNB {
		st.AddSideData(stereo3D(v.stereoMode))
	}
	d.videoColour(t, st)
	d.videoProjection(t, st)
	blockAddMappings(t, st)
}

// blockAddMappings is mkv_parse_block_addition_mappings: a Dolby Vision
// configuration record (dvcC, dvvC) becomes DOVI side data, as
// ff_isom_parse_dvcc_dvvc reads it.
func blockAddMappings(t *track, st *container.Stream) {
	for _, m := range t.mappings {
		if m.typ != 0x64766343 && m.typ != 0x64767643 { // dvcC, dvvC
			continue
		}
		if c, ok := dovi.ParseConfig(m.extra); ok {
			st.AddSideData(c)
		}
	}
}

// fieldOrder is mkv_field_order, with the swap of BT and TB that works
// around files of Lavf 57.36 to 57.51.
func (d *demuxer) fieldOrder(o uint64) string {
	bttb := false
	if d.muxingApp != nil {
		var major, minor, micro int
		if n, _ := sscanLavf(*d.muxingApp, &major, &minor, &micro); n == 3 {
			bttb = major == 57 && minor >= 36 && minor <= 51 && micro >= 100
		}
	}
	switch o {
	case 0:
		return "progressive"
	case 1:
		return "tt"
	case 6:
		return "bb"
	case 9: // bottom field coded first, top displayed first: FFmpeg's TB
		if bttb {
			return "bt"
		}
		return "tb"
	case 14:
		if bttb {
			return "tb"
		}
		return "bt"
	}
	return ""
}

// sscanLavf parses "Lavf%d.%d.%d" as sscanf does, returning the count of
// numbers read.
func sscanLavf(s string, a, b, c *int) (int, error) {
	if !strings.HasPrefix(s, "Lavf") {
		return 0, nil
	}
	s = s[4:]
	dst := []*int{a, b, c}
	for i, p := range dst {
		if i > 0 {
			if !strings.HasPrefix(s, ".") {
				return i, nil
			}
			s = s[1:]
		}
		n, neg, j := 0, false, 0
		if j < len(s) && (s[j] == '-' || s[j] == '+') {
			neg = s[j] == '-'
			j++
		}
		start := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' && n < 1<<28 {
			n = n*10 + int(s[j]-'0')
			j++
		}
		if j == start {
			return i, nil
		}
		if neg {
			n = -n
		}
		*p = n
		s = s[j:]
	}
	return 3, nil
}

// stereo3D is ff_mkv_stereo3d_conv.
func stereo3D(mode uint64) container.Stereo3D {
	s := container.Stereo3D{}
	switch mode {
	case 0:
		s.Type = container.Stereo3D2D
	case 11:
		s.Inverted = true
		fallthrough
	case 1:
		s.Type = container.Stereo3DSideBySide
	case 2:
		s.Inverted = true
		fallthrough
	case 3:
		s.Type = container.Stereo3DTopBottom
	case 4:
		s.Inverted = true
		fallthrough
	case 5:
		s.Type = container.Stereo3DCheckerboard
	case 6:
		s.Inverted = true
		fallthrough
	case 7:
		s.Type = container.Stereo3DLines
	case 8:
		s.Inverted = true
		fallthrough
	case 9:
		s.Type = container.Stereo3DColumns
	case 14:
		s.Inverted = true
		fallthrough
	case 13:
		s.Type = container.Stereo3DFrameSequence
	default: // anaglyphs
		s.Type = container.Stereo3D2D
	}
	return s
}

// videoColour is mkv_parse_video_color: the first Colour element's code
// points, chroma siting, light levels and mastering display.
func (d *demuxer) videoColour(t *track, st *container.Stream) {
	if len(t.video.colours) == 0 {
		return
	}
	c := t.video.colours[0]
	m := c.mastering
	hasPrimaries := m[0] > 0 && m[1] > 0 && m[2] > 0 && m[3] > 0 && m[4] > 0 && m[5] > 0 && m[6] > 0 && m[7] > 0
	hasLuminance := m[8] > 0 && m[9] >= 0 && m[8] > m[9]
	if c.matrix != 3 && c.matrix < 256 { // AVCOL_SPC_RESERVED
		st.ColorSpace = codec.ColorSpace(int(c.matrix))
	}
	if c.primaries != 3 && c.primaries != 0 && c.primaries < 256 {
		st.ColorPrimaries = codec.ColorPrimaries(int(c.primaries))
	}
	if c.transfer != 3 && c.transfer != 0 && c.transfer < 256 {
		st.ColorTransfer = codec.ColorTransfer(int(c.transfer))
	}
	if c.range_ != rangeUnspecified && c.range_ <= 2 {
		st.ColorRange = codec.ColorRange(c.range_ == 2)
	}
	if c.sitingHorz != sitingUndetermined && c.sitingVert != sitingUndetermined && c.sitingHorz < 3 && c.sitingVert < 3 {
		// avcodec_chroma_pos_to_enum((horz-1)<<7, (vert-1)<<7).
		x, y := c.sitingHorz-1, c.sitingVert-1
		loc := map[[2]uint64]int{{0, 1}: 0, {1, 1}: 1, {0, 0}: 2, {1, 0}: 3}[[2]uint64{x, y}]
		st.ChromaLocation = codec.ChromaLocation(loc)
	}
	if c.maxCLL != 0 && c.maxFALL != 0 {
		st.AddSideData(container.ContentLight{MaxCLL: uint32(c.maxCLL), MaxFALL: uint32(c.maxFALL)})
	}
	if hasPrimaries || hasLuminance {
		// FFmpeg 5.1 converts each value with av_d2q(value, INT_MAX).
		md := container.MasteringDisplay{HasPrimaries: hasPrimaries, HasLuminance: hasLuminance}
		q := func(v float64) container.Rational { return container.D2Q(v, math.MaxInt32) }
		if hasPrimaries {
			for i := 0; i < 3; i++ {
				md.Primaries[i][0] = q(m[2*i])
				md.Primaries[i][1] = q(m[2*i+1])
			}
			md.WhitePoint = [2]container.Rational{q(m[6]), q(m[7])}
		}
		if hasLuminance {
			md.MaxLuminance = q(m[8])
			md.MinLuminance = q(m[9])
		}
		st.AddSideData(md)
	}
}

// videoProjection is mkv_parse_video_projection.
func (d *demuxer) videoProjection(t *track, st *container.Stream) {
	p := t.video.projection
	var sp container.Spherical
	switch p.typ {
	case 1: // equirectangular
		if len(p.private) != 0 && len(p.private) != 20 {
			return
		}
		if len(p.private) == 20 {
			b := p.private[4:]
			top, bottom := binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:])
			left, right := binary.BigEndian.Uint32(b[8:]), binary.BigEndian.Uint32(b[12:])
			if uint64(bottom) >= math.MaxUint32-uint64(top) || uint64(right) >= math.MaxUint32-uint64(left) {
				return
			}
			sp.BoundTop, sp.BoundBottom, sp.BoundLeft, sp.BoundRight = top, bottom, left, right
		}
		sp.Projection = container.SphericalEquirectangular
		if sp.BoundTop|sp.BoundBottom|sp.BoundLeft|sp.BoundRight != 0 {
			sp.Projection = container.SphericalEquirectangularTile
		}
	case 2: // cubemap
		if len(p.private) < 12 {
			return
		}
		sp.Projection = container.SphericalCubemap
		sp.Padding = binary.BigEndian.Uint32(p.private[8:])
	default:
		return
	}
	sp.Yaw = int32(p.yaw * (1 << 16))
	sp.Pitch = int32(p.pitch * (1 << 16))
	sp.Roll = int32(p.roll * (1 << 16))
	st.AddSideData(sp)
}

// attachmentStream creates the stream of one attachment: an attached
// picture for an image type, else an attachment stream with the file as
// extradata. An attachment without a name, a type or data has none.
func (d *demuxer) attachmentStream(a *attachment) error {
	if a.filename == nil || a.mime == nil || !a.hasData || a.dataLen <= 0 {
		return nil
	}
	st, err := d.src.Budget().AddStream(d.info, container.Attachment, name, a.dataOff)
	if err != nil {
		return err
	}
	a.st = st
	st.Tags.Set("filename", *a.filename)
	st.Tags.Set("mimetype", *a.mime)
	for _, m := range imageMIMEs {
		if strings.HasPrefix(*a.mime, m.prefix) {
			st.CodecName = m.codec
			break
		}
	}
	if st.CodecName != "" {
		st.Type = container.Video
		st.Disposition |= container.DispositionAttachedPic
		st.Picture = &container.Picture{Offset: a.dataOff, Length: a.dataLen, MIME: *a.mime, Type: -1}
		return nil
	}
	st.ExtradataSize = int(min(a.dataLen, math.MaxInt32))
	for _, m := range attachmentMIMEs {
		if strings.HasPrefix(*a.mime, m.prefix) {
			st.CodecName = m.codec
			break
		}
	}
	return nil
}

// ttaExtradataSize is the TTA1 header matroska_parse_tracks builds for
// the decoder: signature, format 1, channels, bits per sample, sample
// rate, length in samples and a zero CRC.
const ttaExtradataSize = 22

// ttaExtradata builds that header from the track's audio settings and the
// segment's duration in nanoseconds.
func ttaExtradata(t *track, durationNS float64) []byte {
	b := make([]byte, ttaExtradataSize)
	copy(b, "TTA1")
	binary.LittleEndian.PutUint16(b[4:], 1)
	binary.LittleEndian.PutUint16(b[6:], uint16(min(t.audio.channels, math.MaxUint16)))
	binary.LittleEndian.PutUint16(b[8:], uint16(min(t.audio.bitDepth, math.MaxUint16)))
	rate := max(0, min(t.audio.outSampleRate, math.MaxInt32))
	if rate == 0 {
		rate = max(0, min(t.audio.sampleRate, math.MaxInt32))
	}
	binary.LittleEndian.PutUint32(b[10:], uint32(rate))
	if n := durationNS / 1e9 * rate; n > 0 && n < math.MaxUint32 {
		binary.LittleEndian.PutUint32(b[14:], uint32(n))
	}
	return b
}

// flacExtradata is matroska_parse_flac: the extradata is the STREAMINFO
// block (the CodecPrivate after "fLaC" and the block header), none when
// the CodecPrivate is too short or its first block is not STREAMINFO; a
// VORBIS_COMMENT block after it may carry WAVEFORMATEXTENSIBLE_CHANNEL_MASK,
// which becomes the stream's layout (t.flacMask), kept by the decoder when
// its channel count matches.
func flacExtradata(t *track, budget *container.Budget) []byte {
	p := t.priv
	if len(p) < 8+flac.StreamInfoSize || p[4]&0x7f != 0 {
		return nil
	}
	for rest := p[8+flac.StreamInfoSize:]; len(rest) >= 4; {
		typ := rest[0] & 0x7f
		size := int(rest[1])<<16 | int(rest[2])<<8 | int(rest[3])
		rest = rest[4:]
		if size > len(rest) {
			break
		}
		if typ == 4 { // VORBIS_COMMENT
			if _, pairs, err := tags.ParseVorbisComment(rest[:size], budget); err == nil {
				for _, kv := range pairs {
					if strings.EqualFold(kv[0], "WAVEFORMATEXTENSIBLE_CHANNEL_MASK") {
						// strtol(value, NULL, 0); an invalid mask is ignored.
						if m, err := strconv.ParseInt(strings.TrimSpace(kv[1]), 0, 64); err == nil && m > 0 && m&^0x3ffff == 0 {
							t.flacMask = uint64(m)
						}
						break
					}
				}
			}
		}
		rest = rest[size:]
	}
	return p[8 : 8+flac.StreamInfoSize]
}
