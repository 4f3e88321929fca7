package tags

import (
	"strconv"

	"github.com/mediaprobe/mediaprobe/container"
)

// ID3v1Size is the length of an ID3v1 tag, which fills the last 128 bytes
// of a file.
const ID3v1Size = 128

// ID3v1Genres are the genre names ffmpeg gives the ID3v1 genre byte
// (libavformat/id3v1.c ff_id3v1_genre_str): the 80 of the specification,
// Winamp's extensions and the later ones taglib lists. dhowden/tag's own
// table stops at 125 and spells some names differently ("Bebob",
// "Acapella"), so this one is ours.
var ID3v1Genres = [...]string{
	"Blues", "Classic Rock", "Country", "Dance", "Disco", "Funk", "Grunge", "Hip-Hop",
	"Jazz", "Metal", "New Age", "Oldies", "Other", "Pop", "R&B", "Rap",
	"Reggae", "Rock", "Techno", "Industrial", "Alternative", "Ska", "Death Metal", "Pranks",
	"Soundtrack", "Euro-Techno", "Ambient", "Trip-Hop", "Vocal", "Jazz+Funk", "Fusion", "Trance",
	"Classical", "Instrumental", "Acid", "House", "Game", "Sound Clip", "Gospel", "Noise",
	"AlternRock", "Bass", "Soul", "Punk", "Space", "Meditative", "Instrumental Pop", "Instrumental Rock",
	"Ethnic", "Gothic", "Darkwave", "Techno-Industrial", "Electronic", "Pop-Folk", "Eurodance", "Dream",
	"Southern Rock", "Comedy", "Cult", "Gangsta", "Top 40", "Christian Rap", "Pop/Funk", "Jungle",
	"Native American", "Cabaret", "New Wave", "Psychedelic", "Rave", "Showtunes", "Trailer", "Lo-Fi",
	"Tribal", "Acid Punk", "Acid Jazz", "Polka", "Retro", "Musical", "Rock & Roll", "Hard Rock",
	"Folk", "Folk-Rock", "National Folk", "Swing", "Fast Fusion", "Bebop", "Latin", "Revival",
	"Celtic", "Bluegrass", "Avantgarde", "Gothic Rock", "Progressive Rock", "Psychedelic Rock", "Symphonic Rock", "Slow Rock",
	"Big Band", "Chorus", "Easy Listening", "Acoustic", "Humour", "Speech", "Chanson", "Opera",
	"Chamber Music", "Sonata", "Symphony", "Booty Bass", "Primus", "Porn Groove", "Satire", "Slow Jam",
	"Club", "Tango", "Samba", "Folklore", "Ballad", "Power Ballad", "Rhythmic Soul", "Freestyle",
	"Duet", "Punk Rock", "Drum Solo", "A Cappella", "Euro-House", "Dance Hall", "Goa", "Drum & Bass",
	"Club-House", "Hardcore Techno", "Terror", "Indie", "BritPop", "Negerpunk", "Polsk Punk", "Beat",
	"Christian Gangsta Rap", "Heavy Metal", "Black Metal", "Crossover", "Contemporary Christian", "Christian Rock", "Merengue", "Salsa",
	"Thrash Metal", "Anime", "Jpop", "Synthpop", "Abstract", "Art Rock", "Baroque", "Bhangra",
	"Big Beat", "Breakbeat", "Chillout", "Downtempo", "Dub", "EBM", "Eclectic", "Electro",
	"Electroclash", "Emo", "Experimental", "Garage", "Global", "IDM", "Illbient", "Industro-Goth",
	"Jam Band", "Krautrock", "Leftfield", "Lounge", "Math Rock", "New Romantic", "Nu-Breakz", "Post-Punk",
	"Post-Rock", "Psytrance", "Shoegaze", "Space Rock", "Trop Rock", "World Music", "Neoclassical", "Audiobook",
	"Audio Theatre", "Neue Deutsche Welle", "Podcast", "Indie Rock", "G-Funk", "Dubstep", "Garage Rock", "Psybient",
}

// ParseID3v1 returns the tags of the ID3v1 (or v1.1) tag in b, the last
// 128 bytes of a file, as ff_id3v1_read sets them: title, artist, album,
// date, comment, track (v1.1 only) and genre, in that order, skipping empty
// fields. It returns no tags when b is not an ID3v1 tag. dhowden/tag's reader
// is not used: it returns a map, trims differently and knows fewer genres.
func ParseID3v1(b []byte) container.Tags {
	if len(b) != ID3v1Size || b[0] != 'T' || b[1] != 'A' || b[2] != 'G' {
		return container.Tags{}
	}
	var t container.Tags
	field := func(key string, f []byte) {
		if s := id3v1String(f); s != "" {
			t.Set(key, s)
		}
	}
	field("title", b[3:33])
	field("artist", b[33:63])
	field("album", b[63:93])
	field("date", b[93:97])
	field("comment", b[97:127])
	if b[125] == 0 && b[126] != 0 {
		t.Set("track", strconv.Itoa(int(b[126])))
	}
	if g := int(b[127]); g < len(ID3v1Genres) {
		t.Set("genre", ID3v1Genres[g])
	}
	return t
}

// id3v1String is ffmpeg's get_string: the bytes up to the first NUL, raw
// (no character-set conversion), with trailing spaces removed.
func id3v1String(f []byte) string {
	for i, c := range f {
		if c == 0 {
			f = f[:i]
			break
		}
	}
	n := len(f)
	for n > 0 && f[n-1] == ' ' {
		n--
	}
	return string(f[:n])
}
