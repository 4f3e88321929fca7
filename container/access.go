package container

import "time"

// Duration returns the object's duration (Format.Duration), 0 when it is
// unknown.
func (info *Info) Duration() time.Duration {
	if info.Format.Duration == NoPTS || info.Format.Duration < 0 {
		return 0
	}
	return time.Duration(info.Format.Duration) * time.Microsecond
}

// Duration returns the stream's duration (DurationTS in TimeBase), 0 when
// it is unknown.
func (s *Stream) Duration() time.Duration {
	if s.DurationTS == NoPTS || s.DurationTS < 0 || !s.TimeBase.Valid() {
		return 0
	}
	return time.Duration(RescaleQ(s.DurationTS, s.TimeBase, Rational{Num: 1, Den: int64(time.Second)}))
}

// FirstVideo returns the first video stream that is not a cover, or nil.
func (info *Info) FirstVideo() *Stream {
	for _, s := range info.Streams {
		if s.Type == Video && !s.IsCover() {
			return s
		}
	}
	return nil
}

// FirstAudio returns the first audio stream, or nil.
func (info *Info) FirstAudio() *Stream {
	for _, s := range info.Streams {
		if s.Type == Audio {
			return s
		}
	}
	return nil
}

// Covers returns the attached pictures (cover art), in stream order.
func (info *Info) Covers() []*Stream {
	var out []*Stream
	for _, s := range info.Streams {
		if s.IsCover() {
			out = append(out, s)
		}
	}
	return out
}

// Tag returns a tag of the object wherever its container keeps it: the
// format's tags (ID3, MP4 ilst, Matroska, ASF, RIFF INFO), else those of the
// first audio or video stream (Ogg keeps its Vorbis comments on the
// stream). Keys compare as ffprobe's do, ignoring ASCII case: "title",
// "artist", "album", "album_artist", "date", "genre", "track", ...
func (info *Info) Tag(key string) (string, bool) {
	if v, ok := info.Format.Tags.Get(key); ok {
		return v, true
	}
	for _, s := range []*Stream{info.FirstAudio(), info.FirstVideo()} {
		if s != nil {
			if v, ok := s.Tags.Get(key); ok {
				return v, true
			}
		}
	}
	return "", false
}
