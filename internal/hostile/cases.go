package hostile

// Case is one hostile input at the counts the tests use. The ffprobe golden
// of a case (testdata/hostile/NAME.json) is made from Make(Count) written
// to NAME.EXT, and records the input's SHA-256, so a generator that changes
// shows as a stale golden.
type Case struct {
	Name  string // file name without extension; the golden's name
	Ext   string // the extension ffprobe is given (a weak hint for detection)
	Class string // the class: a..g
	// Count is the size parameter of the version of at least 1 MB (or the
	// issue's figure); Big that of the version the deadline tests use,
	// large enough that a reader without a bound runs long.
	Count, Big int
	Make       func(count int) Input
	// Select are tag keys whose values the golden records, besides the
	// first and the last tag.
	Select []string
}

// Cases are the hostile inputs, one or more per class.
func Cases() []Case {
	mem := func(f func(int) []byte) func(int) Input { return func(n int) Input { return InMemory(f(n)) } }
	return []Case{
		{Name: "id3_txxx", Ext: "mp3", Class: "a", Count: 20000, Big: 200000, Make: mem(ID3TXXX),
			Select: []string{keyName("TXXX", 12345)}},
		{Name: "flac_vorbis_keys", Ext: "flac", Class: "a", Count: 100000, Big: 650000, Make: mem(FLACVorbisKeys),
			Select: []string{"KEY012345"}},
		{Name: "flac_vorbis_repeat", Ext: "flac", Class: "a", Count: 200000, Big: 1300000, Make: mem(FLACVorbisRepeatedKey),
			Select: []string{"ARTIST"}},
		{Name: "ogg_vorbis_keys", Ext: "ogg", Class: "a", Count: 100000, Big: 1000000, Make: mem(OggVorbisKeys),
			Select: []string{"KEY012345"}},
		{Name: "wav_info_keys", Ext: "wav", Class: "a", Count: 100000, Big: 1000000, Make: mem(WAVInfoKeys),
			Select: []string{string(key4(12345))}},
		{Name: "mp4_freeform", Ext: "m4a", Class: "a", Count: 40000, Big: 400000, Make: mem(MP4Freeform),
			Select: []string{keyName("key", 12345)}},
		{Name: "mp4_freeform_100k", Ext: "m4a", Class: "a", Count: 100000, Big: 400000, Make: mem(MP4Freeform),
			Select: []string{keyName("key", 12345)}},
		{Name: "ape_text", Ext: "aac", Class: "a", Count: 60000, Big: 65536, Make: mem(ADTSAPEText),
			Select: []string{keyName("Key", 12345)}},
		{Name: "ape_text_over_cap", Ext: "aac", Class: "a", Count: 70000, Big: 570000, Make: mem(ADTSAPEText),
			Select: []string{keyName("Key", 12345)}},
		{Name: "w64_summary", Ext: "w64", Class: "a", Count: 100000, Big: 1000000, Make: mem(W64Summary),
			Select: []string{string(key4(12345))}},

		{Name: "id3_zlib_txxx", Ext: "mp3", Class: "b", Count: 16, Big: 64,
			Make:   func(n int) Input { return InMemory(ID3ZlibTXXX(n, 32<<20)) },
			Select: []string{"zlib07"}},
		{Name: "id3_zlib_apic", Ext: "mp3", Class: "b", Count: 4000, Big: 16000,
			Make: func(n int) Input { return InMemory(ID3ZlibAPIC(n, 256<<10)) }},

		{Name: "ogg_capture_junk", Ext: "opus", Class: "c", Count: 1 << 20, Big: 16 << 20, Make: mem(OggCaptureJunk),
			Select: []string{"TITLE"}},
		{Name: "ogg_badcrc_pages", Ext: "opus", Class: "c", Count: 22400, Big: 300000, Make: mem(OggBadCRCPages),
			Select: []string{"TITLE"}},
		{Name: "ogg_serials", Ext: "opus", Class: "c", Count: 100000, Big: 300000, Make: mem(OggSerials)},

		{Name: "mp4_traks_100k", Ext: "mp4", Class: "d", Count: 100000, Big: 1000000, Make: mem(MP4EmptyTraks)},
		{Name: "mp4_traks_1m", Ext: "mp4", Class: "d", Count: 1000000, Big: 4000000, Make: mem(MP4EmptyTraks)},
		{Name: "flac_pictures", Ext: "flac", Class: "d", Count: 100000, Big: 400000, Make: mem(FLACPictures)},
		{Name: "id3_apic", Ext: "mp3", Class: "d", Count: 100000, Big: 400000, Make: mem(ID3APIC)},
		{Name: "ape_binary", Ext: "aac", Class: "d", Count: 1500, Big: 20000, Make: mem(ADTSAPEBinary)},

		{Name: "mp4_chapters", Ext: "m4a", Class: "e", Count: 4000000, Big: 8000000, // a 32 MB chap box: under MaxAlloc
			Make: func(n int) Input { return InMemory(MP4ChapterRefs(1000, n)) }},

		{Name: "mp4_stts_past_end", Ext: "m4a", Class: "f", Count: 50000000, Big: 500000000,
			Make: func(n int) Input { return OfSparse(MP4STTSPastEnd(uint32(n), 60<<20)) }},

		{Name: "flv_meta_keys", Ext: "flv", Class: "a", Count: 50000, Big: 700000, Make: mem(FLVMetaKeys),
			Select: []string{keyName("key", 12345)}},
		{Name: "flv_keyframes", Ext: "flv", Class: "f", Count: 100000, Big: 1000000, Make: mem(FLVKeyframes)},

		{Name: "mp4_hdlr_huge", Ext: "m4a", Class: "g", Count: 31 << 20, Big: 31 << 20,
			Make:   func(n int) Input { return OfSparse(MP4HugeHdlr(int64(n))) },
			Select: []string{"handler_name"}},
	}
}
