package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/internal/app"
	"podium/model"
	"podium/session"
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

var seedStaff = filepath.Join("..", "..", "prep", "testdata", "seed_staff.tsv")

// staffAuditOf reads the congress in db: its staff audit and its events.
func staffAuditOf(t *testing.T, db string) (*session.StaffAudit, uint64) {
	t.Helper()
	c, err := app.OpenForReading(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var a *session.StaffAudit
	var seq uint64
	c.Session.Read(func(st *session.State) { a, seq = st.StaffAudit, st.Seq })
	return a, seq
}

// TestCheckStaffRecords: with --db the audit is recorded as the
// secretary's staff_audit_recorded event (the verdicts, figures and
// findings, the file's base name, its data errors); a later audit
// replaces it; JSON on stdout stays one document.
func TestCheckStaffRecords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := podium(t, "check", "staff", seedStaff, "--db", db, "--lang", "zh")
	if code != 0 || !strings.Contains(out, "6    CANNOT VERIFY") || !strings.Contains(out, "已记入 "+db+"（第 2 号事件）：自评表第3—6项据此填写。") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	a, seq := staffAuditOf(t, db)
	if seq != 2 || a == nil || a.File != "seed_staff.tsv" || a.Staff != 40 || a.DataErrors != 2 || a.By != "podium check staff" || len(a.Checks) != 6 {
		t.Fatalf("audit %+v (%d events)", a, seq)
	}
	c31, _ := a.Check("3.1")
	c32, _ := a.Check("3.2")
	c6, _ := a.Check("6")
	if c31.Status != session.StaffPass || c31.Count != 40 || c31.Limit != 40 || c32.Status != session.StaffCannotVerify ||
		c32.Code != model.StaffNoTitleColumn || c6.Status != session.StaffCannotVerify || len(c6.Findings) != 25 ||
		c6.Findings[0] != (session.StaffAuditFinding{Row: 2, Name: "张世英", Status: session.StaffCannotVerify, Code: model.StaffNoMajorSize, Value: "18/专业"}) {
		t.Fatalf("checks %+v", a.Checks)
	}
	code, out, errs = podium(t, "check", "staff", seedStaff, "--db", db, "--large", "--format", "json")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(errs, "Recorded in "+db+" (event 3): the self-assessment's items 3–6") {
		t.Fatalf("json: exit %d %q %q", code, out, errs)
	}
	if a, _ := staffAuditOf(t, db); !a.Large || a.Checks[0].Limit != 60 {
		t.Fatalf("the later audit does not replace the earlier: %+v", a)
	}
}

// TestCheckStaffRecordsNothing: a list that cannot be read or recorded
// exits 2 naming the file, row and column; a database open in a running
// podium, one that does not exist or holds no congress exits 1; none of
// them records anything.
func TestCheckStaffRecordsNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	header := "序号,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历\n"
	noColumn := writeFile(t, dir, "nocolumn.csv", "序号,姓名,政治面貌,院系,年级,成绩排名,学生工作经历\n1,甲,团员,护理,大二,1/10,无\n")
	control := writeFile(t, dir, "control.csv", header+"1,甲,团员,护理,大二,1/10,否,无\n2,\"乙\n丙\",团员,护理,大二,1/10,否,无\n")
	nobody := writeFile(t, dir, "nobody.csv", header)
	for _, tt := range []struct {
		file, want string
		report     bool // the audit is printed before the refusal
	}{
		{noColumn, "nocolumn.csv row 1: has no column 是否存在课业不及格情况", false},
		{control, `control.csv row 3, column 姓名: "乙\n丙" holds a control character`, true},
		{nobody, "nobody.csv: lists nobody", true},
		{filepath.Join(dir, "none.csv"), "none.csv: cannot be opened", false},
	} {
		code, out, errs := podium(t, "check", "staff", tt.file, "--db", db)
		if code != exitBadArgs || (out != "") == !tt.report || !strings.Contains(errs, tt.want) || tt.report && !strings.Contains(errs, "nothing recorded") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.file, code, out, errs, tt.want)
		}
	}
	// podium holds the database: the audit waits for nobody.
	c, err := app.Open(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := podium(t, "check", "staff", seedStaff, "--db", db)
	c.Close()
	if code != exitFailed || !strings.Contains(errs, "is open in a running podium: nothing recorded") {
		t.Errorf("open database: exit %d %s", code, errs)
	}
	if a, seq := staffAuditOf(t, db); a != nil || seq != 1 {
		t.Fatalf("recorded %+v (%d events)", a, seq)
	}
	empty := writeFile(t, dir, "empty.db", "")
	for _, tt := range []struct{ db, want string }{
		{filepath.Join(dir, "none.db"), "does not exist: nothing recorded; create the congress first (podium new --staff FILE records the staff audit with it)"},
		{empty, "holds no congress: nothing recorded"},
	} {
		if code, _, errs := podium(t, "check", "staff", seedStaff, "--db", tt.db); code != exitFailed || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d %s", tt.db, code, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("a database was made")
	}
}

// TestNewWithStaff: podium new --staff records the audit with the
// congress; a list that cannot be read creates nothing.
func TestNewWithStaff(t *testing.T) {
	dir := t.TempDir()
	roster := writeFile(t, dir, "roster.csv", goodRoster)
	db := filepath.Join(dir, "c.db")
	code, out, errs := podium(t, "new", "--roster", roster, "--name", "测试大会", "--staff", seedStaff, "--large", "--db", db)
	if code != 0 || !strings.Contains(out, "with the staff audit of "+seedStaff+" (40 staff, 2 data errors): 3.1 PASS; 3.2 CANNOT VERIFY;") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	a, seq := staffAuditOf(t, db)
	if seq != 2 || a == nil || a.By != "podium new" || !a.Large || a.Staff != 40 {
		t.Fatalf("audit %+v, %d events", a, seq)
	}
	bad := filepath.Join(dir, "bad.db")
	badList := writeFile(t, dir, "bad.csv", "a,b\n")
	for _, args := range [][]string{
		{"--roster", roster, "--staff", badList},
		{"--roster", roster, "--large"},
		{"--demo", "--staff", seedStaff},
	} {
		code, _, errs := podium(t, append(append([]string{"new"}, args...), "--db", bad)...)
		if code != exitBadArgs {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
		if _, err := os.Stat(bad); err == nil {
			t.Fatalf("%v: a congress was created without its staff audit", args)
		}
	}
}
