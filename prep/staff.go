package prep

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Year is a staff member's year of study (年级), as far as it can be read.
type Year string

// The years the audit tells apart. Undergraduate years other than the
// first are all subject to the ranking rule, so they share YearUpper.
const (
	YearUnknown  Year = ""      // the cell is empty or unreadable
	YearFreshman Year = "大一"    // first-year undergraduate, exempt from item 6
	YearUpper    Year = "大二及以上" // undergraduate after the first year
	YearGraduate Year = "研究生"   // postgraduate: no failed course, no ranking
)

// StaffTri is yes, no or unknown.
type StaffTri string

// The values of a StaffTri.
const (
	TriUnknown StaffTri = ""
	TriYes     StaffTri = "yes"
	TriNo      StaffTri = "no"
)

// Rank is a ranking cell (成绩排名) read as "N/M" or "N/专业".
type Rank struct {
	Pos int // N, 0 when the cell is empty or unreadable
	Of  int // M, the size of the major; 0 when the cell does not give it
}

// StaffMember is one row of the staff list. The text fields keep the
// cells as written; the typed fields are the zero value when a cell could
// not be read (and the reader reported a DataError for it).
type StaffMember struct {
	Row        int    // the data row, 1 for the first person
	Line       int    // the line in the file
	Seq        string // 序号 as written
	Name       string // 姓名, "" when unreadable
	NameText   string // 姓名 as written
	Politics   string // 政治面貌 as written
	Dept       string // 院系 as written
	YearText   string // 年级 as written
	Year       Year
	RankText   string // 成绩排名 as written
	Rank       Rank
	FailedText string // 是否存在课业不及格情况 as written
	Failed     StaffTri
	Experience string // 学生工作经历 as written
	Title      string // 职务 as written ("" when the column is absent)
	Section    string // 部门 as written ("" when the column is absent)
}

// Who names the person for a report: the name, or the cell as written
// when it could not be read.
func (m StaffMember) Who() string {
	if m.Name != "" {
		return m.Name
	}
	if strings.TrimSpace(m.NameText) != "" {
		return fmt.Sprintf("%q (unreadable name)", m.NameText)
	}
	return "(no name)"
}

// Staff is a school-level union staff list (校级组织工作人员名单).
type Staff struct {
	File       string
	HasTitle   bool // the list has a 职务 column
	HasSection bool // the list has a 部门 column
	Members    []StaffMember
}

