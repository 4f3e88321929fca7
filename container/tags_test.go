package container

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keysOf lists the keys of t in order.
func keysOf(t Tags) []string {
	var k []string
	for key := range t.All() {
		k = append(k, key)
	}
	return k
}

// TestTagsAvDictSet: Set replaces a key ignoring ASCII case by moving the
// last entry into its place and appending the new one (av_dict_set), for a
// short list (scanned) and a long one (indexed) alike.
func TestTagsAvDictSet(t *testing.T) {
	for _, n := range []int{3, indexFrom + 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var tags Tags
			var want []string
			for i := 0; i < n; i++ {
				tags.Set(fmt.Sprintf("K%d", i), "v")
				want = append(want, fmt.Sprintf("K%d", i))
			}
			tags.Set("k1", "new") // K1 is replaced: the last key takes its slot
			want[1] = want[len(want)-1]
			want[len(want)-1] = "k1"
			assert.Equal(t, want, keysOf(tags))
			v, ok := tags.Get("K1")
			assert.True(t, ok)
			assert.Equal(t, "new", v)
			e, ok := tags.Lookup("K1")
			assert.True(t, ok)
			assert.Equal(t, "k1", e.Key, "Lookup gives the key as spelt")
		})
	}
}

// TestTagsOnlyASCIIFolds: keys compare as av_strcasecmp does, so a
// non-ASCII letter is a different key from its upper case.
func TestTagsOnlyASCIIFolds(t *testing.T) {
	var tags Tags
	tags.Set("é", "1")
	tags.Set("É", "2")
	tags.Set("A", "3")
	tags.Set("a", "4")
	assert.Equal(t, []Tag{{"é", "1"}, {"É", "2"}, {"a", "4"}}, tags.List())
}

func TestTagsAddIfAbsentAndDelete(t *testing.T) {
	tags := TagsOf(Tag{"a", "1"}, Tag{"b", "2"}, Tag{"c", "3"})
	tags.AddIfAbsent("A", "x")
	tags.AddIfAbsent("d", "4")
	tags.Delete("B") // the last entry, d, takes b's place
	tags.Delete("missing")
	assert.Equal(t, []Tag{{"a", "1"}, {"d", "4"}, {"c", "3"}}, tags.List())
	_, ok := tags.Get("b")
	assert.False(t, ok)
}

// TestTagsIndexed: past a few entries every lookup goes through the index,
// which stays consistent with the list through Set, Delete and Clone, so
// building n tags is O(n) whatever the keys.
func TestTagsIndexed(t *testing.T) {
	var tags Tags
	const n = 10000
	for i := 0; i < n; i++ {
		tags.Set(fmt.Sprintf("Key%d", i), fmt.Sprint(i))
		if i%3 == 0 {
			tags.Set(fmt.Sprintf("KEY%d", i/2), "again")
		}
		if i%7 == 0 {
			tags.Delete(fmt.Sprintf("key%d", i/3))
		}
	}
	require.NotNil(t, tags.index)
	require.Len(t, tags.index, tags.Len())
	for i, e := range tags.list {
		assert.Equal(t, i, tags.index[FoldKey(e.Key)], e.Key)
	}
	c := tags.Clone()
	c.Set("Key1", "changed in the clone")
	v, _ := tags.Get("key1")
	assert.NotEqual(t, "changed in the clone", v, "a clone shares nothing")
}

func TestTagsMarshalJSON(t *testing.T) {
	b, err := json.Marshal(TagsOf(Tag{"z", "1"}, Tag{"a", "\"q\""}))
	require.NoError(t, err)
	assert.Equal(t, `{"z":"1","a":"\"q\""}`, string(b))
	b, err = json.Marshal(Tags{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
}

// BenchmarkTagsSet sets n distinct keys; ns/op per key stays flat as n grows.
func BenchmarkTagsSet(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("TXXX_description_%d", i)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var t Tags
				for _, k := range keys {
					t.Set(k, "v")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/key")
		})
	}
}
