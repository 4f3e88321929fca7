// Command mediaprobe prints what is inside audio and video files as the JSON
// of Alibaba OSS audio/info (default), Baidu BOS video/info, or ffprobe.
//
//	mediaprobe [-schema oss|bos|ffprobe] [-pretty] [-stats] FILE...
//
// Install with `go install github.com/mediaprobe/mediaprobe/examples/mediaprobe@latest`.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/mediaprobe/mediaprobe/container"
	"github.com/mediaprobe/mediaprobe/format/bos"
	"github.com/mediaprobe/mediaprobe/format/ffprobe"
	"github.com/mediaprobe/mediaprobe/format/oss"
	"github.com/mediaprobe/mediaprobe/probe"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mediaprobe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	schema := fs.String("schema", "oss", "output schema: oss, bos or ffprobe")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	stats := fs.Bool("stats", false, "print what each probe cost to stderr: reads, bytes read, bytes allocated, structures")
	accurate := fs.Bool("accurate", false, "compute true durations where ffprobe estimates (more reads)")
	bucket := fs.String("bucket", "", "bos: the object's bucket")
	etag := fs.String("etag", "", "bos: the object's ETag")
	requestID := fs.String("request-id", "", "oss: the RequestId to print")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: mediaprobe [-schema oss|bos|ffprobe] [-pretty] [-stats] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 || (*schema != "oss" && *schema != "bos" && *schema != "ffprobe") {
		fs.Usage()
		return 2
	}
	var opts []probe.Option
	if *accurate {
		opts = append(opts, probe.WithAccurateDuration())
	}
	status := 0
	for _, path := range fs.Args() {
		info, err := probe.File(context.Background(), path, opts...)
		if info != nil && *stats {
			st := info.Stats
			fmt.Fprintf(stderr, "mediaprobe: stats %s reads=%d bytes=%d alloc=%d structures=%d\n",
				path, st.Reads, st.BytesRead, st.BytesAllocated, st.Structures)
		}
		if err != nil {
			fmt.Fprintf(stderr, "mediaprobe: %v\n", err) // the error names the file
			status = 1
			continue
		}
		stdout.Write(render(info, *schema, *pretty, path, *bucket, *etag, *requestID))
		if !*pretty {
			io.WriteString(stdout, "\n")
		}
	}
	return status
}

func render(info *container.Info, schema string, pretty bool, path, bucket, etag, requestID string) []byte {
	indent := ""
	switch schema {
	case "ffprobe":
		if pretty {
			indent = ffprobe.Indent
		}
		return ffprobe.Marshal(info, indent)
	case "bos":
		if pretty {
			indent = "  "
		}
		return bos.Marshal(info, bos.Object{Bucket: bucket, Key: path, ETag: etag}, indent)
	}
	if pretty {
		indent = "  "
	}
	return oss.Marshal(info, oss.Options{RequestID: requestID}, indent)
}
