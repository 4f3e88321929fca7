// Package au reads Sun/NeXT audio files (.au, .snd), as ffprobe's "au"
// format.
//
// An AU file starts with the magic ".snd", then five 32-bit big-endian
// fields: the header size (where the samples start), the data size
// (0xffffffff when unknown), the encoding, the sample rate and the channel
// count. Between the 24 fixed bytes and the samples lies the annotation
// field, which FFmpeg's muxer fills with "key=value" lines.
//
// The demuxer mirrors FFmpeg 5.1's libavformat/au.c (au_read_header,
// au_read_annotation), quirks included: only the title, artist, album,
// track and genre keys of the annotation become tags; a header size
// below 24 is not a seek back; the bit rate is the product of channels,
// rate and bits in unsigned 32-bit arithmetic.
//
// Specifications: the Open Group's AU format
// (http://www.opengroup.org/public/pubs/external/auformat.html).
package au
