package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"podium/internal/app"
	"podium/session"
)

func surveyFixture(name string) string {
	return filepath.Join("..", "..", "files", "testdata", "survey", name)
}

// TestCheckSurvey: the report of a 问卷星 export in both languages and as
// JSON, exit 0 whatever the verdicts; flags that say how to read it.
func TestCheckSurvey(t *testing.T) {
	gbk := surveyFixture("wjx-gbk.csv")
	code, out, errs := podium(t, "check", "survey", gbk, "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	for _, s := range []string{"答卷 120 份", "第16项", "填入备案表：满意率为 85.4%，达标", "填入备案表：满意率为 59.3%，未达标", "作答 117，未作答 3"} {
		if !strings.Contains(out, s) {
			t.Errorf("zh report lacks %q:\n%s", s, out)
		}
	}
	_, out, _ = podium(t, "check", "survey", "--lang", "en", surveyFixture("wjx.xlsx"))
	if !strings.Contains(out, "satisfaction rate 85.4% (100/117): meets the standard") || !strings.Contains(out, "For the form: 满意率为 59.3%，未达标") {
		t.Errorf("en report:\n%s", out)
	}
	code, out, _ = podium(t, "check", "survey", gbk, "--format", "json", "--overall", "整体工作", "--staff", "Q14")
	var r struct {
		Respondents int `json:"respondents"`
		Items       []struct {
			Item     int    `json:"item"`
			Column   string `json:"column"`
			Status   string `json:"status"`
			Sentence string `json:"sentence"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || r.Respondents != 120 || len(r.Items) != 2 ||
		r.Items[0].Column != "M" || r.Items[0].Status != "met" || r.Items[1].Status != "not_met" {
		t.Fatalf("json: exit %d %v %s", code, err, out)
	}
	// An export by option number reads with the legend; answers off the
	// scale are listed until mapped.
	_, out, _ = podium(t, "check", "survey", surveyFixture("numbers.csv"), "--lang", "zh", "--legend", "满意,基本满意,一般,不太满意,不满意")
	if !strings.Contains(out, "“1” 计为 满意") || !strings.Contains(out, "选项序号（--legend）：1(A)=满意") {
		t.Errorf("legend:\n%s", out)
	}
	_, out, _ = podium(t, "check", "survey", surveyFixture("tencent.csv"), "--lang", "zh", "--map", "非常满意=满意")
	if !strings.Contains(out, "满意率为 85.7%，达标") || !strings.Contains(out, "“比较满意”：第 10 行——不是量表中的选项") {
		t.Errorf("map:\n%s", out)
	}
}

// TestCheckSurveyBadInput: what cannot be counted exits 2 naming the
// file, row and column, and prints no report.
func TestCheckSurveyBadInput(t *testing.T) {
	dir := t.TempDir()
	missing := writeFile(t, dir, "missing.csv", "序号,7、整体\n1,满意\n")
	twice := writeFile(t, dir, "twice.csv", "序号,7、整体,7、人员,14、x\n1,满意,满意,满意\n")
	empty := writeFile(t, dir, "empty.csv", "")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{missing}, "missing.csv row 1: has no column of question 14 for item 17"},
		{[]string{twice}, "twice.csv row 1, column 7、人员 (C)"},
		{[]string{empty}, "empty.csv: is empty"},
		{[]string{filepath.Join(dir, "none.csv")}, "none.csv: cannot be opened"},
		{[]string{missing, "--legend", "满意,很好"}, "--legend: option 2"},
		{[]string{missing, "--map", "满意=不满意"}, "--map: \"满意\" is an option already"},
		{[]string{missing, "--overall", " "}, "--overall"},
		{[]string{}, "check survey needs a FILE"},
		{[]string{missing, "--format", "xml"}, "--format"},
	} {
		code, out, errs := podium(t, append([]string{"check", "survey"}, tt.args...)...)
		if code != exitBadArgs || out != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errs, tt.want)
		}
	}
}

// surveyOf reads the congress in db: its survey and its events.
func surveyOf(t *testing.T, db string) (*session.Survey, uint64) {
	t.Helper()
	c, err := app.OpenForReading(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var s *session.Survey
	var seq uint64
	c.Session.Read(func(st *session.State) { s, seq = st.Survey, st.Seq })
	return s, seq
}

// TestCheckSurveyRecords: with --db the counts are recorded as the
// secretary's survey_recorded event; a survey with an answer off the
// scale, or a database without a congress, records nothing.
func TestCheckSurveyRecords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	if code, _, errs := podium(t, "new", "--demo", "--db", db); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := podium(t, "check", "survey", surveyFixture("tencent.csv"), "--db", db)
	if code != exitBadArgs || !strings.Contains(out, "非常满意") || !strings.Contains(errs, `tencent.csv row 20, column Q7. 您对学生会组织整体工作的满意度 (K): "非常满意" is not an option of the scale`) ||
		!strings.Contains(errs, "nothing recorded") {
		t.Fatalf("unknown answers: exit %d\n%s\n%s", code, out, errs)
	}
	if s, seq := surveyOf(t, db); s != nil || seq != 1 {
		t.Fatalf("recorded %+v (%d events)", s, seq)
	}
	code, out, errs = podium(t, "check", "survey", surveyFixture("tencent.csv"), "--db", db, "--lang", "en",
		"--map", "非常满意=满意", "--map", "比较满意=基本满意")
	if code != 0 || !strings.Contains(out, "Recorded in "+db+" (event 2)") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	s, _ := surveyOf(t, db)
	if s == nil || s.File != "tencent.csv" || s.By != "podium check survey" || len(s.Items) != 2 || !s.Items[0].Met ||
		s.Items[0].Mapped[0].Answer != "非常满意" || s.Items[0].Satisfied != 16 {
		t.Fatalf("survey %+v", s)
	}
	// JSON on stdout stays one document; the note goes to stderr.
	code, out, errs = podium(t, "check", "survey", surveyFixture("wjx.xlsx"), "--db", db, "--format", "json")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(errs, "(event 3)") {
		t.Fatalf("json: exit %d %q %q", code, out, errs)
	}
	if s, _ := surveyOf(t, db); s.File != "wjx.xlsx" || s.Items[1].Met {
		t.Fatalf("the later survey does not replace the earlier: %+v", s)
	}
	if code, _, errs := podium(t, "check", "survey", surveyFixture("wjx.xlsx"), "--db", filepath.Join(dir, "none.db")); code != exitFailed ||
		!strings.Contains(errs, "does not exist: nothing recorded") {
		t.Errorf("no database: exit %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("a database was made")
	}
}

// TestNewWithSurvey: podium new --survey records the survey with the
// congress; a survey that cannot be recorded creates nothing.
func TestNewWithSurvey(t *testing.T) {
	dir := t.TempDir()
	roster := writeFile(t, dir, "roster.csv", goodRoster)
	db := filepath.Join(dir, "c.db")
	code, out, errs := podium(t, "new", "--roster", roster, "--name", "测试大会", "--survey", surveyFixture("wjx-gbk.csv"), "--db", db)
	if code != 0 || !strings.Contains(out, "item 16 满意率为 85.4%，达标; item 17 满意率为 59.3%，未达标;") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	s, seq := surveyOf(t, db)
	if seq != 2 || s == nil || s.File != "wjx-gbk.csv" || s.Respondents != 120 || s.By != "podium new" {
		t.Fatalf("survey %+v, %d events", s, seq)
	}
	bad := filepath.Join(dir, "bad.db")
	code, _, errs = podium(t, "new", "--roster", roster, "--name", "测试大会", "--survey", surveyFixture("tencent.csv"), "--db", bad)
	if code != exitBadArgs || !strings.Contains(errs, "nothing recorded") {
		t.Fatalf("unknown answers: exit %d %s", code, errs)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a congress was created without its survey")
	}
	if code, _, _ := podium(t, "new", "--demo", "--survey", surveyFixture("wjx.xlsx"), "--db", bad); code != exitBadArgs {
		t.Errorf("new --demo --survey: exit %d", code)
	}
}
