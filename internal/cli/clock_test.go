package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestClockFile: PODIUM_CLOCK_FILE naming a missing file, an empty one or
// one that holds no RFC 3339 time is bad input (exit 2) naming the
// variable and the file, before any command runs; a good one is podium's
// clock, read again each time, and a later failed read keeps the last
// time read.
func TestClockFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, stderr := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatalf("new --demo: exit %d: %s", code, stderr)
	}
	for name, text := range map[string]string{"missing": "", "empty": "", "garbage": "nine o'clock\n", "no zone": "2026-11-25T09:00:00\n"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, "clock-"+strings.ReplaceAll(name, " ", "-"))
			if name != "missing" {
				writeFile(t, dir, filepath.Base(path), text)
			}
			t.Setenv(clockEnv, path)
			code, stdout, stderr := podium(t, "verify", "--db", db)
			if code != 2 || stdout != "" || !strings.Contains(stderr, clockEnv) || !strings.Contains(stderr, path) || strings.Contains(stderr, "--help") {
				t.Errorf("exit %d, stdout %q, stderr %q: want 2 naming %s and %s", code, stdout, stderr, clockEnv, path)
			}
		})
	}

	path := writeFile(t, dir, "clock", "2026-11-25T09:00:00+08:00\n")
	t.Setenv(clockEnv, path)
	now, err := clock()
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("", 8*3600))
	if got := now(); !got.Equal(want) {
		t.Fatalf("the clock reads %v, want %v", got, want)
	}
	writeFile(t, dir, "clock", "2026-11-25T09:01:30+08:00\n")
	if got := now(); !got.Equal(want.Add(90 * time.Second)) {
		t.Fatalf("the moved clock reads %v, want %v", got, want.Add(90*time.Second))
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if got := now(); !got.Equal(want.Add(90 * time.Second)) {
		t.Fatalf("with the file gone the clock reads %v, want the last time read", got)
	}
}
