package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckStaff runs `check staff` on the seed's list: the audit exits 0
// whatever it finds; unreadable input exits 2 naming the file and line.
func TestCheckStaff(t *testing.T) {
	seed := filepath.Join("..", "..", "prep", "testdata", "seed_staff.tsv")
	code, out, errs := podium(t, "check", "staff", seed, "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d %s", code, errs)
	}
	var a struct {
		Staff      int `json:"staff"`
		DataErrors []struct {
			Row int `json:"row"`
		} `json:"data_errors"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil || a.Staff != 40 || len(a.DataErrors) != 2 {
		t.Fatalf("json %v: %s", err, out)
	}
	// The FILE may also come after the flags, as for check roster.
	if code, out2, errs := podium(t, "check", "staff", "--format", "json", seed); code != 0 || out2 != out {
		t.Fatalf("check staff --format json FILE: exit %d %s", code, errs)
	}
	code, out, errs = podium(t, "check", "staff", seed, "--large")
	if code != 0 {
		t.Fatal(errs)
	}
	for _, s := range []string{"3.1  PASS", "5    PASS", "6    CANNOT VERIFY", "row 19 (line 25), 年级", "large school"} {
		if !strings.Contains(out, s) {
			t.Errorf("text lacks %q:\n%s", s, out)
		}
	}

	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("a,b\n"), 0o644)
	for _, args := range [][]string{{bad}, {filepath.Join(t.TempDir(), "none.csv")}, {}, {seed, "--format", "xml"}} {
		code, out, errs := podium(t, append([]string{"check", "staff"}, args...)...)
		if code != exitBadArgs || out != "" {
			t.Errorf("%v: exit %d, stdout %q, want exit 2", args, code, out)
		}
		if len(args) == 1 && args[0] == bad && !strings.Contains(errs, "bad.csv row 1:") {
			t.Errorf("%q does not name the file and line", errs)
		}
	}
}
