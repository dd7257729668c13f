package records

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRehearsalRecords: a rehearsal's records say 演练 in every title
// and on every page (a page margin box and the watermark), in the
// markdown and in record.json; the congress's own say nothing of it.
func TestRehearsalRecords(t *testing.T) {
	r := small(t, "zh", -1)
	if r.Rehearsal {
		t.Fatal("the small congress is a rehearsal")
	}
	r.Rehearsal = true
	dir := t.TempDir()
	files, err := Write(r, "html", dir)
	if err != nil {
		t.Fatal(err)
	}
	w := termsFor("zh")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := string(b)
		if !strings.Contains(s, "<h1>"+w.rehearsal) || !strings.Contains(s, "@top-left") || !strings.Contains(s, w.rehearsalMark) ||
			!strings.Contains(s, `<div class="watermark" aria-hidden="true">演练</div>`) {
			t.Errorf("%s does not say 演练 in its title, margin and watermark", filepath.Base(f))
		}
	}
	md, _ := Write(r, "md", dir)
	b, _ := os.ReadFile(md[0])
	if strings.Count(string(b), w.rehearsalMark) != len(files) {
		t.Errorf("records.md: %d rehearsal marks for %d documents", strings.Count(string(b), w.rehearsalMark), len(files))
	}
	js, _ := Write(r, "json", dir)
	b, _ = os.ReadFile(js[0])
	if !strings.Contains(string(b), `"rehearsal": true`) {
		t.Error("record.json does not say rehearsal")
	}
}
