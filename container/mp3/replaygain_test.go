package mp3

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// lameFrame is infoFrame with the LAME tag's ReplayGain fields set and, when
// crcOK, the tag's CRC-16 (the first 190 bytes of the frame) fixed, as
// testdata/gen.sh patches mp3_lame_replaygain.mp3.
func lameFrame(peak uint32, radio, audiophile uint16, crcOK bool) []byte {
	b := infoFrame("Info", 10, 11*417, 576)
	p := 36 + 16 + 9 + 1 + 1 // after "Info", flags, frames, bytes, version, revision, lowpass
	binary.BigEndian.PutUint32(b[p:], peak)
	binary.BigEndian.PutUint16(b[p+4:], radio)
	binary.BigEndian.PutUint16(b[p+6:], audiophile)
	crcAt := p + 8 + 1 + 1 + 3 + 1 + 1 + 2 + 4 + 2
	var crc uint16
	for _, c := range b[:crcAt] {
		crc ^= uint16(c)
		for k := 0; k < 8; k++ {
			if crc&1 != 0 {
				crc = crc>>1 ^ 0xa001
			} else {
				crc >>= 1
			}
		}
	}
	if !crcOK {
		crc ^= 1
	}
	binary.BigEndian.PutUint16(b[crcAt:], crc)
	return b
}

// id3TXXX is an ID3v2.4 tag holding one TXXX frame.
func id3TXXX(desc, value string) []byte {
	body := append(append([]byte{3}, desc...), 0)
	body = append(body, value...)
	frame := append([]byte("TXXX"), syncsafe(len(body))...)
	frame = append(append(frame, 0, 0), body...)
	return cat([]byte("ID3\x04\x00\x00"), syncsafe(len(frame)), frame)
}

func syncsafe(n int) []byte {
	return []byte{byte(n >> 21 & 0x7f), byte(n >> 14 & 0x7f), byte(n >> 7 & 0x7f), byte(n & 0x7f)}
}

// TestLAMEReplayGain follows mp3_parse_info_tag: the name code is bits 13
// and 14 (MIDDLE_BITS(v, 13, 15)), the magnitude the low 8 bits, and the
// values count only when the tag's CRC holds; ff_replaygain_export_raw adds
// nothing when both gains are unknown. ffprobe 5.1 prints "Replay Gain" for
// testdata/mp3_lame_replaygain.mp3 (radio -3.5 dB) and nothing for
// mp3_lame_peak_only.mp3.
func TestLAMEReplayGain(t *testing.T) {
	const unknown = container.GainUnknown
	tests := []struct {
		name              string
		peak              uint32
		radio, audiophile uint16
		crcOK             bool
		want              *container.ReplayGain
	}{
		{"radio gain -3.5 dB and a peak", 0x00700000, 0x2000 | 0x0c00 | 0x200 | 35, 0, true,
			&container.ReplayGain{TrackGain: -350000, TrackPeak: 87500, AlbumGain: unknown}},
		{"audiophile gain +1.2 dB", 0, 0, 0x4000 | 12, true,
			&container.ReplayGain{TrackGain: unknown, AlbumGain: 120000}},
		{"bit 15 is not part of the name code", 0, 0x8000 | 0x2000 | 10, 0, true,
			&container.ReplayGain{TrackGain: 100000, AlbumGain: unknown}},
		{"only 8 bits of the 9-bit magnitude are read", 0, 0x2000 | 0x1ff, 0, true,
			&container.ReplayGain{TrackGain: 2550000, AlbumGain: unknown}},
		{"a radio gain in the audiophile field is ignored", 0, 0, 0x2000 | 10, true, nil},
		{"a peak without a gain", 0x00700000, 0, 0, true, nil},
		{"a wrong CRC", 0, 0x2000 | 35, 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := cat(lameFrame(tt.peak, tt.radio, tt.audiophile, tt.crcOK), frames(hdr128, 417, 10))
			info, err := read(&demuxkit.BytesSource{B: in}, 0, container.Options{})
			require.NoError(t, err)
			st := info.Streams[0]
			if tt.want == nil {
				assert.Empty(t, st.SideData)
				return
			}
			require.Len(t, st.SideData, 1)
			assert.Equal(t, *tt.want, st.SideData[0])
			enc, _ := st.Tags.Get("encoder")
			assert.Equal(t, "LAME3.100", enc, "a valid CRC exports the encoder too")
		})
	}
}

// TestReplayGainTagsReplaceLAME: mp3_read_header exports the ID3 tags'
// REPLAYGAIN_* after the LAME tag, replacing its values
// (testdata/mp3_replaygain_id3.mp3 has the tag alone).
func TestReplayGainTagsReplaceLAME(t *testing.T) {
	tag := id3TXXX("REPLAYGAIN_TRACK_GAIN", "+1.5 dB")
	in := cat(tag, lameFrame(0, 0x2000|35, 0, true), frames(hdr128, 417, 10))
	info, err := read(&demuxkit.BytesSource{B: in}, int64(len(tag)), container.Options{})
	require.NoError(t, err)
	st := info.Streams[0]
	require.Len(t, st.SideData, 1)
	assert.Equal(t, container.ReplayGain{TrackGain: 150000, AlbumGain: container.GainUnknown}, st.SideData[0])
}
