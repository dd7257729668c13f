package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"podium/data"
	"podium/records"
	"podium/session"
)

// exportFormats are the formats of `podium export`.
var exportFormats = []string{"md", "html", "csv", "xlsx", "json"}

// runExport is `podium export`: the official records from the event log.
func runExport(g *globals, args []string, stdout, stderr io.Writer) error {
	fs := g.flags("export", stderr)
	format := fs.String("format", "", "md, html, csv, xlsx or json (several: comma-separated)")
	out := fs.String("out", "", "the `DIR` to write into (created if missing)")
	if err := g.parse(fs, args); err != nil {
		return err
	}
	if *out == "" || *format == "" {
		return usageError("export needs --format %s and --out DIR", strings.Join(exportFormats, "|"))
	}
	formats := strings.Split(*format, ",")
	for _, f := range formats {
		if !contains(exportFormats, f) {
			return usageError("--format %q: use %s", f, strings.Join(exportFormats, ", "))
		}
	}
	if !exists(g.db) {
		return exitError{1, fmt.Sprintf("podium: %s does not exist", g.db)}
	}
	store, cleanup, err := openForReading(g.db)
	if err != nil {
		return err
	}
	defer cleanup()
	s, err := session.Load(store)
	if err != nil {
		return fmt.Errorf("%s: %w", g.db, err)
	}
	files, err := exportRecords(s, store, formats, *out, g.lang)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	return nil
}

// openForReading opens the database read-only; while podium runs (the
// file is locked) it reads a verified copy instead.
func openForReading(db string) (*data.Store, func(), error) {
	store, err := data.Open(db, data.Options{ReadOnly: true, Timeout: 300 * time.Millisecond})
	if err == nil {
		return store, func() { store.Close() }, nil
	}
	if !errors.Is(err, data.ErrInUse) {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "podium-export-")
	if err != nil {
		return nil, nil, err
	}
	cp := filepath.Join(dir, "podium.db")
	if _, _, err := data.CopyInUse(db, cp); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	store, err = data.Open(cp, data.Options{ReadOnly: true})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return store, func() { store.Close(); os.RemoveAll(dir) }, nil
}

// exportRecords writes the records of s in each format into dir, stamped
// with the log's digest (what `podium verify` prints).
func exportRecords(s *session.Session, store *data.Store, formats []string, dir, lang string) ([]string, error) {
	n, head, err := store.Verify()
	if err != nil {
		return nil, err
	}
	var rec *records.Record
	s.Read(func(st *session.State) { rec = records.Build(st, records.Digest{Events: n, Head: head}, lang) })
	var all []string
	for _, f := range formats {
		files, err := records.Write(rec, f, dir)
		if err != nil {
			return nil, err
		}
		all = append(all, files...)
	}
	return all, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
