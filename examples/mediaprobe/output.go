package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/bos"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/probe"
)

// printer writes the records in the chosen output format.
type printer struct {
	c      *config
	single bool // one input, -of json: the bare document
	n      int  // records printed
	csv    *csv.Writer
}

func newPrinter(c *config, inputs int) *printer {
	p := &printer{c: c, single: inputs == 1 && c.of == "json"}
	if c.of == "csv" {
		p.csv = csv.NewWriter(c.stdout)
		p.csv.Write(csvHeader)
	}
	return p
}

// csvHeader are the columns a catalogue needs.
var csvHeader = []string{"input", "format", "duration", "bit_rate", "size",
	"video_codec", "width", "height", "fps", "audio_codec", "sample_rate", "channels", "cover", "error"}

// print writes one record.
func (p *printer) print(rec *record) {
	c := p.c
	switch {
	case p.csv != nil:
		p.csv.Write(csvRow(rec))
		p.csv.Flush()
	case p.single:
		if rec.err == nil {
			c.stdout.Write(render(rec.info, c, rec.input.name, c.pretty))
			io.WriteString(c.stdout, "\n")
		}
	default:
		var b []byte
		if rec.err != nil {
			b, _ = json.Marshal(struct {
				Input string `json:"input"`
				Error string `json:"error"`
				Kind  string `json:"kind"`
			}{rec.input.name, rec.err.Error(), errorKind(rec.err)})
		} else {
			b, _ = json.Marshal(struct {
				Input  string          `json:"input"`
				Result json.RawMessage `json:"result"`
			}{rec.input.name, render(rec.info, c, rec.input.name, false)})
		}
		if c.of == "ndjson" {
			c.stdout.Write(append(b, '\n'))
			break
		}
		// A JSON array, written as the records come.
		sep := ",\n"
		if p.n == 0 {
			sep = "[\n"
		}
		if c.pretty {
			var ind bytes.Buffer
			json.Indent(&ind, b, "  ", "  ")
			b = append([]byte("  "), ind.Bytes()...)
		}
		io.WriteString(c.stdout, sep)
		c.stdout.Write(b)
	}
	p.n++
}

// end closes a JSON array.
func (p *printer) end() {
	if p.c.of == "json" && !p.single {
		if p.n == 0 {
			io.WriteString(p.c.stdout, "[")
		}
		io.WriteString(p.c.stdout, "\n]\n")
	}
}

// render is the schema's document for info.
func render(info *container.Info, c *config, path string, pretty bool) []byte {
	indent := ""
	switch c.schema {
	case "ffprobe":
		if pretty {
			indent = ffprobe.Indent
		}
		return ffprobe.Marshal(info, indent)
	case "bos":
		if pretty {
			indent = "  "
		}
		return bos.Marshal(info, bos.Object{Bucket: c.bucket, Key: path, ETag: c.etag}, indent)
	}
	if pretty {
		indent = "  "
	}
	return oss.Marshal(info, oss.Options{RequestID: c.requestID}, indent)
}

// csvRow is a record's row: the format, the first video and audio streams
// and whether there is a cover; empty cells where nothing is known.
func csvRow(rec *record) []string {
	row := make([]string, len(csvHeader))
	row[0] = rec.input.name
	if rec.err != nil {
		row[13] = rec.err.Error()
	}
	info := rec.info
	if info == nil {
		return row
	}
	f := info.Format
	row[1] = f.Name
	if f.Duration != container.NoPTS {
		row[2] = strconv.FormatFloat(float64(f.Duration)/1e6, 'f', 6, 64)
	}
	if f.BitRate > 0 {
		row[3] = strconv.FormatInt(f.BitRate, 10)
	}
	row[4] = strconv.FormatInt(f.Size, 10)
	row[12] = "no"
	if len(info.Covers()) > 0 {
		row[12] = "yes"
	}
	if video := info.FirstVideo(); video != nil {
		row[5] = video.CodecName
		row[6], row[7] = strconv.Itoa(video.Width), strconv.Itoa(video.Height)
		fr := video.AvgFrameRate
		if !fr.Valid() {
			fr = video.RFrameRate
		}
		if fr.Valid() {
			row[8] = strconv.FormatFloat(fr.Float(), 'f', -1, 64)
		}
	}
	if audio := info.FirstAudio(); audio != nil {
		row[9] = audio.CodecName
		row[10] = strconv.Itoa(audio.SampleRate)
		row[11] = strconv.Itoa(audio.Channels)
	}
	return row
}

// errorKind names the category of a probe's error.
func errorKind(err error) string {
	for _, k := range []error{container.ErrUnknownFormat, container.ErrUnsupported, container.ErrTruncated,
		container.ErrMalformed, container.ErrLimit, probe.ErrInvalidArgument, context.DeadlineExceeded, context.Canceled} {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	if errors.Is(err, os.ErrNotExist) {
		return "not found"
	}
	return "input error"
}

// summary counts a run's results.
type summary struct {
	files, ok, failed int
	kinds, formats    map[string]int
	reads, bytes      int64
}

func (s *summary) add(rec *record) {
	s.files++
	if s.kinds == nil {
		s.kinds, s.formats = map[string]int{}, map[string]int{}
	}
	if rec.info != nil {
		s.reads += rec.info.Stats.Reads
		s.bytes += rec.info.Stats.BytesRead
	}
	if rec.err != nil {
		s.failed++
		s.kinds[errorKind(rec.err)]++
		return
	}
	s.ok++
	s.formats[rec.info.Format.Name]++
}

// String renders the summary as one line.
func (s *summary) String(wall time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "mediaprobe: %d inputs, %d ok, %d failed", s.files, s.ok, s.failed)
	if s.failed > 0 {
		fmt.Fprintf(&b, " (%s)", counts(s.kinds))
	}
	if len(s.formats) > 0 {
		fmt.Fprintf(&b, "; formats: %s", counts(s.formats))
	}
	fmt.Fprintf(&b, "; %d reads, %d bytes; %v", s.reads, s.bytes, wall.Round(time.Millisecond))
	return b.String()
}

// counts lists "name N" pairs, the most frequent first.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
