package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"podium/data"
	"podium/files"
	"podium/model"
	"podium/prep"
	"podium/session"
)

var at = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

// TestCreatePolicy: the demo replaces only a demo; a congress is never
// overwritten; a setup the core refuses leaves no file; opening a missing
// database creates nothing.
func TestCreatePolicy(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.db")
	for i := 0; i < 2; i++ {
		c, err := CreateDemo(demo, at)
		if err != nil {
			t.Fatalf("demo #%d: %v", i+1, err)
		}
		if n, _, err := c.Verify(); err != nil || n != 1 {
			t.Fatalf("demo #%d: %d events, %v", i+1, n, err)
		}
		c.Close()
	}

	real := filepath.Join(dir, "real.db")
	setup := files.Demo()
	setup.Demo = false // a real congress
	if err := Create(real, setup, at, false); err != nil {
		t.Fatal(err)
	}
	if err := Create(real, setup, at, false); !errors.As(err, new(*ExistsError)) {
		t.Errorf("create over a congress: %v", err)
	}
	var rc *RealCongressError
	if _, err := CreateDemo(real, at); !errors.As(err, &rc) || rc.Name != setup.Meeting.Name {
		t.Errorf("demo over a real congress: %v", err)
	}

	bad := files.Demo()
	bad.Roster = nil
	refused := filepath.Join(dir, "refused.db")
	if err := Create(refused, bad, at, false); !errors.As(err, new(*InputError)) {
		t.Errorf("a refused setup: %v, want an *InputError", err)
	}
	if Exists(refused) {
		t.Error("a refused setup left its file behind")
	}

	// A name of 10 MB (a document pasted into a cell) is refused by the
	// core as bad input, and leaves no file.
	huge := files.Demo()
	huge.Roster[3].Name = strings.Repeat("名", 10<<20/3)
	hugeDB := filepath.Join(dir, "huge.db")
	if err := Create(hugeDB, huge, at, false); !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), "setup.roster[3].name") {
		t.Errorf("a 10 MB name: %.200v", err)
	}
	if Exists(hugeDB) {
		t.Error("a refused setup left its file behind")
	}

	missing := filepath.Join(dir, "none.db")
	if _, err := Open(missing, 0); !errors.Is(err, ErrNoCongress) || Exists(missing) {
		t.Errorf("open a missing database: %v (exists %v)", err, Exists(missing))
	}
	for _, err := range []error{first(Verify(missing)), first2(Backup(context.Background(), missing, filepath.Join(dir, "b.db"))), first3(OpenForReading(context.Background(), missing))} {
		if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), missing) {
			t.Errorf("a missing database: %v", err)
		}
	}
}

// TestReadSetupErrors: bad input is an *InputError naming the file.
func TestReadSetupErrors(t *testing.T) {
	dir := t.TempDir()
	roster := filepath.Join(dir, "r.csv")
	os.WriteFile(roster, []byte("姓名,选举单位,代表类别\n张三,护理分院,正试\n"), 0o600)
	for _, tc := range []struct{ roster, name, want string }{
		{roster, "x", "r.csv row 2, column 代表类别"},
		{filepath.Join(dir, "none.csv"), "x", "none.csv"},
		{roster, "", "needs a name"},
	} {
		_, err := ReadSetup(tc.roster, "", tc.name)
		if !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadSetup(%s, %q): %v, want an *InputError with %q", tc.roster, tc.name, err, tc.want)
		}
	}
}