// DataError is a cell that could not be read. The reader keeps the person
// with that field unknown and goes on.
type DataError struct {
	Row    int    `json:"row"`  // the data row, 1 for the first person; 0 for a line that is no person
	Line   int    `json:"line"` // the line in the file
	Column string `json:"column"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// Error formats the data error as "row R (line L), COLUMN "VALUE": REASON".
func (e DataError) Error() string {
	return fmt.Sprintf("row %d (line %d), %s %q: %s", e.Row, e.Line, e.Column, e.Value, e.Reason)
}

// The columns of the staff list, by their canonical header.
const (
	staffColSeq        = "序号"
	staffColName       = "姓名"
	staffColPolitics   = "政治面貌"
	staffColDept       = "院系"
	staffColYear       = "年级"
	staffColRank       = "成绩排名"
	staffColFailed     = "是否存在课业不及格情况"
	staffColExperience = "学生工作经历"
	staffColTitle      = "职务"
	staffColSection    = "部门"
)

var staffRequiredColumns = []string{staffColSeq, staffColName, staffColPolitics, staffColDept, staffColYear, staffColRank, staffColFailed, staffColExperience}

// staffHeaderColumn maps a header cell to its column, "" for an unknown one.
// Long headers are matched by what they contain; the order matters, as
// "院系、班级学生工作经历" also contains 院系.
func staffHeaderColumn(cell string) string {
	c := staffSqueeze(cell)
	switch {
	case strings.Contains(c, "工作经历"):
		return staffColExperience
	case strings.Contains(c, "不及格"):
		return staffColFailed
	case strings.Contains(c, "排名"):
		return staffColRank
	case strings.Contains(c, "政治面貌"):
		return staffColPolitics
	case strings.HasPrefix(c, "序号"):
		return staffColSeq
	case strings.Contains(c, "姓名"):
		return staffColName
	case strings.Contains(c, "年级"):
		return staffColYear
	case strings.HasPrefix(c, "院系") || c == "学院" || c == "系":
		return staffColDept
	case strings.Contains(c, "职务"):
		return staffColTitle
	case strings.Contains(c, "部门"):
		return staffColSection
	}
	return ""
}

// staffSqueeze drops all white space, which the seed's layout scatters inside
// cells ("纪检 委员", "大 一").
func staffSqueeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// ReadStaff reads a staff list: CSV, or tab-separated when the header line
// has a tab. Lines starting with # are comments; blank lines and rule lines
// of dashes are skipped. Cells that cannot be read are returned as data
// errors and the person is kept; a missing header or required column is an
// error naming name and the line.
func ReadStaff(name string, r io.Reader) (Staff, []DataError, error) {
	s := Staff{File: name}
	raw, err := io.ReadAll(r)
	if err != nil {
		return s, nil, fmt.Errorf("%s: %w", name, err)
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	comma := ','
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, len(raw)+1)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.Contains(sc.Text(), "\t") {
			comma = '\t'
		}
		break
	}
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.Comma = comma
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	if comma == '\t' {
		// Quotes mean nothing in the tab-separated form.
		cr.Comma, cr.LazyQuotes = '\t', true
	}
	var (
		cols    map[string]int
		errs    []DataError
		lastLn  = 1
		records = 0
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return s, errs, fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
			}
			return s, errs, fmt.Errorf("%s: %w", name, err)
		}
		records++
		line, _ := cr.FieldPos(0)
		lastLn = line
		if staffIsRule(rec) {
			continue
		}
		if cols == nil {
			cols, err = staffReadHeader(rec)
			if err != nil {
				return s, nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			_, s.HasTitle = cols[staffColTitle]
			_, s.HasSection = cols[staffColSection]
			continue
		}
		cell := func(c string) string {
			if i, ok := cols[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if cell(staffColSeq) == "" && cell(staffColName) == "" {
			errs = append(errs, DataError{Line: line, Column: staffColName, Value: strings.Join(rec, " "),
				Reason: "a line with no 序号 and no 姓名 (a cell split across lines?); not read as a person"})
			continue
		}
		m := StaffMember{
			Row: len(s.Members) + 1, Line: line,
			Seq: cell(staffColSeq), NameText: cell(staffColName), Politics: cell(staffColPolitics), Dept: cell(staffColDept),
			YearText: cell(staffColYear), RankText: cell(staffColRank), FailedText: cell(staffColFailed),
			Experience: cell(staffColExperience), Title: cell(staffColTitle), Section: cell(staffColSection),
		}
		bad := func(col, val, reason string) {
			errs = append(errs, DataError{Row: m.Row, Line: line, Column: col, Value: val, Reason: reason})
		}
		if m.Seq != "" {
			if _, err := strconv.Atoi(staffSqueeze(m.Seq)); err != nil {
				bad(staffColSeq, m.Seq, "not a whole number")
			}
		}
		m.Name, err = staffReadName(m.NameText)
		if err != nil {
			bad(staffColName, m.NameText, err.Error())
		}
		m.Year, err = staffReadYear(m.YearText)
		if err != nil {
			bad(staffColYear, m.YearText, err.Error())
		}
		m.Rank, err = staffReadRank(m.RankText)
		if err != nil {
			bad(staffColRank, m.RankText, err.Error())
		}
		m.Failed, err = staffReadTri(m.FailedText)
		if err != nil {
			bad(staffColFailed, m.FailedText, err.Error())
		}
		s.Members = append(s.Members, m)
	}
	if cols == nil {
		return s, nil, fmt.Errorf("%s:%d: no header (序号, 姓名, 政治面貌, 院系, 年级, 成绩排名, 是否存在课业不及格情况, 学生工作经历)", name, lastLn)
	}
	return s, errs, nil
}

// staffIsRule reports whether a record is blank or a rule of dashes.
func staffIsRule(rec []string) bool {
	for _, c := range rec {
		if strings.Trim(c, "-—–=+|: \t") != "" {
			return false
		}
	}
	return true
}

// staffReadHeader maps the required and optional columns to their index.
func staffReadHeader(rec []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, c := range rec {
		k := staffHeaderColumn(c)
		if k == "" {
			continue
		}
		if _, dup := cols[k]; dup {
			return nil, fmt.Errorf("column %s appears twice in the header", k)
		}
		cols[k] = i
	}
	var missing []string
	for _, k := range staffRequiredColumns {
		if _, ok := cols[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) == len(staffRequiredColumns) {
		return nil, fmt.Errorf("no header: the first line must name the columns 序号, 姓名, 政治面貌, 院系, 年级, 成绩排名, 是否存在课业不及格情况, 学生工作经历")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the header lacks the column(s) %s", strings.Join(missing, ", "))
	}
	return cols, nil
}

// staffReadName reads a 姓名 cell. The spaces the seed's layout leaves inside
// names ("阿米娜 姆·萨 吾提") are kept; a cell that still holds its label
// ("姓名：…") is not read as a name.
func staffReadName(s string) (string, error) {
	q := staffSqueeze(s)
	switch {
	case q == "":
		return "", errors.New("empty")
	case strings.HasPrefix(q, "姓名"):
		return "", errors.New("the cell starts with the label 姓名; the name cannot be told from it")
	case strings.ContainsAny(q, ":：/0123456789"):
		return "", errors.New("not a name")
	}
	return s, nil
}

// staffReadYear reads a 年级 cell: 大一…大五, 研一…研三, 博一…博五, 研究生 or
// 博士; white space inside the cell is ignored.
func staffReadYear(s string) (Year, error) {
	q := staffSqueeze(s)
	if q == "" {
		return YearUnknown, errors.New("empty")
	}
	if q == "大一" || q == "一年级" {
		return YearFreshman, nil
	}
	for _, n := range []string{"二", "三", "四", "五"} {
		if q == "大"+n || q == n+"年级" {
			return YearUpper, nil
		}
	}
	if q == "研究生" || q == "博士" || q == "博士生" {
		return YearGraduate, nil
	}
	for _, p := range []string{"研", "博"} {
		for _, n := range []string{"一", "二", "三", "四", "五"} {
			if q == p+n {
				return YearGraduate, nil
			}
		}
	}
	return YearUnknown, errors.New("not a year of study (大一, 大二, 大三, 研一…)")
}

// staffReadRank reads a 成绩排名 cell: "N/M" or "N/专业" (the major's size not
// given). An empty cell is no error: freshmen and postgraduates leave it
// blank.
func staffReadRank(s string) (Rank, error) {
	q := strings.ReplaceAll(staffSqueeze(s), "／", "/")
	if q == "" {
		return Rank{}, nil
	}
	a, b, ok := strings.Cut(q, "/")
	if !ok {
		return Rank{}, errors.New(`not a rank ("N/M" or "N/专业")`)
	}
	n, err := strconv.Atoi(a)
	if err != nil || n < 1 {
		return Rank{}, errors.New(`not a rank ("N/M" or "N/专业"): N is not a whole number from 1`)
	}
	if b == "专业" {
		return Rank{Pos: n}, nil
	}
	m, err := strconv.Atoi(b)
	if err != nil || m < 1 {
		return Rank{}, errors.New(`not a rank ("N/M" or "N/专业"): M is not a whole number from 1`)
	}
	if n > m {
		return Rank{}, errors.New("the rank is past the size of the major")
	}
	return Rank{Pos: n, Of: m}, nil
}

// staffReadTri reads a yes/no cell: 是/有 or 否/无; empty is unknown.
func staffReadTri(s string) (StaffTri, error) {
	switch staffSqueeze(s) {
	case "":
		return TriUnknown, nil
	case "是", "有":
		return TriYes, nil
	case "否", "无":
		return TriNo, nil
	}
	return TriUnknown, errors.New("not 是 or 否")
}
