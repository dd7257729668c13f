package prep

import (
	"fmt"
	"strconv"
	"strings"

	"podium/model"
	"podium/words"
)

// surveyItemTitles are the items' titles in the form's words, and in
// English.
var surveyItemTitles = map[int][2]string{
	model.SurveyItemOverall: {"学生对学生会组织整体工作的满意度", "students' satisfaction with the union's work as a whole"},
	model.SurveyItemStaff:   {"学生对学生会组织工作人员的满意度", "students' satisfaction with the union's staff"},
}

// surveyWords are the words of the survey report in one language.
type surveyWords struct {
	head        func(file, sheet string, n int) string
	rule        string
	item        func(no int) string
	question    func(q int, col string) string
	byText      func(col string) string
	option      func(o model.SurveyOption) string
	answered    func(answered, blank, unknown int) string
	rate        func(rate string, yes, answered int, verdict string) string
	sentence    string
	noAnswer    string
	unknownHead func(n int) string
	unknownWhy  func(number bool) string
	rows        func(rows []int) string
	bounds      func(low, high string) string
	fix         string
	mapped      func(answer string, o model.SurveyOption, n int, by string) string
	legend      func(l []model.SurveyOption) string
	userMap     func(m []SurveyMapping) string
	rounding    string
	lang        string
	quote       func(s string) string
	colon, dash string
}

var surveyZh = surveyWords{
	lang: "zh", colon: "：", dash: "——",
	quote: func(s string) string { return "“" + cut(s, 60) + "”" },
	head: func(file, sheet string, n int) string {
		if sheet != "" {
			file += "（工作表 " + sheet + "）"
		}
		return fmt.Sprintf("满意度调查 %s：答卷 %d 份", file, n)
	},
	rule:     "附件1 第16、17项：选“满意”和“基本满意”的人数之和占作答人数的比例，60%及以上为达标；未作答的不计入。",
	item:     func(no int) string { return fmt.Sprintf("第%d项 %s", no, surveyItemTitles[no][0]) },
	question: func(q int, col string) string { return fmt.Sprintf("第%d题（%s 列）：", q, col) },
	byText:   func(col string) string { return fmt.Sprintf("按给定的标题找到（%s 列）：", col) },
	option:   func(o model.SurveyOption) string { return string(o) },
	answered: func(a, b, u int) string {
		if u > 0 {
			return fmt.Sprintf("作答 %d（含无法识别的 %d），未作答 %d（不计入）", a, u, b)
		}
		return fmt.Sprintf("作答 %d，未作答 %d（不计入）", a, b)
	},
	rate: func(rate string, yes, a int, verdict string) string {
		return fmt.Sprintf("满意率 %s（%d/%d）：%s", rate, yes, a, verdict)
	},
	sentence:    "填入备案表：",
	noAnswer:    "无人作答：无法判定",
	unknownHead: func(n int) string { return fmt.Sprintf("无法识别的答案 %d 个（不作猜测）：", n) },
	unknownWhy: func(number bool) string {
		if number {
			return "选项序号，没有给出 --legend"
		}
		return "不是量表中的选项"
	},
	rows: func(rows []int) string { return "第 " + rowList(rows, "、", "等") + " 行" },
	bounds: func(low, high string) string {
		return fmt.Sprintf("满意率无法判定：在 %s（无法识别的都不算满意）与 %s（都算满意）之间", low, high)
	},
	fix: "请改正文件，或用 --map 答案=选项 指明（如 --map 非常满意=满意），或用 --legend 给出选项序号的含义。",
	mapped: func(a string, o model.SurveyOption, n int, by string) string {
		return fmt.Sprintf("“%s” 计为 %s：%d 个（%s）", cut(a, 60), o, n, map[string]string{"legend": "按 --legend", "map": "按 --map"}[by])
	},
	legend: func(l []model.SurveyOption) string {
		var s []string
		for i, o := range l {
			s = append(s, fmt.Sprintf("%d(%c)=%s", i+1, 'A'+i, o))
		}
		return "选项序号（--legend）：" + strings.Join(s, "，")
	},
	userMap: func(m []SurveyMapping) string {
		var s []string
		for _, x := range m {
			o := string(x.Option)
			if o == "" {
				o = "空（不计入）"
			}
			s = append(s, "“"+x.Answer+"”→"+o)
		}
		return "用户给定的对应（--map）：" + strings.Join(s, "，")
	},
	rounding: "满意率保留一位小数，舍去而不四舍五入，以免把不足 60% 写成 60.0%；是否达标按整数判断：(满意+基本满意)×100 ≥ 60×作答人数。",
}

