// Package tags reads the metadata formats that several containers carry
// (ID3v1, ID3v2, APEv2, Vorbis comments, RIFF INFO, MP4 ilst) and returns
// their entries in file order with ffmpeg's key names.
package tags
