package files

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"podium/model"
	"podium/prep"
)

// This file reads the export of a questionnaire service (问卷星, 腾讯问卷 …)
// for the satisfaction survey of the self-assessment (附件1 items 16–17):
// one row per respondent under a header row naming each question with its
// number and text ("7、您对学生会组织整体工作的满意度", "Q7. …", "第7题"),
// beside columns the survey does not read (序号, 提交答卷时间, 来源 …). It
// finds the questions' columns and returns their answers as written;
// package prep reads and counts them.

// SurveyFind says how to find the column of one item's question: by its
// number in the header, or by text the header contains.
type SurveyFind struct {
	Item   int    // the self-assessment's item: 16 or 17
	Number int    // the question's number; 0 when found by Text
	Text   string // text the header contains, when not by number
}

// String writes what is looked for: "question 7" or `the header "整体工作"`.
func (f SurveyFind) String() string {
	if f.Text != "" {
		return fmt.Sprintf("the header %q", f.Text)
	}
	return "question " + strconv.Itoa(f.Number)
}

// DefaultSurveyFinds are the form's questions: item 16 is question 7,
// item 17 question 14.
func DefaultSurveyFinds() []SurveyFind {
	return []SurveyFind{{Item: model.SurveyItemOverall, Number: model.SurveyQuestionOverall},
		{Item: model.SurveyItemStaff, Number: model.SurveyQuestionStaff}}
}

// ParseSurveyFind reads what the user gave for an item's question: a
// number as a header writes it ("7", "Q7", "第7题") finds the question by
// number; anything else is text its header contains.
func ParseSurveyFind(item int, q string) SurveyFind {
	if n, ok := headerNumber(q); ok && onlyNumber(q) {
		return SurveyFind{Item: item, Number: n}
	}
	return SurveyFind{Item: item, Text: strings.TrimSpace(q)}
}

// onlyNumber reports whether q is a question number and nothing more:
// "7", "7、", "Q7", "q 7", "第7题", "(7)".
func onlyNumber(q string) bool {
	s := surveySqueeze(q)
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "Q"), "q"), "第")
	s = strings.TrimRight(s, "题、.:")
	s = strings.Trim(s, "()[]【】")
	_, err := strconv.Atoi(s)
	return err == nil && s != "" && s[0] != '+' && s[0] != '-'
}

// surveySqueeze folds full-width forms and drops white space.
func surveySqueeze(s string) string {
	return strings.Join(strings.Fields(foldWidth(cleanCell(s))), "")
}

// headerNumber reads the question number at the start of a header: "7、…",
// "7. …", "7：…", "7 …", "Q7…", "第7题…", "(7)…", "【7】…". A number
// followed by a dot and a digit is a sub-question ("7.1"), not question 7;
// a number followed directly by other text ("7月…") is not a question's.
func headerNumber(h string) (int, bool) {
	s := strings.TrimSpace(foldWidth(cleanCell(h)))
	prefixed, closing := false, ""
	switch {
	case strings.HasPrefix(s, "("), strings.HasPrefix(s, "["):
		closing, s = map[byte]string{'(': ")", '[': "]"}[s[0]], s[1:]
	case strings.HasPrefix(s, "【"):
		closing, s = "】", strings.TrimPrefix(s, "【")
	case strings.HasPrefix(s, "Q"), strings.HasPrefix(s, "q"):
		prefixed, s = true, s[1:]
	case strings.HasPrefix(s, "第"):
		prefixed, s = true, strings.TrimPrefix(s, "第")
	}
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 {
		return 0, false
	}
	n, _ := strconv.Atoi(s[:i])
	rest := s[i:]
	if closing != "" {
		return n, strings.HasPrefix(strings.TrimLeft(rest, " "), closing)
	}
	spaced := strings.HasPrefix(rest, " ")
	rest = strings.TrimLeft(rest, " ")
	switch {
	case rest == "", strings.HasPrefix(rest, "题"):
		return n, true
	case rest[0] == '.' || rest[0] == ':':
		return n, len(rest) == 1 || rest[1] < '0' || rest[1] > '9'
	case strings.HasPrefix(rest, "、") || strings.ContainsRune(")_-", rune(rest[0])) || strings.HasPrefix(rest, "—"):
		return n, true
	}
	return n, prefixed && !unicode.IsDigit(rune(rest[0])) || spaced
}

// surveySheetNames are the worksheet names that mark the answers in a
// workbook with several sheets (compared case-insensitively).
var surveySheetNames = []string{"答卷数据", "原始数据", "问卷数据", "Sheet1"}

