package files

// The generator of the survey exports in testdata/survey, made the way the
// questionnaire services write them: a header row of question numbers and
// texts beside 序号 and the submission time, one row per respondent, the
// answers as option text. `go test ./files -run TestSurveyFixtures
// -update-survey` rewrites them; the plain test checks that the committed
// files are what the generator makes (the CSVs byte for byte, the workbook
// cell for cell). The generator is deterministic: a fixed splitmix64
// stream.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var updateSurvey = flag.Bool("update-survey", false, "rewrite testdata/survey from the generator")

// surveyQuestions are the questionnaire's questions after the service's
// own columns: 7 and 14 are the form's.
var surveyQuestions = []string{
	"您的年级", "您所在的分院", "您是否参加过学生会组织的活动", "您通过什么渠道了解学生会的工作",
	"您认为学生会最应该加强哪方面的工作", "您是否知道学生代表大会的代表是怎样产生的",
	"您对学生会组织整体工作的满意度", "您对学生会组织的权益服务工作的满意度", "您对学生会组织的文体活动的满意度",
	"您对学生会组织的学风建设工作的满意度", "您是否向学生会反映过问题", "您反映的问题是否得到答复",
	"您认为学生会工作人员的工作作风如何", "您对学生会组织工作人员的满意度", "您对学生会工作的意见和建议",
}

// counts of the form's questions in the 问卷星 export: item 16 meets the
// standard (100 of 117, 85.4%), item 17 does not (70 of 118, 59.3%).
var (
	wjxOverall = []any{"满意", 52, "基本满意", 48, "一般", 12, "不太满意", 3, "不满意", 2, "(跳过)", 3}
	wjxStaff   = []any{"满意", 40, "基本满意", 30, "一般", 30, "不太满意", 10, "不满意", 8, "", 2}
)

// splitmix is the generator's random stream.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func (s *splitmix) pick(list []string) string { return list[s.next()%uint64(len(list))] }

