package matroska

import (
	"fmt"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
)

// tagGroup is a Tag: its targets and SimpleTags (MatroskaTags).
type tagGroup struct {
	targetType                *string
	trackUID, chapUID, attUID uint64
	tags                      []simpleTag
}

// simpleTag is a SimpleTag (MatroskaTag), with nested SimpleTags.
type simpleTag struct {
	name, str *string
	lang      string
	def       uint64
	sub       []simpleTag
}

// maxTagDepth bounds SimpleTag nesting.
const maxTagDepth = 16

// readTags reads the Tag elements of one Tags element.
func (d *demuxer) readTags(b []byte, base int64) {
	_ = walk(b, base, d.visit("Tags"), func(e element) bool {
		if e.id != idTag {
			return true
		}
		var g tagGroup
		_ = walk(e.b, e.data, d.visit("Tag"), func(c element) bool {
			switch c.id {
			case idTargets:
				_ = walk(c.b, c.data, d.visit("Targets"), func(x element) bool {
					switch x.id {
					case idTargetType:
						s := strVal(x.b)
						g.targetType = &s
					case idTagTrackUID:
						u(x.b, &g.trackUID)
					case idTagChapterUID:
						u(x.b, &g.chapUID)
					case idTagAttachUID:
						u(x.b, &g.attUID)
					}
					return true
				})
			case idSimpleTag:
				g.tags = append(g.tags, d.readSimpleTag(c, 0))
			}
			return true
		})
		d.tags = append(d.tags, g)
		return true
	})
}

func (d *demuxer) readSimpleTag(e element, depth int) simpleTag {
	t := simpleTag{lang: "und"}
	_ = walk(e.b, e.data, d.visit("SimpleTag"), func(c element) bool {
		switch c.id {
		case idTagName:
			s := strVal(c.b)
			t.name = &s
		case idTagString:
			s := strVal(c.b)
			t.str = &s
		case idTagLanguage:
			t.lang = strVal(c.b)
		case idTagDefault, idTagDefaultBug:
			u(c.b, &t.def)
		case idSimpleTag:
			if depth < maxTagDepth {
				t.sub = append(t.sub, d.readSimpleTag(c, depth+1))
			}
		}
		return true
	})
	return t
}

// setTag is av_dict_set: a nil value deletes the key.
func setTag(m *container.Tags, key string, value *string) {
	if value == nil {
		m.Delete(key)
		return
	}
	m.Set(key, *value)
}

// convertTag mirrors matroska_convert_tag: each SimpleTag under its name
// (prefixed by the parent's key), suffixed with "-lang" when it has a
// language other than "und" (and, then, under the plain key too only when
// it is the default), nested tags under "key/name"; then the keys
// ff_mkv_metadata_conv names are renamed.
func convertTag(list []simpleTag, m *container.Tags, prefix *string) {
	for _, t := range list {
		if t.name == nil {
			continue
		}
		key := *t.name
		if prefix != nil {
			key = *prefix + "/" + key
		}
		lang := t.lang != "" && t.lang != "und"
		if t.def != 0 || !lang {
			setTag(m, key, t.str)
			if len(t.sub) > 0 {
				convertTag(t.sub, m, &key)
			}
		}
		if lang {
			k := key + "-" + t.lang
			setTag(m, k, t.str)
			if len(t.sub) > 0 {
				convertTag(t.sub, m, &k)
			}
		}
	}
	metadataConv(m)
}

// metadataConv is ff_metadata_conv with ff_mkv_metadata_conv as the
// source table: the dictionary is rebuilt in order with LEAD_PERFORMER
// named performer and PART_NUMBER track (compared ignoring case).
func metadataConv(m *container.Tags) {
	var out container.Tags
	for k, v := range m.All() {
		switch {
		case equalFold(k, "LEAD_PERFORMER"):
			k = "performer"
		case equalFold(k, "PART_NUMBER"):
			k = "track"
		}
		out.Set(k, v)
	}
	*m = out
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 32
		}
		if 'a' <= y && y <= 'z' {
			y -= 32
		}
		if x != y {
			return false
		}
	}
	return true
}

// convertTags mirrors matroska_convert_tags: tags targeting an attachment,
// a chapter or a track go to that stream (or chapter, which ffprobe does
// not print here); the others are the file's, prefixed by their
// TargetType.
func (d *demuxer) convertTags() {
	for _, g := range d.tags {
		switch {
		case g.attUID != 0:
			for _, a := range d.attachments {
				if a.uid == g.attUID && a.st != nil {
					convertTag(g.tags, &a.st.Tags, nil)
				}
			}
		case g.chapUID != 0:
			// Chapter metadata: not part of -show_streams/-show_format.
		case g.trackUID != 0:
			for _, t := range d.tracks {
				if t.uid == g.trackUID && t.st != nil {
					convertTag(g.tags, &t.st.Tags, nil)
				}
			}
		default:
			convertTag(g.tags, &d.info.Format.Tags, g.targetType)
		}
	}
}

// creationTime renders DateUTC (nanoseconds since 2001-01-01) as
// matroska_metadata_creation_time sets creation_time.
func creationTime(b []byte) (string, bool) {
	if len(b) != 8 {
		return "", false
	}
	v, _ := sintVal(b)
	// ff_dict_set_timestamp of microseconds since 1970.
	us := v/1000 + 978307200000000
	secs, frac := us/1000000, us%1000000
	if frac < 0 {
		secs, frac = secs-1, frac+1000000
	}
	t := time.Unix(secs, 0).UTC()
	return fmt.Sprintf("%s.%06dZ", t.Format("2006-01-02T15:04:05"), frac), true
}
