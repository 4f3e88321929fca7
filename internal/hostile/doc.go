// Package hostile builds inputs that attack a media prober: objects whose
// structures are each valid, or nearly so, but whose number, size or
// arrangement makes a careless reader spend seconds of CPU or gigabytes of
// memory. Each generator is deterministic and takes a count, so that a fuzz
// seed can use a small version and a test the one of a megabyte or more;
// Cases lists them with the counts the tests and the ffprobe goldens
// (testdata/hostile) use.
//
// The classes, as the issue names them:
//
//	a. quadratic tag dictionaries (ID3v2 TXXX, Vorbis comments in FLAC and
//	   Ogg, RIFF INFO, MP4 freeform items, APEv2, the Wave64 summary list);
//	b. decompression without a total budget (zlib-compressed ID3v2 frames);
//	c. Ogg false capture patterns and very many logical streams;
//	d. very many streams (MP4 traks, FLAC and ID3v2 pictures, APEv2 binary
//	   items);
//	e. MP4 chapter references times tracks;
//	f. MP4 sample tables that claim more than their box holds;
//	g. memory per box (huge hdlr boxes).
//
// The classes h and i (failing and blocking sources) need no input: they
// are readers, and live with the probe's tests.
//
// The builders of single structures (Box, ID3v2Tag, OggPage, FLACBlock,
// Chunk, ...) are exported for tests that need one structure of their own.
// This package imports nothing of mediaprobe: it writes bytes, it does not
// read them.
package hostile