// TestExportBeside: f8's folder is beside the database, named for the
// time given in the congress's time zone (+08:00 however the machine's
// clock is zoned); reading while another process holds the file reads a
// copy.
func TestExportBeside(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	c, err := CreateDemo(db, at)
	if err != nil {
		t.Fatal(err)
	}
	out, written, err := c.ExportBeside("zh", at) // 09:00 UTC is 17:00 at +08:00
	if err != nil || out != filepath.Join(dir, "records-20261130-170000") || len(written) < len(ExportFormats) {
		t.Fatalf("ExportBeside: %s %v %v", out, written, err)
	}
	// c holds the database: reading it goes through a verified copy.
	r, err := OpenForReading(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name() != c.Name() || r.Store.Path() == db {
		t.Errorf("read %q from %s", r.Name(), r.Store.Path())
	}
	r.Close()
	c.Close()
	if _, err := data.Open(db, data.Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
}

func first(_ int, _ [32]byte, err error) error { return err }
func first2(_ Backed, err error) error         { return err }
func first3(_ *Congress, err error) error      { return err }

// TestSurveyCommand: the command that records a survey names the export
// by its base name, keeps a long header within the core's limit, and is
// refused (an *InputError naming the file, row and column) while an
// answer is unknown.
func TestSurveyCommand(t *testing.T) {
	long := strings.Repeat("您对学生会组织整体工作的满意度", 20)
	x := prep.SurveyExport{File: "/home/sec/下载/问卷.csv", Respondents: 3, Questions: []prep.SurveyQuestion{
		{Item: 16, Question: 7, Header: "7、" + long, Column: "H", Answers: []prep.SurveyAnswer{{Row: 2, Text: "满意"}, {Row: 3, Text: "基本满意"}, {Row: 4}}}}}
	c, err := SurveyCommand(prep.CountSurvey(x, prep.SurveyOptions{}), time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC), "t")
	if err != nil || c.File != "问卷.csv" || len([]rune(c.Items[0].Header)) != session.MaxShortText || c.Role != session.RoleSecretary {
		t.Fatalf("%+v %v", c, err)
	}
	s, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: c.At}, Setup: files.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Execute(c); err != nil {
		t.Fatalf("the core refuses the command: %v", err)
	}
	x.Questions[0].Answers[1].Text = "还行"
	_, err = SurveyCommand(prep.CountSurvey(x, prep.SurveyOptions{}), c.At, "t")
	var fe *files.FileError
	if !errors.As(err, new(*InputError)) || !errors.As(err, &fe) || fe.Row != 3 || fe.Letter != "H" || fe.Value != "还行" {
		t.Fatalf("unknown answer: %v", err)
	}
}

// TestStaffAuditCommand: the command that records a staff audit names the
// list by its base name and each person by the 姓名 cell as written,
// keeps a long cell within the core's limit, and the core records it; a
// list with a cell the record cannot hold, or with nobody, is an
// *InputError naming the file, row and column.
func TestStaffAuditCommand(t *testing.T) {
	dir := t.TempDir()
	header := "序号,姓名,政治面貌,院系,年级,成绩排名,是否存在课业不及格情况,学生工作经历,职务\n"
	long := strings.Repeat("秘书长", 100)
	path := filepath.Join(dir, "staff.csv")
	os.WriteFile(path, []byte(header+"1,甲,团员,护理,大二,1/10,否,无,主席\n2,姓名： 乙,群众,护理,大二,9/10,否,无,"+long+"\n"), 0o644)
	s, a, err := AuditStaff(path, prep.StaffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := StaffAuditCommand(s, a, at, "t")
	if err != nil || c.File != "staff.csv" || c.Staff != 2 || c.DataErrors != 1 || c.Role != session.RoleSecretary || len(c.Checks) != 6 {
		t.Fatalf("%+v %v", c, err)
	}
	f := c.Checks[3].Findings[0] // item 4: the title not allowed
	if c.Checks[3].Item != "4" || c.Checks[3].Status != session.StaffFail || f.Name != "姓名： 乙" || f.Code != model.StaffBadTitle ||
		len([]rune(f.Value)) != session.MaxShortText || !strings.HasSuffix(f.Value, "…") {
		t.Fatalf("item 4 %+v", c.Checks[3])
	}
	if c.Checks[4].Status != session.StaffFail || c.Checks[5].Status != session.StaffFail {
		t.Errorf("items 5, 6: %+v %+v", c.Checks[4], c.Checks[5])
	}
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: at}, Setup: files.Demo()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Execute(c); err != nil {
		t.Fatalf("the core refuses the command: %v", err)
	}
	// A direction mark in a cell, and a list of nobody.
	os.WriteFile(path, []byte(header+"1,甲,团员,护理,大二,1/10,否,无,主席\n2,乙,团员,护理,大二,\u202e1/10,否,无,干事\n"), 0o644)
	s, a, _ = AuditStaff(path, prep.StaffOptions{})
	var fe *files.FileError
	if _, err := StaffAuditCommand(s, a, at, "t"); !errors.As(err, new(*InputError)) || !errors.As(err, &fe) || fe.Row != 3 || fe.Column != "成绩排名" {
		t.Errorf("direction mark: %v", err)
	}
	os.WriteFile(path, []byte(header), 0o644)
	s, a, _ = AuditStaff(path, prep.StaffOptions{})
	if _, err := StaffAuditCommand(s, a, at, "t"); !errors.As(err, new(*InputError)) || !strings.Contains(err.Error(), "lists nobody") {
		t.Errorf("nobody: %v", err)
	}
}
