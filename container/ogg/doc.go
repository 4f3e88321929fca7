// Package ogg reads the headers of Ogg files (RFC 3533) and describes their
// logical streams as ffprobe 5.1 does: Vorbis, Opus, FLAC, Speex and, so that
// Ogg video does not fail, Theora; an Ogg Skeleton stream is a data stream
// whose fisbone start granules set the other streams' start times.
//
// An Ogg file is a sequence of pages, each with a capture pattern "OggS", a
// serial number naming its logical stream, a granule position (the codec's
// clock at the last packet that ends on the page), a CRC and a lacing table
// that cuts the payload into packets; packets may span pages. Each logical
// stream starts with a BOS page whose first packet identifies the codec, and
// with the codec's header packets (identification, comments, setup).
//
// What is read, mirroring libavformat/oggdec.c and its codec mappings
// oggparsevorbis.c, oggparseopus.c, oggparseflac.c, oggparsespeex.c,
// oggparsetheora.c and oggparseskeleton.c:
//
//   - pages from the start, checked as ogg_read_page does (a page with a bad
//     CRC or version is skipped and the search for "OggS" resumes after it;
//     unlike ogg_read_page, which reads and checksums each candidate page,
//     the search reads each byte once and judges a candidate in constant
//     time, so a run of false capture patterns costs what its bytes do),
//     until one stream reaches its first data packet, then on until every
//     stream has shown its first data packet (bounded), whose page gives the
//     start time by each mapping's rule;
//   - one read of the last 65307 bytes (MAX_PAGE_SIZE) for the last granule
//     position of each stream, which gives its duration (ogg_get_length).
//
// Specs: https://www.rfc-editor.org/rfc/rfc3533 (Ogg),
// https://xiph.org/vorbis/doc/Vorbis_I_spec.html (Vorbis and Vorbis
// comments), https://www.rfc-editor.org/rfc/rfc7845 (Ogg Opus),
// https://xiph.org/flac/ogg_mapping.html, https://www.speex.org/docs/manual/
// (Speex header), https://www.theora.org/doc/Theora.pdf.
//
// Departures: the Dirac, CELT, VP8, old FLAC and OGM mappings are not
// implemented, so their streams have no codec. Theora's avg_frame_rate,
// which ffmpeg estimates from the packets it reads, is the header's frame
// rate when the stream has at least three frames, else unknown. Header packets are kept
// up to 16 MiB (or the source's allocation limit); a longer comment header
// loses the entries past that point. A METADATA_BLOCK_PICTURE cover is an
// attached-picture stream, but its image is base64 text inside the comment
// header, possibly spread over pages, so its Picture has no byte range (zero
// offset and length). Where ffprobe takes values from decoding the first
// packets (sample format, channel layout, bits per raw sample), they are
// derived from the headers by the decoders' rules.
package ogg
