package vorbis

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func idHeader(version uint32, channels byte, rate uint32, nominal int32, blocksizes, framing byte) []byte {
	le := binary.LittleEndian
	b := []byte("\x01vorbis")
	b = le.AppendUint32(b, version)         // vorbis_version
	b = append(b, channels)                 // audio_channels
	b = le.AppendUint32(b, rate)            // audio_sample_rate
	b = le.AppendUint32(b, 0)               // bitrate_maximum
	b = le.AppendUint32(b, uint32(nominal)) // bitrate_nominal
	b = le.AppendUint32(b, 0)               // bitrate_minimum
	return append(b, blocksizes, framing)   // blocksize_1<<4 | blocksize_0, framing
}

func TestParseIdentification(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want Identification
		err  error
	}{
		{"stereo", idHeader(0, 2, 44100, 112000, 0xB8, 1),
			Identification{AudioChannels: 2, AudioSampleRate: 44100, BitrateNominal: 112000, Blocksize0: 8, Blocksize1: 11}, nil},
		{"short", idHeader(0, 2, 44100, 0, 0xB8, 1)[:29], Identification{}, container.ErrMalformed},
		{"version 1", idHeader(1, 2, 44100, 0, 0xB8, 1), Identification{}, container.ErrMalformed},
		{"block 0 above block 1", idHeader(0, 2, 44100, 0, 0x8B, 1), Identification{}, container.ErrMalformed},
		{"block 0 too small", idHeader(0, 2, 44100, 0, 0xB5, 1), Identification{}, container.ErrMalformed},
		{"block 1 too large", idHeader(0, 2, 44100, 0, 0xE8, 1), Identification{}, container.ErrMalformed},
		{"framing", idHeader(0, 2, 44100, 0, 0xB8, 0), Identification{}, container.ErrMalformed},
		{"signature", append([]byte{3}, idHeader(0, 2, 44100, 0, 0xB8, 1)[1:]...), Identification{}, container.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := ParseIdentification(tt.b)
			if tt.err != nil {
				assert.True(t, errors.Is(err, tt.err), "%v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, id)
		})
	}
}

// bitWriter packs bits LSB first, as the Vorbis bitstream does.
type bitWriter struct {
	b []byte
	n int
}

func (w *bitWriter) put(v uint32, bits int) {
	for i := 0; i < bits; i++ {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		w.b[len(w.b)-1] |= byte(v>>i&1) << (w.n % 8)
		w.n++
	}
}

// setup builds a setup header ending with the given modes' block flags:
// 20 bytes of 0xFF stand for everything before the modes.
func setup(blockflags ...bool) []byte {
	w := &bitWriter{b: append([]byte("\x05vorbis"), make([]byte, 0)...)}
	for i := 0; i < 20; i++ {
		w.put(0xFF, 8)
	}
	w.put(uint32(len(blockflags)-1), 6) // vorbis_mode_count - 1
	for _, f := range blockflags {
		bf := uint32(0)
		if f {
			bf = 1
		}
		w.put(bf, 1) // vorbis_mode_blockflag
		w.put(0, 16) // vorbis_mode_windowtype
		w.put(0, 16) // vorbis_mode_transformtype
		w.put(0, 8)  // vorbis_mode_mapping
	}
	w.put(1, 1) // framing bit
	return w.b
}

func TestParserDurations(t *testing.T) {
	id := Identification{Blocksize0: 8, Blocksize1: 11} // 256 and 2048
	tests := []struct {
		name  string
		modes []bool
		bytes []byte
		want  []int
		errAt int
	}{
		// One mode, short blocks: (256+256)/4 each.
		{"one short mode", []bool{false}, []byte{0x00, 0x00}, []int{128, 128}, -1},
		// Two modes: mode bit 1, previous-window bit 2 (read for long blocks
		// only; a short block follows the previous packet's size).
		{"short then long", []bool{false, true}, []byte{0x00, 0x02, 0x06, 0x00}, []int{128, 576, 1024, 576}, -1},
		{"mode out of range", []bool{false, true, false}, []byte{0x06}, nil, 0},
		{"unknown header type", []bool{false}, []byte{0x07}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewParser(id, setup(tt.modes...))
			require.NoError(t, err)
			for i, b := range tt.bytes {
				d, kind, err := p.Duration(b)
				if i == tt.errAt {
					assert.Error(t, err)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, Audio, kind)
				assert.Equal(t, tt.want[i], d, "packet %d", i)
			}
		})
	}
}

func TestParserHeaderPackets(t *testing.T) {
	p, err := NewParser(Identification{Blocksize0: 8, Blocksize1: 11}, setup(false))
	require.NoError(t, err)
	for b, want := range map[byte]PacketKind{1: IdentificationHeader, 3: CommentHeader, 5: SetupHeader} {
		d, kind, err := p.Duration(b)
		require.NoError(t, err)
		assert.Equal(t, 0, d)
		assert.Equal(t, want, kind)
	}
}

func TestNewParserErrors(t *testing.T) {
	id := Identification{Blocksize0: 8, Blocksize1: 11}
	tests := []struct {
		name string
		b    []byte
	}{
		{"short", []byte("\x05vorb")},
		{"signature", []byte("\x03vorbis" + string(make([]byte, 40)))},
		{"no framing bit", append([]byte("\x05vorbis"), make([]byte, 40)...)},
		{"no mode count", append([]byte("\x05vorbis"), append(make([]byte, 20), 0xFF, 0xFF, 0xFF, 0xFF, 0x80)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewParser(id, tt.b)
			assert.True(t, errors.Is(err, container.ErrMalformed), "%v", err)
		})
	}
}

func TestChannelLayout(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "mono", 2: "stereo", 3: "3.0", 4: "quad", 5: "5.0", 6: "5.1", 7: "6.1", 8: "7.1", 9: ""} {
		assert.Equal(t, want, ChannelLayout(n), "%d channels", n)
	}
}
