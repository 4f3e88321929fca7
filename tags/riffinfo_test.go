package tags

import (
	"errors"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/internal/demuxkit"
)

func TestDictSetMovesLastIntoReplacedSlot(t *testing.T) {
	var d container.Tags
	d.Set("IART", "a1")
	d.Set("INAM", "t1")
	d.Set("IPRD", "p1")
	d.Set("iart", "a2") // replaces IART: IPRD moves to its slot
	assert.Equal(t, riffKV("IPRD", "p1", "INAM", "t1", "iart", "a2"), d.List())
}

func TestMetadataConv(t *testing.T) {
	in := riffKV("INAM", "Title", "IPRT", "1", "ITRK", "2", "IENG", "who")
	// IPRT and ITRK both become track: the second replaces the first.
	assert.Equal(t, riffKV("title", "Title", "track", "2", "IENG", "who"), MetadataConv(container.TagsOf(in...), RIFFInfoConv).List())
}

func TestReadRIFFInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		want []container.Tag
		err  error
	}{{
		name: "padded values",
		b: []byte{
			'I', 'N', 'A', 'M', 5, 0, 0, 0, 'T', 'i', 't', 'l', 'e', 0, // INAM "Title" and pad byte
			'I', 'A', 'R', 'T', 4, 0, 0, 0, 'B', 'o', 'b', 0, // IART "Bob\0"
		},
		want: riffKV("INAM", "Title", "IART", "Bob"),
	}, {
		name: "missing pad byte: the value takes it, the next header is found one byte back",
		b: []byte{
			'I', 'N', 'A', 'M', 5, 0, 0, 0, 'H', 'e', 'l', 'l', 'o', // INAM "Hello", no pad
			'I', 'A', 'R', 'T', 3, 0, 0, 0, 'B', 'o', 'b', 0, // IART "Bob", padded
		},
		want: riffKV("INAM", "HelloI", "IART", "Bob"),
	}, {
		name: "zero id skipped",
		b: []byte{
			0, 0, 0, 0, 2, 0, 0, 0, 'x', 'x', // an empty slot of 2 bytes
			'I', 'C', 'M', 'T', 2, 0, 0, 0, 'o', 'k',
		},
		want: riffKV("ICMT", "ok"),
	}, {
		name: "subchunk larger than the list",
		b: []byte{
			'I', 'N', 'A', 'M', 2, 0, 0, 0, 'o', 'k',
			'I', 'C', 'M', 'T', 0xff, 0, 0, 0, 'x', 'x', // 255 bytes claimed
		},
		want: riffKV("INAM", "ok"),
		err:  container.ErrMalformed,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var got container.Tags
			err := ReadRIFFInfo(&demuxkit.BytesSource{B: tc.b}, 0, int64(len(tc.b)), &got)
			if tc.err != nil {
				assert.True(t, errors.Is(err, tc.err), "%v", err)
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tc.want, got.List())
		})
	}
}

// TestRIFFInfoValueBeyondObject: a value whose size the list allows but the
// object does not hold is read as far as the object goes, without
// allocating the claimed size.
func TestRIFFInfoValueBeyondObject(t *testing.T) {
	b := []byte{'I', 'N', 'A', 'M', 0xf0, 0xff, 0xff, 0x0f, 'c', 'u', 't'} // 256 MB claimed, 3 present
	var got container.Tags
	allocs := testing.AllocsPerRun(10, func() {
		got = container.Tags{}
		_ = ReadRIFFInfo(&demuxkit.BytesSource{B: b, Limit: 1 << 10}, 0, 0x0ffffff8+8, &got)
	})
	assert.Equal(t, riffKV("INAM", "cut"), got.List())
	assert.Less(t, allocs, 10.0)
}

// TestRIFFInfoValueOverLimit: a value larger than the allocation limit is
// refused with ErrLimit.
func TestRIFFInfoValueOverLimit(t *testing.T) {
	b := append([]byte{'I', 'N', 'A', 'M', 0, 8, 0, 0}, make([]byte, 2048)...)
	var got container.Tags
	err := ReadRIFFInfo(&demuxkit.BytesSource{B: b, Limit: 1024}, 0, int64(len(b)), &got)
	assert.True(t, errors.Is(err, container.ErrLimit), "%v", err)
}

// errSource fails every read, as a broken network source would.
type errSource struct{ demuxkit.BytesSource }

func (e *errSource) ReadAt(p []byte, off int64) (int, error) {
	return iotest.ErrReader(errors.New("boom")).Read(p)
}

func TestRIFFInfoReadError(t *testing.T) {
	var got container.Tags
	src := &errSource{demuxkit.BytesSource{B: make([]byte, 64)}}
	err := ReadRIFFInfo(src, 0, 64, &got)
	require.Error(t, err)
	assert.Empty(t, got)
}

// riffKV builds tags from key, value pairs.
func riffKV(kv ...string) []container.Tag {
	var t []container.Tag
	for i := 0; i+1 < len(kv); i += 2 {
		t = append(t, container.Tag{Key: kv[i], Value: kv[i+1]})
	}
	return t
}
