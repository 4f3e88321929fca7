package container

import (
	"encoding/json"
	"iter"
)

// Tag is one metadata entry with ffmpeg's key name.
type Tag struct {
	Key   string // as ffmpeg names it: "title", "artist", "creation_time", ...
	Value string // valid UTF-8 or not, as the file holds it
}

// Tags are metadata entries in file order, with FFmpeg's dictionary
// semantics (libavutil/dict.c): keys are unique ignoring ASCII case, Set
// replaces an entry by moving the last entry into its place and appending
// the new one, and ffprobe prints the entries in the order that leaves.
// Keys are ffmpeg's names (title, artist, album_artist, ...), in the case the
// file or ffmpeg gives them.
//
// Lookups go through an index of the folded keys once a list grows past a
// few entries, so building a list of n tags costs O(n) whatever the keys:
// a file with 100,000 tags costs what its bytes do, not their square.
//
// The zero value is an empty list. Like a map, a Tags value refers to its
// entries: assigning it shares them, and Clone copies them.
type Tags struct {
	list  []Tag
	index map[string]int // folded key -> position in list; nil while short
}

// indexFrom is the length from which Tags keeps its index: below it a
// linear scan is cheaper than hashing.
const indexFrom = 8

// TagsOf returns the list that setting each tag in turn leaves, as
// av_dict_set would.
func TagsOf(tags ...Tag) Tags {
	var t Tags
	for _, e := range tags {
		t.Set(e.Key, e.Value)
	}
	return t
}

// Len returns the number of entries.
func (t Tags) Len() int { return len(t.list) }

// At returns the i-th entry in order.
func (t Tags) At(i int) Tag { return t.list[i] }

// All iterates over the entries in order.
func (t Tags) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, e := range t.list {
			if !yield(e.Key, e.Value) {
				return
			}
		}
	}
}

// List returns a copy of the entries in order.
func (t Tags) List() []Tag {
	if len(t.list) == 0 {
		return nil
	}
	return append([]Tag(nil), t.list...)
}

// Clone returns a copy that shares nothing with t.
func (t Tags) Clone() Tags { return Tags{list: t.List()} }

// Get returns the value of the tag whose key equals key, ignoring ASCII
// case.
func (t Tags) Get(key string) (string, bool) {
	if i := t.find(key); i >= 0 {
		return t.list[i].Value, true
	}
	return "", false
}

// Lookup returns the entry whose key equals key ignoring ASCII case, with
// the key as it is spelt in the list (av_dict_get without
// AV_DICT_MATCH_CASE; compare Key to match case).
func (t Tags) Lookup(key string) (Tag, bool) {
	if i := t.find(key); i >= 0 {
		return t.list[i], true
	}
	return Tag{}, false
}

// Update replaces the value of key in place, keeping the entry's position
// and spelling, and reports whether key was present. Unlike Set it does
// not move the entry: it is for a value computed after the order is known.
func (t *Tags) Update(key, value string) bool {
	i := t.findIndexed(key)
	if i < 0 {
		return false
	}
	t.list[i].Value = value
	return true
}

// appendNew adds key=value at the end without looking for key, which the
// caller knows is absent.
func (t *Tags) appendNew(key, value string) {
	t.list = append(t.list, Tag{key, value})
	if t.index != nil {
		t.index[fold(key)] = len(t.list) - 1
	} else if len(t.list) > indexFrom {
		t.buildIndex()
	}
}

// Set sets key to value as av_dict_set does without flags: an existing key
// (compared ignoring case) is removed by moving the last entry into its
// place, and the new entry is appended.
func (t *Tags) Set(key, value string) {
	t.Delete(key)
	t.appendNew(key, value)
}

// AddIfAbsent adds key=value only when key is not present yet
// (AV_DICT_DONT_OVERWRITE), and reports whether it did.
func (t *Tags) AddIfAbsent(key, value string) bool {
	if t.findIndexed(key) >= 0 {
		return false
	}
	t.appendNew(key, value)
	return true
}

// Delete removes key, as av_dict_set with a NULL value does: the last
// entry takes its place.
func (t *Tags) Delete(key string) {
	i := t.findIndexed(key)
	if i < 0 {
		return
	}
	last := len(t.list) - 1
	if t.index != nil {
		delete(t.index, fold(t.list[i].Key))
		if i != last {
			t.index[fold(t.list[last].Key)] = i
		}
	}
	t.list[i] = t.list[last]
	t.list[last] = Tag{}
	t.list = t.list[:last]
}

// MarshalJSON renders the tags as one JSON object, keys in order.
func (t Tags) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, e := range t.list {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(e.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(e.Value)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// find returns the position of key, or -1, without building an index.
func (t Tags) find(key string) int {
	if t.index != nil {
		var i int
		var ok bool
		if len(key) <= 64 {
			// Folded on the stack: the conversion in the index expression
			// does not allocate.
			var buf [64]byte
			b := buf[:len(key)]
			copy(b, key)
			lowerASCII(b)
			i, ok = t.index[string(b)]
		} else {
			i, ok = t.index[fold(key)]
		}
		if !ok {
			return -1
		}
		return i
	}
	for i, e := range t.list {
		if KeyEqual(e.Key, key) {
			return i
		}
	}
	return -1
}

// findIndexed is find for a list being built: it indexes a long list first,
// so that a run of lookups costs O(1) each.
func (t *Tags) findIndexed(key string) int {
	if t.index == nil && len(t.list) > indexFrom {
		t.buildIndex()
	}
	return t.find(key)
}

func (t *Tags) buildIndex() {
	t.index = make(map[string]int, len(t.list))
	for i, e := range t.list {
		t.index[fold(e.Key)] = i
	}
}

// FoldKey returns key with ASCII letters in lower case: two keys are the
// same key (KeyEqual) exactly when their folded forms are equal, so it is
// the key of a map that indexes tags as FFmpeg's dictionaries compare them.
func FoldKey(key string) string { return fold(key) }

// fold is FoldKey: key itself when it has no upper-case letter.
func fold(key string) string {
	for i := 0; i < len(key); i++ {
		if c := key[i]; 'A' <= c && c <= 'Z' {
			b := []byte(key)
			lowerASCII(b[i:])
			return string(b)
		}
	}
	return key
}

func lowerASCII(b []byte) {
	for j, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[j] = c + 'a' - 'A'
		}
	}
}

// KeyEqual reports whether two tag keys are the same key as FFmpeg's
// dictionaries compare them: ASCII letters ignoring case, other bytes exactly
// (av_strcasecmp).
func KeyEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
