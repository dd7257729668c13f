package records

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// styleBlock is the print style of an HTML file: the same in every file,
// kept out of the goldens (print.css is its source).
var styleBlock = regexp.MustCompile(`(?s)<style>\n.*?</style>`)

// golden compares every file written for format with testdata/<dir>/
// and returns their names.
func golden(t *testing.T, r *Record, format, dir string) (names []string) {
	t.Helper()
	out := t.TempDir()
	files, err := Write(r, format, out)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join("testdata", dir)
	for _, f := range files {
		names = append(names, filepath.Base(f))
		got, _ := os.ReadFile(f)
		if format == "html" {
			got = styleBlock.ReplaceAll(got, []byte("<style>/* @page rules and print.css */</style>"))
		}
		g := filepath.Join(want, filepath.Base(f))
		if *update {
			if err := os.MkdirAll(want, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(g, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		exp, err := os.ReadFile(g)
		if err != nil {
			t.Fatalf("%v (run go test ./records -update)", err)
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s differs from %s (run go test ./records -update and review the diff)", filepath.Base(f), g)
		}
	}
	return names
}

// noStale fails on a file in testdata/<dir> that none of the formats
// wrote (a document renumbered or gone), and removes it with -update.
func noStale(t *testing.T, dir string, written map[string]bool) {
	t.Helper()
	des, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if written[de.Name()] {
			continue
		}
		p := filepath.Join("testdata", dir, de.Name())
		if *update {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s is written by no format: a stale golden (run go test ./records -update)", p)
	}
}

// TestGolden writes the small congress in every format but the binary
// workbook (TestXLSX reads that back): closed, in Chinese and English,
// and as a draft before it met.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		dir, lang string
		upTo      int
		formats   []string
	}{
		{"zh", "zh", -1, []string{"md", "html", "csv", "json"}},
		{"en", "en", -1, []string{"md", "html", "csv", "json"}},
		{"draft", "zh", 0, []string{"md"}},
	} {
		r := small(t, c.lang, c.upTo)
		written, ok := map[string]bool{}, true
		for _, f := range c.formats {
			ok = t.Run(c.dir+"/"+f, func(t *testing.T) {
				for _, n := range golden(t, r, f, c.dir) {
					written[n] = true
				}
			}) && ok
		}
		if ok {
			noStale(t, c.dir, written)
		}
	}
}
