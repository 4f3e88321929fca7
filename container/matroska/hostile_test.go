package matroska

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

// cost reads data and returns what it cost: reads, bytes read and bytes
// charged to the budget.
func cost(t *testing.T, data []byte) (reads, bytes, alloc int64) {
	t.Helper()
	src := &demuxkit.CountingSource{BytesSource: demuxkit.BytesSource{B: data}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = Demuxer().Read(src, 0, container.Options{})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Read did not return within 5s")
	}
	return src.Reads, src.Bytes, src.Budget().Used().Allocated
}

// assertBounded checks that a hostile input costs no more than a
// well-formed file of the same size, give or take a small factor.
func assertBounded(t *testing.T, data []byte) {
	t.Helper()
	good := cat(file(), make([]byte, max(0, len(data)-len(file()))))
	gr, gb, ga := cost(t, good)
	r, b, a := cost(t, data)
	assert.LessOrEqual(t, r, 4*gr+64, "reads")
	assert.LessOrEqual(t, b, 4*gb+64<<10, "bytes read")
	assert.LessOrEqual(t, a, 4*ga+64<<10, "bytes allocated")
}

// TestElementClaims2To56Bytes: level-1 and nested elements whose sizes
// claim 2^56-2 bytes (the largest known size) in a file of a few hundred.
func TestElementClaims2To56Bytes(t *testing.T) {
	huge := vsize(1<<56 - 2)
	for name, data := range map[string][]byte{
		"segment": cat(ebmlHead("webm"), idBytes(idSegment), huge, el(idInfo, uel(idTimecodeScale, 1000000)), el(idTracks, opusTrack())),
		"tags":    cat(ebmlHead("webm"), el(idSegment, el(idTracks, opusTrack()), cat(idBytes(idTags), huge, make([]byte, 64)))),
		"codec private": cat(ebmlHead("webm"), el(idSegment, el(idTracks, el(idTrackEntry, uel(idTrackNumber, 1),
			uel(idTrackType, trackAudio), sel(idCodecID, "A_OPUS"), cat(idBytes(idCodecPrivate), huge, opusHead))))),
		"block": cat(ebmlHead("webm"), el(idSegment, el(idTracks, opusTrack()),
			el(idCluster, uel(idClusterTime, 0), cat(idBytes(idSimpleBlock), huge, []byte{0x81, 0, 0, 0x80})))),
		"header": cat(idBytes(idEBML), huge, []byte("matroska")),
	} {
		t.Run(name, func(t *testing.T) {
			info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
			if err != nil {
				assert.True(t, errors.Is(err, container.ErrMalformed) || errors.Is(err, container.ErrTruncated) ||
					errors.Is(err, container.ErrLimit), "%v", err)
			}
			_ = info
			assertBounded(t, data)
		})
	}
}

// TestUnknownSizeClusters: a live-style file, Segment and Clusters of
// unknown size, many clusters of one tiny block each for a track that is
// never complete (an unknown codec reads on): the block read stops at its
// bounds.
func TestUnknownSizeClusters(t *testing.T) {
	track := el(idTrackEntry, uel(idTrackNumber, 1), uel(idTrackType, trackVideo), sel(idCodecID, "V_UNKNOWN"),
		el(idVideo, uel(idPixelWidth, 16), uel(idPixelHeight, 16)))
	var clusters []byte
	for i := 0; len(clusters) < 200<<10; i++ {
		clusters = append(clusters, unknownEl(idCluster, uel(idClusterTime, uint64(i)), simpleBlock(1, 0, []byte{1}))...)
	}
	data := cat(ebmlHead("webm"), unknownEl(idSegment, el(idTracks, track), clusters))
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	require.Len(t, info.Streams, 1)
	assert.Equal(t, int64(0), info.Streams[0].StartPTS)
	r, _, a := cost(t, data)
	assert.LessOrEqual(t, r, int64(4*maxBlocks+64), "reads")
	assert.LessOrEqual(t, a, int64(maxBlocks*blockHead+1<<20), "bytes allocated")
}

