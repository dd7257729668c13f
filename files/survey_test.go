package files

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"podium/model"
	"podium/prep"
)

func surveyPath(name string) string { return filepath.Join("testdata", "survey", name) }

// TestReadSurveyExports: the 问卷星 export saved as GBK CSV and as XLSX,
// with Chinese headers, reads to the same answers; items 16 and 17 are
// counted from questions 7 and 14 among the service's own columns.
func TestReadSurveyExports(t *testing.T) {
	var reports []prep.SurveyReport
	for _, name := range []string{"wjx-gbk.csv", "wjx.xlsx"} {
		x, err := ReadSurveyFile(surveyPath(name), DefaultSurveyFinds())
		if err != nil {
			t.Fatal(err)
		}
		if x.Respondents != 120 || len(x.Questions) != 2 {
			t.Fatalf("%s: %d respondents, %d questions", name, x.Respondents, len(x.Questions))
		}
		q := x.Questions[0]
		if q.Item != 16 || q.Question != 7 || q.Column != "M" || q.Header != "7、您对学生会组织整体工作的满意度" || len(q.Answers) != 120 {
			t.Errorf("%s: item 16 %+v", name, q)
		}
		if q := x.Questions[1]; q.Item != 17 || q.Question != 14 || q.Column != "T" {
			t.Errorf("%s: item 17 %+v", name, q)
		}
		r := prep.CountSurvey(x, prep.SurveyOptions{})
		r.File = ""
		reports = append(reports, r)
	}
	if !reflect.DeepEqual(reports[0], reports[1]) {
		t.Errorf("GBK CSV and XLSX differ:\n%+v\n%+v", reports[0], reports[1])
	}
	r := reports[0]
	a, b := r.Items[0], r.Items[1]
	if a.Satisfied != 52 || a.Basically != 48 || a.Neutral != 12 || a.Less != 3 || a.Dissatisfied != 2 || a.Blank != 3 ||
		a.Answered != 117 || a.Status != prep.SurveyMet || a.Sentence != "满意率为 85.4%，达标" {
		t.Errorf("item 16: %+v", a)
	}
	if b.Answered != 118 || b.Blank != 2 || b.Status != prep.SurveyNotMet || b.Sentence != "满意率为 59.3%，未达标" {
		t.Errorf("item 17: %+v", b)
	}
	// Row numbers are the spreadsheet's, after a cell spanning two lines.
	rows := map[int]bool{}
	x, _ := ReadSurveyFile(surveyPath("wjx-gbk.csv"), DefaultSurveyFinds())
	for i, a := range x.Questions[0].Answers {
		if a.Row != i+2 || rows[a.Row] {
			t.Fatalf("answer %d has row %d", i, a.Row)
		}
		rows[a.Row] = true
	}
}

// TestReadSurveyTencent: 腾讯问卷's "Q7. " headers; the service's own
// steps (非常满意, 比较满意) are listed as unknown, not guessed, until the
// user says what they mean.
func TestReadSurveyTencent(t *testing.T) {
	x, err := ReadSurveyFile(surveyPath("tencent.csv"), DefaultSurveyFinds())
	if err != nil {
		t.Fatal(err)
	}
	r := prep.CountSurvey(x, prep.SurveyOptions{})
	a, b := r.Items[0], r.Items[1]
	if a.Column != "K" || a.Status != prep.SurveyUndetermined || a.Unknown != 2 || a.Unknowns[0].Answer != "非常满意" || len(a.Unknowns[0].Rows) != 2 {
		t.Errorf("item 16: %+v", a)
	}
	if b.Status != prep.SurveyUndetermined || b.Unknown != 1 || b.Unknowns[0].Answer != "比较满意" {
		t.Errorf("item 17: %+v", b)
	}
	m, _ := prep.ParseSurveyMappings([]string{"非常满意=满意", "比较满意=基本满意"})
	r = prep.CountSurvey(x, prep.SurveyOptions{Map: m})
	if a := r.Items[0]; a.Status != prep.SurveyMet || a.Satisfied != 16 || a.Answered != 28 || a.Rate != "85.7%" {
		t.Errorf("item 16 mapped: %+v", a)
	}
}

