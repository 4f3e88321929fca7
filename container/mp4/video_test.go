package mp4

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// visual is a visual sample entry of format with the given child boxes.
func visual(format string, w, h uint16, children ...[]byte) []byte {
	return mkbox(format,
		zeros(6), u16(1), // reserved, data reference index
		u16(0), u16(0), zeros(12), // version, revision, vendor, temporal and spatial quality
		u16(w), u16(h),
		u32(0x480000), u32(0x480000), u32(0), u16(1), // resolutions, data size, frame count
		zeros(32),            // compressor name
		u16(24), u16(0xffff), // depth, colour table
		cat(children...))
}

// movVideo is an MP4 with one video track whose sample description is
// entry: two samples of 512 ticks at 12800 Hz.
func movVideo(entry []byte, after ...[]byte) []byte {
	stbl := mkbox("stbl",
		mkbox("stsd", full(0, 0), u32(1), entry),
		mkbox("stts", full(0, 0), u32(1), u32(2), u32(512)),
		mkbox("stsz", full(0, 0), u32(100), u32(2)),
		mkbox("stsc", full(0, 0), u32(1), u32(1), u32(2), u32(1)),
		mkbox("stco", full(0, 0), u32(1), u32(0)))
	return cat(ftypM4A(), mkbox("moov", mvhd(1000, 80), mkbox("trak", tkhd(1, 1),
		mkbox("mdia", mdhd(12800, 1024, 0x55c4), hdlr("vide", "VideoHandler"), mkbox("minf", stbl))), cat(after...)))
}

func readVideo(t *testing.T, b []byte) *container.Stream {
	t.Helper()
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: b}, 0, container.Options{})
	require.NoError(t, err)
	require.NotEmpty(t, info.Streams)
	return info.Streams[0]
}

// TestVideoSideDataBoxes: mdcv, clli, st3d and a cubemap sv3d give what
// ffprobe 5.1 prints for the same boxes in an mpeg4 track (checked on
// ffmpeg-made files with these boxes inserted): stereo 3D, spherical
// mapping, mastering display, content light, in that order; mdcv lists its
// primaries green, blue, red.
func TestVideoSideDataBoxes(t *testing.T) {
	sv3d := mkbox("sv3d", mkbox("svhd", full(0, 0), []byte("x\x00")),
		mkbox("proj", mkbox("prhd", full(0, 0), u32(1<<16), u32(2<<16), u32(3<<16)), mkbox("cbmp", full(0, 0), u32(0), u32(7))))
	st := readVideo(t, movVideo(visual("mp4v", 32, 24,
		mkbox("mdcv", u16(8500), u16(39850), u16(6550), u16(2300), u16(35400), u16(14600), u16(15635), u16(16450), u32(10000000), u32(50)),
		mkbox("clli", u16(1000), u16(400)),
		mkbox("st3d", full(0, 0), u8(2)),
		sv3d)))
	r := func(n int64, d int64) container.Rational { return container.Rational{Num: n, Den: d} }
	assert.Equal(t, []container.SideData{
		container.Stereo3D{Type: container.Stereo3DSideBySide},
		container.Spherical{Projection: container.SphericalCubemap, Padding: 7, Yaw: 1 << 16, Pitch: 2 << 16, Roll: 3 << 16},
		container.MasteringDisplay{
			Primaries:    [3][2]container.Rational{{r(35400, 50000), r(14600, 50000)}, {r(8500, 50000), r(39850, 50000)}, {r(6550, 50000), r(2300, 50000)}},
			WhitePoint:   [2]container.Rational{r(15635, 50000), r(16450, 50000)},
			MinLuminance: r(50, 10000), MaxLuminance: r(10000000, 10000), HasPrimaries: true, HasLuminance: true,
		},
		container.ContentLight{MaxCLL: 1000, MaxFALL: 400},
	}, st.SideData)
}

// TestSv3dCubemapLayout: a cubemap layout other than 0 is not supported
// and gives no side data (ffprobe prints none).
func TestSv3dCubemapLayout(t *testing.T) {
	sv3d := mkbox("sv3d", mkbox("svhd", full(0, 0), []byte("x\x00")),
		mkbox("proj", mkbox("prhd", full(0, 0), u32(0), u32(0), u32(0)), mkbox("cbmp", full(0, 0), u32(1), u32(7))))
	assert.Empty(t, readVideo(t, movVideo(visual("mp4v", 32, 24, sv3d))).SideData)
}

