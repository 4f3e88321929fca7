// Package container is mediaprobe's model of a media object and the
// contract every demuxer fulfils.
//
// The model mirrors what ffprobe knows, because all three output schemas
// (OSS, BOS, ffprobe) derive from ffprobe's values: times are kept as ticks
// in a rational time base ([Stream.StartPTS], [Stream.DurationTS],
// [Stream.TimeBase]) and the format's start and duration in microseconds, so
// that printed values equal ffprobe's to the sixth decimal; codecs carry
// ffmpeg's names; tags keep file order and ffmpeg's key names; cover art is a
// video stream with the attached_pic disposition plus the byte range of the
// image in the object ([Picture]).
//
// A [Demuxer] reads one container family through a [Source], which the probe
// package supplies: buffered, counting and limited. Every reader of the
// object charges the Source's [Budget]: the memory it takes from the object,
// the bytes it decompresses, the structures it visits (which also checks the
// probe's context) and the streams it creates, so that no object, however
// hostile, costs more than the probe's [Limits]. Errors wrap one of the
// sentinels ([ErrUnknownFormat], [ErrTruncated], [ErrMalformed], [ErrLimit],
// [ErrUnsupported]) in a [FormatError] that names the structure and its
// offset.
//
// This package imports nothing else of mediaprobe.
package container