// TestReadSurveyNumbers: an export by option number reads only with the
// legend, and then as the text export does.
func TestReadSurveyNumbers(t *testing.T) {
	x, err := ReadSurveyFile(surveyPath("numbers.csv"), DefaultSurveyFinds())
	if err != nil {
		t.Fatal(err)
	}
	if r := prep.CountSurvey(x, prep.SurveyOptions{}); r.Items[0].Status != prep.SurveyUndetermined || !r.Items[0].Unknowns[0].Number {
		t.Errorf("without a legend: %+v", r.Items[0])
	}
	got := prep.CountSurvey(x, prep.SurveyOptions{Legend: model.SurveyScale})
	text, _ := ReadSurvey("t.csv", bytes.NewReader(csvBytes(wjxRows()[:41])), DefaultSurveyFinds())
	want := prep.CountSurvey(text, prep.SurveyOptions{})
	for i := range want.Items {
		g, w := got.Items[i], want.Items[i]
		if g.SurveyCount.Answered() != w.SurveyCount.Answered() || g.Satisfied != w.Satisfied || g.Less != w.Less || g.Blank != w.Blank || g.Rate != w.Rate || len(g.Mapped) == 0 {
			t.Errorf("item %d by number %+v, by text %+v", g.Item, g, w)
		}
	}
}

func TestHeaderNumber(t *testing.T) {
	tests := []struct {
		h  string
		n  int
		ok bool
	}{
		{"7、您对学生会组织整体工作的满意度", 7, true}, {"7.您对…", 7, true}, {"7. 您对…", 7, true}, {"７．您对…", 7, true},
		{"7：您对", 7, true}, {"7 您对", 7, true}, {"Q7", 7, true}, {"Q7. 您对", 7, true}, {"q7:您对", 7, true}, {"Q7您对", 7, true},
		{"第7题", 7, true}, {"第 7 题：您对", 7, true}, {"(7)您对", 7, true}, {"（7）您对", 7, true}, {"【14】您对", 14, true},
		{"14、您对学生会组织工作人员的满意度", 14, true}, {"7)您对", 7, true}, {"7", 7, true},
		{"7.1 您对", 0, false}, {"7月活动", 0, false}, {"序号", 0, false}, {"提交答卷时间", 0, false}, {"", 0, false},
		{"2026年", 0, false}, {"12345、", 0, false}, {"(7您对", 0, false},
	}
	for _, tt := range tests {
		n, ok := headerNumber(tt.h)
		if ok != tt.ok || ok && n != tt.n {
			t.Errorf("%q: %d %v, want %d %v", tt.h, n, ok, tt.n, tt.ok)
		}
	}
	for q, want := range map[string]SurveyFind{
		"7": {Item: 16, Number: 7}, "Q7": {Item: 16, Number: 7}, "第7题": {Item: 16, Number: 7}, "7、": {Item: 16, Number: 7},
		"整体工作": {Item: 16, Text: "整体工作"}, "7、您对": {Item: 16, Text: "7、您对"},
	} {
		if got := ParseSurveyFind(16, q); got != want {
			t.Errorf("ParseSurveyFind(%q) = %+v, want %+v", q, got, want)
		}
	}
}

// TestReadSurveyByText: a question found by text its header contains.
func TestReadSurveyByText(t *testing.T) {
	x, err := ReadSurveyFile(surveyPath("wjx.xlsx"), []SurveyFind{{Item: 16, Text: "整体 工作"}, {Item: 17, Text: "组织工作人员"}})
	if err != nil {
		t.Fatal(err)
	}
	if x.Questions[0].Column != "M" || x.Questions[1].Column != "T" || x.Questions[1].Question != 14 {
		t.Errorf("%+v", x.Questions)
	}
}

