package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckStaff runs `check staff` on the seed's list: the audit exits 0
// whatever it finds; unreadable input exits 2 naming the file and line.
func TestCheckStaff(t *testing.T) {
	seed := filepath.Join("prep", "testdata", "seed_staff.tsv")
	var out, errb bytes.Buffer
	if err := runCheckStaff(&globals{}, []string{seed, "--format", "json"}, &out, &errb); err != nil {
		t.Fatalf("json: %v %s", err, errb.String())
	}
	var a struct {
		Staff      int `json:"staff"`
		DataErrors []struct {
			Row int `json:"row"`
		} `json:"data_errors"`
	}
	if err := json.Unmarshal(out.Bytes(), &a); err != nil || a.Staff != 40 || len(a.DataErrors) != 2 {
		t.Fatalf("json %v: %s", err, out.String())
	}
	out.Reset()
	if err := runCheckStaff(&globals{}, []string{seed, "--large"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"3.1  PASS", "5    PASS", "6    CANNOT VERIFY", "row 19 (line 25), 年级", "large school"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, out.String())
		}
	}

	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("a,b\n"), 0o644)
	for _, args := range [][]string{{bad}, {filepath.Join(t.TempDir(), "none.csv")}, {}, {seed, "--format", "xml"}} {
		err := runCheckStaff(&globals{}, args, &out, &errb)
		var e exitError
		if !errors.As(err, &e) || e.code != exitUsage {
			t.Errorf("%v: %v, want exit 2", args, err)
		}
		if len(args) == 1 && args[0] == bad && !strings.Contains(e.msg, "bad.csv:1:") {
			t.Errorf("%q does not name the file and line", e.msg)
		}
	}
}
