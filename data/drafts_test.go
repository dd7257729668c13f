package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDrafts: a draft per actor, kept across a reopen, forgotten when
// saved empty; a damaged file is named on Load and replaced by the next
// Save; the file is beside the database and nothing else is.
func TestDrafts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "podium.db")
	d := OpenDrafts(db)
	if b, err := d.Load("host"); err != nil || b != nil {
		t.Fatalf("no file: %q %v", b, err)
	}
	for actor, draft := range map[string]string{"host": `{"screen":"election"}`, "teller-2": `{"marks":[1,2]}`} {
		if err := d.Save(actor, []byte(draft)); err != nil {
			t.Fatal(err)
		}
	}
	again := OpenDrafts(db)
	if b, err := again.Load("teller-2"); err != nil || string(b) != `{"marks":[1,2]}` {
		t.Fatalf("teller-2: %q %v", b, err)
	}
	if err := again.Save("teller-2", nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := again.Load("teller-2"); b != nil {
		t.Fatalf("forgotten draft: %q", b)
	}
	if b, _ := again.Load("host"); string(b) != `{"screen":"election"}` {
		t.Fatalf("host: %q", b)
	}
	if err := d.Save("host", []byte("not json")); err == nil {
		t.Error("a draft that is not JSON was kept")
	}
	if err := os.WriteFile(DraftsPath(db), []byte("{broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Load("host"); err == nil || !strings.Contains(err.Error(), DraftsPath(db)) {
		t.Errorf("damaged file: %v", err)
	}
	if err := d.Save("host", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if b, err := d.Load("host"); err != nil || string(b) != `{}` {
		t.Fatalf("after a damaged file: %q %v", b, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "podium.db.drafts" {
		t.Errorf("files left: %v", entries)
	}
	if err := RemoveDrafts(db); err != nil || RemoveDrafts(db) != nil {
		t.Fatal(err)
	}
}