// TestReadSurveyErrors: what cannot be counted is refused naming the
// file, the row and the column; nothing is returned.
func TestReadSurveyErrors(t *testing.T) {
	head := "序号,提交答卷时间,7、您对学生会组织整体工作的满意度,14、您对学生会组织工作人员的满意度\n"
	tests := []struct {
		name, src string
		find      []SurveyFind
		want      string
	}{
		{"empty", "", nil, "s.csv: is empty; the first row is the header"},
		{"blank lines only", "\r\n\r\n", nil, "s.csv: is empty"},
		{"header only", head, nil, "s.csv row 1: has the header but no respondent below it"},
		{"missing question", "序号,1、年级,2、分院,7、满意度,9、x,10、y\n1,大一,护理,满意,a,b\n", nil,
			`s.csv row 1: has no column of question 14 for item 17 (a header such as "14、…", "Q14" or "第14题"); the numbered questions are 1–2, 7, 9–10`},
		{"no numbers", "序号,年级\n1,大一\n", nil, "s.csv row 1: has no column of question 7 for item 16 (a header such as \"7、…\", \"Q7\" or \"第7题\"); no header starts"},
		{"twice", "序号,7、您对下列工作的满意度—整体,7、您对下列工作的满意度—人员,14、x\n1,满意,满意,满意\n", nil,
			`s.csv row 1, column 7、您对下列工作的满意度—人员 (C): "7、您对下列工作的满意度—人员" is question 7 of item 16 too, as is column 7、您对下列工作的满意度—整体 (B)`},
		{"twice by text", head + "1,满意,满意\n", []SurveyFind{{Item: 16, Text: "满意度"}}, `s.csv row 1, column 14、您对学生会组织工作人员的满意度 (D): "14、您对学生会组织工作人员的满意度" is the header "满意度" of item 16 too`},
		{"text not found", head + "1,满意,满意\n", []SurveyFind{{Item: 17, Text: "干部"}}, `s.csv row 1: has no column of the header "干部" for item 17`},
		{"one column for both", head + "1,满意,满意\n", []SurveyFind{{Item: 16, Number: 7}, {Item: 17, Text: "整体"}},
			`s.csv row 1, column 7、您对学生会组织整体工作的满意度 (C): "7、您对学生会组织整体工作的满意度" is the column of both item 16 and item 17`},
		{"cell beyond the header", head + "1,t,满意,满意,多余\n", nil, `s.csv row 2, column E: "多余" is in a column without a header`},
		{"old xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", nil, "s.csv: is an old binary spreadsheet (.xls)"},
		{"bad zip", "PK\x03\x04broken", nil, "s.csv: cannot be read as XLSX"},
		{"not text", head + "1,\xff\xfe\xfd,满意,满意\n", nil, "s.csv row 2: is neither UTF-8 nor GBK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			find := tt.find
			if find == nil {
				find = DefaultSurveyFinds()
			}
			x, err := ReadSurvey("s.csv", strings.NewReader(tt.src), find)
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) || fe.File != "s.csv" {
				t.Errorf("err %v,\nwant %q…", err, tt.want)
			}
			if !reflect.DeepEqual(x, prep.SurveyExport{}) {
				t.Errorf("returned %+v on error", x)
			}
		})
	}
}

func FuzzReadSurvey(f *testing.F) {
	for _, name := range []string{"tencent.csv", "numbers.csv"} {
		b, err := os.ReadFile(surveyPath(name))
		if err != nil {
			f.Fatal(err)
		}
		lines := bytes.SplitAfter(b, []byte("\n"))
		f.Add(bytes.Join(lines[:min(6, len(lines))], nil)) // the header and a few rows: small inputs fuzz faster

	}
	f.Add([]byte("序号,Q7,第14题\n1,满意,A.基本满意\n2,,(跳过)\n"))
	f.Add([]byte("7、满意度\t14、人员\n满意\t3\n"))
	f.Add([]byte("\"7、a\n\",14\n\"x,\"\"y\",z\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		x, err := ReadSurvey("fuzz", bytes.NewReader(src), DefaultSurveyFinds())
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != "fuzz" {
				t.Fatalf("error %q is no FileError naming the file", err)
			}
			return
		}
		if x.Respondents < 1 || len(x.Questions) != 2 || x.Questions[0].Column == x.Questions[1].Column {
			t.Fatalf("export %+v", x)
		}
		for _, q := range x.Questions {
			if len(q.Answers) != x.Respondents {
				t.Fatalf("%d answers, %d respondents", len(q.Answers), x.Respondents)
			}
			for i, a := range q.Answers {
				if a.Row < 2 || i > 0 && a.Row <= q.Answers[i-1].Row {
					t.Fatalf("rows out of order: %+v", q.Answers)
				}
			}
		}
		r := prep.CountSurvey(x, prep.SurveyOptions{Legend: model.SurveyScale[:3]})
		for _, it := range r.Items {
			if it.Answered+it.Blank != x.Respondents || it.Answered != it.SurveyCount.Answered()+it.Unknown {
				t.Fatalf("item %+v does not add up to %d", it, x.Respondents)
			}
			if (it.Status == prep.SurveyUndetermined) != (it.Unknown > 0 || it.Answered == 0) {
				t.Fatalf("item %+v", it)
			}
		}
		_ = r.Text("zh")
		_ = r.Text("en")
	})
}