// ReadSurvey reads a questionnaire export from r — CSV (UTF-8 or GBK,
// comma- or tab-separated) or an XLSX workbook, told apart by content —
// and finds the column of each question of find; name is the file name
// for errors. The first row is the header; every other row not blank is a
// respondent. A question no header names, or that two headers name, a
// column found for two items, an empty file or one without respondents
// is a *FileError naming the file, the row and the column, and nothing is
// returned.
func ReadSurvey(name string, r io.Reader, find []SurveyFind) (prep.SurveyExport, error) {
	data, err := readAll(name, r, MaxTableSize)
	if err != nil {
		return prep.SurveyExport{}, err
	}
	return parseSurvey(name, data, find)
}

// ReadSurveyFile reads the export at path; see ReadSurvey.
func ReadSurveyFile(path string, find []SurveyFind) (prep.SurveyExport, error) {
	data, err := readFile(path, MaxTableSize)
	if err != nil {
		return prep.SurveyExport{}, err
	}
	return parseSurvey(path, data, find)
}

func parseSurvey(name string, data []byte, find []SurveyFind) (prep.SurveyExport, error) {
	var t *table
	var err error
	switch sniff(data) {
	case kindXLSX:
		t, err = readXLSX(name, data, surveySheetNames, "the survey's answers")
	case kindOldXLS:
		err = &FileError{File: name, Reason: "is an old binary spreadsheet (.xls); export the answers as .xlsx or CSV, or save them so"}
	default:
		t, err = readCSV(name, data, csvOptions{})
	}
	if err != nil {
		return prep.SurveyExport{}, err
	}
	h, err := t.header(`one row of headers, a column per question ("7、您对…", "Q7", "第7题"), then one row per respondent`)
	if err != nil {
		return prep.SurveyExport{}, err
	}
	rows, err := h.data()
	if err != nil {
		return prep.SurveyExport{}, err
	}
	if len(rows) == 0 {
		return prep.SurveyExport{}, &FileError{File: name, Sheet: t.sheet, Row: h.row.n,
			Reason: "has the header but no respondent below it"}
	}
	x := prep.SurveyExport{File: name, Sheet: t.sheet, Respondents: len(rows)}
	taken := map[int]int{} // column → item
	for _, f := range find {
		col, err := h.findQuestion(f)
		if err != nil {
			return prep.SurveyExport{}, err
		}
		if item, dup := taken[col]; dup {
			return prep.SurveyExport{}, t.errAt(h.row, col, h.texts[col], h.texts[col],
				fmt.Sprintf("is the column of both item %d and item %d; give each its own question", item, f.Item))
		}
		taken[col] = f.Item
		q := prep.SurveyQuestion{Item: f.Item, Header: h.texts[col], Column: ColumnLetter(col)}
		if n, ok := headerNumber(h.texts[col]); ok {
			q.Question = n
		}
		for _, r := range rows {
			v := ""
			if col < len(r.cells) {
				v = r.cells[col]
			}
			q.Answers = append(q.Answers, prep.SurveyAnswer{Row: r.n, Text: v})
		}
		x.Questions = append(x.Questions, q)
	}
	return x, nil
}

// findQuestion returns the column of the question f looks for.
func (h *header) findQuestion(f SurveyFind) (int, error) {
	var at []int
	var numbers []int
	want := surveySqueeze(f.Text)
	for i, text := range h.texts {
		if text == "" {
			continue
		}
		n, numbered := headerNumber(text)
		if numbered {
			numbers = append(numbers, n)
		}
		if f.Text != "" && strings.Contains(surveySqueeze(text), want) || f.Text == "" && numbered && n == f.Number {
			at = append(at, i)
		}
	}
	switch {
	case len(at) == 1:
		return at[0], nil
	case len(at) > 1:
		first, second := at[0], at[1]
		return 0, h.t.errAt(h.row, second, h.texts[second], h.texts[second],
			fmt.Sprintf("is %s of item %d too, as is column %s; give the item's question as a header text only its column has", f, f.Item, h.name(first)))
	}
	why := fmt.Sprintf("has no column of %s for item %d", f, f.Item)
	if f.Text == "" {
		why += ` (a header such as "` + strconv.Itoa(f.Number) + `、…", "Q` + strconv.Itoa(f.Number) + `" or "第` + strconv.Itoa(f.Number) + `题")`
		if len(numbers) > 0 {
			why += "; the numbered questions are " + numberRanges(numbers)
		} else {
			why += "; no header starts with a question number"
		}
		why += "; give the item's question by its header text"
	}
	return 0, &FileError{File: h.t.file, Sheet: h.t.sheet, Row: h.row.n, Reason: why}
}

// numberRanges writes numbers as ranges: 1–6, 8, 10–13 (in their order,
// runs of consecutive numbers joined).
func numberRanges(ns []int) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", ns[i], ns[j]))
		} else {
			parts = append(parts, strconv.Itoa(ns[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
