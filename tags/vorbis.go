package tags

import "github.com/mediaprobe/mediaprobe/container"

// VorbisTags converts Vorbis comment pairs (KEY, value), as in FLAC, Ogg
// Vorbis/Opus/Speex/FLAC headers, to ffmpeg's tags in file order, as
// ff_vorbis_comment does. METADATA_BLOCK_PICTURE values are not tags: their
// base64-decoded bodies are returned in pictures.
// TODO: not implemented yet.
func VorbisTags(pairs [][2]string) (t container.Tags, pictures [][]byte) {
	return nil, nil
}

// ParseVorbisComment splits a Vorbis comment structure (vendor length and
// string, count, then length-prefixed "KEY=value" strings) into pairs.
// TODO: not implemented yet.
func ParseVorbisComment(b []byte) (vendor string, pairs [][2]string, err error) {
	return "", nil, nil
}