// TestColr: nclx gives the three codes and the range; a box cut before the
// range byte takes the byte after it, as mov_read_colr reads on; codes
// FFmpeg has no name for print nothing; prof is an ICC profile.
func TestColr(t *testing.T) {
	st := readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte("nclx"), u16(9), u16(16), u16(9), u8(0x80)))))
	assert.Equal(t, []string{"bt2020", "smpte2084", "bt2020nc", "pc"}, []string{st.ColorPrimaries, st.ColorTransfer, st.ColorSpace, st.ColorRange})

	// 18 bytes: no range byte; the next box's first byte (0) says tv.
	st = readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte("nclx"), u16(1), u16(1), u16(1)), mkbox("free"))))
	assert.Equal(t, []string{"bt709", "bt709", "bt709", "tv"}, []string{st.ColorPrimaries, st.ColorTransfer, st.ColorSpace, st.ColorRange})

	st = readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte("nclc"), u16(2), u16(99), u16(6)))))
	assert.Equal(t, []string{"", "", "smpte170m", ""}, []string{st.ColorPrimaries, st.ColorTransfer, st.ColorSpace, st.ColorRange})

	st = readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte("prof"), zeros(100)))))
	assert.Equal(t, []container.SideData{container.ICCProfile{Size: 100}}, st.SideData)
}

func TestFiel(t *testing.T) {
	for v, want := range map[uint16]string{0x0100: "progressive", 0x0201: "tt", 0x0206: "bb", 0x0209: "tb", 0x020e: "bt", 0x0205: ""} {
		st := readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("fiel", u16(v)))))
		assert.Equal(t, want, st.FieldOrder, "%04x", v)
	}
}

// TestPssh: each pssh adds its system's data to the last stream's one
// Encryption initialization data entry; a key id list past the end of the
// object fails the header, as mov_read_pssh's EOF does.
func TestPssh(t *testing.T) {
	sys := []byte("0123456789abcdef")
	pssh := func(v uint8, kids ...[]byte) []byte {
		b := cat(full(v, 0), sys)
		if v > 0 {
			b = cat(b, u32(uint32(len(kids))), cat(kids...))
		}
		return mkbox("pssh", b, u32(3), []byte("abc"))
	}
	st := readVideo(t, movVideo(visual("mp4v", 32, 24), pssh(0), pssh(1, []byte("kkkkkkkkkkkkkkkk"))))
	init, ok := container.SideDataOf[container.EncryptionInit](st)
	require.True(t, ok)
	require.Len(t, init.Infos, 2)
	assert.Equal(t, []byte("abc"), init.Infos[1].Data)
	assert.Equal(t, [][]byte{[]byte("kkkkkkkkkkkkkkkk")}, init.Infos[1].KeyIDs)
	assert.Len(t, st.SideData, 1)

	_, err := Demuxer().Read(&demuxkit.BytesSource{B: movVideo(visual("mp4v", 32, 24), mkbox("pssh", full(1, 0), sys, u32(1<<30)))}, 0, container.Options{})
	assert.ErrorIs(t, err, container.ErrMalformed)
}

// TestDvcc: the Dolby Vision record's bit fields.
func TestDvcc(t *testing.T) {
	// version 1.0, profile 8 (0001000), level 6 (000110), rpu 1, el 0, bl 1, compatibility 4.
	st := readVideo(t, movVideo(visual("hvc1", 32, 24, mkbox("dvcC", u8(1), u8(0), u8(0x10), u8(0x35), u8(0x40), zeros(19)))))
	assert.Equal(t, []container.SideData{container.DOVIConfig{VersionMajor: 1, Profile: 8, Level: 6, RPUPresent: true, BLPresent: true, BLSignalCompatibilityID: 4}}, st.SideData)
}

// TestColrFourBytes: a colr box of 4 bytes, its colour type alone, is
// read on into what follows (as mov_read_colr does, without reading past
// the sample entry) and leaves the track described: no panic, no error;
// nclx and nclc add no side data (prof adds an empty ICC profile, as
// mov_read_colr allocates one of the box's size less 4).
func TestColrFourBytes(t *testing.T) {
	for _, typ := range []string{"nclx", "nclc", "prof"} {
		st := readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte(typ)))))
		assert.Equal(t, 32, st.Width, typ)
		assert.Equal(t, 24, st.Height, typ)
		if typ != "prof" {
			assert.Empty(t, st.SideData, typ)
		}
		st = readVideo(t, movVideo(visual("mp4v", 32, 24, mkbox("colr", []byte(typ)), mkbox("free"))))
		assert.Equal(t, 32, st.Width, typ)
	}
}
