// Command mediaprobe prints what is inside audio and video files as the JSON
// of Alibaba OSS audio/info (default), Baidu BOS video/info, or ffprobe.
//
//	mediaprobe [flags] INPUT...
//
// An input is a file, a directory (with -r, every file under it), an
// http(s):// URL (probed with range requests), or - for standard input.
// Flags may come before or after the inputs; -- ends them.
//
// With one input and the default -of json, the output is the schema's JSON
// document, as the cloud API or ffprobe prints it. With -of ndjson every
// input gives one line {"input": ..., "result": {...}} or {"input": ...,
// "error": ..., "kind": ...}; with -of json and several inputs those records
// form one JSON array; -of csv prints one row per input with the columns a
// catalogue needs. Errors also go to stderr, one line each, naming the
// input; with several inputs a summary ends the run there.
//
// The exit status is 0 when every input was probed, 1 when any failed, and
// 2 on a usage error.
//
// Install with `go install github.com/mediaprobe/mediaprobe/examples/mediaprobe@latest`.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	schema, of     string
	pretty, stats  bool
	accurate       bool
	recursive      bool
	jobs           int
	covers         string
	bucket, etag   string
	requestID      string
	progress       bool // a progress line on stderr
	stdin          io.Reader
	stdout, stderr io.Writer
}

const usageLine = "usage: mediaprobe [-schema oss|bos|ffprobe] [-of json|ndjson|csv] [-r] [-j N] [-pretty] [-stats] [-covers DIR] INPUT..."

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg := config{stdin: stdin, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("mediaprobe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.schema, "schema", "oss", "output schema: oss, bos or ffprobe")
	fs.StringVar(&cfg.of, "of", "json", "output format: json, ndjson or csv")
	fs.BoolVar(&cfg.pretty, "pretty", false, "indent the JSON")
	fs.BoolVar(&cfg.stats, "stats", false, "print what each probe cost to stderr: reads, bytes read, bytes allocated, structures")
	fs.BoolVar(&cfg.accurate, "accurate", false, "compute true durations where ffprobe estimates (more reads)")
	fs.BoolVar(&cfg.recursive, "r", false, "probe every file under the directories given")
	fs.IntVar(&cfg.jobs, "j", runtime.GOMAXPROCS(0), "probes run in parallel")
	fs.StringVar(&cfg.covers, "covers", "", "write each cover image to this directory as NAME.coverN.jpg|png")
	fs.StringVar(&cfg.bucket, "bucket", "", "bos: the object's bucket")
	fs.StringVar(&cfg.etag, "etag", "", "bos: the object's ETag")
	fs.StringVar(&cfg.requestID, "request-id", "", "oss: the RequestId to print")
	version := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, usageLine)
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return 2 // the flag package has said what was wrong
	}
	if *version {
		fmt.Fprintln(stdout, versionString())
		return 0
	}
	if msg := cfg.check(len(inputs)); msg != "" {
		fmt.Fprintf(stderr, "mediaprobe: %s\n%s\n", msg, usageLine)
		return 2
	}
	cfg.progress = isTerminal(stderr)
	return cfg.probeAll(context.Background(), inputs)
}

// parseInterleaved parses flags wherever they are among the inputs, as
// ffprobe and mediainfo users expect; "--" makes the rest inputs.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var inputs, tail []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, tail = args[:i], args[i+1:]
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		inputs = append(inputs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return append(inputs, tail...), nil
}

// check returns what is wrong with the flags, naming the bad value, or "".
func (c *config) check(inputs int) string {
	switch {
	case inputs == 0:
		return "no input given"
	case c.schema != "oss" && c.schema != "bos" && c.schema != "ffprobe":
		return fmt.Sprintf("-schema %q: unknown schema (want oss, bos or ffprobe)", c.schema)
	case c.of != "json" && c.of != "ndjson" && c.of != "csv":
		return fmt.Sprintf("-of %q: unknown output format (want json, ndjson or csv)", c.of)
	case c.jobs < 1:
		return fmt.Sprintf("-j %d: want at least 1", c.jobs)
	}
	return ""
}

// versionString names the module version the command was built from.
func versionString() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("mediaprobe %s %s", v, runtime.Version())
}

// isTerminal reports whether w is a terminal (a progress line makes sense).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// probeAll expands the inputs, probes them with c.jobs workers and prints
// the records in input order as they complete, then the summary.
func (c *config) probeAll(ctx context.Context, args []string) int {
	start := time.Now()
	inputs := expand(args, c.recursive)
	results := make([]chan *record, len(inputs))
	for i := range results {
		results[i] = make(chan *record, 1)
	}
	next := make(chan int)
	for w := 0; w < min(c.jobs, len(inputs)); w++ {
		go func() {
			for i := range next {
				results[i] <- c.probe(ctx, inputs[i])
			}
		}()
	}
	go func() {
		for i := range inputs {
			next <- i
		}
		close(next)
	}()
	out := newPrinter(c, len(inputs))
	var sum summary
	for i := range inputs {
		rec := <-results[i]
		sum.add(rec)
		if rec.err != nil {
			c.clearProgress(len(inputs))
			fmt.Fprintf(c.stderr, "mediaprobe: %v\n", rec.err)
		}
		if c.stats && rec.info != nil {
			st := rec.info.Stats
			c.clearProgress(len(inputs))
			fmt.Fprintf(c.stderr, "mediaprobe: stats %s reads=%d bytes=%d alloc=%d structures=%d\n",
				rec.input.name, st.Reads, st.BytesRead, st.BytesAllocated, st.Structures)
		}
		out.print(rec)
		if c.progress && len(inputs) > 1 {
			fmt.Fprintf(c.stderr, "\r%s", progressBar(i+1, len(inputs)))
		}
	}
	out.end()
	c.clearProgress(len(inputs))
	if len(inputs) > 1 {
		fmt.Fprintln(c.stderr, sum.String(time.Since(start)))
	}
	if sum.failed > 0 {
		return 1
	}
	return 0
}

// clearProgress erases the progress line before other stderr output.
func (c *config) clearProgress(n int) {
	if c.progress && n > 1 {
		fmt.Fprintf(c.stderr, "\r%s\r", strings.Repeat(" ", 60))
	}
}

// progressBar draws done of total as "[=====     ] done/total".
func progressBar(done, total int) string {
	const width = 40
	k := done * width / total
	return fmt.Sprintf("[%s%s] %d/%d", strings.Repeat("=", k), strings.Repeat(" ", width-k), done, total)
}
