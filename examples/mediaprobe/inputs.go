package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/probe"
)

// input is one thing to probe.
type input struct {
	name string // as given, or the path under a directory
	kind inputKind
	err  error // why it cannot be probed (a directory without -r)
}

type inputKind int

const (
	fileInput inputKind = iota
	urlInput
	stdinInput
)

// expand turns the arguments into inputs: a directory gives the regular
// files under it (sorted, hidden ones skipped) when recursive is set.
func expand(args []string, recursive bool) []input {
	var out []input
	for _, a := range args {
		switch {
		case a == "-":
			out = append(out, input{name: a, kind: stdinInput})
		case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
			out = append(out, input{name: a, kind: urlInput})
		default:
			fi, err := os.Stat(a)
			if err != nil || !fi.IsDir() {
				out = append(out, input{name: a, kind: fileInput})
				continue
			}
			if !recursive {
				out = append(out, input{name: a, err: fmt.Errorf("%s: is a directory (use -r to probe the files under it): %w", a, probe.ErrInvalidArgument)})
				continue
			}
			out = append(out, walk(a)...)
		}
	}
	return out
}

// walk lists the regular files under dir in lexical order, skipping hidden
// files and directories.
func walk(dir string) []input {
	var files []input
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, input{name: path, err: err})
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, input{name: path, kind: fileInput})
		}
		return nil
	})
	if err != nil {
		files = append(files, input{name: dir, err: err})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files
}

// record is what one input gave.
type record struct {
	input  input
	info   *container.Info
	err    error
	covers []string // the cover files written
}

// probe probes one input, and writes its covers when asked.
func (c *config) probe(ctx context.Context, in input) *record {
	rec := &record{input: in}
	if in.err != nil {
		rec.err = in.err
		return rec
	}
	var opts []probe.Option
	if c.accurate {
		opts = append(opts, probe.WithAccurateDuration())
	}
	switch in.kind {
	case urlInput:
		rec.info, rec.err = probe.URL(ctx, nil, in.name, opts...)
	case stdinInput:
		rec.info, rec.err = probe.Reader(ctx, c.stdin, opts...)
	default:
		rec.info, rec.err = probe.File(ctx, in.name, opts...)
	}
	if c.covers != "" && rec.info != nil {
		rec.covers, rec.err = c.writeCovers(ctx, in, rec.info, rec.err)
	}
	return rec
}

// coverExtensions are the file extensions of the cover codecs.
var coverExtensions = map[string]string{"mjpeg": "jpg", "png": "png", "gif": "gif", "bmp": "bmp", "webp": "webp", "tiff": "tiff"}

// writeCovers writes each cover of a file input as DIR/NAME.coverN.EXT
// (N from 1), reading only the image's bytes; perr is the probe's error,
// returned unless writing fails.
func (c *config) writeCovers(ctx context.Context, in input, info *container.Info, perr error) ([]string, error) {
	var written []string
	for i, st := range info.Covers() {
		n := i + 1
		if in.kind != fileInput {
			return written, errors.Join(perr, fmt.Errorf("%s: covers are written for files only", in.name))
		}
		f, err := os.Open(in.name)
		if err != nil {
			return written, errors.Join(perr, err)
		}
		img, err := probe.Cover(ctx, f, st)
		f.Close()
		if err != nil {
			fmt.Fprintf(c.stderr, "mediaprobe: %s: cover %d not written: %v\n", in.name, n, err)
			continue
		}
		ext := coverExtensions[st.CodecName]
		if ext == "" {
			ext = "bin"
		}
		out := filepath.Join(c.covers, fmt.Sprintf("%s.cover%d.%s", filepath.Base(in.name), n, ext))
		if err := os.WriteFile(out, img, 0o644); err != nil {
			return written, errors.Join(perr, err)
		}
		written = append(written, out)
	}
	return written, perr
}
