package records

import (
	"fmt"
	"os"
	"path/filepath"
)

// Formats are the formats Write knows, in the order of the issue.
var Formats = []string{"md", "html", "csv", "xlsx", "json"}

// Write renders r in one format into dir (created if missing) and returns
// the paths of the files written, in order:
//
//	md    records.md: every document, for pasting into a report
//	html  NN-<document>.html: one print-ready file per document (A4,
//	      page numbers, the digest on every page)
//	csv   <table>.csv: one tidy table per file (attendance, votes,
//	      candidates …) and index.csv, UTF-8 with a BOM
//	xlsx  records.xlsx: one sheet per form or table
//	json  record.json: the complete record (schema.json describes it)
//
// The same record always gives byte-identical files.
func Write(r *Record, format, dir string) (files []string, err error) {
	var out []file
	switch format {
	case "md":
		out = []file{{"records.md", renderMarkdown(r, layout(r))}}
	case "html":
		out, err = renderHTML(r, layout(r))
	case "csv":
		out, err = renderCSV(r)
	case "xlsx":
		var b []byte
		b, err = renderXLSX(r, layout(r))
		out = []file{{"records.xlsx", b}}
	case "json":
		var b []byte
		b, err = renderJSON(r)
		out = []file{{"record.json", b}}
	default:
		return nil, fmt.Errorf("records: unknown format %q (md, html, csv, xlsx or json)", format)
	}
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, f := range out {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}

// file is one rendered file: its name in the output directory and bytes.
type file struct {
	name string
	data []byte
}
