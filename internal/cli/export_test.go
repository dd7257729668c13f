package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/data"
)

// TestExportCommand writes every format twice from the demo congress and
// finds the same bytes, each document stamped with the digest that
// `podium verify` prints (the CSV tables through index.csv); a bad format
// is refused.
func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatalf("new --demo: %s", errs)
	}
	_, verify, _ := podium(t, "verify", "--db", db)
	head := strings.Fields(verify)[2]

	outs := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}
	for _, out := range outs {
		code, stdout, errs := podium(t, "export", "--db", db, "--format", "md,html,csv,xlsx,json", "--out", out, "--lang", "zh")
		if code != 0 || !strings.Contains(stdout, "record.json") {
			t.Fatalf("export: %d %q %q", code, stdout, errs)
		}
	}
	files, _ := os.ReadDir(outs[0])
	if len(files) < 5 {
		t.Fatalf("only %d files exported", len(files))
	}
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(outs[0], f.Name()))
		b, err := os.ReadFile(filepath.Join(outs[1], f.Name()))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two exports of the same database", f.Name())
		}
		// The workbook carries the digest in its properties and page
		// footers, the tidy CSV tables in index.csv.
		ext := filepath.Ext(f.Name())
		if ext != ".xlsx" && (ext != ".csv" || f.Name() == "index.csv") && !bytes.Contains(a, []byte(head)) {
			t.Errorf("%s does not carry the head hash %s", f.Name(), head)
		}
	}
	// While podium holds the database, export reads a verified copy.
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := podium(t, "export", "--db", db, "--format", "json", "--out", filepath.Join(dir, "hot"))
	st.Close()
	if code != 0 {
		t.Fatalf("export while in use: %d %q", code, errs)
	}
	if code, _, errs := podium(t, "export", "--db", db, "--format", "pdf", "--out", dir); code != exitBadArgs || !strings.Contains(errs, "pdf") {
		t.Fatalf("bad format: %d %q", code, errs)
	}
}
