// Command hostilegen writes the hostile inputs of package hostile to a
// directory, as NAME.EXT, with a manifest.json that lists each file, its
// size, its SHA-256 and the tag keys its golden records. It is run by
// testdata/hostile/gen.sh, which hands each file to ffprobe:
//
//	go run ./internal/hostile/cmd/hostilegen -dir /tmp/hostile
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/mediaprobe/mediaprobe/internal/hostile"
)

type entry struct {
	Name   string   `json:"name"`
	File   string   `json:"file"`
	Class  string   `json:"class"`
	Count  int      `json:"count"`
	Size   int64    `json:"size"`
	SHA256 string   `json:"sha256"`
	Select []string `json:"select"`
}

func main() {
	dir := flag.String("dir", "", "directory to write the inputs to")
	only := flag.String("only", "", "write only the case of this name")
	flag.Parse()
	if *dir == "" {
		log.Fatal("hostilegen: -dir is required")
	}
	var manifest []entry
	for _, c := range hostile.Cases() {
		if *only != "" && c.Name != *only {
			continue
		}
		in := c.Make(c.Count)
		file := c.Name + "." + c.Ext
		f, err := os.Create(filepath.Join(*dir, file))
		if err != nil {
			log.Fatal(err)
		}
		h := sha256.New()
		if _, err := io.Copy(io.MultiWriter(f, h), io.NewSectionReader(in, 0, in.Size)); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		manifest = append(manifest, entry{c.Name, file, c.Class, c.Count, in.Size, hex.EncodeToString(h.Sum(nil)), c.Select})
		fmt.Fprintf(os.Stderr, "%-20s %10d bytes\n", file, in.Size)
	}
	b, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*dir, "manifest.json"), b, 0o644); err != nil {
		log.Fatal(err)
	}
}
