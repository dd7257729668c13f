package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogApplyAuditExitCodes: podium log prints JSON lines; podium apply
// exits 0 when every command applied, 1 at a refusal (with its line),
// 2 on a malformed line naming the file, line and field (nothing
// applied); podium audit prints "same" per round; log --format other
// than jsonl is a usage error.
func TestLogApplyAuditExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatalf("new --demo: %s", errs)
	}
	code, out, errs := podium(t, "log", "--db", db)
	if code != 0 || !strings.HasPrefix(out, `{"seq":1,`) || !strings.Contains(out, `"kind":"opened"`) {
		t.Fatalf("log: %d %q", code, errs)
	}
	if code, _, errs := podium(t, "log", "--db", db, "--format", "csv"); code != 2 || !strings.Contains(errs, "use jsonl") {
		t.Errorf("log --format csv: %d %q", code, errs)
	}

	ok := writeFile(t, dir, "ok.jsonl", `{"cmd":"mark","at":"2099-01-01T09:00:00+08:00","actor":"desk-1","role":"desk","person":"D0001","status":"present"}`+"\n")
	if code, out, errs := podium(t, "apply", "--db", db, ok); code != 0 || out != `{"line":1,"ok":true,"seqs":[2]}`+"\n" {
		t.Fatalf("apply: %d %q %q", code, out, errs)
	}
	if code, out, errs := podium(t, "apply", "--db", db, ok); code != 1 || !strings.Contains(out, `"code":"same_status"`) || !strings.Contains(errs, "refused") {
		t.Fatalf("apply again: %d %q %q", code, out, errs)
	}
	bad := writeFile(t, dir, "bad.jsonl", "\n"+`{"cmd":"mark","at":"2099-01-01T09:01:00+08:00","actor":"desk-1","role":"desk","person":"D0002","status":"here"}`+"\n")
	if code, out, errs := podium(t, "apply", "--db", db, bad); code != 2 || out != "" || !strings.Contains(errs, "bad.jsonl:2: field \"status\"") {
		t.Fatalf("apply a bad line: %d %q %q", code, out, errs)
	}
	if code, _, errs := podium(t, "apply", "--db", db); code != 2 || !strings.Contains(errs, "needs the FILE") {
		t.Fatalf("apply without a file: %d %q", code, errs)
	}
	if code, out, _ := podium(t, "audit", "--db", db); code != 0 || out != "no decided round\n" {
		t.Fatalf("audit: %d %q", code, out)
	}
	if code, out, _ := podium(t, "log", "--db", db, "--commands"); code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `{"cmd":"mark",`) {
		t.Fatalf("log --commands: %d %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "nothing.db")); err == nil {
		t.Fatal("?")
	}
	if code, _, errs := podium(t, "apply", "--db", filepath.Join(dir, "nothing.db"), ok); code == 0 || !strings.Contains(errs, "does not exist") {
		t.Fatalf("apply to a missing database: %d %q", code, errs)
	}
}