// shuffled spreads counts (text, n, text, n …) over n answers in a random
// order.
func shuffled(rng *splitmix, counts []any) []string {
	var out []string
	for i := 0; i < len(counts); i += 2 {
		for range counts[i+1].(int) {
			out = append(out, counts[i].(string))
		}
	}
	for i := len(out) - 1; i > 0; i-- {
		j := int(rng.next() % uint64(i+1))
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// surveyRows builds an export: the service's columns (head), the
// questions numbered by number(i), and per respondent the answers of the
// form's questions from overall and staff, the others at random.
func surveyRows(seed uint64, head []string, number func(i int) string, service func(r int, rng *splitmix) []string,
	overall, staff []string, other func(q int, rng *splitmix) string) [][]string {
	rng := splitmix(seed)
	header := append([]string(nil), head...)
	for i, q := range surveyQuestions {
		header = append(header, number(i+1)+q)
	}
	rows := [][]string{header}
	for r := range overall {
		row := service(r, &rng)
		for q := 1; q <= len(surveyQuestions); q++ {
			switch q {
			case 7:
				row = append(row, overall[r])
			case 14:
				row = append(row, staff[r])
			default:
				row = append(row, other(q, &rng))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

var surveyOthers = map[int][]string{
	1: {"大一", "大二", "大三"}, 2: {"护理分院", "机电工程分院", "经济管理分院", "信息工程分院"},
	3: {"是", "否"}, 4: {"微信公众号", "班级通知", "同学介绍", "校园网"}, 5: {"权益服务", "文体活动", "学风建设"},
	6: {"知道", "不知道"}, 8: {"满意", "基本满意", "一般"}, 9: {"满意", "基本满意", "不太满意"},
	10: {"满意", "一般"}, 11: {"是", "否"}, 12: {"是", "否", "(跳过)"}, 13: {"很好", "较好", "一般"},
}

var surveySuggestions = []string{"", "", "", "希望多组织文体活动, 比如篮球赛", "食堂意见，请转达后勤处", "建议公开经费使用情况，\n每学期一次", "无"}

// wjxRows is a 问卷星 export (按选项文本): 序号, 提交答卷时间, 所用时间,
// 来源, 来源详情, 来自IP, then "7、…" headers; 120 respondents.
func wjxRows() [][]string {
	rng := splitmix(7)
	overall, staff := shuffled(&rng, wjxOverall), shuffled(&rng, wjxStaff)
	start := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	return surveyRows(16,
		[]string{"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"},
		func(i int) string { return fmt.Sprintf("%d、", i) },
		func(r int, rng *splitmix) []string {
			at := start.Add(time.Duration(r*437+int(rng.next()%300)) * time.Second)
			return []string{fmt.Sprint(r + 1), at.Format("2006/1/2 15:04:05"), fmt.Sprintf("%d秒", 60+rng.next()%240),
				rng.pick([]string{"微信", "手机提交", "链接"}), "直接访问", fmt.Sprintf("10.%d.%d.%d(新疆-昌吉)", rng.next()%256, rng.next()%256, 1+rng.next()%254)}
		},
		overall, staff,
		func(q int, rng *splitmix) string {
			if q == 15 {
				return rng.pick(surveySuggestions)
			}
			return rng.pick(surveyOthers[q])
		})
}

// tencentRows is a 腾讯问卷 export: 编号, 开始答题时间, 结束答题时间,
// 答题时长, then "Q7. …" headers; 30 respondents, three of whom answered
// on a scale of the service's own (非常满意, 比较满意) that the form's
// scale does not have.
func tencentRows() [][]string {
	rng := splitmix(14)
	overall := shuffled(&rng, []any{"满意", 14, "基本满意", 8, "非常满意", 2, "一般", 3, "不满意", 1, "", 2})
	staff := shuffled(&rng, []any{"满意", 12, "基本满意", 9, "比较满意", 1, "一般", 5, "不太满意", 2, "", 1})
	start := time.Date(2026, 11, 21, 19, 30, 0, 0, time.UTC)
	return surveyRows(41,
		[]string{"编号", "开始答题时间", "结束答题时间", "答题时长"},
		func(i int) string { return fmt.Sprintf("Q%d. ", i) },
		func(r int, rng *splitmix) []string {
			a := start.Add(time.Duration(r*611) * time.Second)
			d := 45 + int(rng.next()%200)
			return []string{fmt.Sprint(1000 + r), a.Format("2006-01-02 15:04:05"), a.Add(time.Duration(d) * time.Second).Format("2006-01-02 15:04:05"), fmt.Sprintf("%d秒", d)}
		},
		overall, staff,
		func(q int, rng *splitmix) string {
			if q == 15 {
				return rng.pick(surveySuggestions)
			}
			return rng.pick(surveyOthers[q])
		})
}

// numberRows is a 问卷星 export by option number (按选项序号): the form's
// questions as 1–5 in the order of the scale.
func numberRows() [][]string {
	rows := wjxRows()[:41]
	code := map[string]string{"满意": "1", "基本满意": "2", "一般": "3", "不太满意": "4", "不满意": "5", "(跳过)": "(跳过)", "": ""}
	out := [][]string{rows[0]}
	for _, r := range rows[1:] {
		r = append([]string(nil), r...)
		r[6+6], r[6+13] = code[r[6+6]], code[r[6+13]]
		out = append(out, r)
	}
	return out
}

// csvBytes writes rows as Excel writes "CSV (逗号分隔)": CRLF, quotes where
// needed.
func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// xlsxBytes writes rows as a workbook of one sheet, "Sheet1".
func xlsxBytes(t *testing.T, rows [][]string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		vals := make([]any, len(r))
		for j, c := range r {
			vals[j] = c
		}
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// surveyFixtures are the generated exports by file name.
func surveyFixtures(t *testing.T) map[string][]byte {
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(csvBytes(wjxRows()))
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"wjx-gbk.csv": gbk,
		"wjx.xlsx":    xlsxBytes(t, wjxRows()),
		"tencent.csv": append([]byte("\uFEFF"), csvBytes(tencentRows())...),
		"numbers.csv": csvBytes(numberRows()),
	}
}

// TestSurveyFixtures: the committed exports are the generator's.
func TestSurveyFixtures(t *testing.T) {
	for name, want := range surveyFixtures(t) {
		path := filepath.Join("testdata", "survey", name)
		if *updateSurvey {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".xlsx") {
			a, err := readXLSX(name, got, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			b, _ := readXLSX(name, want, nil, "")
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: not the generator's workbook; run with -update-survey", path)
			}
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s: not the generator's; run with -update-survey", path)
		}
	}
}
