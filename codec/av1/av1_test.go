package av1

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// want is what ffprobe 5.1 prints for a stream; extradataSize is its
// extradata_size for the containers without extradata (IVF, raw OBU), where
// FFmpeg extracts it from the first packet.
type want struct {
	profile                            string
	level                              int
	pixFmt, colorRange                 string
	space, transfer, primaries, chroma string
	width, height                      int
	codedWidth, codedHeight            int
	sarNum, sarDen                     int64
	filmGrain                          bool
	extradataSize                      int
}

// streams are files made with ffmpeg 5.1 (libaom-av1 -cpu-used 8, librav1e,
// libsvtav1; -frames:v 3 of testsrc at 320x240 unless the name says
// otherwise): the av1C payload of the MP4 ones, the size the container
// declares (stsd, the IVF header), the first 96 bytes of the first packet,
// and what `ffprobe -show_streams` prints for them.
//
//   - m_*: the libaom 4:2:0 stream rewritten by the av1_metadata bitstream
//     filter (chroma_sample_position, colour code points, tick_rate);
//   - svt10fg_noseq: the av1C's sequence header OBU retyped as padding, so
//     the extradata has none: the frame is decoded, and film_grain, which
//     only the extradata's header sets, is 0; with _stsd400, the stsd says
//     400x300 and the decoded frame wins;
//   - aom420_ex*: the av1C's sequence header given color_range 1 (the
//     packet's header wins), film grain, 10 bits or a chroma sample
//     position (the extradata's header wins: no frame is decoded);
//     aom420_stsd400: the stsd says 400x300, the extradata's header wins;
//   - rav_colr: copied into MP4 with a colr box saying BT.709, which the
//     sequence header (no colour description) overrides;
//   - render2, render3: the key frame given a render size of 640x240 and
//     100x77;
//   - still: libaom -still-picture 1, a reduced still picture header with
//     seq_level_idx 0, printed as level -8 when decoded (IVF) and 0 when
//     not (MP4);
//   - maxw: a 320x240 key frame with frame_size_override_flag in a sequence
//     of 640x480 at most: the IVF one decodes it, the MP4 one does not.
var streams = []struct {
	name, av1C    string
	width, height int
	packet        string
	want          want
}{
	{"libaom-av1.mp4", "812000000a0d200000043cffbcdaf92021a004", 320, 240,
		"0a0d200000043cffbcdaf92021a00432ba0a1400a0b010b44cf092a37bde31adbe21434eba67b5003ec37db1d8dbaa938566aff6fcfcb9ac81ebffffffff9f3773914a15ac76bfaa3f495f2f71e51a2ce61ffba63f531c45545d454f0454410b",
		want{"High", 0, "gbrp", "pc", "gbr", "iec61966-2-1", "bt709", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"libaom-av1.ivf", "", 320, 240,
		"12000a0d200000043cffbcdaf92021a00432ba0a1400a0b010b44cf092a37bde31adbe21434eba67b5003ec37db1d8dbaa938566aff6fcfcb9ac81ebffffffff9f3773914a15ac76bfaa3f495f2f71e51a2ce61ffba63f531c45545d454f0454",
		want{"High", 0, "gbrp", "pc", "gbr", "iec61966-2-1", "bt709", "", 320, 240, 320, 240, 1, 1, false, 15}},
	{"librav1e.mp4", "813f00000a0d200000fa1e7fde210ad0202025", 320, 240,
		"0a0d200000fa1e7fde210ad020202532fa20100227c8e9e663ffd800042a03eb0000000000004f14d404104548f60a6baff1c5f9c847cf1ee541a4f384a45bec6a301a59c015f76b33d7efe9629c3caaa0f6a7fbe0c20d661ec836a0d8606672",
		want{"High", 31, "yuv444p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"librav1e.obu", "", 0, 0,
		"12000a0d200000fa1e7fde210ad020202532fa20100227c8e9e663ffd800042a03eb0000000000004f14d404104548f60a6baff1c5f9c847cf1ee541a4f384a45bec6a301a59c015f76b33d7efe9629c3caaa0f6a7fbe0c20d661ec836a0d860",
		want{"High", 31, "yuv444p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 15}},
	{"libsvtav1.mp4", "81000c000a0b000000043cffbc02f80040", 320, 240,
		"0a0b000000043cffbcfbf90040329c1a1400a1e824cda23fe3fa2712fc109b2dd83da0a95b66be94c656ee2acc06fbf97244dfa0522aaa308bb9c0170d8dbe4aff5006ce6297104523995c86aee27fafa0c0f87601d18666cce24db5e12789e8",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"libsvtav1.ivf", "", 320, 240,
		"12000a0b000000043cffbcfbf90040329c1a1400a1e824cda23fe3fa2712fc109b2dd83da0a95b66be94c656ee2acc06fbf97244dfa0522aaa308bb9c0170d8dbe4aff5006ce6297104523995c86aee27fafa0c0f87601d18666cce24db5e127",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 13}},
	{"aom420p10.mp4", "81004c000a0b000000043cffbcdaf94040", 320, 240,
		"0a0b000000043cffbcdaf9404032bb111400a0c810b44cf0938b9bb9e12f28c70cf8d2ff114c038ee151955486410ef8b97c99111339f2d40c807af350eb9847fffffffff238367a5cb329ab544532b5c03ff5d361aebad54dc1d6381f2977ae",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420p12.mp4", "81406c000a0b400000043cffbcdaf96308", 320, 240,
		"0a0b400000043cffbcdaf9630832f2111400a0d810b44cf0938ef3d9e1008af0fe60b285ecc294c038ee1519fd9bef130c7503eb68ad5a03dff42542a4aff93b02e39ac323c50369670f15c4ac24a73db1e7c83019fd778cc938b2303e1c826d",
		want{"Professional", 0, "yuv420p12le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom422.mp4", "814008000a0a400000043cffbcdaf901", 320, 240,
		"0a0a400000043cffbcdaf90132be0c1400a0b010b44cf0919b03ab9ab3c4d1facb14aae2e9ffb85212fdf4f81e75fde3cf7a105e70afffffffffe470051d39d614c90fc13122d5746fc7a8d4c8849ad0628b945e1ccd5ac3152c82f109def6b3",
		want{"Professional", 0, "yuv422p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom444p10.mp4", "812040000a0a200000043cffbcdaf942", 320, 240,
		"0a0a200000043cffbcdaf94232f00d1400a0c810b44cf0938ba23b9a09d2bf966dc17210ada752cee9371141b38578b405aeaec49a8bc1afffffffffe47020ec3fffffffff91c6a920468357809543e8bc27e112beeef6c5b1c5b4a4d9153906",
		want{"High", 0, "yuv444p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aomgbrp10.mp4", "812040000a0d200000043cffbcdaf96021a004", 320, 240,
		"0a0d200000043cffbcdaf96021a00432b70b1400a0c810b44cf094d8a8fe323c5b6943cc34f4e50e7d8c3022f20e7195ff3fedf9f85ce71f7d7ffffffff3e6de4a18d35845557b128fe0e5e3fca76d1cc5556c7cfbd4a583b92dc9d592921b4c",
		want{"High", 0, "gbrp10le", "pc", "gbr", "iec61966-2-1", "bt709", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aomgray.mp4", "81001c000a0a000000043cffbcdaf92a", 320, 240,
		"0a0a000000043cffbcdaf92a32cc061400a0b040b4580528a3984cfcef99b290ffee76047f95e87fffffffff2386882078ebe0e7042f43e3f69b7cf569f4e6c930179054d12417516d5b206e0600aa9a87ffe3a863792f3a964d8ea95f1ad416",
		want{"Main", 0, "gray", "pc", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aomgray10.mp4", "81005c000a0a000000043cffbcdaf96a", 320, 240,
		"0a0a000000043cffbcdaf96a32ea061400a0c840b458052fdc5cccf33e38c3290ffee760284630487fffffffff2386882078e432500842f43e3f69b7cf569f4e6aa4d7261054d04254db084bd59be0ad4ff2e9d25ff040a2cd515c13bcc8b459",
		want{"Main", 0, "gray10le", "pc", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aomhdr.mp4", "81000c000a0e000000043cffbcdaf91091009840", 320, 240,
		"0a0e000000043cffbcdaf91091009840328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1",
		want{"Main", 0, "yuv420p", "pc", "bt2020nc", "smpte2084", "bt2020", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aomfg.ivf", "", 320, 240,
		"12000a0b000000043cffbcdaf900c032d0131400216802080882108202ea39bfc009036906c8ea288bc80d692f29b0c972889426f5c71786b9271fe70a0027362851305e32863c9434a12dae2dbc2bff29a002c362e51345e366b4086419439a",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, true, 13}},
	{"aomodd.ivf", "", 321, 243,
		"12000a0b000000043d03c8daf9004032c7131400a0b010b44cf0919b0371a38bd5057085969f1c17c2c0e258b3065353a3b02f98e09a03c4a55a89aadbffffffff1f70c0175c7c3ee5ed3f434f84f77244c478f2f2791670e33fed2bfbe93048",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 321, 243, 321, 243, 1, 1, false, 13}},
	{"m_csp_v.ivf", "", 320, 240,
		"12000a0b000000043cffbcdaf90240328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "left", 320, 240, 320, 240, 1, 1, false, 13}},
	{"m_csp_c.ivf", "", 320, 240,
		"12000a0b000000043cffbcdaf90440328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "topleft", 320, 240, 320, 240, 1, 1, false, 13}},
	{"m_pri0.ivf", "", 320, 240,
		"12000a0e000000043cffbcdaf9100030f040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38",
		want{"Main", 0, "yuv420p", "tv", "", "reserved", "reserved", "", 320, 240, 320, 240, 1, 1, false, 16}},
	{"m_pri22.ivf", "", 320, 240,
		"12000a0e000000043cffbcdaf91160003040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38",
		want{"Main", 0, "yuv420p", "tv", "reserved", "reserved", "ebu3213", "", 320, 240, 320, 240, 1, 1, false, 16}},
	{"m_pri200.ivf", "", 320, 240,
		"12000a0e000000043cffbcdaf91c8c8c8040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 16}},
	{"m_tick.ivf", "", 320, 240,
		"12000a130400000fa40001d4c3000000879ff79b5f2008328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 21}},
	{"svt10fg.mp4", "81004c000a0b000000043cffbc02f840c0", 320, 240,
		"0a0b000000043cffbcfbf940c032c51a1400a208251cdf5001a361a8722af14ff0f100037f81a80051b053c89d106ff877bfbebf3ac040403ebdbd36bfc0403ebcb8b63bc0c03c38b8c0c0c0c03fbebfc0bf40bcc240403dba363abb4040be37",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, true, 0}},
	{"svt10fg_noseq.mp4", "81004c007a0b000000043cffbc02f840c0", 320, 240,
		"0a0b000000043cffbcfbf940c032c51a1400a208251cdf5001a361a8722af14ff0f100037f81a80051b053c89d106ff877bfbebf3ac040403ebdbd36bfc0403ebcb8b63bc0c03c38b8c0c0c0c03fbebfc0bf40bcc240403dba363abb4040be37",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"svt10fg_noseq_stsd400.mp4", "81004c007a0b000000043cffbc02f840c0", 400, 300,
		"0a0b000000043cffbcfbf940c032c51a1400a208251cdf5001a361a8722af14ff0f100037f81a80051b053c89d106ff877bfbebf3ac040403ebdbd36bfc0403ebcb8b63bc0c03c38b8c0c0c0c03fbebfc0bf40bcc240403dba363abb4040be37",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420_exrange.mp4", "81000c000a0b000000043cffbcdaf90840", 320, 240,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420_exfg.mp4", "81000c000a0b000000043cffbcdaf900c0", 320, 240,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, true, 0}},
	{"aom420_ex10bit.mp4", "81000c000a0b000000043cffbcdaf94040", 320, 240,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420_excsp1.mp4", "81000c000a0b000000043cffbcdaf90240", 320, 240,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "left", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420_excsp2.mp4", "81000c000a0b000000043cffbcdaf90440", 320, 240,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "topleft", 320, 240, 320, 240, 1, 1, false, 0}},
	{"aom420_stsd400.mp4", "81000c000a0b000000043cffbcdaf90040", 400, 300,
		"0a0b000000043cffbcdaf90040328e101400a0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f38c7f1ba0c36",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"rav_colr.mp4", "811f0c000a0e000000fa1e7fde210ac8101010a0", 320, 240,
		"0a0e000000fa1e7fde210ac8101010a032b319100227c8e27ebb78d800042a03eb0000000000004b020504104554f608afffb70d191cf58712bf6bd84e2af21bcd4bddd1a233a7536010e6df64068c7f166a729fc1c2cc87d9f86c6bc8e1f03d",
		want{"Main", 31, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"render2.ivf", "", 320, 240,
		"12000a0b000000043cffbcdaf900403292101401027f00efa0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 2, 1, false, 13}},
	{"render3.ivf", "", 320, 240,
		"12000a0b000000043cffbcdaf9004032921014010063004ca0b010b44cf0919afd29e1e910496e0cc8b4c038ee15195548643add3f1cd7dd6c30d5312ffffffffffe47000eca55b273dfe97647ef4c2a3b0945992c1b98b8ffa88a0f5f91af7f",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 75, 77, false, 13}},
	{"still.ivf", "", 320, 240,
		"12000a071821e7fded0040328b094c8002b47d33b43a25eaa26692b03d56c5bdab242b195ee5473643588c5ff6e367ee3fffffffffc8e010213a32b4918cf513ab6f4b898658b9d5f7df31592faacbca299ab5862a5905e213bded6705e43ebb",
		want{"Main", -8, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 9}},
	{"still.mp4", "81000c000a071821e7fded0040", 320, 240,
		"0a071821e7fded0040328b094c8002b47d33b43a25eaa26692b03d56c5bdab242b195ee5473643588c5ff6e367ee3fffffffffc8e010213a32b4918cf513ab6f4b898658b9d5f7df31592faacbca299ab5862a5905e213bded6705e43ebb9c5a",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 0}},
	{"svthdr.ivf", "", 320, 240,
		"12000a0b000000043cffbcfbf940402a060103e80190802a1a02ae1451ec43d7b0a426660f5c500d54390003e800000000028032981a1400a20824cf896ebf2b6a9ead0252b431b5a0d3c1e18d3fc15e7d2b942a9ce0d378eb9ec0027b7485f2",
		want{"Main", 0, "yuv420p10le", "tv", "", "", "", "", 320, 240, 320, 240, 1, 1, false, 49}},
	{"maxw.ivf", "", 320, 240,
		"12000a0c00000005d93f8ef9b5f20080329009150027e1dea40010b47d33b43a25eaa26692b03d56c5bdab242b195ee5473643588c5ff6e367ee3fffffffffc8e010213a32b4918cf513ab6f4b898658b9d5f7df31592faacbca299ab5862a59",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 320, 240, 640, 480, 1, 1, false, 14}},
	{"maxw.mp4", "81000c000a0c00000005d93f8ef9b5f20080", 320, 240,
		"0a0c00000005d93f8ef9b5f20080329009150027e1dea40010b47d33b43a25eaa26692b03d56c5bdab242b195ee5473643588c5ff6e367ee3fffffffffc8e010213a32b4918cf513ab6f4b898658b9d5f7df31592faacbca299ab5862a5905e2",
		want{"Main", 0, "yuv420p", "tv", "", "", "", "", 640, 480, 640, 480, 1, 1, false, 0}},
}

func TestDescribe(t *testing.T) {
	for _, tc := range streams {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			st := container.Stream{Level: container.LevelUnknown, Refs: 1, Width: tc.width, Height: tc.height}
			if tc.av1C != "" {
				c, err := ParseConfig(unhex(t, tc.av1C))
				require.NoError(t, err)
				assert.True(t, c.Marker)
				// The MP4 files have a pasp box, which the decoder does
				// not override when it decodes nothing.
				st.SampleAspectRatio = container.Rational{Num: w.sarNum, Den: w.sarDen}
			}
			tu, err := Describe(&st, unhex(t, tc.av1C), unhex(t, tc.packet))
			// The packets are cut at 96 bytes, inside the frame OBU.
			require.ErrorIs(t, err, container.ErrTruncated)
			require.NotNil(t, tu.Frame)
			if tc.av1C == "" {
				assert.Equal(t, w.extradataSize, tu.ExtradataSize)
			}
			assert.Equal(t, w.profile, st.Profile, "profile")
			assert.Equal(t, w.level, st.Level, "level")
			assert.Equal(t, w.pixFmt, st.PixFmt, "pix_fmt")
			assert.Equal(t, w.colorRange, st.ColorRange, "color_range")
			assert.Equal(t, w.space, st.ColorSpace, "color_space")
			assert.Equal(t, w.transfer, st.ColorTransfer, "color_transfer")
			assert.Equal(t, w.primaries, st.ColorPrimaries, "color_primaries")
			assert.Equal(t, w.chroma, st.ChromaLocation, "chroma_location")
			assert.Equal(t, w.width, st.Width, "width")
			assert.Equal(t, w.height, st.Height, "height")
			assert.Equal(t, w.codedWidth, st.CodedWidth, "coded_width")
			assert.Equal(t, w.codedHeight, st.CodedHeight, "coded_height")
			assert.Equal(t, container.Rational{Num: w.sarNum, Den: w.sarDen}, st.SampleAspectRatio, "sample_aspect_ratio")
			assert.Equal(t, w.filmGrain, st.FilmGrain, "film_grain")
			assert.Equal(t, 0, st.HasBFrames, "has_b_frames")
			assert.Equal(t, 1, st.Refs, "refs")
		})
	}
}