// TestSeekHeadPointsAtItself: a SeekHead whose entries point at itself,
// and two SeekHeads pointing at each other, are each read once.
func TestSeekHeadPointsAtItself(t *testing.T) {
	self := el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 0)),
		el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 0)))
	data := cat(ebmlHead("matroska"), el(idSegment, self, el(idTracks, opusTrack()), el(idCluster, uel(idClusterTime, 0))))
	info, err := Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
	assertBounded(t, data)

	// Two SeekHeads, each pointing at the other; a third place past the
	// first two keeps the loop honest.
	a := el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 1000)))
	b := el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 0)))
	pad := make([]byte, 1000-len(a))
	tracks := el(idTracks, opusTrack())
	data = cat(ebmlHead("matroska"), el(idSegment, a, el(0xEC, pad[:len(pad)-9]), b, tracks, el(idCluster, uel(idClusterTime, 0))))
	info, err = Demuxer().Read(&demuxkit.BytesSource{B: data}, 0, container.Options{})
	require.NoError(t, err)
	assert.Len(t, info.Streams, 1)
	assertBounded(t, data)
}

// TestSeekHeadFlood: SeekHeads chained through many positions stop at
// FFmpeg's 64 level-1 elements.
func TestSeekHeadFlood(t *testing.T) {
	var heads []byte
	const n = 500
	size := len(el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 0))))
	for i := 0; i < n; i++ {
		heads = append(heads, el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, uint64((i+1)*size))))...)
	}
	// The first SeekHead is read in order, then the others through the
	// index, as the segment's first element is a Cluster.
	data := cat(ebmlHead("matroska"), el(idSegment, heads[:size], el(idCluster, uel(idClusterTime, 0)), heads[size:]))
	d := &demuxer{src: &demuxkit.BytesSource{B: data}, info: container.NewInfo(name, longName), timeScale: 1000000}
	pos, err := d.readEBMLHeader(0)
	require.NoError(t, err)
	require.NoError(t, d.findSegment(pos))
	require.NoError(t, d.readSegment())
	d.executeSeekHead()
	assert.LessOrEqual(t, len(d.level1), maxLevel1Elems)
	assert.LessOrEqual(t, len(d.seeks), maxLevel1Elems+1)
}

func FuzzRead(f *testing.F) {
	f.Add(file())
	f.Add(cat(ebmlHead("webm"), unknownEl(idSegment, el(idTracks, opusTrack()), unknownEl(idCluster, simpleBlock(1, 0, []byte{1})))))
	f.Add(cat(ebmlHead("matroska"), el(idSegment, el(idSeekHead, el(idSeek, uel(idSeekID, idSeekHead), uel(idSeekPos, 0))))))
	// The testdata cases and crafted files.
	for _, pat := range []string{"*.mkv", "*.mka", "*.webm"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pat))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	for _, b := range crafted() {
		f.Add(b)
	}
	for _, name := range []string{"synthetic/webm_opus.webm", "real/taglib/no-tags.webm", "real/taglib/optimized.mkv",
		"real/androidx-media/mkv/subsample_encrypted_altref.webm"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name)); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := &demuxkit.BytesSource{B: data, Limit: 1 << 20}
		done := make(chan struct{})
		var info *container.Info
		var err error
		go func() {
			defer close(done)
			info, err = Demuxer().Read(src, 0, container.Options{})
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Read did not return within 5s on %d bytes", len(data))
		}
		if err != nil && !errors.Is(err, container.ErrTruncated) && !errors.Is(err, container.ErrMalformed) &&
			!errors.Is(err, container.ErrLimit) && !errors.Is(err, container.ErrUnsupported) {
			t.Fatalf("error matches no sentinel: %v", err)
		}
		if info == nil {
			return
		}
		for i, st := range info.Streams {
			if st.Index != i {
				t.Fatalf("stream %d has index %d", i, st.Index)
			}
		}
		if err := hostile.CheckPictures(info, int64(len(data))); err != nil {
			t.Fatal(err)
		}
	})
}
