package tags

import "github.com/mediaprobe/mediaprobe/container"

// id3DictDelete removes key as av_dict_set with a NULL value does.
func id3DictDelete(t *container.Tags, key string, matchCase bool) {
	for i, e := range *t {
		if e.Key == key || !matchCase && container.KeyEqual(e.Key, key) {
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
		if container.KeyEqual(e.Key, key) {
			return i
		}
	}
	return -1
}
