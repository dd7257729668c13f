package cli

import (
	"podium/files"

	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/prep"
)

func TestPlanSeatsCLI(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.csv")
	os.WriteFile(units, []byte("unit,students\nA,2100\nB,1650\nC,1400\nD,1200\nE,1000\nF,800\nG,550\nH,300\n"), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"plan", "seats", "--units", units, "--total", "122"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got []prep.Allocation
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 8 || got[0] != (prep.Allocation{Unit: "A", Students: 2100, Minimum: 21, Seats: 28}) || got[7].Seats != 4 {
		t.Errorf("got %+v", got)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"plan", "seats", "--units", units, "--total", "80"}, "11 more than the 80"},
		{[]string{"plan", "seats", "--units", units}, "--total N"},
		{[]string{"plan", "seats", "--total", "3"}, "--units FILE"},
		{[]string{"plan", "seats", "--units", units, "--total", "122", "--format", "xml"}, "use json or text"},
		{[]string{"plan", "places"}, "plan seats"},
	} {
		out.Reset()
		errb.Reset()
		if code := run(tt.args, &out, &errb); code != exitBadArgs || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errb.String(), tt.want)
		}
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("unit,students\nA,x\n"), 0o644)
	errb.Reset()
	if code := run([]string{"plan", "seats", "--units", bad, "--total", "3"}, &out, &errb); code != exitBadArgs || !strings.Contains(errb.String(), "bad.csv row 2, column students") {
		t.Errorf("bad file: exit %d, %q", code, errb.String())
	}
}

func TestCheckRosterCLI(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "roster.csv")
	os.WriteFile(roster, files.DemoRosterCSV(), 0o644)
	cands := filepath.Join(dir, "cands.csv")
	os.WriteFile(cands, []byte("unit,seats,candidates\n护理分院,20,24\n信息分院,10,11\n"), 0o644)
	method := filepath.Join(dir, "m.toml")
	os.WriteFile(method, []byte("seats = 2\n"), 0o644)
	committee := filepath.Join(dir, "committee.csv")
	os.WriteFile(committee, []byte("name\n王芳\n李强\n赵敏\n"), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"check", "roster", roster, "--date", "2026-11-30", "--units-candidates", cands,
		"--method", method, "--committee", committee, "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got rosterCheck
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Composition.OK() || got.Committee == nil || !strings.HasPrefix(got.Committee.Surplus, "50") ||
		len(got.Delegates) != 2 || got.Delegates[0].Status != prep.OK || got.Delegates[1].Status != prep.Warning {
		t.Errorf("got %+v", got)
	}
	out.Reset()
	if code := run([]string{"check", "roster", "--tolerance", "0", roster}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"needs --date", "warning", "Committee election: not checked"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text without %q:\n%s", want, out.String())
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "roster"}, "needs the roster FILE"},
		{[]string{"check", "roster", roster, "--date", "30/11/2026"}, "not a date"},
		{[]string{"check", "roster", roster, "--method", "m.toml"}, "together"},
		{[]string{"check", "roster", roster, "other.csv"}, "unexpected argument"},
		{[]string{"check"}, "check roster FILE"},
	} {
		errb.Reset()
		if code := run(tt.args, &out, &errb); code != exitBadArgs || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tt.args, code, errb.String(), tt.want)
		}
	}
}
