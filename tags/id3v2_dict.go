package tags

import "github.com/mediaprobe/mediaprobe/container"

// id3DictSet stores key=value as av_dict_set does, which the order of
// ffprobe's tags depends on: keys compare ignoring ASCII case; with
// dontOverwrite an existing key keeps its value; otherwise the old entry is
// removed by moving the last entry into its slot, and the new entry is
// appended. container.Tags.Set keeps the old position instead, which is
// not what ffmpeg prints.
func id3DictSet(t *container.Tags, key, value string, dontOverwrite bool) {
	if i := id3DictIndex(*t, key); i >= 0 {
		if dontOverwrite {
			return
		}
		id3DictDeleteAt(t, i)
	}
	*t = append(*t, container.Tag{Key: key, Value: value})
}

// id3DictDelete removes key as av_dict_set with a NULL value does.
func id3DictDelete(t *container.Tags, key string, matchCase bool) {
	for i, e := range *t {
		if e.Key == key || !matchCase && id3FoldEq(e.Key, key) {
			id3DictDeleteAt(t, i)
			return
		}
	}
}

func id3DictDeleteAt(t *container.Tags, i int) {
	last := len(*t) - 1
	(*t)[i] = (*t)[last]
	*t = (*t)[:last]
}

func id3DictIndex(t container.Tags, key string) int {
	for i, e := range t {
		if id3FoldEq(e.Key, key) {
			return i
		}
	}
	return -1
}

func id3FoldEq(a, b string) bool {
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