var surveyEn = surveyWords{
	lang: "en", colon: ": ", dash: " — ",
	quote: words.QuoteShort,
	head: func(file, sheet string, n int) string {
		if sheet != "" {
			file += " (sheet " + sheet + ")"
		}
		return fmt.Sprintf("Satisfaction survey %s: %d responses", file, n)
	},
	rule: "Self-assessment (附件1) items 16 and 17: the share of those who answered 满意 (satisfied) or 基本满意 (basically satisfied); 60% or more meets the standard; blank answers are left out.",
	item: func(no int) string { return fmt.Sprintf("Item %d: %s", no, surveyItemTitles[no][1]) },
	question: func(q int, col string) string {
		return fmt.Sprintf("Question %d (column %s): ", q, col)
	},
	byText: func(col string) string { return fmt.Sprintf("Found by the header text given (column %s): ", col) },
	option: func(o model.SurveyOption) string { return string(o) + " " + o.En() },
	answered: func(a, b, u int) string {
		if u > 0 {
			return fmt.Sprintf("answered %d (%d of them unreadable), blank %d (left out)", a, u, b)
		}
		return fmt.Sprintf("answered %d, blank %d (left out)", a, b)
	},
	rate: func(rate string, yes, a int, verdict string) string {
		return fmt.Sprintf("satisfaction rate %s (%d/%d): %s", rate, yes, a, verdict)
	},
	sentence: "For the form: ",
	noAnswer: "nobody answered: no verdict",
	unknownHead: func(n int) string {
		if n == 1 {
			return "1 answer cannot be read (it is not guessed):"
		}
		return fmt.Sprintf("%d answers cannot be read (none is guessed):", n)
	},
	unknownWhy: func(number bool) string {
		if number {
			return "an option number, and no --legend was given"
		}
		return "not an option of the scale"
	},
	rows: func(rows []int) string {
		if len(rows) == 1 {
			return "row " + rowList(rows, ", ", "")
		}
		return "rows " + rowList(rows, ", ", "…")
	},
	bounds: func(low, high string) string {
		return fmt.Sprintf("no verdict: the rate lies between %s (none of them satisfied) and %s (all of them)", low, high)
	},
	fix: "Correct the file, or say what they mean with --map ANSWER=OPTION (e.g. --map 非常满意=满意), or give the option numbers with --legend.",
	mapped: func(a string, o model.SurveyOption, n int, by string) string {
		return fmt.Sprintf("%s counted as %s: %d (by --%s)", words.QuoteShort(a), o, n, by)
	},
	legend: func(l []model.SurveyOption) string {
		var s []string
		for i, o := range l {
			s = append(s, fmt.Sprintf("%d(%c)=%s", i+1, 'A'+i, o))
		}
		return "Option numbers (--legend): " + strings.Join(s, ", ")
	},
	userMap: func(m []SurveyMapping) string {
		var s []string
		for _, x := range m {
			o := string(x.Option)
			if o == "" {
				o = "blank (left out)"
			}
			s = append(s, fmt.Sprintf("%q→%s", x.Answer, o))
		}
		return "Answers read as the user said (--map): " + strings.Join(s, ", ")
	},
	rounding: "The rate is shown to one decimal, rounded down, so that a share under 60% never reads 60.0%; the verdict is judged in integers: (满意 + 基本满意) × 100 >= 60 × answered.",
}

// cut cuts s to n characters, with "…" when it was longer.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// rowList writes at most ten row numbers, then more (等, …).
func rowList(rows []int, sep, more string) string {
	var s []string
	for i, r := range rows {
		if i == 10 {
			return strings.Join(s, sep) + more
		}
		s = append(s, strconv.Itoa(r))
	}
	return strings.Join(s, sep)
}

// Text renders the report for a terminal in lang ("zh" or "en").
func (r SurveyReport) Text(lang string) string {
	w := surveyZh
	if lang == "en" {
		w = surveyEn
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", w.head(r.File, r.Sheet, r.Respondents), w.rule)
	if len(r.Legend) > 0 {
		fmt.Fprintf(&b, "%s\n", w.legend(r.Legend))
	}
	if len(r.Map) > 0 {
		fmt.Fprintf(&b, "%s\n", w.userMap(r.Map))
	}
	for _, it := range r.Items {
		b.WriteString("\n" + w.item(it.Item) + "\n  ")
		if it.Question > 0 {
			b.WriteString(w.question(it.Question, it.Column))
		} else {
			b.WriteString(w.byText(it.Column))
		}
		b.WriteString(it.Header + "\n")
		for _, o := range model.SurveyScale {
			fmt.Fprintf(&b, "  %6d  %s\n", it.Of(o), w.option(o))
		}
		for _, m := range it.Mapped {
			fmt.Fprintf(&b, "  %s\n", w.mapped(m.Answer, m.Option, m.Count, m.By))
		}
		if it.Unknown > 0 {
			fmt.Fprintf(&b, "  %s\n", w.unknownHead(it.Unknown))
			for _, u := range it.Unknowns {
				fmt.Fprintf(&b, "  %6d  %s%s%s%s%s\n", u.Count, w.quote(u.Answer), w.colon, w.rows(u.Rows), w.dash, w.unknownWhy(u.Number))
			}
		}
		fmt.Fprintf(&b, "  %s\n", w.answered(it.Answered, it.Blank, it.Unknown))
		switch {
		case it.Answered == 0:
			fmt.Fprintf(&b, "  %s\n", w.noAnswer)
		case it.Status == SurveyUndetermined:
			fmt.Fprintf(&b, "  %s\n  %s\n", w.bounds(it.RateLow, it.RateHigh), w.fix)
		default:
			fmt.Fprintf(&b, "  %s\n", w.rate(it.Rate, it.Yes(), it.Answered, words.SurveyVerdict(it.Status == SurveyMet, w.lang)))
			fmt.Fprintf(&b, "  %s%s\n", w.sentence, it.Sentence)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", w.rounding)
	return b.String()
}
