package mp4

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

// allocBytes returns the bytes allocated by one Read of data.
func allocBytes(data []byte) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _ = Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// trakWith is a one-track moov whose stbl holds the given boxes.
func trakWith(stbl ...[]byte) []byte {
	return cat(ftypM4A(), mkbox("moov", mvhd(1000, 1000), mkbox("trak", tkhd(1, 1),
		mkbox("mdia", mdhd(44100, 44100, 0x55c4), hdlr("soun", "x"), mkbox("minf", mkbox("stbl", stbl...))))))
}

// Each case is an input of about 1 KB whose length or count field claims
// far more than the object holds. Reading it must cost no more than reading
// a well-formed file of similar size: bounds come from the data.
func TestClaimedLengthsCostNothing(t *testing.T) {
	baseline := allocBytes(m4a(8, ilstItem("\xa9nam", 1, []byte("t"))))
	const huge = 1 << 28 // 256 MB worth of entries or bytes
	tests := []struct {
		name string
		data []byte
	}{
		{"TestStszCountExceedsBox", trakWith(mkbox("stsz", full(0, 0), u32(0), u32(huge)))},
		{"TestSttsCountExceedsBox", trakWith(mkbox("stts", full(0, 0), u32(huge), u32(1), u32(1024)))},
		{"TestStscCountExceedsBox", trakWith(mkbox("stsc", full(0, 0), u32(huge), u32(1), u32(1), u32(1)))},
		{"TestCttsCountExceedsBox", trakWith(mkbox("ctts", full(0, 0), u32(huge), u32(1), u32(0)))},
		{"TestStcoCountExceedsBox", trakWith(mkbox("stco", full(0, 0), u32(huge), u32(8)))},
		{"TestElstCountExceedsBox", trakWith(mkbox("edts", mkbox("elst", full(0, 0), u32(huge), u32(1), u32(0), u32(0x10000))))},
		{"TestStsdSizeExceedsFile", trakWith(cat(u32(huge), []byte("stsd"), full(0, 0), u32(1), mp4a(2, 44100)))},
		{"TestIlstItemSizeExceedsFile", cat(ftypM4A(), mkbox("moov", mvhd(1000, 0),
			mkbox("udta", mkbox("meta", full(0, 0), hdlr("mdir", ""), mkbox("ilst",
				cat(u32(huge), []byte("\xa9nam"), mkbox("data", u32(1), u32(0), []byte("x")))))))),
		},
		{"TestCovrDataSizeExceedsItem", cat(ftypM4A(), mkbox("moov", mvhd(1000, 0),
			mkbox("udta", mkbox("meta", full(0, 0), hdlr("mdir", ""), mkbox("ilst",
				mkbox("covr", u32(huge), []byte("data"), u32(13), u32(0), zeros(8))))))),
		},
		{"TestTrunCountExceedsBox", cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), mkbox("trak", tkhd(1, 1),
			mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr("soun", ""))), mkbox("mvex", mkbox("trex", full(0, 0), u32(1), u32(1), u32(1024), u32(10), u32(0)))),
			mkbox("moof", mkbox("traf", mkbox("tfhd", full(0, 0), u32(1)), mkbox("trun", full(0, 0x200), u32(huge)))))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got := allocBytes(tc.data)
			assert.Less(t, time.Since(start), 2*time.Second)
			assert.LessOrEqual(t, got, 4*baseline+256<<10, "allocated %d bytes for a %d-byte input (baseline %d)", got, len(tc.data), baseline)
		})
	}
}

// TestTrunDefaultsSummed: a run of 2^28 samples that all take the defaults
// is summed arithmetically, not sample by sample.
func TestTrunDefaultsSummed(t *testing.T) {
	data := cat(ftypM4A(), mkbox("moov", mvhd(1000, 0), mkbox("trak", tkhd(1, 1),
		mkbox("mdia", mdhd(1000, 0, 0x55c4), hdlr("soun", ""), mkbox("minf", mkbox("stbl", // an init segment: no samples
			mkbox("stsd", full(0, 0), u32(1), mp4a(1, 8000)),
			mkbox("stts", full(0, 0), u32(0)), mkbox("stsz", full(0, 0), u32(0), u32(0)),
			mkbox("stsc", full(0, 0), u32(0)), mkbox("stco", full(0, 0), u32(0)))))),
		mkbox("mvex", mkbox("trex", full(0, 0), // track 1: default duration 2, size 10
			u32(1), u32(1), u32(2), u32(10), u32(0)))),
		mkbox("moof", mkbox("traf",
			mkbox("tfhd", full(0, 0), u32(1)),
			mkbox("trun", full(0, 0), u32(100000000)))), // no per-sample fields
		mkbox("mdat", zeros(8)))
	start := time.Now()
	info, err := readBytes(t, data)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), time.Second)
	assert.Equal(t, int64(200000000), info.Streams[0].DurationTS)
}
