package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fixture is data's committed test log: 400 events.
const fixture = "../../data/testdata/fixture.db"

// damagedCopy writes the fixture into dir, cut to cut bytes (0: whole)
// and with the byte at off XORed with x (x 0: none).
func damagedCopy(t *testing.T, dir string, cut, off int, x byte) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if x != 0 {
		b[off] ^= x
	}
	if cut > 0 {
		b = b[:cut]
	}
	p := filepath.Join(dir, fmt.Sprintf("d-%d-%d-%d.db", cut, off, x))
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// noCrash fails the test when a command's output shows a Go crash.
func noCrash(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine ", "fatal error", "SIGSEGV", "SIGBUS"} {
		if strings.Contains(out, s) {
			t.Fatalf("%s crashed: %s", what, out)
		}
	}
}

// TestDamagedDatabaseCommands: verify, export and opening a damaged
// database exit 1 with a message that names the damage and says what to
// do; never a crash.
func TestDamagedDatabaseCommands(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []struct{ cut, off int }{{8192, 0}, {50000, 0}, {100000, 0}, {0, 61818}, {0, 16}, {0, 4096 + 40}, {0, 3*4096 + 9}} {
		db := damagedCopy(t, dir, d.cut, d.off, 0x38)
		for _, args := range [][]string{
			{"verify", "--db", db},
			{"export", "--db", db, "--format", "json,csv", "--out", filepath.Join(dir, "out")},
		} {
			code, out, errs := podium(t, args...)
			noCrash(t, strings.Join(args, " "), out+errs)
			if code != 1 || !strings.Contains(errs, "is damaged") || !strings.Contains(errs, "podium salvage --db "+db) {
				t.Errorf("%v: exit %d, %q %q", args, code, out, errs)
			}
		}
	}
}

// TestSalvageCommand: salvage writes the provable events into a new file
// that verifies, says what was saved and lost, and exits 1 when events
// were lost, 0 when none were.
func TestSalvageCommand(t *testing.T) {
	dir := t.TempDir()
	whole := damagedCopy(t, dir, 0, 0, 0)
	out := filepath.Join(dir, "whole-saved.db")
	code, stdout, errs := podium(t, "salvage", "--db", whole, "--out", out)
	if code != 0 || !strings.Contains(stdout, "saved 400 events") || !strings.Contains(stdout, "lost: nothing") {
		t.Fatalf("salvage of a whole log: %d %q %q", code, stdout, errs)
	}
	if code, _, errs := podium(t, "salvage", "--db", whole, "--out", out); code != exitBadArgs || !strings.Contains(errs, "exists already") {
		t.Errorf("salvage over an existing file: %d %q", code, errs)
	}

	bad := damagedCopy(t, dir, 0, 61818, 0x38)
	out = filepath.Join(dir, "bad-saved.db")
	code, stdout, errs = podium(t, "salvage", "--db", bad, "--out", out)
	noCrash(t, "salvage", stdout+errs)
	m := regexp.MustCompile(`saved (\d+) events .*\(verified: ok (\d+ [0-9a-f]{64})\)`).FindStringSubmatch(stdout)
	if code != 1 || m == nil || !strings.Contains(stdout, "last saved: event "+m[1]+",") || !strings.Contains(stdout, "lost: events") {
		t.Fatalf("salvage of a flipped log: %d %q %q", code, stdout, errs)
	}
	code, vout, errs := podium(t, "verify", "--db", out)
	if code != 0 || vout != "ok "+m[2]+"\n" {
		t.Errorf("the salvaged file: verify %d %q %q; salvage said %s", code, vout, errs, m[2])
	}
	if code, _, errs := podium(t, "--db", out, "export", "--format", "json", "--out", filepath.Join(dir, "rec")); code != 0 {
		t.Errorf("export of the salvaged file: %d %q", code, errs)
	}

	cut := damagedCopy(t, dir, 8192, 0, 0)
	code, stdout, errs = podium(t, "salvage", "--db", cut, "--out", filepath.Join(dir, "cut-saved.db"))
	if code != 1 || !strings.Contains(errs, "not one event") || !strings.Contains(stdout, "cut short") {
		t.Errorf("salvage of a log cut to 8192 bytes: %d %q %q", code, stdout, errs)
	}
}

// TestNewOverAnEmptyFile: a file that holds no congress is reported as
// empty, not a congress, and replaced only with --force; a zero-byte file
// is read, never written, by verify.
func TestNewOverAnEmptyFile(t *testing.T) {
	dir := t.TempDir()
	db := writeFile(t, dir, "c.db", "")
	roster := writeFile(t, dir, "roster.csv", goodRoster)
	if code, _, errs := podium(t, "verify", "--db", db); code != 1 || !strings.Contains(errs, "empty") {
		t.Errorf("verify of a zero-byte file: %d %q", code, errs)
	}
	code, _, errs := podium(t, "new", "--roster", roster, "--name", "测试大会", "--db", db)
	if code != 1 || !strings.Contains(errs, "empty, not a congress") || !strings.Contains(errs, "--force") {
		t.Fatalf("new over an empty file: %d %q", code, errs)
	}
	if code, out, errs := podium(t, "new", "--roster", roster, "--name", "测试大会", "--db", db, "--force"); code != 0 {
		t.Fatalf("new --force over an empty file: %d %q %q", code, out, errs)
	}
	if code, _, errs := podium(t, "new", "--roster", roster, "--name", "x", "--db", db, "--force"); code != 1 || !strings.Contains(errs, "never overwritten") {
		t.Errorf("new --force over a congress: %d %q", code, errs)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("files left: %v", ents)
	}
}
